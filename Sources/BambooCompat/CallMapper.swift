import Bamboo

/// Maps pandas method calls onto Bamboo's public API (the same API users call).
enum CallMapper {
    /// pandas parameter names per method, in pandas' order; the ones Bamboo honours are in `supported`.
    static let parameters: [String: [String]] = [
        "sort_values": ["by", "axis", "ascending", "inplace", "kind", "na_position", "ignore_index", "key"],
        "sort_index": ["axis", "level", "ascending", "inplace", "kind", "na_position", "sort_remaining", "ignore_index", "key"],
        "astype": ["dtype", "copy", "errors"],
        "fillna": ["value", "axis", "inplace", "limit"],
        "dropna": ["axis", "how", "thresh", "subset", "inplace", "ignore_index"],
        "drop": ["labels", "axis", "index", "columns", "level", "inplace", "errors"],
        "rename": ["mapper", "index", "columns", "axis", "copy", "inplace", "level", "errors"],
        "set_index": ["keys", "drop", "append", "inplace", "verify_integrity"],
        "reset_index": ["level", "drop", "inplace", "col_level", "col_fill", "allow_duplicates", "names"],
        "head": ["n"], "tail": ["n"],
        "isna": [], "notna": [], "isnull": [], "notnull": [],
        "sum": ["axis", "skipna", "numeric_only", "min_count"], "mean": ["axis", "skipna", "numeric_only"],
        "min": ["axis", "skipna", "numeric_only"], "max": ["axis", "skipna", "numeric_only"],
        "prod": ["axis", "skipna", "numeric_only", "min_count"], "count": ["axis", "numeric_only"],
        "to_csv": ["path_or_buf", "sep", "na_rep", "float_format", "columns", "header", "index", "index_label"],
        "abs": [],
        "groupby": ["by", "axis", "level", "as_index", "sort", "group_keys", "observed", "dropna"],
        "median": ["numeric_only", "skipna"], "std": ["ddof", "engine", "engine_kwargs", "numeric_only", "skipna"],
        "var": ["ddof", "engine", "engine_kwargs", "numeric_only", "skipna"],
        "sem": ["ddof", "numeric_only", "skipna"], "skew": ["numeric_only", "skipna"], "kurt": ["numeric_only", "skipna"], "quantile": ["q", "interpolation", "numeric_only"],
        "idxmin": ["axis", "skipna", "numeric_only"], "idxmax": ["axis", "skipna", "numeric_only"], "first": ["numeric_only", "min_count", "skipna"],
        "last": ["numeric_only", "min_count", "skipna"], "any": ["skipna"], "all": ["skipna"],
        "size": [], "agg": ["func", "skipna"],
        "merge": ["right", "how", "on", "left_on", "right_on", "left_index", "right_index", "sort", "suffixes", "copy", "indicator", "validate"],
        "transform": ["func", "engine", "engine_kwargs", "ddof"], "cumsum": ["numeric_only", "skipna"], "cumprod": ["numeric_only", "skipna"],
        "cummax": ["numeric_only", "skipna"], "cummin": ["numeric_only", "skipna"], "cumcount": ["ascending"],
        "shift": ["periods", "freq", "axis", "fill_value", "suffix"], "diff": ["periods", "axis"], "pct_change": ["periods"],
        "rank": ["method", "ascending", "na_option", "pct", "axis"], "nth": ["n", "dropna"],
        "join": ["other", "on", "how", "lsuffix", "rsuffix", "sort", "validate", "suffixes"],
        "melt": ["id_vars", "value_vars", "var_name", "value_name", "col_level", "ignore_index"],
        "explode": ["column", "ignore_index"],
        "droplevel": ["level", "axis"], "swaplevel": ["i", "j", "axis"],
        "pivot": ["columns", "index", "values"], "unstack": ["level", "fill_value", "sort"], "xs": ["key", "axis", "level", "drop_level"],
        "stack": ["level", "dropna", "sort", "future_stack"],
        "pivot_table": ["values", "index", "columns", "aggfunc", "fill_value", "margins", "dropna", "margins_name", "observed", "sort"],
        "duplicated": ["subset", "keep"], "drop_duplicates": ["subset", "keep", "inplace", "ignore_index"], "isin": ["values"],
        "nunique": ["axis", "dropna"], "unique": [],
        "set_categories": ["new_categories", "ordered", "rename"], "add_categories": ["new_categories"],
        "remove_categories": ["removals"], "reorder_categories": ["new_categories", "ordered"], "as_ordered": [], "as_unordered": [], "value_counts": ["subset", "normalize", "sort", "ascending", "bins", "dropna"],
    ]

