import BambooCore
import BambooPlan

/// How `resample` and `Grouper(freq:)` cut datetimes into bins: a fixed frequency (`D`, `h`,
/// `15min`, ...) from midnight of the first value's day (pandas' `origin="start_day"`), or a
/// calendar rule (`B`, `W[-SUN]`, `MS`, `ME`, `QS`, `QE`, `YS`, `YE`) on its days at midnight.
/// Period ends (`ME`, `QE`, `YE`, `W`) close and label their bins on the right unless told
/// otherwise, the others on the left, as pandas' defaults do.
struct TimeBins: Sendable {
    enum Rule: Sendable {
        case fixed(nanos: Int64)
        case calendar(DateFrequency)
    }

    let text: String
    let rule: Rule
    let closedRight: Bool
    let labelRight: Bool

    init(_ text: String, closed: BinSide?, label: BinSide?) throws {
        self.text = text
        if let nanos = try? DatetimeMethods.nanos(of: text) {
            rule = .fixed(nanos: nanos)
        } else {
            let frequency = try DateFrequency(text)
            if case .fixed(let nanos) = frequency { rule = .fixed(nanos: nanos) } else { rule = .calendar(frequency) }
        }
        let endAnchored: Bool
        if case .calendar(let frequency) = rule { endAnchored = frequency.isEndAnchored } else { endAnchored = false }
        closedRight = (closed ?? (endAnchored ? .right : .left)) == .right
        labelRight = (label ?? (endAnchored ? .right : .left)) == .right
    }

    /// The bin of each value of the datetime field `time` of `frame`, as a categorical listing
    /// every bin from the first value's to the last's (so that grouping with `observed: false`
    /// shows the empty ones); NaT has no bin. Finding the first and last value runs an action.
    func key(_ time: Field, of frame: DataFrame) async throws -> Series {
        guard case .datetime(let unit, let tz) = time.dtype else { throw BambooError.invariant("time bins of a \(time.dtype.name) column") }
        guard tz == nil else { throw BambooError(.unsupportedOnBackend, "resample of zoned datetimes is not available yet; tzConvert(nil) first.") }
        let function: TemporalFunction
        var labels: [Int64] = []
        let times = try Series(session: frame.session, anchor: frame.plan, expr: .column(time.id), name: time.label)
        let range: (Int64, Int64)?
        if case .datetime(let first, _, _) = try await times.min(), case .datetime(let last, _, _) = try await times.max() {
            range = (first, last)
        } else {
            range = nil
        }
        switch rule {
        case .fixed(let nanos):
            let nanosPerTick = 1_000_000_000 / unit.ticksPerSecond
            guard nanos % nanosPerTick == 0 else { throw BambooError(.invalidArgument, "\(text) is finer than the column's unit \(unit.rawValue)") }
            let step = nanos / nanosPerTick
            var origin: Int64 = 0
            if let (first, last) = range {
                let day = 86_400 * unit.ticksPerSecond
                origin = first / day * day - (first % day < 0 ? day : 0)
                let (low, high) = (TemporalBinning.index(first, origin: origin, step: step, closedRight: closedRight),
                                   TemporalBinning.index(last, origin: origin, step: step, closedRight: closedRight))
                guard high - low < 10_000_000 else {
                    throw BambooError(.limitExceeded, "resample(\(text)) would make \(high - low + 1) bins, over Bamboo's limit of 10,000,000.")
                }
                labels = (low...high).map { origin + (labelRight ? $0 + 1 : $0) * step }
            }
            function = .bin(origin: origin, step: step, closedRight: closedRight, labelRight: labelRight)
        case .calendar(let frequency):
            if let (first, last) = range {
                labels = try CalendarBinning.labels(first: first, last: last, unit: unit, frequency: frequency, closedRight: closedRight, labelRight: labelRight)
            }
            function = .calendarBin(frequency, closedRight: closedRight, labelRight: labelRight)
        }
        let categories = CategoryType(categories: labels.map { .datetime($0, unit, tz: nil) }, ordered: true)
        return try Series(session: frame.session, anchor: frame.plan, expr: .cast(.temporal(.column(time.id), function), .category(categories)), name: time.label)
    }
}
