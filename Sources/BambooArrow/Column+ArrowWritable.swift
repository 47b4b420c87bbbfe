import BambooCore

extension Column {
    /// The column in a dtype Arrow can hold. Only `object` columns change: one holding a single kind
    /// of value (strings, ints, floats, bools, datetimes, timedeltas) becomes that dtype, as pyarrow
    /// infers it; ints and floats together become float64. An all-missing one stays `object` and is
    /// written as Arrow's null type. Anything else throws: Arrow has one type per column.
    func arrowWritable(name: String) throws -> Column {
        guard case .object(let values) = values else { return self }
        var kinds = Set<String>()
        for value in values where !value.isMissing {
            switch value {
            case .string: kinds.insert("str")
            case .int: kinds.insert("int")
            case .float: kinds.insert("float")
            case .bool: kinds.insert("bool")
            case .datetime(_, _, let tz): kinds.insert("datetime64[\(tz ?? "naive")]")
            case .timedelta: kinds.insert("timedelta")
            case .tuple: kinds.insert("tuple")
            case .list: kinds.insert("list")
            case .date: kinds.insert("datetime.date")
            case .time: kinds.insert("datetime.time")
            case .none, .na, .nat: break
            }
        }
        let hasMissing = values.contains { $0.isMissing }
        switch kinds {
        case []: return self
        case ["str"]:
            return Column(strings: values.map { if case .string(let text) = $0 { return text } else { return nil } })
        case ["int"]:
            let ints = values.map { if case .int(let v) = $0 { return v } else { return 0 } }
            let valid = Bitmap(values.map { !$0.isMissing })
            return Column(dtype: hasMissing ? .nullableInt64 : .int64, values: .int64(ints), validity: valid)
        case ["float"], ["int", "float"]:
            return Column(float64: values.map { $0.isMissing ? .nan : ($0.doubleValue ?? .nan) })
        case ["bool"]:
            let bools = values.map { if case .bool(let v) = $0 { return v } else { return false } }
            return Column(dtype: hasMissing ? .nullableBool : .bool, values: .bool(bools), validity: Bitmap(values.map { !$0.isMissing }))
        default:
            if let kind = kinds.first(where: { $0.hasPrefix("datetime.") }) {
                throw BambooError(.unsupportedOnBackend, "Column '\(name)' holds \(kind) values (from .dt.\(kind.dropFirst(9))), which Bamboo cannot write to Arrow yet; convert them first, e.g. with astype(\"str\").")
            }
            if kinds.count == 1, let kind = kinds.first, kind != "tuple" {
                // Datetimes of one zone, or timedeltas: pandas' inference picks the finest unit.
                let inferred = Column.infer(values.map { $0.isMissing ? .nat : $0 })
                if inferred.dtype != .object { return inferred }
            }
            throw BambooError(.typeMismatch, "Column '\(name)' has dtype object holding \(kinds.sorted().joined(separator: " and ")) values; Arrow needs one type per column. Convert it first, e.g. with astype(\"str\").")
        }
    }
}