    /// What Bamboo implements of each method's keywords (for the API table in MATRIX.md).
    static let supported: [String: [String]] = [
        "sort_values": ["by", "ascending", "kind", "na_position", "ignore_index"],
        "sort_index": ["ascending", "kind", "na_position", "level", "sort_remaining"],
        "astype": ["dtype"], "fillna": ["value"], "dropna": ["axis", "how", "thresh", "subset", "ignore_index"],
        "drop": ["labels", "axis", "index", "columns", "errors"], "rename": ["columns", "errors"],
        "set_index": ["keys", "drop", "append"], "reset_index": ["drop", "level"], "head": ["n"], "tail": ["n"],
        "isna": [], "notna": [], "isnull": [], "notnull": [], "assign": ["**kwargs"],
        "sum": ["skipna"], "mean": ["skipna"], "min": ["skipna"], "max": ["skipna"], "prod": ["skipna"], "count": [],
        "to_csv": ["path_or_buf", "sep", "na_rep", "header", "index"], "abs": [],
        "groupby": ["by", "level", "as_index", "sort", "dropna", "observed"], "groupby.sum": ["min_count", "skipna"], "groupby.prod": ["min_count", "skipna"],
        "groupby.mean": ["skipna"], "groupby.median": ["skipna"], "groupby.min": ["skipna"], "groupby.max": ["skipna"],
        "groupby.std": ["ddof", "skipna"], "groupby.var": ["ddof", "skipna"],
        "groupby.sem": ["ddof", "skipna"], "groupby.skew": ["skipna"], "groupby.kurt": ["skipna"], "groupby.first": ["skipna"], "groupby.last": ["skipna"],
        "groupby.any": ["skipna"], "groupby.all": ["skipna"], "groupby.agg": ["func", "skipna"],
        "groupby.cumsum": ["skipna"], "groupby.cumprod": ["skipna"], "groupby.cummax": ["skipna"], "groupby.cummin": ["skipna"],
        "quantile": ["q", "interpolation", "numeric_only"], "idxmin": ["skipna"], "idxmax": ["skipna"], "median": [],
        "transform": ["func", "ddof"], "cumsum": [], "cumprod": [], "cummax": [], "cummin": [], "cumcount": ["ascending"],
        "shift": ["periods", "fill_value"], "diff": ["periods"], "pct_change": ["periods"], "rank": ["method", "ascending", "na_option", "pct"], "nth": ["n"],
        "duplicated": ["subset", "keep"], "drop_duplicates": ["subset", "keep", "ignore_index"], "isin": ["values"],
        "nunique": ["dropna"], "unique": [],
        "set_categories": ["new_categories", "ordered"], "add_categories": ["new_categories"], "remove_categories": ["removals"],
        "reorder_categories": ["new_categories", "ordered"], "as_ordered": [], "as_unordered": [], "value_counts": ["subset", "normalize", "sort", "ascending", "dropna"], "std": ["ddof"], "var": ["ddof"], "first": [],
        "last": [], "any": [], "all": [], "size": [], "agg": ["func"],
        "merge": ["right", "how", "on", "left_on", "right_on", "left_index", "right_index", "sort", "suffixes", "indicator", "validate"],
        "join": ["other", "on", "how", "lsuffix", "rsuffix", "sort", "suffixes"],
        "melt": ["id_vars", "value_vars", "var_name", "value_name", "ignore_index"],
        "explode": ["column", "ignore_index"],
        "droplevel": ["level"], "swaplevel": ["i", "j"], "pivot": ["columns", "index", "values"], "unstack": [], "xs": ["key"], "stack": [],
        "pivot_table": ["values", "index", "columns", "aggfunc", "fill_value", "margins", "margins_name", "dropna"],
        "get_dummies": ["data", "prefix", "prefix_sep", "dummy_na", "columns", "drop_first", "dtype"],
        "concat": ["objs", "axis", "join", "ignore_index", "sort", "verify_integrity", "keys", "names"],
        "__getitem__": [], "__setitem__": [], "loc": [], "iloc": [], "at": [], "iat": [],
        "shape": [], "columns": [], "dtypes": [], "index": [], "dtype": [], "name": [], "read_csv": CSVCall.supported,
        // Swift closures (not expressible in case files; tested in Tests/BambooTests/GroupByTests).
        "apply": ["func"], "map": ["arg", "func"], "filter": ["func"],
    ]

