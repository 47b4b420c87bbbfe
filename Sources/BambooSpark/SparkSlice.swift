#if Spark
/// A Python slice `[start:stop]` (step 1) as Spark's OFFSET and LIMIT over ordered rows, without
/// knowing the row count: non-negative bounds count from the start; negative bounds from the end,
/// which is the same window over the rows in reverse order (`tail(3)` = the first 3 reversed).
/// Mixed signs (`[2:-1]`) need the row count and are not translated.
struct SparkSlice: Equatable {
    /// Rows skipped, counted from the start (or from the end when `fromEnd`).
    var offset: Int
    /// Rows kept after the offset; nil keeps the rest.
    var count: Int?
    var fromEnd: Bool

    static let unsupportedHint = "Slices with a step other than 1, or with one bound negative and the other not (e.g. iloc[2:-1]), have no Spark translation yet; use head()/tail() or run on the eager backend."

    init?(start: Int?, stop: Int?, step: Int) {
        guard step == 1 else { return nil }
        switch (start, stop) {
        case (let start?, _) where start < 0:
            guard (stop ?? -1) < 0 else { return nil }
            // Reversed, original [n+start, n+stop) is [-stop, -start). Magnitudes are clamped so
            // that Int.min bounds (any count of rows) cannot overflow.
            let skipped = stop.map { Int(clamping: $0.magnitude) } ?? 0
            self.init(offset: skipped, count: Swift.max(0, Int(clamping: start.magnitude) - skipped), fromEnd: true)
        case (_, let stop?) where stop < 0:
            return nil  // start ≥ 0 with stop < 0: needs the row count
        default:
            let from = start ?? 0
            self.init(offset: from, count: stop.map { Swift.max(0, $0 - from) }, fromEnd: false)
        }
    }

    init(offset: Int, count: Int?, fromEnd: Bool) {
        self.offset = offset
        self.count = count
        self.fromEnd = fromEnd
    }
}
#endif
