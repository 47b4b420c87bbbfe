import Bamboo

/// merge, join and the top-level functions (`pd.concat`, `pd.merge`, `pd.get_dummies`).
extension CallMapper {
    /// `left.merge(right, ...)` with pandas' keyword arguments.
    static func merge(_ left: DataFrame, _ right: CaseValue, _ a: Arguments) throws -> DataFrame {
        let rightFrame: DataFrame
        switch right {
        case .frame(let frame): rightFrame = frame
        case .series(let series):
            guard series.name != Scalar.none else { throw BambooError(.invalidArgument, "Cannot merge a Series without a name") }
            rightFrame = try series.toFrame()
        default: throw RunnerGap("merge with a \(right.kind)")
        }
        let howText = try a.string("how") ?? "inner"
        guard let how = JoinHow(rawValue: howText) else {
            throw BambooError(.invalidArgument, "'\(howText)' is not a valid Merge type: left, right, inner, outer, left_anti, right_anti, cross")
        }
        var suffixes: (String?, String?) = ("_x", "_y")
        if case .list(let items)? = a["suffixes"], items.count == 2 {
            func part(_ v: CaseValue) -> String? { if case .scalar(.string(let s)) = v { return s } else { return nil } }
            suffixes = (part(items[0]), part(items[1]))
        }
        var indicator: MergeIndicator = false
        switch a["indicator"] {
        case .scalar(.bool(let flag))?: indicator = MergeIndicator(booleanLiteral: flag)
        case .scalar(.string(let name))?: indicator = MergeIndicator(stringLiteral: name)
        default: break
        }
        return try left.merge(rightFrame, how: how, on: a.labels("on"), leftOn: a.labels("left_on"), rightOn: a.labels("right_on"),
                              leftIndex: a.bool("left_index", default: false), rightIndex: a.bool("right_index", default: false),
                              suffixes: suffixes, indicator: indicator, sort: a.bool("sort", default: false),
                              validate: a.string("validate").map { try JoinValidation(pandas: $0) })
    }