    static func call(_ name: String, on target: CaseValue, args: [CaseValue], kwargs: [(String, CaseValue)]) async throws -> CaseValue {
        if name == "assign", case .frame(let frame) = target {
            guard args.isEmpty else { throw RunnerGap("assign takes keyword arguments only") }
            var out = frame
            // Python keeps keyword order, and so does the case file's JSON object.
            for (label, value) in kwargs {
                switch value {
                case .series(let s): out = try out.setColumn(.string(label), s)
                case .scalar(let v): out = try out.setColumn(.string(label), v)
                default: throw RunnerGap("assign value of kind \(value.kind)")
                }
            }
            return .frame(out)
        }
        // Named aggregation: every keyword is an output name holding a (column, function) tuple.
        if name == "agg", args.isEmpty, !kwargs.isEmpty, case .groupBy(let gb, _) = target {
            let outputs = try kwargs.map { output, value -> (name: String, column: String, function: String) in
                guard case .scalar(.tuple(let parts)) = value, parts.count == 2, case .string(let column) = parts[0], case .string(let function) = parts[1] else {
                    throw RunnerGap("named aggregation with \(value.kind)")
                }
                return (output, column, function)
            }
            return .frame(try gb.agg(namedPairs: outputs))
        }
        if case .strings(let str) = target { return try await StringCalls.call(name, str, args, kwargs) }
        if case .datetimes(let dt) = target { return try DatetimeCalls.call(name, dt, args, kwargs) }
        if let result = try await WindowCalls.call(name, on: target, args, kwargs) { return result }
        guard let parameters = parameters[name] else { throw RunnerGap("\(name) is not mapped to Bamboo") }
        let a = try Arguments(name, args, kwargs, parameters: parameters)
        // groupby methods honour keywords their frame namesakes do not (min_count, skipna, ...).
        let grouped: Bool
        switch target {
        case .groupBy, .seriesGroupBy: grouped = true
        default: grouped = false
        }
        try rejectUnsupported(a, allowed: grouped ? supported["groupby.\(name)"] : nil)
        switch target {
        case .frame(let df): return try await frameCall(name, df, a)
        case .series(let s): return try await seriesCall(name, s, a)
        case .groupBy(let gb, let asIndex): return try groupCall(name, gb, asIndex: asIndex, a)
        case .seriesGroupBy(let gb): return try seriesGroupCall(name, gb, a)
        case .categorical(let cat): return try categoricalCall(name, cat, a)
        default: throw RunnerGap("\(name) on a \(target.kind)")
        }
    }

    static func rejectUnsupported(_ a: Arguments, allowed explicit: [String]? = nil) throws {
        let allowed = explicit ?? supported[a.call] ?? []
        for name in a.parameters where a.has(name) && !allowed.contains(name) {
            throw RunnerGap("\(a.call)(\(name)=) is not supported by Bamboo yet")
        }
        // drop and concat read axis themselves; elsewhere only the row axis is supported.
        if let axis = a["axis"]?.scalar, axis != .int(0), axis != .string("index"), a.call != "drop", a.call != "concat" {
            throw RunnerGap("\(a.call)(axis=\(axis.pythonRepr)) is not supported by Bamboo yet")
        }
        if let kind = try a.string("kind"), !["quicksort", "mergesort", "heapsort", "stable"].contains(kind) {
            throw BambooError(.invalidArgument, "sort kind must be 'stable' or 'quicksort'")
        }
    }

    static func naPosition(_ a: Arguments) throws -> NAPosition {
        guard let text = try a.string("na_position") else { return .last }
        guard let position = NAPosition(rawValue: text) else { throw BambooError(.invalidArgument, "invalid na_position: \(text)") }
        return position
    }

