import Foundation

/// What a backend is expected to do on each case variant: `CompatMatrix/expectations/<backend>.json`.
/// A variant with no entry must be exact.
public struct Expectations: Sendable {
    public enum Status: Sendable, Equatable {
        /// Differs from pandas in a known way; `output` is Bamboo's own result, regression-tested.
        case diverges(kind: String, reason: String, output: JSON?)
        /// The backend throws a clear not-supported error.
        case unsupported(reason: String)
        /// Not built yet.
        case notYet(reason: String)
    }

    public static let divergenceKinds = ["order", "nulls", "dtype", "timezone", "overflow", "precision", "text", "parsing", "error"]

    public let backend: String
    public var entries: [String: Status]

    public init(backend: String, entries: [String: Status] = [:]) {
        self.backend = backend
        self.entries = entries
    }

    public static func url(root: URL, backend: String) -> URL {
        root.appendingPathComponent("expectations/\(backend).json")
    }

    /// Loads the file; a missing file means "every case exact". Malformed entries throw.
    public static func load(root: URL, backend: String) throws -> Expectations {
        let url = url(root: root, backend: backend)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Expectations(backend: backend) }
        let json = try JSONParser.parse(text)
        var entries: [String: Status] = [:]
        for (id, entry) in json["cases"]?.object ?? [] {
            let reason = entry["reason"]?.string ?? ""
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CompatError.malformed("expectations/\(backend).json: \(id) has no reason")
            }
            switch entry["status"]?.string {
            case "diverges":
                guard let kind = entry["kind"]?.string, divergenceKinds.contains(kind) else {
                    throw CompatError.malformed("expectations/\(backend).json: \(id) needs a kind among \(divergenceKinds)")
                }
                entries[id] = .diverges(kind: kind, reason: reason, output: entry["output"])
            case "unsupported": entries[id] = .unsupported(reason: reason)
            case "notYet": entries[id] = .notYet(reason: reason)
            default: throw CompatError.malformed("expectations/\(backend).json: \(id) has an unknown status")
            }
        }
        return Expectations(backend: backend, entries: entries)
    }

    /// Writes the file in a stable layout (ids sorted).
    public func save(root: URL) throws {
        var cases: [(String, JSON)] = []
        for id in entries.keys.sorted() {
            guard let status = entries[id] else { continue }
            switch status {
            case .diverges(let kind, let reason, let output):
                var pairs: [(String, JSON)] = [("status", .string("diverges")), ("kind", .string(kind)), ("reason", .string(reason))]
                if let output { pairs.append(("output", output)) }
                cases.append((id, .object(pairs)))
            case .unsupported(let reason): cases.append((id, .object([("status", .string("unsupported")), ("reason", .string(reason))])))
            case .notYet(let reason): cases.append((id, .object([("status", .string("notYet")), ("reason", .string(reason))])))
            }
        }
        let json = JSON.object([("backend", .string(backend)), ("cases", .object(cases))])
        let url = Expectations.url(root: root, backend: backend)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((json.serialized(indent: 1) + "\n").utf8).write(to: url)
    }
}
