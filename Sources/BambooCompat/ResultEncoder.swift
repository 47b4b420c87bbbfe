import Bamboo

/// Encodes Bamboo's result in the golden format of `FORMAT.md`, running the plan as needed.
enum ResultEncoder {
    static func encode(_ value: CaseValue) async throws -> JSON {
        switch value {
        case .frame(let df):
            let local = try await df.collect(maxRows: nil)
            let index = try await local.index()
            var columns: [JSON] = []
            for (position, (label, dtype)) in local.dtypes.enumerated() {
                let values = try await local.iloc[.all, position].toList()
                columns.append(.object(([("dtype", .string(dtype.name)), ("label", encodeLabel(label)), ("values", .array(values.map { element($0, dtype: dtype) }))]
                    + categories(dtype)).sorted { $0.0 < $1.0 }))
            }
            let labels = local.columns
            return .object([
                ("columnIndex", .object([("dtype", .string(labels.count == 0 ? "object" : labels.dtypes[0].name)), ("names", .array([.object([("$", .string("None"))])]))])),
                ("columns", .array(columns)),
                ("index", encodeIndex(index)),
                ("kind", .string("frame")),
            ])
        case .series(let s):
            let local = try await s.collect(maxRows: nil)
            let values = try await local.toList()
            let index = try await local.index()
            return .object(([
                ("dtype", .string(local.dtype.name)), ("index", encodeIndex(index)), ("kind", .string("series")),
                ("name", encodeLabel(local.name)), ("values", .array(values.map { element($0, dtype: local.dtype) })),
            ] + categories(local.dtype)).sorted { $0.0 < $1.0 })
        case .index(let index):
            var pairs = encodeIndex(index).object ?? []
            pairs.append(("kind", .string("index")))
            return .object(pairs.sorted { $0.0 < $1.0 })
        case .scalar(let s): return scalar(s)
        case .tuple(let items):
            var encoded: [JSON] = []
            for item in items { encoded.append(try await encode(item)) }
            return .object([("items", .array(encoded)), ("kind", .string("tuple"))])
        case .dtypes(let labels, let dtypes):
            let index = Index(labels)
            return .object([
                ("dtype", .string("object")), ("index", encodeIndex(index)), ("kind", .string("series")),
                ("name", .object([("$", .string("None"))])), ("values", .array(dtypes.map { .string($0.name) })),
            ])
        default:
            throw RunnerGap("a \(value.kind) result cannot be compared")
        }
    }

    /// A categorical's categories and order, as the generator records them.
    static func categories(_ dtype: DType) -> [(String, JSON)] {
        guard case .category(let type) = dtype else { return [] }
        let values = type.categories ?? []
        let categoriesType = Column.infer(values).dtype
        return [("categories", .array(values.map { element($0, dtype: categoriesType) })), ("ordered", .bool(type.ordered))]
    }

    static func encodeIndex(_ index: Index) -> JSON {
        let levels: [JSON] = index.levels.map { column in
            .object([("dtype", .string(column.dtype.name)), ("values", .array(column.scalars.map { element($0, dtype: column.dtype) }))])
        }
        return .object([
            ("levels", .array(levels)), ("names", .array(index.names.map(encodeLabel))),
            ("type", .string(index.isRange ? "RangeIndex" : (index.levelCount > 1 ? "MultiIndex" : "Index"))),
        ])
    }

    static func token(_ name: String) -> JSON { .object([("$", .string(name))]) }

    static func encodeLabel(_ label: Scalar) -> JSON { element(label, dtype: .object) }

    /// One value; floats in object columns are tagged, as the generator tags them.
    static func element(_ value: Scalar, dtype: DType) -> JSON {
        switch value {
        case .none: return token("None")
        case .na: return token("NA")
        case .nat: return token("NaT")
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        case .float(let d):
            if d.isNaN { return token("NaN") }
            if d.isInfinite { return token(d > 0 ? "inf" : "-inf") }
            return dtype == .object ? .object([("$float", .string(FloatFormatter.repr(d)))]) : .float(d)
        case .datetime(let ticks, _, _), .timedelta(let ticks, _): return .int(ticks)
        case .tuple(let items): return .object([("$tuple", .array(items.map { element($0, dtype: dtype) }))])
        case .list(let items): return .object([("$list", .array(items.map { element($0, dtype: dtype) }))])
        case .date, .time: return tagged(value)
        }
    }

    static func scalar(_ value: Scalar) -> JSON {
        func make(_ type: String, _ v: JSON, extra: [(String, JSON)] = []) -> JSON {
            .object(([("kind", .string("scalar")), ("type", .string(type)), ("value", v)] + extra).sorted { $0.0 < $1.0 })
        }
        switch value {
        case .none: return make("none", token("None"))
        case .na: return make("na", token("NA"))
        case .nat: return make("nat", token("NaT"))
        case .bool(let b): return make("bool", .bool(b))
        case .int(let i): return make("int", .int(i))
        case .string(let s): return make("str", .string(s))
        case .float(let d): return d.isNaN ? make("nan", token("NaN")) : make("float", element(value, dtype: .float64))
        case .datetime(let ticks, let unit, let tz):
            return make("timestamp", .int(ticks), extra: [("unit", .string(unit.rawValue))] + (tz.map { [("tz", JSON.string($0))] } ?? []))
        case .timedelta(let ticks, let unit): return make("timedelta", .int(ticks), extra: [("unit", .string(unit.rawValue))])
        case .tuple: return make("tuple", element(value, dtype: .object))
        case .list: return make("list", element(value, dtype: .object))
        case .date: return make("date", tagged(value))
        case .time: return make("time", tagged(value))
        }
    }

    /// A `datetime.date` or `datetime.time` as the generator tags it: `{"$date": "2024-02-29"}`, `{"$time": "10:30:00"}`.
    static func tagged(_ value: Scalar) -> JSON {
        switch value {
        case .date: return .object([("$date", .string(value.description))])
        case .time: return .object([("$time", .string(value.description))])
        default: return element(value, dtype: .object)
        }
    }

    static func error(_ error: any Error) -> JSON {
        if let bamboo = error as? BambooError {
            return .object([("code", .string(bamboo.code.description)), ("kind", .string("error")), ("message", .string(bamboo.message)),
                            ("type", .string(bamboo.code.pandasException))])
        }
        return .object([("kind", .string("error")), ("message", .string("\(error)")), ("type", .string("RunnerGap"))])
    }
}
