import Bamboo

/// Whole-frame window calls of case files (`shift`, `diff`, `pct_change`, `cum*`, `rank`,
/// `rolling`/`expanding`/`ewm` and their aggregations), on frames and Series alike.
enum WindowCalls {
    static let parameters: [String: [String]] = [
        "shift": ["periods", "freq", "axis", "fill_value", "suffix"], "diff": ["periods", "axis"], "pct_change": ["periods", "fill_method", "freq"],
        "cumsum": ["axis", "skipna"], "cumprod": ["axis", "skipna"], "cummax": ["axis", "skipna"], "cummin": ["axis", "skipna"],
        "rank": ["axis", "method", "numeric_only", "na_option", "ascending", "pct"],
        "rolling": ["window", "min_periods", "center", "win_type", "on", "axis", "closed", "step", "method"],
        "expanding": ["min_periods", "axis", "method"],
        "ewm": ["com", "span", "halflife", "alpha", "min_periods", "adjust", "ignore_na", "axis", "times", "method"],
    ]
    static let supported: [String: [String]] = [
        "shift": ["periods", "fill_value"], "diff": ["periods"], "pct_change": ["periods"], "cumsum": ["skipna"], "cumprod": ["skipna"],
        "cummax": ["skipna"], "cummin": ["skipna"], "rank": ["method", "na_option", "ascending", "pct"],
        "rolling": ["window", "min_periods", "center", "on"], "expanding": ["min_periods"],
        "ewm": ["com", "span", "halflife", "alpha", "min_periods", "adjust", "ignore_na"],
    ]

    /// nil when `name` on `target` is not a whole-frame window call.
    static func call(_ name: String, on target: CaseValue, _ args: [CaseValue], _ kwargs: [(String, CaseValue)]) async throws -> CaseValue? {
        switch target {
        case .resampler(let bins, let series):
            let a = try Arguments(name, args, kwargs, parameters: ["ddof", "min_count"])
            let frame: DataFrame
            switch name {
            case "size": return .series(try bins.size())
            case "sum": frame = try bins.sum(minCount: a.int("min_count") ?? 0)
            case "mean": frame = try bins.mean()
            case "median": frame = try bins.median()
            case "min": frame = try bins.min()
            case "max": frame = try bins.max()
            case "count": frame = try bins.count()
            case "first": frame = try bins.first()
            case "last": frame = try bins.last()
            case "std": frame = try bins.std(ddof: a.int("ddof") ?? 1)
            case "var": frame = try bins.var(ddof: a.int("ddof") ?? 1)
            default: throw RunnerGap("Resampler.\(name) is not mapped to Bamboo")
            }
            return try wrap(frame, series: series)
        case .frame where name == "resample", .series where name == "resample":
            let a = try Arguments(name, args, kwargs, parameters: ["rule", "axis", "closed", "label", "convention", "on", "level", "origin", "offset", "group_keys"])
            for keyword in ["axis", "convention", "level", "origin", "offset", "group_keys"] where a.has(keyword) {
                throw RunnerGap("resample(\(keyword)=) is not supported by Bamboo yet")
            }
            guard let rule = try a.string("rule") else { throw RunnerGap("resample without a rule") }
            func side(_ key: String) throws -> BinSide? {
                guard let text = try a.string(key) else { return nil }
                guard let side = BinSide(rawValue: text) else { throw BambooError(.invalidArgument, "\(key) must be 'right', 'left' or None") }
                return side
            }
            switch target {
            case .frame(let df): return .resampler(try await df.resample(rule, on: a.scalar("on"), closed: side("closed"), label: side("label")), series: false)
            case .series(let s): return .resampler(try await s.resample(rule, closed: side("closed"), label: side("label")), series: true)
            default: return nil
            }
        case .moving(let window, let series):
            return try wrap(aggregate(name, args, kwargs, sum: window.sum, mean: window.mean, min: window.min, max: window.max,
                                      median: window.median, count: window.count, std: window.std, variance: window.var), series: series)
        case .exponential(let window, let series):
            guard name == "mean" else { throw RunnerGap("ExponentialMovingWindow.\(name) is not mapped to Bamboo") }
            return try wrap(window.mean(), series: series)
        case .groupedMoving(let window, let series):
            return try wrap(aggregate(name, args, kwargs, sum: window.sum, mean: window.mean, min: window.min, max: window.max,
                                      median: window.median, count: window.count, std: window.std, variance: window.var), series: series)
        case .groupedExponential(let window, let series):
            guard name == "mean" else { throw RunnerGap("ExponentialMovingWindowGroupby.\(name) is not mapped to Bamboo") }
            return try wrap(window.mean(), series: series)
        case .groupBy(let gb, _) where ["rolling", "expanding", "ewm"].contains(name):
            return try groupedWindow(name, gb, series: false, args, kwargs)
        case .seriesGroupBy(let gb) where ["rolling", "expanding", "ewm"].contains(name):
            return try groupedWindow(name, gb.groupBy, series: true, args, kwargs)
        case .frame, .series:
            guard let parameters = parameters[name] else { return nil }
            let a = try Arguments(name, args, kwargs, parameters: parameters)
            for keyword in parameters where a.has(keyword) && !(supported[name] ?? []).contains(keyword) {
                throw RunnerGap("\(name)(\(keyword)=) is not supported by Bamboo yet")
            }
            let isSeries: Bool
            let frame: DataFrame
            switch target {
            case .series(let s): (isSeries, frame) = (true, try s.toFrame())
            case .frame(let df): (isSeries, frame) = (false, df)
            default: return nil
            }
            let skipna = try a.bool("skipna", default: true)
            switch name {
            case "shift": return try wrap(frame.shift(a.int("periods") ?? 1, fillValue: a.given("fill_value")), series: isSeries)
            case "diff": return try wrap(frame.diff(a.int("periods") ?? 1), series: isSeries)
            case "pct_change": return try wrap(frame.pctChange(a.int("periods") ?? 1), series: isSeries)
            case "cumsum": return try wrap(frame.cumsum(skipna: skipna), series: isSeries)
            case "cumprod": return try wrap(frame.cumprod(skipna: skipna), series: isSeries)
            case "cummax": return try wrap(frame.cummax(skipna: skipna), series: isSeries)
            case "cummin": return try wrap(frame.cummin(skipna: skipna), series: isSeries)
            case "rank":
                let method = try RankMethod(rawValue: a.string("method") ?? "average").orThrow("method must be one of average, min, max, first, dense")
                let naOption = try RankNAOption(rawValue: a.string("na_option") ?? "keep").orThrow("na_option must be one of 'keep', 'top', or 'bottom'")
                return try wrap(frame.rank(method: method, ascending: a.bool("ascending", default: true), naOption: naOption, pct: a.bool("pct", default: false)),
                                series: isSeries)
            case "rolling":
                let on = try a.given("on")
                if on != nil && isSeries { throw RunnerGap("Series.rolling(on=) is not mapped to Bamboo") }
                if case .string(let span)? = try a.scalar("window") {
                    return .moving(try frame.rolling(span, minPeriods: a.int("min_periods") ?? 1, on: on), series: isSeries)
                }
                guard let window = try a.int("window") else { throw RunnerGap("rolling with a non-integer window") }
                return .moving(try frame.rolling(window, minPeriods: a.int("min_periods"), center: a.bool("center", default: false), on: on), series: isSeries)
            case "expanding": return .moving(try frame.expanding(minPeriods: a.int("min_periods") ?? 1), series: isSeries)
            case "ewm":
                func number(_ key: String) throws -> Double? { try a.scalar(key).flatMap { $0.doubleValue } }
                return .exponential(try frame.ewm(com: number("com"), span: number("span"), halflife: number("halflife"), alpha: number("alpha"),
                                                  minPeriods: a.int("min_periods") ?? 0, adjust: a.bool("adjust", default: true),
                                                  ignoreNA: a.bool("ignore_na", default: false)), series: isSeries)
            default: return nil
            }
        default:
            return nil
        }
    }

