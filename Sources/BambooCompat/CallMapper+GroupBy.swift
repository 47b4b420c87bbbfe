import Bamboo

/// groupby calls: aggregations, windows, row selections.
extension CallMapper {
    /// Options of `rank`, validated as pandas does.
    static func rankOptions(_ a: Arguments) throws -> (RankMethod, Bool, RankNAOption, Bool) {
        let methodText = try a.string("method") ?? "average"
        guard let method = RankMethod(rawValue: methodText) else { throw BambooError(.invalidArgument, "invalid rank method '\(methodText)'") }
        let naText = try a.string("na_option") ?? "keep"
        guard let na = RankNAOption(rawValue: naText) else { throw BambooError(.invalidArgument, "na_option must be one of 'keep', 'top', or 'bottom'") }
        return (method, try a.bool("ascending", default: true), na, try a.bool("pct", default: false))
    }

    /// `by` holding `pd.Grouper`s (alone, or in a list with column labels) as Bamboo's Groupers; nil when it holds none.
    static func groupers(_ by: CaseValue?) throws -> [Grouper]? {
        switch by {
        case .grouper(let grouper)?: return [grouper]
        case .list(let items)?:
            guard items.contains(where: { if case .grouper = $0 { return true } else { return false } }) else { return nil }
            return try items.map { item in
                switch item {
                case .grouper(let grouper): return grouper
                case .scalar(let label): return Grouper(key: label)
                default: throw RunnerGap("groupby with a list holding a \(item.kind)")
                }
            }
        default: return nil
        }
    }

    /// `nth`'s positions: one or a list.
    static func positions(_ a: Arguments) throws -> [Int] {
        switch a["n"] {
        case .scalar(.int(let n))?: return [Int(n)]
        case .list?: return try Indexing.positions(a["n"] ?? .list([]))
        default: throw RunnerGap("nth with \(a["n"]?.kind ?? "nothing")")
        }
    }

    /// `quantile`'s q (a float; ints allowed).
    static func quantileQ(_ a: Arguments) throws -> Double {
        guard let q = try a.scalar("q") else { return 0.5 }
        guard let value = q.doubleValue else { throw RunnerGap("quantile with q \(q.pythonRepr)") }
        return value
    }

    static func interpolation(_ a: Arguments) throws -> QuantileInterpolation {
        let text = try a.string("interpolation") ?? "linear"
        guard let value = QuantileInterpolation(rawValue: text) else { throw BambooError(.invalidArgument, "interpolation='\(text)' is not valid") }
        return value
    }

    /// Calls shared by frame and Series groupbys whose results keep the rows (windows, selections).
    static func groupWindowCall(_ name: String, _ gb: DataFrameGroupBy, _ a: Arguments) throws -> DataFrame? {
        switch name {
        case "transform":
            guard case .scalar(.string(let function))? = a["func"] else { throw RunnerGap("transform with \(a["func"]?.kind ?? "nothing")") }
            if function == "size" { return nil }
            return try gb.transform(function, ddof: a.int("ddof") ?? 1)
        case "cumsum": return try gb.cumsum(skipna: a.bool("skipna", default: true))
        case "cumprod": return try gb.cumprod(skipna: a.bool("skipna", default: true))
        case "cummax": return try gb.cummax(skipna: a.bool("skipna", default: true))
        case "cummin": return try gb.cummin(skipna: a.bool("skipna", default: true))
        case "shift": return try gb.shift(a.int("periods") ?? 1, fillValue: a.scalar("fill_value"))
        case "diff": return try gb.diff(a.int("periods") ?? 1)
        case "pct_change": return try gb.pctChange(a.int("periods") ?? 1)
        case "rank":
            let (method, ascending, na, pct) = try rankOptions(a)
            return try gb.rank(method: method, ascending: ascending, naOption: na, pct: pct)
        case "head": return try gb.head(a.int("n") ?? 5)
        case "tail": return try gb.tail(a.int("n") ?? 5)
        case "nth": return try gb.nth(positions(a))
        default: return nil
        }
    }

    static func groupCall(_ name: String, _ gb: DataFrameGroupBy, asIndex: Bool, _ a: Arguments) throws -> CaseValue {
        if let rows = try groupWindowCall(name, gb, a) { return .frame(rows) }
        if name == "cumcount" { return .series(try gb.cumcount(ascending: a.bool("ascending", default: true))) }
        if name == "transform" { return .series(try gb.transformSize()) }
        let skipna = try a.bool("skipna", default: true)
        switch name {
        case "sum": return .frame(try gb.sum(minCount: a.int("min_count") ?? 0, skipna: skipna))
        case "prod": return .frame(try gb.prod(minCount: a.int("min_count") ?? 0, skipna: skipna))
        case "mean": return .frame(try gb.mean(skipna: skipna))
        case "median": return .frame(try gb.median(skipna: skipna))
        case "min": return .frame(try gb.min(skipna: skipna))
        case "max": return .frame(try gb.max(skipna: skipna))
        case "quantile": return .frame(try gb.quantile(quantileQ(a), interpolation: interpolation(a), numericOnly: a.bool("numeric_only", default: false)))
        case "idxmin": return .frame(try gb.idxmin(skipna: skipna))
        case "idxmax": return .frame(try gb.idxmax(skipna: skipna))
        case "count": return .frame(try gb.count())
        case "std": return .frame(try gb.std(ddof: a.int("ddof") ?? 1, skipna: skipna))
        case "var": return .frame(try gb.var(ddof: a.int("ddof") ?? 1, skipna: skipna))
        case "sem": return .frame(try gb.sem(ddof: a.int("ddof") ?? 1, skipna: skipna))
        case "skew": return .frame(try gb.skew(skipna: skipna))
        case "kurt": return .frame(try gb.kurt(skipna: skipna))
        case "first": return .frame(try gb.first(skipna: skipna))
        case "last": return .frame(try gb.last(skipna: skipna))
        case "nunique": return .frame(try gb.nunique())
        case "any": return .frame(try gb.any(skipna: skipna))
        case "all": return .frame(try gb.all(skipna: skipna))
        case "size": return asIndex ? .series(try gb.size()) : .frame(try gb.sizeFrame())
        case "agg":
            // pandas' agg("size") is size(): a Series (a frame with as_index=False).
            if case .scalar(.string("size"))? = a["func"] { return asIndex ? .series(try gb.size()) : .frame(try gb.sizeFrame()) }
            switch a["func"] {
            case .scalar(.string(let function))?: return .frame(try gb.agg(function, skipna: skipna))
            case .list?:
                guard let names = a["func"]?.scalars?.map(\.description) else { throw RunnerGap("agg with a mixed list") }
                return .frame(try gb.agg(names))
            case .dict(let pairs)?:
                let named = try pairs.map { key, value -> (String, String) in
                    guard case .scalar(.string(let column)) = key, case .scalar(.string(let function)) = value else {
                        throw RunnerGap("agg with a dict of lists is not supported by Bamboo yet")
                    }
                    return (column, function)
                }
                return .frame(try gb.agg(pairs: named.map { (column: $0.0, function: $0.1) }))
            default: throw RunnerGap("agg with \(a["func"]?.kind ?? "nothing") is not supported by Bamboo yet")
            }
        default: throw RunnerGap("DataFrameGroupBy.\(name) is not mapped to Bamboo")
        }
    }

