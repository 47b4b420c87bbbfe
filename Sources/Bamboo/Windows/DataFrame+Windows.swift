import BambooCore
import Foundation
import BambooPlan

extension DataFrame {
    /// Each value moved `periods` rows down (pandas: `df.shift(periods, fill_value=)`); int columns
    /// become float64 where the gap is missing.
    public func shift(_ periods: Int = 1, fillValue: Scalar? = nil) throws -> DataFrame { try window(.shift(periods: periods, fill: fillValue)) }
    /// The difference with the value `periods` rows earlier (pandas: `df.diff(periods)`).
    public func diff(_ periods: Int = 1) throws -> DataFrame { try window(.diff(periods: periods)) }
    /// The change from `periods` rows earlier as a fraction (pandas 3: `df.pct_change(periods)`, no filling).
    public func pctChange(_ periods: Int = 1) throws -> DataFrame { try window(.pctChange(periods: periods)) }
    /// Running sums down each column (pandas: `df.cumsum(skipna=)`).
    public func cumsum(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cumsum, skipna: skipna)) }
    /// pandas: `df.cumprod(skipna=)`.
    public func cumprod(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cumprod, skipna: skipna)) }
    /// pandas: `df.cummax(skipna=)`.
    public func cummax(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cummax, skipna: skipna)) }
    /// pandas: `df.cummin(skipna=)`.
    public func cummin(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cummin, skipna: skipna)) }
    /// Ranks down each column (pandas: `df.rank(method=, ascending=, na_option=, pct=)`).
    public func rank(method: RankMethod = .average, ascending: Bool = true, naOption: RankNAOption = .keep, pct: Bool = false) throws -> DataFrame {
        try window(.rank(method: method, ascending: ascending, naOption: naOption, pct: pct))
    }

    /// A moving window of `window` rows (pandas: `df.rolling(window, min_periods=, center=, on=)`).
    ///
    /// ```swift
    /// let smooth = try df.rolling(3, center: true).mean()
    /// ```
    /// `minPeriods` defaults to the window size: fewer present values give a missing result. The
    /// column `on`, if given, is left out of the windows and kept as it is.
    public func rolling(_ window: Int, minPeriods: Int? = nil, center: Bool = false, on: Scalar? = nil) throws -> Rolling {
        guard window >= 0 else { throw BambooError(.invalidArgument, "window must be an integer 0 or greater") }
        if let minPeriods, minPeriods > window { throw BambooError(.invalidArgument, "min_periods \(minPeriods) must be <= window \(window)") }
        return Rolling(frame: self, window: window, minPeriods: minPeriods ?? window, center: center, on: try rollingColumn(on))
    }

    /// A window of a time span (pandas: `df.rolling("3D", min_periods=, on=)`): the rows whose time
    /// lies in `(t - span, t]`, on the datetime index or the datetime column `on`.
    ///
    /// ```swift
    /// let weekly = try df.rolling("7D", on: "t").sum()      // "t" is kept as it is
    /// ```
    /// `minPeriods` defaults to 1. The times must be sorted and have no NaT. Spans: `D`, `h`, `min`,
    /// `s`, `ms`, `us` with multiples.
    public func rolling(_ span: String, minPeriods: Int = 1, on: Scalar? = nil) throws -> Rolling {
        let nanos = try DatetimeMethods.nanos(of: span)
        let column = try rollingColumn(on)
        let times = try column.map { [$0] } ?? labelledPlan().schema.index.fields
        guard times.count == 1, case .datetime(let unit, _) = times[0].dtype else {
            throw BambooError(.invalidArgument, "window must be an integer 0 or greater")
        }
        let perTick = 1_000_000_000 / unit.ticksPerSecond
        return Rolling(frame: self, window: Int.max, minPeriods: minPeriods, center: false, on: column, span: Swift.max(1, nanos / perTick))
    }

    /// The column `on` of `rolling(on=)`.
    private func rollingColumn(_ on: Scalar?) throws -> Field? {
        guard let on else { return nil }
        let positions = schema.positions(of: on)
        guard positions.count == 1 else {
            throw BambooError(.invalidArgument, "invalid on specified as \(on), must be a column (of DataFrame), an Index or None")
        }
        return schema.columns[positions[0]]
    }

    /// A window of every row so far (pandas: `df.expanding(min_periods=)`).
    public func expanding(minPeriods: Int = 1) throws -> Rolling {
        Rolling(frame: self, window: Int.max, minPeriods: minPeriods, center: false)
    }

    /// Exponential weights (pandas: `df.ewm(com=, span=, halflife=, alpha=, adjust=, ignore_na=, min_periods=)`);
    /// give exactly one of `com`, `span`, `halflife` or `alpha`.
    public func ewm(com: Double? = nil, span: Double? = nil, halflife: Double? = nil, alpha: Double? = nil, minPeriods: Int = 0,
                    adjust: Bool = true, ignoreNA: Bool = false) throws -> ExponentialMoving {
        let given = [com, span, halflife, alpha].compactMap { $0 }
        guard given.count == 1 else { throw BambooError(.invalidArgument, "comass, span, halflife, and alpha are mutually exclusive") }
        let smoothing: Double
        if let com {
            guard com >= 0 else { throw BambooError(.invalidArgument, "comass must satisfy: comass >= 0") }
            smoothing = 1 / (1 + com)
        } else if let span {
            guard span >= 1 else { throw BambooError(.invalidArgument, "span must satisfy: span >= 1") }
            smoothing = 2 / (span + 1)
        } else if let halflife {
            guard halflife > 0 else { throw BambooError(.invalidArgument, "halflife must satisfy: halflife > 0") }
            smoothing = 1 - Foundation.exp(Foundation.log(0.5) / halflife)
        } else {
            smoothing = alpha ?? 0
            guard smoothing > 0 && smoothing <= 1 else { throw BambooError(.invalidArgument, "alpha must satisfy: 0 < alpha <= 1") }
        }
        return ExponentialMoving(frame: self, window: ExponentialWindow(alpha: smoothing, adjust: adjust, ignoreNA: ignoreNA, minPeriods: minPeriods))
    }

    /// The frame's columns through a whole-frame window function (one group holding every row);
    /// the column `on` (`rolling(on=)`) is kept as it is and gives a time-based window its times.
    func window(_ function: GroupWindowFunction, on: Field? = nil) throws -> DataFrame {
        try checkDeferred()
        var input = plan
        var times: Expr?
        if case .timeRolling = function {
            if let on {
                times = .column(on.id)
            } else {
                // A time-based window reads the index, so the index must be explicit.
                input = try labelledPlan()
                times = input.schema.index.fields.first.map { .column($0.id) }
            }
        }
        let columns = try schema.columns.map { field in
            let applied = field.id == on?.id ? .passthrough : function
            return WindowColumn(field: Field(label: field.label, dtype: try applied.resultDType(for: field.dtype)), function: applied, input: .column(field.id),
                                times: times)
        }
        return DataFrame(session: session, plan: try LogicalPlan(.groupWindow(input, keys: [], columns: columns, dropna: false)))
    }
}
