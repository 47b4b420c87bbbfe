import BambooCore
import BambooPlan

/// Which edge of a `resample` bin is closed, or labels it (pandas' `closed=`, `label=`).
public enum BinSide: String, Sendable {
    case left, right
}

extension DataFrame {
    /// Groups rows into time bins of a fixed frequency (pandas: `df.resample(rule, on=, closed=, label=)`):
    /// on a datetime column (`on:`) or the datetime index.
    ///
    /// ```swift
    /// let hourly = try await df.resample("h", on: "t").sum()
    /// ```
    /// Bins start at midnight of the first value's day (pandas' `origin="start_day"`), and every bin
    /// between the first and the last value is listed, empty ones included (a sum of 0, a mean of
    /// NaN). Frequencies: `D`, `h`, `min`, `s`, `ms`, `us`, with multiples (`15min`). Finding the
    /// first and last value runs a small action.
    public func resample(_ rule: String, on: Scalar? = nil, closed: BinSide = .left, label: BinSide = .left) async throws -> Resampler {
        try checkDeferred()
        let labelled = DataFrame(session: session, plan: try labelledPlan())
        let time: Field
        if let on {
            time = try schema.column(on)
        } else {
            guard labelled.schema.index.fields.count == 1, let level = labelled.schema.index.fields.first else {
                throw BambooError(.typeMismatch, "Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'MultiIndex'")
            }
            time = level
        }
        guard case .datetime(let unit, let tz) = time.dtype else {
            throw BambooError(.typeMismatch, on == nil ? "Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'Index'"
                                                       : "resample on \(on?.pythonRepr ?? "") needs a datetime column, not \(time.dtype.name)")
        }
        guard tz == nil else { throw BambooError(.unsupportedOnBackend, "resample of zoned datetimes is not available yet; tzConvert(nil) first.") }
        let nanos = try DatetimeMethods.nanos(of: rule)
        let nanosPerTick = 1_000_000_000 / unit.ticksPerSecond
        guard nanos % nanosPerTick == 0 else { throw BambooError(.invalidArgument, "\(rule) is finer than the column's unit \(unit.rawValue)") }
        let step = nanos / nanosPerTick
        let times = try Series(session: session, anchor: labelled.plan, expr: .column(time.id), name: time.label)
        var categories: [Scalar] = []
        var origin: Int64 = 0
        if case .datetime(let first, _, _) = try await times.min(), case .datetime(let last, _, _) = try await times.max() {
            let day = 86_400 * unit.ticksPerSecond
            origin = first / day * day - (first % day < 0 ? day : 0)
            let (low, high) = (TemporalBinning.index(first, origin: origin, step: step, closedRight: closed == .right),
                               TemporalBinning.index(last, origin: origin, step: step, closedRight: closed == .right))
            guard high - low < 10_000_000 else { throw BambooError(.limitExceeded, "resample(\(rule)) would make \(high - low + 1) bins, over Bamboo's limit of 10,000,000.") }
            categories = (low...high).map { .datetime(origin + (label == .right ? $0 + 1 : $0) * step, unit, tz: nil) }
        }
        let bins = TemporalFunction.bin(origin: origin, step: step, closedRight: closed == .right, labelRight: label == .right)
        let key = try Series(session: session, anchor: labelled.plan,
                             expr: .cast(.temporal(.column(time.id), bins), .category(CategoryType(categories: categories, ordered: true))), name: time.label)
        var groups = try labelled.groupby([key], sort: true, dropna: true, observed: false)
        if on != nil { groups = try groups[labelled.schema.columns.filter { $0.id != time.id }.map(\.label)] }
        return Resampler(groups: groups, unit: unit)
    }
}

/// Time bins of a frame (pandas: `Resampler`): each aggregation gives one row per bin, indexed by the bins' labels.
public struct Resampler: Sendable {
    let groups: DataFrameGroupBy
    let unit: TimeUnit

    public func sum(minCount: Int = 0) throws -> DataFrame { try binned(groups.sum(minCount: minCount)) }
    public func mean() throws -> DataFrame { try binned(groups.mean()) }
    public func median() throws -> DataFrame { try binned(groups.median()) }
    public func min() throws -> DataFrame { try binned(groups.min()) }
    public func max() throws -> DataFrame { try binned(groups.max()) }
    public func count() throws -> DataFrame { try binned(groups.count()) }
    public func first() throws -> DataFrame { try binned(groups.first()) }
    public func last() throws -> DataFrame { try binned(groups.last()) }
    public func std(ddof: Int = 1) throws -> DataFrame { try binned(groups.std(ddof: ddof)) }
    public func `var`(ddof: Int = 1) throws -> DataFrame { try binned(groups.var(ddof: ddof)) }

    /// The bins' labels as datetimes (the grouping used a categorical of every bin).
    func binned(_ frame: DataFrame) throws -> DataFrame {
        let plan = try frame.labelledPlan()
        let levels = plan.schema.index.fields.map { NamedExpr(field: Field(label: $0.label, dtype: .datetime(unit, tz: nil)), expr: .cast(.column($0.id), .datetime(unit, tz: nil))) }
        return try frame.with(.project(plan, index: .fields(levels), columns: plan.schema.columns.map(NamedExpr.passthrough)))
    }
}

extension Series {
    /// pandas: `s.resample(rule, closed=, label=)` on a datetime index; aggregations are one-column frames (take the column, or use ``DataFrame/resample(_:on:closed:label:)``).
    public func resample(_ rule: String, closed: BinSide = .left, label: BinSide = .left) async throws -> Resampler {
        try await toFrame().resample(rule, closed: closed, label: label)
    }
}