    static func frameCall(_ name: String, _ df: DataFrame, _ a: Arguments) async throws -> CaseValue {
        switch name {
        case "sort_values":
            guard let by = try a.labels("by") else { throw RunnerGap("sort_values without by") }
            let ascending: [Bool]
            switch a["ascending"] {
            case .list(let items)?: ascending = try items.map { item in
                guard case .bool(let b)? = item.scalar else { throw BambooError(.invalidArgument, "ascending must be bools") }
                return b
            }
            default: ascending = Array(repeating: try a.bool("ascending", default: true), count: by.count)
            }
            return .frame(try df.sortValues(by: by, ascending: ascending, naPosition: naPosition(a), ignoreIndex: a.bool("ignore_index", default: false)))
        case "sort_index":
            if a.has("level") || { if case .list? = a["ascending"] { return true } else { return false } }() {
                let ascending: [Bool]? = try a["ascending"].map { value in
                    if case .scalar(.bool(let b)) = value { return [b] }
                    guard let items = value.scalars else { throw RunnerGap("sort_index(ascending=) as \(value.kind)") }
                    return items.map { $0 == .bool(true) }
                }
                return .frame(try df.sortIndex(level: a.labels("level"), ascending: ascending, sortRemaining: a.bool("sort_remaining", default: true), naPosition: naPosition(a)))
            }
            return .frame(try df.sortIndex(ascending: a.bool("ascending", default: true), naPosition: naPosition(a)))
        case "astype":
            guard let target = a["dtype"] else { throw RunnerGap("astype without dtype") }
            if case .dict(let pairs) = target {
                var mapping: [Scalar: DType] = [:]
                for (key, value) in pairs { if let label = key.scalar { mapping[label] = try a.dtype(value) } }
                return .frame(try df.astype(mapping))
            }
            return .frame(try df.astype(a.dtype(target)))
        case "fillna":
            guard let value = a["value"] else { throw RunnerGap("fillna() without a value does not compile in Swift") }
            if case .dict(let pairs) = value {
                var mapping: [Scalar: Scalar] = [:]
                for (key, v) in pairs { if let label = key.scalar, let fill = v.scalar { mapping[label] = fill } }
                return .frame(try df.fillna(mapping))
            }
            guard let scalar = value.scalar else { throw RunnerGap("fillna with a \(value.kind)") }
            return .frame(try df.fillna(scalar))
        case "dropna":
            let howText = try a.string("how") ?? "any"
            guard let how = DropHow(rawValue: howText) else { throw BambooError(.invalidArgument, "invalid how option: \(howText)") }
            if a.has("how") && a.has("thresh") { throw BambooError(.typeMismatch, "You cannot set both the how and thresh arguments at the same time.") }
            return .frame(try df.dropna(how: how, subset: a.labels("subset"), thresh: a.int("thresh"), ignoreIndex: a.bool("ignore_index", default: false)))
        case "drop":
            let errors = try ErrorHandling(rawValue: a.string("errors") ?? "raise") ?? .raise
            if let columns = try a.labels("columns") { return .frame(try df.drop(columns: columns, errors: errors)) }
            if let index = try a.labels("index") { return .frame(try df.drop(index: index, errors: errors)) }
            guard let labels = try a.labels("labels") else { throw RunnerGap("drop without labels") }
            let axis = try a.scalar("axis") ?? .int(0)
            if axis == .int(1) || axis == .string("columns") { return .frame(try df.drop(columns: labels, errors: errors)) }
            return .frame(try df.drop(index: labels, errors: errors))
        case "rename":
            guard case .dict(let pairs)? = a["columns"] else { throw RunnerGap("rename needs columns={...}") }
            var mapping: [Scalar: Scalar] = [:]
            for (key, value) in pairs { if let k = key.scalar, let v = value.scalar { mapping[k] = v } }
            return .frame(try df.rename(columns: mapping, errors: ErrorHandling(rawValue: a.string("errors") ?? "ignore") ?? .ignore))
        case "set_index":
            guard let keys = try a.labels("keys") else { throw RunnerGap("set_index without keys") }
            return .frame(try df.setIndex(keys, drop: a.bool("drop", default: true), append: a.bool("append", default: false)))
        case "reset_index":
            return .frame(try df.resetIndex(level: a.labels("level"), drop: a.bool("drop", default: false)))
        case "head": return .frame(try df.head(a.int("n") ?? 5))
        case "tail": return .frame(try df.tail(a.int("n") ?? 5))
        case "isna", "isnull": return .frame(try df.isna())
        case "notna", "notnull": return .frame(try df.notna())
        case "abs": return .frame(try df.mapAbs())
        case "sum": return .series(try await df.sum(skipna: a.bool("skipna", default: true)))
        case "mean": return .series(try await df.mean(skipna: a.bool("skipna", default: true)))
        case "min": return .series(try await df.min(skipna: a.bool("skipna", default: true)))
        case "max": return .series(try await df.max(skipna: a.bool("skipna", default: true)))
        case "prod": return .series(try await df.prod(skipna: a.bool("skipna", default: true)))
        case "count": return .series(try await df.count())
        case "to_csv": return .scalar(.string(try await CSVCall.write(df, a)))
        case "merge":
            guard let right = a["right"] else { throw RunnerGap("merge without right") }
            return .frame(try merge(df, right, a))
        case "explode":
            guard let columns = try a.labels("column") else { throw RunnerGap("explode without column") }
            if case .list? = a["column"] { return .frame(try df.explode(columns, ignoreIndex: a.bool("ignore_index", default: false))) }
            return .frame(try df.explode(columns[0], ignoreIndex: a.bool("ignore_index", default: false)))
        case "melt":
            // var_name=None means "variable"; value_name=None labels the column NaN, as pandas does.
            var varName: Scalar = "variable", valueName: Scalar = "value"
            if let given = try a.scalar("var_name"), given != Scalar.none { varName = given }
            if let given = try a.scalar("value_name") { valueName = given == Scalar.none ? .float(.nan) : given }
            return .frame(try df.melt(idVars: a.labels("id_vars") ?? [], valueVars: a.labels("value_vars"), varName: varName,
                                      valueName: valueName, ignoreIndex: a.bool("ignore_index", default: true)))
        case "join":
            let other: DataFrame
            switch a["other"] {
            case .frame(let frame)?: other = frame
            case .series(let series)?:
                guard series.name != Scalar.none else { throw BambooError(.invalidArgument, "Other Series must have a name") }
                other = try series.toFrame()
            default: throw RunnerGap("join with \(a["other"]?.kind ?? "nothing")")
            }
            let howText = try a.string("how") ?? "left"
            guard let how = JoinHow(rawValue: howText) else { throw BambooError(.invalidArgument, "'\(howText)' is not a valid Merge type") }
            var suffixes: (String?, String?)?
            if let pair = a["suffixes"] {
                guard let parts = pair.scalars, parts.count == 2 else { throw RunnerGap("join(suffixes=) as \(pair.kind)") }
                func text(_ s: Scalar) -> String? { if case .string(let t) = s { return t } else { return nil } }
                suffixes = (text(parts[0]), text(parts[1]))
            }
            return .frame(try df.join(other, on: a.labels("on"), how: how, lsuffix: a.string("lsuffix") ?? "", rsuffix: a.string("rsuffix") ?? "",
                                      suffixes: suffixes, sort: a.bool("sort", default: false)))
        case "duplicated", "drop_duplicates":
            // pandas checks `subset` before `keep`; an invalid `keep` cannot even be written in Swift.
            let subset = try a.labels("subset")
            _ = try df.duplicated(subset: subset)
            if name == "duplicated" { return .series(try df.duplicated(subset: subset, keep: keep(a))) }
            return .frame(try df.dropDuplicates(subset: subset, keep: keep(a), ignoreIndex: a.bool("ignore_index", default: false)))
        case "isin": return .frame(try df.isin(members(a)))
        case "nunique": return .series(try await df.nunique(dropna: a.bool("dropna", default: true)))
        case "value_counts":
            return .series(try df.valueCounts(subset: a.labels("subset"), normalize: a.bool("normalize", default: false), sort: a.bool("sort", default: true),
                                              ascending: a.bool("ascending", default: false), dropna: a.bool("dropna", default: true)))
        case "pivot":
            guard let index = try a.labels("index"), let columns = try a.scalar("columns") else { throw RunnerGap("pivot needs index and columns") }
            if let single = a["values"]?.scalar { return .frame(try await df.pivot(index: index, columns: columns, values: single)) }
            return .frame(try await df.pivot(index: index, columns: columns, values: a.labels("values")))
        case "pivot_table":
            guard let index = try a.labels("index") else { throw RunnerGap("pivot_table needs index as labels") }
            let columns = try a.scalar("columns")
            let (aggfunc, fill) = (try a.string("aggfunc") ?? "mean", try a.given("fill_value"))
            let (margins, name, dropna) = (try a.bool("margins", default: false), try a.string("margins_name") ?? "All", try a.bool("dropna", default: true))
            if let single = a["values"]?.scalar, single != Scalar.none {
                return .frame(try await df.pivotTable(values: single, index: index, columns: columns, aggfunc: aggfunc, fillValue: fill,
                                                      margins: margins, marginsName: name, dropna: dropna))
            }
            return .frame(try await df.pivotTable(values: a.labels("values"), index: index, columns: columns, aggfunc: aggfunc, fillValue: fill,
                                                  margins: margins, marginsName: name, dropna: dropna))
        case "unstack": return .frame(try await df.unstack())
        case "stack": return .series(try df.stack())
        case "xs":
            guard let key = try a.scalar("key") else { throw RunnerGap("xs without a key") }
            return .frame(try df.xs(key))
        case "droplevel":
            guard let level = try a.labels("level") else { throw RunnerGap("droplevel without level") }
            return .frame(try df.droplevel(level))
        case "swaplevel":
            return .frame(try df.swaplevel(a.scalar("i") ?? -2, a.scalar("j") ?? -1))
        case "groupby":
            let asIndex = try a.bool("as_index", default: true)
            let observed = try a.bool("observed", default: true)
            if let level = try a.labels("level") {
                return .groupBy(try df.groupby(level: level, sort: a.bool("sort", default: true), dropna: a.bool("dropna", default: true), asIndex: asIndex, observed: observed),
                                asIndex: asIndex)
            }
            if let groupers = try groupers(a["by"]) {
                return .groupBy(try await df.groupby(groupers, sort: a.bool("sort", default: true), dropna: a.bool("dropna", default: true), asIndex: asIndex,
                                                     observed: observed), asIndex: asIndex)
            }
            if case .series(let key)? = a["by"] {
                return .groupBy(try df.groupby(key, sort: a.bool("sort", default: true), dropna: a.bool("dropna", default: true), asIndex: asIndex, observed: observed),
                                asIndex: asIndex)
            }
            guard let by = try a.labels("by") else { throw RunnerGap("groupby without by") }
            return .groupBy(try df.groupby(by, sort: a.bool("sort", default: true), dropna: a.bool("dropna", default: true), asIndex: asIndex, observed: observed),
                            asIndex: asIndex)
        default: throw RunnerGap("\(name) is not mapped to Bamboo")
        }
    }

