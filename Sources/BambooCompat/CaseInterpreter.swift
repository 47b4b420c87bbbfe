import Bamboo
import Foundation

/// Runs a case's program against Bamboo's public API, one pandas step at a time.
struct CaseInterpreter {
    let session: Session
    let inputs: JSON
    /// Where CSV inputs are written for a remote session to read; the caller removes it after
    /// the variant's result is computed (the frames are lazy: Spark reads the file then).
    let scratchFolder: URL
    /// Inputs built once per variant: Bamboo frames are immutable values, so every `$input`
    /// reference can share one, as Swift code refers to one `df` (pandas needs fresh copies
    /// because its frames mutate in place).
    private var built: [String: CaseValue] = [:]

    init(session: Session, inputs: JSON, scratchFolder: URL) {
        self.session = session
        self.inputs = inputs
        self.scratchFolder = scratchFolder
    }

    /// Runs a variant's program from input `df`.
    mutating func run(program: [JSON]) async throws -> CaseValue {
        for (name, _) in inputs.object ?? [] { built[name] = try await build(name) }
        guard let start = built["df"] else { throw CompatError.malformed("no input 'df'") }
        return try await run(start, program, anchor: nil)
    }

    /// Applies top-level steps; each step's `$self` is the object before that step.
    func run(_ start: CaseValue, _ steps: [JSON], anchor: CaseValue?) async throws -> CaseValue {
        var current = start
        for step in steps {
            current = try await apply(step, to: current, anchor: anchor ?? current)
        }
        return current
    }

    // MARK: Inputs

    func build(_ name: String) async throws -> CaseValue {
        guard let spec = inputs[name] else { throw CompatError.malformed("no input '\(name)'") }
        if let series = spec["series"] {
            let values = try scalars(series["values"])
            let index = try series["index"].map(indexSpec)
            let dtype = try series["dtype"]?.string.map { try DType(parsing: $0) }
            return .series(try Series(values, name: try scalar(series["name"] ?? .null), index: index, dtype: dtype, session: session))
        }
        if let csv = spec["csv"]?.string {
            let kwargs = try await dict(spec["kwargs"] ?? .object([]), anchor: nil)
            return .frame(try await CSVCall.read(csv, kwargs: kwargs, session: session, scratchFolder: scratchFolder))
        }
        guard let columns = spec["columns"]?.array else { throw CompatError.malformed("input '\(name)' has no columns") }
        let specs = try columns.map { column -> ColumnSpec in
            ColumnSpec(try scalar(column["label"] ?? .null), try scalars(column["values"]),
                       dtype: try column["dtype"]?.string.map { try DType(parsing: $0) })
        }
        return .frame(try DataFrame(columns: specs, index: try spec["index"].map(indexSpec), session: session))
    }

    func indexSpec(_ json: JSON) throws -> IndexSpec {
        IndexSpec(try scalars(json["values"]), name: try scalar(json["name"] ?? .null),
                  dtype: try json["dtype"]?.string.map { try DType(parsing: $0) })
    }

    // MARK: Values

    func scalar(_ json: JSON) throws -> Scalar {
        switch json {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        // A list inside a column's values is a Python list cell (object dtype).
        case .array(let items): return .list(try items.map(scalar))
        case .object(let pairs) where pairs.count == 1:
            if pairs[0].0 == "$", let name = pairs[0].1.string { return try token(name) }
            if pairs[0].0 == "$float", let text = pairs[0].1.string, let d = PythonNumberParser.float(text) { return .float(d) }
            if pairs[0].0 == "$tuple", let items = pairs[0].1.array { return .tuple(try items.map(scalar)) }
            if pairs[0].0 == "$list", let items = pairs[0].1.array { return .list(try items.map(scalar)) }
            if pairs[0].0 == "$date", let text = pairs[0].1.string { return try isoDate(text) }
            if pairs[0].0 == "$time", let text = pairs[0].1.string { return try isoTime(text) }
            throw CompatError.malformed("not a scalar: \(json)")
        default: throw CompatError.malformed("not a scalar: \(json)")
        }
    }