    static func groupedWindow(_ name: String, _ gb: DataFrameGroupBy, series: Bool, _ args: [CaseValue], _ kwargs: [(String, CaseValue)]) throws -> CaseValue {
        guard let names = parameters[name] else { throw RunnerGap("\(name) is not mapped to Bamboo") }
        let a = try Arguments(name, args, kwargs, parameters: names)
        for keyword in names where a.has(keyword) && !(supported[name] ?? []).contains(keyword) {
            throw RunnerGap("groupby.\(name)(\(keyword)=) is not supported by Bamboo yet")
        }
        switch name {
        case "rolling":
            guard let window = try a.int("window") else { throw RunnerGap("rolling with a non-integer window") }
            return .groupedMoving(try gb.rolling(window, minPeriods: a.int("min_periods"), center: a.bool("center", default: false)), series: series)
        case "expanding": return .groupedMoving(try gb.expanding(minPeriods: a.int("min_periods") ?? 1), series: series)
        default:
            func number(_ key: String) throws -> Double? { try a.scalar(key).flatMap { $0.doubleValue } }
            return .groupedExponential(try gb.ewm(com: number("com"), span: number("span"), halflife: number("halflife"), alpha: number("alpha"),
                                                  minPeriods: a.int("min_periods") ?? 0, adjust: a.bool("adjust", default: true),
                                                  ignoreNA: a.bool("ignore_na", default: false)), series: series)
        }
    }

    /// A moving window's aggregation by pandas' name (the same names for `Rolling` and `RollingGroupby`).
    static func aggregate(_ name: String, _ args: [CaseValue], _ kwargs: [(String, CaseValue)],
                          sum: () throws -> DataFrame, mean: () throws -> DataFrame, min: () throws -> DataFrame, max: () throws -> DataFrame,
                          median: () throws -> DataFrame, count: () throws -> DataFrame,
                          std: (Int) throws -> DataFrame, variance: (Int) throws -> DataFrame) throws -> DataFrame {
        let a = try Arguments(name, args, kwargs, parameters: ["ddof"])
        let ddof = try a.int("ddof") ?? 1
        switch name {
        case "sum": return try sum()
        case "mean": return try mean()
        case "min": return try min()
        case "max": return try max()
        case "median": return try median()
        case "count": return try count()
        case "std": return try std(ddof)
        case "var": return try variance(ddof)
        default: throw RunnerGap("Rolling.\(name) is not mapped to Bamboo")
        }
    }

    static func wrap(_ frame: DataFrame, series: Bool) throws -> CaseValue {
        series ? .series(try frame.iloc[.all, 0]) : .frame(frame)
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let value = self else { throw BambooError(.invalidArgument, message) }
        return value
    }
}