    static func seriesCall(_ name: String, _ s: Series, _ a: Arguments) async throws -> CaseValue {
        switch name {
        case "sort_values":
            return .series(try s.sortValues(ascending: a.bool("ascending", default: true), naPosition: naPosition(a)))
        case "sort_index":
            return .series(try s.sortIndex(ascending: a.bool("ascending", default: true), naPosition: naPosition(a)))
        case "astype":
            guard let target = a["dtype"] else { throw RunnerGap("astype without dtype") }
            return .series(try s.astype(a.dtype(target)))
        case "fillna":
            guard let value = try a.scalar("value") else { throw RunnerGap("fillna() without a value does not compile in Swift") }
            return .series(try s.fillna(value))
        case "dropna": return .series(try s.dropna())
        case "explode": return .series(try s.explode(ignoreIndex: a.bool("ignore_index", default: false)))
        case "unique": return .series(try Series(try await s.unique(), name: s.name, dtype: s.dtype))
        case "duplicated": return .series(try s.duplicated(keep: keep(a)))
        case "drop_duplicates": return .series(try s.dropDuplicates(keep: keep(a), ignoreIndex: a.bool("ignore_index", default: false)))
        case "isin": return .series(try s.isin(members(a)))
        case "nunique": return .scalar(.int(Int64(try await s.nunique(dropna: a.bool("dropna", default: true)))))
        case "value_counts":
            return .series(try s.valueCounts(normalize: a.bool("normalize", default: false), sort: a.bool("sort", default: true),
                                             ascending: a.bool("ascending", default: false), dropna: a.bool("dropna", default: true)))
        case "head": return .series(try s.head(a.int("n") ?? 5))
        case "tail": return .series(try s.tail(a.int("n") ?? 5))
        case "isna", "isnull": return .series(try s.isna())
        case "notna", "notnull": return .series(try s.notna())
        case "abs": return .series(try s.abs())
        case "reset_index":
            return try a.bool("drop", default: false) ? .series(try s.resetIndex(drop: true)) : .frame(try s.resetIndex())
        case "sum": return .scalar(try await s.sum(skipna: a.bool("skipna", default: true)))
        case "mean": return .scalar(try await s.mean(skipna: a.bool("skipna", default: true)))
        case "min": return .scalar(try await s.min(skipna: a.bool("skipna", default: true)))
        case "max": return .scalar(try await s.max(skipna: a.bool("skipna", default: true)))
        case "prod": return .scalar(try await s.prod(skipna: a.bool("skipna", default: true)))
        case "count": return .scalar(try await s.count())
        case "to_csv": return .scalar(.string(try await CSVCall.write(s.toFrame(), a)))
        default: throw RunnerGap("Series.\(name) is not mapped to Bamboo")
        }
    }