    /// `{"$date": "2024-02-29"}`: a `datetime.date`.
    func isoDate(_ text: String) throws -> Scalar {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int64($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              let days = TemporalFormatter.days(year: year, month: month, day: day) else { throw CompatError.malformed("not a $date: \(text)") }
        return .date(days)
    }

    /// `{"$time": "10:30:00.500000"}`: a `datetime.time`.
    func isoTime(_ text: String) throws -> Scalar {
        let halves = text.split(separator: ".", maxSplits: 1)
        let clock = (halves.first ?? "").split(separator: ":").map { Int64($0) }
        let fraction = halves.count == 2 ? Int64(halves[1]) : 0
        guard clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2], let fraction,
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { throw CompatError.malformed("not a $time: \(text)") }
        return .time(((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction)
    }

    func scalars(_ json: JSON?) throws -> [Scalar] {
        guard let items = json?.array else { throw CompatError.malformed("expected a list of values") }
        return try items.map(scalar)
    }

    func token(_ name: String) throws -> Scalar {
        switch name {
        case "None": return .none
        case "NaN": return .float(.nan)
        case "NA": return .na
        case "NaT": return .nat
        case "inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        default: throw CompatError.malformed("unknown token \(name)")
        }
    }

    /// An argument value: tokens, `$self`, `$input`, lists, dicts, plain JSON.
    func value(_ json: JSON, anchor: CaseValue?) async throws -> CaseValue {
        switch json {
        case .array(let items):
            var out: [CaseValue] = []
            for item in items { out.append(try await value(item, anchor: anchor)) }
            return .list(out)
        case .object(let pairs):
            if let steps = json["$self"]?.array {
                guard let anchor else { throw CompatError.malformed("$self outside a program") }
                return try await run(anchor, steps, anchor: anchor)
            }
            if let name = json["$input"]?.string {
                guard let input = built[name] else { throw CompatError.malformed("no input '\(name)'") }
                return try await run(input, json["steps"]?.array ?? [], anchor: anchor)
            }
            if pairs.count == 1, ["$", "$float", "$tuple", "$date", "$time"].contains(pairs[0].0) { return .scalar(try scalar(json)) }
            if pairs.count == 1, pairs[0].0 == "$grouper" { return .grouper(try grouper(pairs[0].1)) }
            return try await .dict(dictPairs(json, anchor: anchor))
        default:
            return .scalar(try scalar(json))
        }
    }

    /// `{"$grouper": {"key": "t", "freq": "MS", "closed": ..., "label": ...}}`: `pd.Grouper(...)`.
    func grouper(_ json: JSON) throws -> Grouper {
        var grouper = Grouper()
        for (name, item) in json.object ?? [] {
            let value = try scalar(item)
            func text() throws -> String? {
                if value == Scalar.none { return nil }
                guard case .string(let text) = value else { throw CompatError.malformed("Grouper(\(name)=) needs a string") }
                return text
            }
            func side() throws -> BinSide? {
                guard let text = try text() else { return nil }
                guard let side = BinSide(rawValue: text) else { throw BambooError(.invalidArgument, "\(name) must be 'right', 'left' or None") }
                return side
            }
            switch name {
            case "key": grouper.key = value == Scalar.none ? Optional<Scalar>.none : value
            case "freq": grouper.freq = try text()
            case "closed": grouper.closed = try side()
            case "label": grouper.label = try side()
            default: throw RunnerGap("Grouper(\(name)=) is not supported by Bamboo yet")
            }
        }
        return grouper
    }

    func dictPairs(_ json: JSON, anchor: CaseValue?) async throws -> [(CaseValue, CaseValue)] {
        var out: [(CaseValue, CaseValue)] = []
        for (key, item) in json.object ?? [] { out.append((.scalar(.string(key)), try await value(item, anchor: anchor))) }
        return out
    }

    func dict(_ json: JSON, anchor: CaseValue?) async throws -> [(String, CaseValue)] {
        var out: [(String, CaseValue)] = []
        for (key, item) in json.object ?? [] { out.append((key, try await value(item, anchor: anchor))) }
        return out
    }

    /// A key for `[]`, `loc`, `iloc`: adds slices and tuples to values.
    func key(_ json: JSON, anchor: CaseValue) async throws -> CaseValue {
        if let parts = json["slice"]?.array {
            var bounds: [CaseValue?] = []
            for part in parts { bounds.append(part == .null ? nil : try await value(part, anchor: anchor)) }
            while bounds.count < 3 { bounds.append(nil) }
            return .slice(bounds[0], bounds[1], bounds[2])
        }
        if let parts = json["tuple"]?.array {
            var items: [CaseValue] = []
            for part in parts { items.append(try await key(part, anchor: anchor)) }
            return .tuple(items)
        }
        return try await value(json, anchor: anchor)
    }

    // MARK: Steps

    func apply(_ step: JSON, to current: CaseValue, anchor: CaseValue) async throws -> CaseValue {
        if let name = step["call"]?.string {
            let args = try await value(step["args"] ?? .array([]), anchor: anchor)
            let kwargs = try await dict(step["kwargs"] ?? .object([]), anchor: anchor)
            guard case .list(let positional) = args else { throw CompatError.malformed("args must be a list") }
            return try await CallMapper.call(name, on: current, args: positional, kwargs: kwargs)
        }
        if let name = step["function"]?.string {
            let args = try await value(step["args"] ?? .array([]), anchor: anchor)
            let kwargs = try await dict(step["kwargs"] ?? .object([]), anchor: anchor)
            guard case .list(let positional) = args else { throw CompatError.malformed("args must be a list") }
            return try await CallMapper.function(name, args: positional, kwargs: kwargs)
        }
        if let name = step["attr"]?.string { return try await CallMapper.attribute(name, of: current) }
        if step["len"] != nil { return try await CallMapper.length(of: current) }
        if let k = step["getitem"] { return try await Indexing.getitem(current, try await key(k, anchor: anchor)) }
        if let k = step["setitem"], let v = step["value"] {
            return try Indexing.setitem(current, try await key(k, anchor: anchor), try await value(v, anchor: anchor))
        }
        for accessor in ["loc", "iloc", "at", "iat"] {
            if let k = step[accessor] { return try await Indexing.access(accessor, current, try await key(k, anchor: anchor)) }
        }
        if let op = step["op"]?.string, let other = step["other"] {
            return try Operators.binary(op, current, try await value(other, anchor: anchor), reversed: step["reverse"]?.bool ?? false)
        }
        if let op = step["unary"]?.string { return try Operators.unary(op, current) }
        throw CompatError.malformed("unknown step \(step)")
    }
}
