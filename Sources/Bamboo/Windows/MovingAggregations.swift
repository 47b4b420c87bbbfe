import BambooCore
import BambooPlan

/// A frame's moving (or expanding) windows (pandas: `Rolling`, `Expanding`): each aggregation
/// gives a float64 frame with the same rows and index.
public struct Rolling: Sendable {
    let frame: DataFrame
    let window: Int
    let minPeriods: Int
    let center: Bool
    /// The column `rolling(on=)` names: kept as it is, and the times of a time span.
    var on: Field? = nil
    /// A time span in the times' ticks (`rolling("3D")`), instead of a number of rows.
    var span: Int64? = nil

    func aggregate(_ function: AggregateFunction, ddof: Int = 1) throws -> DataFrame {
        let spec = RollingWindow(window: window, minPeriods: minPeriods, center: center, function: function, ddof: ddof)
        if let span { return try frame.window(.timeRolling(spec, span: span, timesName: on.map { $0.label.description } ?? "index"), on: on) }
        return try frame.window(.rolling(spec), on: on)
    }

    public func sum() throws -> DataFrame { try aggregate(.sum) }
    public func mean() throws -> DataFrame { try aggregate(.mean) }
    public func min() throws -> DataFrame { try aggregate(.min) }
    public func max() throws -> DataFrame { try aggregate(.max) }
    public func median() throws -> DataFrame { try aggregate(.median) }
    /// The number of present values (missing until the window holds `minPeriods` rows).
    public func count() throws -> DataFrame { try aggregate(.count) }
    public func std(ddof: Int = 1) throws -> DataFrame { try aggregate(.std, ddof: ddof) }
    public func `var`(ddof: Int = 1) throws -> DataFrame { try aggregate(.var, ddof: ddof) }
}

/// Exponentially weighted windows of a frame (pandas: `ExponentialMovingWindow`).
public struct ExponentialMoving: Sendable {
    let frame: DataFrame
    let window: ExponentialWindow

    /// pandas: `df.ewm(...).mean()`.
    public func mean() throws -> DataFrame { try frame.window(.ewmMean(window)) }
}

extension Series {
    /// pandas: `s.shift(periods, fill_value=)`.
    public func shift(_ periods: Int = 1, fillValue: Scalar? = nil) throws -> Series { try .wrapping(toFrame().shift(periods, fillValue: fillValue)) }
    /// pandas: `s.diff(periods)`.
    public func diff(_ periods: Int = 1) throws -> Series { try .wrapping(toFrame().diff(periods)) }
    /// pandas 3: `s.pct_change(periods)`.
    public func pctChange(_ periods: Int = 1) throws -> Series { try .wrapping(toFrame().pctChange(periods)) }
    /// pandas: `s.cumsum(skipna=)`.
    public func cumsum(skipna: Bool = true) throws -> Series { try .wrapping(toFrame().cumsum(skipna: skipna)) }
    public func cumprod(skipna: Bool = true) throws -> Series { try .wrapping(toFrame().cumprod(skipna: skipna)) }
    public func cummax(skipna: Bool = true) throws -> Series { try .wrapping(toFrame().cummax(skipna: skipna)) }
    public func cummin(skipna: Bool = true) throws -> Series { try .wrapping(toFrame().cummin(skipna: skipna)) }
    /// pandas: `s.rank(method=, ascending=, na_option=, pct=)`.
    public func rank(method: RankMethod = .average, ascending: Bool = true, naOption: RankNAOption = .keep, pct: Bool = false) throws -> Series {
        try .wrapping(toFrame().rank(method: method, ascending: ascending, naOption: naOption, pct: pct))
    }
    /// pandas: `s.rolling(window, min_periods=, center=)`; aggregations return one-column frames: take `[name]` or use ``SeriesRolling``.
    public func rolling(_ window: Int, minPeriods: Int? = nil, center: Bool = false) throws -> SeriesRolling {
        SeriesRolling(frame: try toFrame().rolling(window, minPeriods: minPeriods, center: center))
    }
    /// pandas: `s.rolling("3D", min_periods=)` on a datetime index.
    public func rolling(_ span: String, minPeriods: Int = 1) throws -> SeriesRolling {
        SeriesRolling(frame: try toFrame().rolling(span, minPeriods: minPeriods))
    }
    /// pandas: `s.expanding(min_periods=)`.
    public func expanding(minPeriods: Int = 1) throws -> SeriesRolling { SeriesRolling(frame: try toFrame().expanding(minPeriods: minPeriods)) }
    /// pandas: `s.ewm(...)`.
    public func ewm(com: Double? = nil, span: Double? = nil, halflife: Double? = nil, alpha: Double? = nil, minPeriods: Int = 0,
                    adjust: Bool = true, ignoreNA: Bool = false) throws -> SeriesExponentialMoving {
        SeriesExponentialMoving(frame: try toFrame().ewm(com: com, span: span, halflife: halflife, alpha: alpha, minPeriods: minPeriods,
                                                        adjust: adjust, ignoreNA: ignoreNA))
    }
}

/// A Series' moving windows (pandas: `s.rolling(...)`); each aggregation is a float64 Series.
public struct SeriesRolling: Sendable {
    let frame: Rolling
    public func sum() throws -> Series { try .wrapping(frame.sum()) }
    public func mean() throws -> Series { try .wrapping(frame.mean()) }
    public func min() throws -> Series { try .wrapping(frame.min()) }
    public func max() throws -> Series { try .wrapping(frame.max()) }
    public func median() throws -> Series { try .wrapping(frame.median()) }
    public func count() throws -> Series { try .wrapping(frame.count()) }
    public func std(ddof: Int = 1) throws -> Series { try .wrapping(frame.std(ddof: ddof)) }
    public func `var`(ddof: Int = 1) throws -> Series { try .wrapping(frame.var(ddof: ddof)) }
}

/// A Series' exponentially weighted windows (pandas: `s.ewm(...)`).
public struct SeriesExponentialMoving: Sendable {
    let frame: ExponentialMoving
    public func mean() throws -> Series { try .wrapping(frame.mean()) }
}
