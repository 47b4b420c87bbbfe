/// A moving window of each row and the rows before it (pandas' `rolling`, or `expanding` with an
/// unbounded window): the aggregate of the window's present values, missing while fewer than
/// `minPeriods` values are present (`count` counts the window's rows instead).
public struct RollingWindow: Sendable, Hashable {
    public var window: Int
    public var minPeriods: Int
    public var center: Bool
    public var function: AggregateFunction
    public var ddof: Int

    public init(window: Int, minPeriods: Int, center: Bool, function: AggregateFunction, ddof: Int = 1) {
        self.window = window
        self.minPeriods = minPeriods
        self.center = center
        self.function = function
        self.ddof = ddof
    }

    /// The window of position `p` among `count` rows: the `window` rows ending at `p`, or centred
    /// on it (the extra row after it for an even window, as pandas places it).
    func bounds(_ p: Int, count: Int) -> ClosedRange<Int>? {
        // Saturating arithmetic: a huge window (or expanding's unbounded one) must not overflow.
        let span = Swift.min(window, count + 1)
        let low = center ? p - span / 2 : p - span + 1
        let high = center ? low + span - 1 : p
        let first = Swift.max(0, low), last = Swift.min(count - 1, high)
        return first <= last ? first...last : nil
    }

    /// The aggregate of one window's present values (`rows` counts its rows, missing ones included).
    func aggregate(_ present: [Double], rows: Int) -> Double {
        if function == .count { return rows >= minPeriods ? Double(present.count) : .nan }
        guard present.count >= minPeriods else { return .nan }
        guard !present.isEmpty else { return function == .sum ? 0 : .nan }
        switch function {
        case .sum: return present.reduce(0, +)
        case .mean: return present.reduce(0, +) / Double(present.count)
        case .min: return present.min() ?? .nan
        case .max: return present.max() ?? .nan
        default: return AggregateFunction.moment(function, present.sorted(), ddof: ddof)
        }
    }

    /// The aggregate of each position's window over `values` (NaN for missing).
    func apply(_ values: [Double]) -> [Double] {
        values.indices.map { p in
            let range = bounds(p, count: values.count)
            return aggregate(range.map { values[$0].filter { !$0.isNaN } } ?? [], rows: range?.count ?? 0)
        }
    }
}

/// Exponentially weighted mean (pandas' `ewm(...).mean()`), with pandas' `adjust` and `ignore_na`.
public struct ExponentialWindow: Sendable, Hashable {
    public var alpha: Double
    public var adjust: Bool
    public var ignoreNA: Bool
    public var minPeriods: Int

    public init(alpha: Double, adjust: Bool = true, ignoreNA: Bool = false, minPeriods: Int = 0) {
        self.alpha = alpha
        self.adjust = adjust
        self.ignoreNA = ignoreNA
        self.minPeriods = minPeriods
    }

    /// pandas' recurrence: the previous mean's weight decays by `1 - alpha` per row (per present
    /// value with `ignoreNA`); each value joins with weight 1 (`adjust`) or `alpha`.
    func mean(_ values: [Double]) -> [Double] {
        let decay = 1 - alpha, newWeight = adjust ? 1 : alpha
        var current = Double.nan, oldWeight = 1.0, observations = 0
        return values.map { x in
            let present = !x.isNaN
            if present { observations += 1 }
            if !current.isNaN {
                if present || !ignoreNA {
                    oldWeight *= decay
                    if present {
                        if current != x { current = (oldWeight * current + newWeight * x) / (oldWeight + newWeight) }
                        oldWeight = adjust ? oldWeight + newWeight : 1
                    }
                }
            } else if present {
                current = x
            }
            return observations >= Swift.max(minPeriods, 1) ? current : .nan
        }
    }
}