    static func seriesGroupCall(_ name: String, _ gb: SeriesGroupBy, _ a: Arguments) throws -> CaseValue {
        switch name {
        case "transform":
            guard case .scalar(.string(let function))? = a["func"] else { throw RunnerGap("transform with \(a["func"]?.kind ?? "nothing")") }
            return .series(try gb.transform(function, ddof: a.int("ddof") ?? 1))
        case "cumsum": return .series(try gb.cumsum(skipna: a.bool("skipna", default: true)))
        case "cumprod": return .series(try gb.cumprod(skipna: a.bool("skipna", default: true)))
        case "cummax": return .series(try gb.cummax(skipna: a.bool("skipna", default: true)))
        case "cummin": return .series(try gb.cummin(skipna: a.bool("skipna", default: true)))
        case "cumcount": return .series(try gb.cumcount(ascending: a.bool("ascending", default: true)))
        case "shift": return .series(try gb.shift(a.int("periods") ?? 1, fillValue: a.scalar("fill_value")))
        case "diff": return .series(try gb.diff(a.int("periods") ?? 1))
        case "pct_change": return .series(try gb.pctChange(a.int("periods") ?? 1))
        case "rank":
            let (method, ascending, na, pct) = try rankOptions(a)
            return .series(try gb.rank(method: method, ascending: ascending, naOption: na, pct: pct))
        case "head": return .series(try gb.head(a.int("n") ?? 5))
        case "tail": return .series(try gb.tail(a.int("n") ?? 5))
        case "nth": return .series(try gb.nth(positions(a)))
        case "sum": return .series(try gb.sum(minCount: a.int("min_count") ?? 0, skipna: a.bool("skipna", default: true)))
        case "prod": return .series(try gb.prod(minCount: a.int("min_count") ?? 0, skipna: a.bool("skipna", default: true)))
        case "mean": return .series(try gb.mean(skipna: a.bool("skipna", default: true)))
        case "median": return .series(try gb.median(skipna: a.bool("skipna", default: true)))
        case "min": return .series(try gb.min(skipna: a.bool("skipna", default: true)))
        case "max": return .series(try gb.max(skipna: a.bool("skipna", default: true)))
        case "quantile": return .series(try gb.quantile(quantileQ(a), interpolation: interpolation(a)))
        case "idxmin": return .series(try gb.idxmin(skipna: a.bool("skipna", default: true)))
        case "idxmax": return .series(try gb.idxmax(skipna: a.bool("skipna", default: true)))
        case "count": return .series(try gb.count())
        case "std": return .series(try gb.std(ddof: a.int("ddof") ?? 1, skipna: a.bool("skipna", default: true)))
        case "var": return .series(try gb.var(ddof: a.int("ddof") ?? 1, skipna: a.bool("skipna", default: true)))
        case "sem": return .series(try gb.sem(ddof: a.int("ddof") ?? 1, skipna: a.bool("skipna", default: true)))
        case "skew": return .series(try gb.skew(skipna: a.bool("skipna", default: true)))
        case "kurt": return .series(try gb.kurt(skipna: a.bool("skipna", default: true)))
        case "first": return .series(try gb.first(skipna: a.bool("skipna", default: true)))
        case "last": return .series(try gb.last(skipna: a.bool("skipna", default: true)))
        case "nunique": return .series(try gb.nunique())
        case "any": return .series(try gb.any(skipna: a.bool("skipna", default: true)))
        case "all": return .series(try gb.all(skipna: a.bool("skipna", default: true)))
        case "size": return .series(try gb.size())
        case "agg":
            if case .list? = a["func"], let names = a["func"]?.scalars?.map(\.description) { return .frame(try gb.agg(names)) }
            guard case .scalar(.string(let function))? = a["func"] else { throw RunnerGap("SeriesGroupBy.agg with \(a["func"]?.kind ?? "nothing")") }
            return .series(function == "size" ? try gb.size() : try gb.agg(function, skipna: a.bool("skipna", default: true)))
        default: throw RunnerGap("SeriesGroupBy.\(name) is not mapped to Bamboo")
        }
    }
}
