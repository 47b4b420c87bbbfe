import Bamboo

/// A value while a case runs: what a pandas expression would evaluate to at that step.
indirect enum CaseValue: Sendable {
    case frame(DataFrame)
    case series(Series)
    case scalar(Scalar)
    case index(Index)
    case tuple([CaseValue])
    case list([CaseValue])
    case dict([(CaseValue, CaseValue)])
    case slice(CaseValue?, CaseValue?, CaseValue?)
    /// `df.dtypes`: labels and dtype names.
    case dtypes(labels: [Scalar], dtypes: [DType])
    /// `df.groupby(...)` (and whether pandas' `as_index` holds, which decides result types).
    case groupBy(DataFrameGroupBy, asIndex: Bool)
    /// `df.groupby(...)["v"]`.
    case seriesGroupBy(SeriesGroupBy)
    /// `s.cat`.
    case categorical(CategoricalAccessor)
    /// `s.str`.
    case strings(StringMethods)
    /// `s.dt`.
    case datetimes(DatetimeMethods)
    /// `x.rolling(...)`, `x.expanding(...)` (and whether `x` was a Series).
    case moving(Rolling, series: Bool)
    /// `x.ewm(...)`.
    case exponential(ExponentialMoving, series: Bool)
    /// `gb.rolling(...)`, `gb.expanding(...)`, `gb.ewm(...)` (frame results; one column for a SeriesGroupBy).
    case groupedMoving(GroupedRolling, series: Bool)
    case groupedExponential(GroupedExponentialMoving, series: Bool)
    /// `x.resample(...)`.
    case resampler(Resampler, series: Bool)
    /// `pd.Grouper(...)`, an argument of `groupby`.
    case grouper(Grouper)

    var kind: String {
        switch self {
        case .frame: return "DataFrame"
        case .series: return "Series"
        case .scalar: return "scalar"
        case .index: return "Index"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .slice: return "slice"
        case .dtypes: return "dtypes"
        case .groupBy: return "DataFrameGroupBy"
        case .seriesGroupBy: return "SeriesGroupBy"
        case .categorical: return "CategoricalAccessor"
        case .strings: return "StringMethods"
        case .datetimes: return "DatetimeProperties"
        case .moving: return "Rolling"
        case .exponential: return "ExponentialMovingWindow"
        case .groupedMoving: return "RollingGroupby"
        case .groupedExponential: return "ExponentialMovingWindowGroupby"
        case .resampler: return "Resampler"
        case .grouper: return "Grouper"
        }
    }

    var scalar: Scalar? { if case .scalar(let s) = self { return s } else { return nil } }

    /// A list of scalars (labels, positions).
    var scalars: [Scalar]? {
        guard case .list(let items) = self else { return nil }
        let values = items.compactMap(\.scalar)
        return values.count == items.count ? values : nil
    }
}

/// The runner met a pandas call it cannot express through Bamboo's API.
struct RunnerGap: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
