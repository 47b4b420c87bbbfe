import BambooCore
import BambooPlan

/// Which edge of a `resample` bin is closed, or labels it (pandas' `closed=`, `label=`).
public enum BinSide: String, Sendable {
    case left, right
}

extension DataFrame {
    /// Groups rows into time bins (pandas: `df.resample(rule, on=, closed=, label=)`): on a datetime
    /// column (`on:`) or the datetime index.
    ///
    /// ```swift
    /// let hourly = try await df.resample("h", on: "t").sum()
    /// let monthly = try await df.resample("ME", on: "t").mean()      // labelled by each month's last day
    /// ```
    /// Rules: fixed frequencies `D`, `h`, `min`, `s`, `ms`, `us` with multiples (`15min`), whose bins
    /// start at midnight of the first value's day (pandas' `origin="start_day"`), and the calendar
    /// rules `B`, `W` (`W-SUN`, `W-MON`, ...), `MS`, `ME`, `QS`, `QE`, `YS`, `YE`. `closed` and `label`
    /// default as in pandas: right for the period ends `ME`, `QE`, `YE` and `W`, left otherwise.
    /// Every bin between the first and the last value is listed, empty ones included (a sum of 0, a
    /// mean of NaN); NaT rows are left out. Finding the first and last value runs a small action.
    public func resample(_ rule: String, on: Scalar? = nil, closed: BinSide? = nil, label: BinSide? = nil) async throws -> Resampler {
        try checkDeferred()
        return Resampler(groups: try await groupby(Grouper(key: on, freq: rule, closed: closed, label: label)))
    }
}

/// Time bins of a frame (pandas: `Resampler`): each aggregation gives one row per bin, indexed by
/// the bins' labels.
public struct Resampler: Sendable {
    let groups: DataFrameGroupBy

    public func sum(minCount: Int = 0) throws -> DataFrame { try groups.sum(minCount: minCount) }
    public func mean() throws -> DataFrame { try groups.mean() }
    public func median() throws -> DataFrame { try groups.median() }
    public func min() throws -> DataFrame { try groups.min() }
    public func max() throws -> DataFrame { try groups.max() }
    public func count() throws -> DataFrame { try groups.count() }
    public func first() throws -> DataFrame { try groups.first() }
    public func last() throws -> DataFrame { try groups.last() }
    public func std(ddof: Int = 1) throws -> DataFrame { try groups.std(ddof: ddof) }
    public func `var`(ddof: Int = 1) throws -> DataFrame { try groups.var(ddof: ddof) }
    /// Rows per bin, 0 for an empty one (pandas: `r.size()`).
    public func size() throws -> Series { try groups.size() }
}

extension Series {
    /// pandas: `s.resample(rule, closed=, label=)` on a datetime index; aggregations are one-column frames (take the column, or use ``DataFrame/resample(_:on:closed:label:)``).
    public func resample(_ rule: String, closed: BinSide? = nil, label: BinSide? = nil) async throws -> Resampler {
        try await toFrame().resample(rule, closed: closed, label: label)
    }
}
