import Foundation

/// One case file, expanded into its variants (one per combination of dimension values).
public struct CompatCase: Sendable {
    public let id: String
    public let area: String
    public let purpose: String
    public let variants: [Variant]

    public struct Variant: Sendable {
        /// `id` or `id[dim=value,...]`, exactly as `generate.py` names it.
        public let id: String
        public let inputs: JSON
        public let program: [JSON]
        /// This variant's dimension values. `partitions` is backend-only: pandas' result is the same
        /// for every value, and distributed backends run the variant with that many partitions.
        public let dimensions: [String: JSON]
    }

    public static let areas = ["construction", "selection", "loc", "iloc", "arithmetic", "missing", "sort", "groupby",
                               "merge", "concat", "reshape", "strings", "datetime", "timezone", "window", "io", "errors"]

    init(area: String, json: JSON, file: String) throws {
        guard let id = json["id"]?.string, let purpose = json["purpose"]?.string,
              let inputs = json["inputs"], let program = json["program"]?.array else {
            throw CompatError.malformed("\(file): needs id, purpose, inputs and program")
        }
        self.id = id
        self.area = area
        self.purpose = purpose
        var variants: [Variant] = []
        let dims = json["dims"]?.object ?? []
        if dims.isEmpty {
            variants.append(Variant(id: id, inputs: inputs, program: program, dimensions: [:]))
        } else {
            let names = dims.map(\.0).sorted()
            let lists = try names.map { name -> [JSON] in
                guard let values = json["dims"]?[name]?.array else { throw CompatError.malformed("\(file): dims.\(name) is not a list") }
                return values
            }
            for combination in CompatCase.product(lists) {
                var env: [String: JSON] = [:]
                for (name, value) in zip(names, combination) { env[name] = value }
                let variantID = id + "[" + zip(names, combination).map { "\($0)=\(CompatCase.dimensionName($1))" }.joined(separator: ",") + "]"
                guard case .array(let substituted) = CompatCase.substitute(.array(program), env) else { continue }
                variants.append(Variant(id: variantID, inputs: CompatCase.substitute(inputs, env), program: substituted, dimensions: env))
            }
        }
        self.variants = variants
    }

    static func product(_ lists: [[JSON]]) -> [[JSON]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// How a dimension value is printed in a variant id (as `generate.py`'s `dim_value_name`).
    public static func dimensionName(_ value: JSON) -> String {
        if let pairs = value.object, pairs.count == 1, pairs[0].0 == "$" || pairs[0].0 == "$float", let s = pairs[0].1.string { return s }
        if let s = value.string { return s }
        return CompatCase.compactSorted(value)
    }

    /// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
    static func compactSorted(_ value: JSON) -> String {
        switch value {
        case .array(let items): return "[" + items.map(compactSorted).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.sorted { $0.0 < $1.0 }.map { JSON.quote($0.0) + ":" + compactSorted($0.1) }.joined(separator: ",") + "}"
        default: return value.description
        }
    }

    static func substitute(_ value: JSON, _ env: [String: JSON]) -> JSON {
        switch value {
        case .array(let items): return .array(items.map { substitute($0, env) })
        case .object(let pairs):
            if pairs.count == 1, pairs[0].0 == "$dim", let name = pairs[0].1.string, let replacement = env[name] { return replacement }
            return .object(pairs.map { ($0.0, substitute($0.1, env)) })
        default: return value
        }
    }

    /// Every case under `root/cases`, sorted by area then id.
    public static func loadAll(root: URL) throws -> [CompatCase] {
        let casesDir = root.appendingPathComponent("cases")
        var cases: [CompatCase] = []
        let fm = FileManager.default
        for area in try fm.contentsOfDirectory(atPath: casesDir.path).sorted() {
            guard areas.contains(area) else { throw CompatError.malformed("unknown area folder cases/\(area)") }
            let dir = casesDir.appendingPathComponent(area)
            for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".json") {
                let url = dir.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                let parsed = try CompatCase(area: area, json: JSONParser.parse(text), file: "cases/\(area)/\(file)")
                guard parsed.id + ".json" == file else { throw CompatError.malformed("cases/\(area)/\(file): id '\(parsed.id)' does not match the file name") }
                cases.append(parsed)
            }
        }
        return cases
    }

    /// The golden results of this case, by variant id.
    public func goldens(root: URL) throws -> [String: JSON] {
        let url = root.appendingPathComponent("goldens/\(area)/\(id).json")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CompatError.io("no golden for \(id) (run CompatMatrix/generate.py)")
        }
        guard let variants = try JSONParser.parse(text)["variants"]?.object else { throw CompatError.malformed("golden \(id) has no variants") }
        return Dictionary(variants, uniquingKeysWith: { a, _ in a })
    }
}