    /// `pd.concat(objs, ...)` and `pd.merge(left, right, ...)`.
    static func function(_ name: String, args: [CaseValue], kwargs: [(String, CaseValue)]) async throws -> CaseValue {
        switch name {
        case "date_range":
            let a = try Arguments(name, args, kwargs, parameters: ["start", "end", "periods", "freq", "tz", "normalize", "name", "inclusive", "unit"])
            for keyword in ["tz", "normalize", "inclusive", "unit"] where a.has(keyword) {
                throw RunnerGap("date_range(\(keyword)=) is not supported by Bamboo yet")
            }
            return .index(try dateRange(start: a.string("start"), end: a.string("end"), periods: a.int("periods"), freq: a.string("freq"),
                                        name: a.scalar("name") ?? .none))
        case "to_timedelta":
            let a = try Arguments(name, args, kwargs, parameters: ["arg", "unit", "errors"])
            guard case .series(let series)? = a["arg"] else { throw RunnerGap("to_timedelta of \(a["arg"]?.kind ?? "nothing")") }
            guard let errors = DatetimeErrors(rawValue: try a.string("errors") ?? "raise") else {
                throw BambooError(.invalidArgument, "errors must be one of 'raise' or 'coerce'")
            }
            let unit = try a.string("unit").map { text -> TimeUnit in
                guard let unit = TimeUnit(rawValue: text) else { throw RunnerGap("to_timedelta(unit=\(text)) is not supported by Bamboo yet") }
                return unit
            }
            return .series(try toTimedelta(series, unit: unit, errors: errors))
        case "to_datetime":
            let a = try Arguments(name, args, kwargs, parameters: ["arg", "errors", "dayfirst", "yearfirst", "utc", "format", "exact", "unit",
                                                                   "origin", "cache"])
            for keyword in ["dayfirst", "yearfirst", "exact", "origin", "cache"] where a.has(keyword) {
                throw RunnerGap("to_datetime(\(keyword)=) is not supported by Bamboo yet")
            }
            guard case .series(let series)? = a["arg"] else { throw RunnerGap("to_datetime of \(a["arg"]?.kind ?? "nothing")") }
            guard let errors = DatetimeErrors(rawValue: try a.string("errors") ?? "raise") else {
                throw BambooError(.invalidArgument, "errors must be one of 'raise' or 'coerce'")
            }
            let unit = try a.string("unit").map { text -> TimeUnit in
                guard let unit = TimeUnit(rawValue: text) else { throw RunnerGap("to_datetime(unit=\(text)) is not supported by Bamboo yet") }
                return unit
            }
            return .series(try toDatetime(series, format: a.string("format"), errors: errors, utc: a.bool("utc", default: false), unit: unit))
        case "crosstab":
            let a = try Arguments(name, args, kwargs, parameters: ["index", "columns", "values", "rownames", "colnames", "aggfunc", "margins",
                                                                   "margins_name", "dropna", "normalize"])
            guard case .series(let index)? = a["index"], case .series(let columns)? = a["columns"] else { throw RunnerGap("crosstab needs two Series") }
            var values: Series?
            if case .series(let v)? = a["values"] { values = v }
            let normalize: CrosstabNormalize
            switch a["normalize"] {
            case nil, .scalar(.bool(false))?: normalize = .none
            case .scalar(.bool(true))?, .scalar(.string("all"))?: normalize = .all
            case .scalar(.string("index"))?: normalize = .index
            case .scalar(.string("columns"))?: normalize = .columns
            default: throw BambooError(.invalidArgument, "Not a valid normalize argument")
            }
            return .frame(try await crosstab(index, columns, values: values, aggfunc: a.string("aggfunc"), rownames: a.labels("rownames"),
                                             colnames: a.labels("colnames"), margins: a.bool("margins", default: false),
                                             marginsName: a.string("margins_name") ?? "All", dropna: a.bool("dropna", default: true),
                                             normalize: normalize))
        case "get_dummies":
            let a = try Arguments(name, args, kwargs, parameters: ["data", "prefix", "prefix_sep", "dummy_na", "columns", "sparse", "drop_first", "dtype"])
            try rejectUnsupported(a)
            let dtype: DType = try a["dtype"].map { value in value.scalar == Scalar.none ? .bool : try a.dtype(value) } ?? .bool
            let prefix = try perColumnText(a["prefix"], "prefix")
            let prefixSep = try perColumnText(a["prefix_sep"], "prefix_sep") ?? "_"
            switch a["data"] {
            case .series(let s)?:
                let single: String? = if case .all(let text)? = prefix { text } else if case .list(let texts)? = prefix { texts.first } else { nil }
                guard case .all(let separator) = prefixSep else { throw RunnerGap("get_dummies of a Series with several prefix_sep") }
                return .frame(try await getDummies(s, prefix: single, prefixSep: separator, dummyNa: a.bool("dummy_na", default: false),
                                                   dropFirst: a.bool("drop_first", default: false), dtype: dtype))
            case .frame(let df)?:
                return .frame(try await getDummies(df, prefix: prefix, prefixSep: prefixSep, columns: a.labels("columns"),
                                                   dummyNa: a.bool("dummy_na", default: false), dropFirst: a.bool("drop_first", default: false), dtype: dtype))
            default: throw RunnerGap("get_dummies of \(a["data"]?.kind ?? "nothing")")
            }
        case "merge":
            guard case .frame(let left)? = args.first else { throw RunnerGap("pd.merge needs a left frame") }
            let a = try Arguments("merge", Array(args.dropFirst()), kwargs, parameters: parameters["merge"] ?? [])
            try rejectUnsupported(a)
            guard let right = a["right"] else { throw RunnerGap("merge without right") }
            return .frame(try merge(left, right, a))
        case "concat":
            let a = try Arguments("concat", args, kwargs, parameters: ["objs", "axis", "join", "ignore_index", "keys", "levels", "names", "verify_integrity", "sort", "copy"])
            try rejectUnsupported(a)
            guard case .list(let items)? = a["objs"] else { throw RunnerGap("concat needs a list") }
            let joinText = try a.string("join") ?? "outer"
            guard let join = ConcatJoin(rawValue: joinText) else {
                throw BambooError(.invalidArgument, "Only can inner (intersect) or outer (union) join the other axis")
            }
            let ignoreIndex = try a.bool("ignore_index", default: false)
            let present = items.filter { if case .scalar(.none) = $0 { return false } else { return true } }
            let axis = try a.scalar("axis") ?? .int(0)
            if axis == .int(1) || axis == .string("columns") {
                var unnamed: Int64 = 0
                let columnKeys = try a.labels("keys")
                let frames = try present.enumerated().map { position, item -> DataFrame in
                    switch item {
                    case .frame(let frame): return frame
                    // With keys, each Series' column is labelled by its key.
                    case .series(let series) where columnKeys != nil:
                        guard let keys = columnKeys, position < keys.count else { throw BambooError(.invalidArgument, "Length of keys does not match the number of objects") }
                        return try series.rename(keys[position]).toFrame()
                    // pandas numbers unnamed Series 0, 1, ... among the unnamed ones.
                    case .series(let series):
                        guard series.name == Scalar.none else { return try series.toFrame() }
                        defer { unnamed += 1 }
                        return try series.rename(.int(unnamed)).toFrame()
                    default: throw RunnerGap("concat(axis=1) of a \(item.kind)")
                    }
                }
                // Series take their key as the label; frames get (key, label) columns.
                let framesOnly = present.allSatisfy { if case .frame = $0 { return true } else { return false } }
                return .frame(try concatColumns(frames, join: join, ignoreIndex: ignoreIndex, sort: a.bool("sort", default: false),
                                                keys: framesOnly ? columnKeys : nil))
            }
            let keys = try a.labels("keys")
            let series = present.compactMap { if case .series(let s) = $0 { return s } else { return nil } }
            if !series.isEmpty && series.count == present.count { return .series(try concat(series, ignoreIndex: ignoreIndex, keys: keys)) }
            let frames = try present.map { item -> DataFrame in
                switch item {
                case .frame(let frame): return frame
                case .series(let series): return try series.toFrame()
                default: throw RunnerGap("concat of a \(item.kind) with frames")
                }
            }
            if frames.isEmpty { throw BambooError(.invalidArgument, items.isEmpty ? "No objects to concatenate" : "All objects passed were None") }
            return .frame(try concat(frames, join: join, ignoreIndex: ignoreIndex, sort: a.bool("sort", default: false),
                                     verifyIntegrity: a.bool("verify_integrity", default: false), keys: keys, names: a.labels("names")))
        default:
            throw RunnerGap("pd.\(name) is not mapped to Bamboo")
        }
    }

    /// pandas' str / list / dict form of `prefix=` and `prefix_sep=`.
    static func perColumnText(_ value: CaseValue?, _ name: String) throws -> PerColumnText? {
        switch value {
        case nil, .scalar(.none)?: return nil
        case .scalar(.string(let text))?: return .all(text)
        case .dict(let pairs)?:
            return .byLabel(try pairs.map { key, text in
                guard let label = key.scalar, case .scalar(.string(let t)) = text else { throw RunnerGap("get_dummies(\(name)=) dict of \(text.kind)") }
                return (label, t)
            })
        case let other?:
            guard let items = other.scalars else { throw RunnerGap("get_dummies(\(name)=) as \(other.kind)") }
            return .list(items.map(\.description))
        }
    }
}