    static func categoricalCall(_ name: String, _ cat: CategoricalAccessor, _ a: Arguments) throws -> CaseValue {
        let ordered = try a.scalar("ordered").flatMap { value -> Bool? in
            if case .bool(let b) = value { return b }
            return nil
        }
        switch name {
        case "set_categories": return .series(try cat.setCategories(a.labels("new_categories") ?? [], ordered: ordered))
        case "add_categories": return .series(try cat.addCategories(a.labels("new_categories") ?? []))
        case "remove_categories": return .series(try cat.removeCategories(a.labels("removals") ?? []))
        case "reorder_categories": return .series(try cat.reorderCategories(a.labels("new_categories") ?? [], ordered: ordered))
        case "as_ordered": return .series(try cat.asOrdered())
        case "as_unordered": return .series(try cat.asUnordered())
        default: throw RunnerGap("Series.cat.\(name) is not mapped to Bamboo")
        }
    }

    static func attribute(_ name: String, of target: CaseValue) async throws -> CaseValue {
        switch (name, target) {
        case ("shape", .frame(let df)):
            let shape = try await df.shape()
            return .tuple([.scalar(.int(Int64(shape.rows))), .scalar(.int(Int64(shape.columns)))])
        case ("shape", .series(let s)): return .tuple([.scalar(.int(Int64(try await s.len())))])
        case ("columns", .frame(let df)): return .index(df.columns)
        case ("dtypes", .frame(let df)): return .dtypes(labels: df.dtypes.map(\.label), dtypes: df.dtypes.map(\.dtype))
        case ("dtype", .series(let s)): return .scalar(.string(s.dtype.name))
        case ("index", .frame(let df)): return .index(try await df.index())
        case ("index", .series(let s)): return .index(try await s.index())
        case ("name", .series(let s)): return .scalar(s.name)
        case ("cat", .series(let s)): return .categorical(try s.cat)
        case ("str", .series(let s)): return .strings(try s.str)
        case ("dt", .series(let s)): return .datetimes(try s.dt)
        case (_, .datetimes(let dt)): return try DatetimeCalls.attribute(name, dt)
        case ("categories", .categorical(let cat)): return .index(cat.categories)
        case ("ordered", .categorical(let cat)): return .scalar(.bool(cat.ordered))
        case ("codes", .categorical(let cat)): return .series(try cat.codes)
        default: throw RunnerGap("attribute \(name) of \(target.kind) is not mapped")
        }
    }

    static func length(of target: CaseValue) async throws -> CaseValue {
        switch target {
        case .frame(let df): return .scalar(.int(Int64(try await df.len())))
        case .series(let s): return .scalar(.int(Int64(try await s.len())))
        case .index(let i): return .scalar(.int(Int64(i.count)))
        default: throw RunnerGap("len of \(target.kind)")
        }
    }
}

extension DataFrame {
    func mapAbs() throws -> DataFrame {
        var out = self
        for label in columns.values { out = try out.setColumn(label, try out.column(label).abs()) }
        return out
    }
}
