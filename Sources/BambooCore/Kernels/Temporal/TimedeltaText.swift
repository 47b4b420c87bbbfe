/// pandas' `to_timedelta` text: `1 days 02:00:00`, `-1 days +23:00:00`, `1h`, `30min`, `1.5h`,
/// `1d2h3m`, `00:01:00.5`; a sign may start any component.
public enum TimedeltaText {
    /// Each unit's spellings and its length in nanoseconds.
    public static let units: [(names: [String], nanos: Int64)] = [
        (["weeks", "week", "w", "W"], 604_800_000_000_000),
        (["days", "day", "d", "D"], 86_400_000_000_000),
        (["hours", "hour", "hr", "h", "H"], 3_600_000_000_000),
        (["minutes", "minute", "min", "m", "T"], 60_000_000_000),
        (["seconds", "second", "sec", "s", "S"], 1_000_000_000),
        (["milliseconds", "millisecond", "ms", "L"], 1_000_000),
        (["microseconds", "microsecond", "us", "U"], 1_000),
        (["nanoseconds", "nanosecond", "ns", "N"], 1),
    ]

    /// Nanoseconds, or nil when the text is not a timedelta.
    static func nanos(_ text: String) -> Int64? {
        let chars = Array(text.unicodeScalars)
        var i = 0
        var total: Int64 = 0
        var components = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }
        func number() -> (whole: Int64, fraction: Double)? {
            var whole: Int64 = 0, digits = 0
            while i < chars.count, let d = chars[i].properties.numericType == .decimal ? Int64(String(chars[i])) : nil {
                let (product, overflow) = whole.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                whole = product + d
                digits += 1
                i += 1
            }
            var fraction = 0.0, scale = 0.1
            if i < chars.count, chars[i] == "." {
                i += 1
                while i < chars.count, let d = chars[i].properties.numericType == .decimal ? Double(String(chars[i])) : nil {
                    fraction += d * scale
                    scale /= 10
                    digits += 1
                    i += 1
                }
            }
            return digits > 0 ? (whole, fraction) : nil
        }
        skipSpaces()
        while i < chars.count {
            var sign: Int64 = 1
            if chars[i] == "-" || chars[i] == "+" { sign = chars[i] == "-" ? -1 : 1; i += 1 }
            skipSpaces()
            guard let (whole, fraction) = number() else { return nil }
            var value: Int64
            if i < chars.count, chars[i] == ":" {
                // A clock: hours:minutes[:seconds[.fraction]].
                i += 1
                guard let (minutes, _) = number() else { return nil }
                var seconds: (Int64, Double) = (0, 0)
                if i < chars.count, chars[i] == ":" {
                    i += 1
                    guard let parsed = number() else { return nil }
                    seconds = parsed
                }
                value = whole * 3_600_000_000_000 + minutes * 60_000_000_000 + seconds.0 * 1_000_000_000 + Int64((seconds.1 * 1e9).rounded())
            } else {
                skipSpaces()
                let start = i
                while i < chars.count, chars[i].properties.isAlphabetic { i += 1 }
                let word = String(String.UnicodeScalarView(chars[start..<i]))
                // A bare number is nanoseconds, as pandas reads it.
                let unit = word.isEmpty ? 1 : units.first { $0.names.contains(word) }?.nanos
                guard let unit else { return nil }
                let (product, overflow) = whole.multipliedReportingOverflow(by: unit)
                guard !overflow else { return nil }
                value = product + Int64((fraction * Double(unit)).rounded())
            }
            total = total &+ sign * value
            components += 1
            skipSpaces()
        }
        return components > 0 ? total : nil
    }
}

extension Column {
    /// pandas' `to_timedelta`: text as in ``TimedeltaText``, numbers counted in `unit` (nanoseconds
    /// by default); microsecond resolution (nanoseconds for floats), as pandas 3 gives.
    public func parsedAsTimedelta(unit: TimeUnit?, coerce: Bool) throws -> Column {
        if case .timedelta = dtype { return self }
        var ticks = [Int64](repeating: 0, count: count)
        var valid = [Bool](repeating: true, count: count)
        // Floats keep nanoseconds, as pandas 3 does, unless every value is whole (NaN aside): those
        // read as integers. Text and ints give microseconds. (An empty float column, the plan's
        // typing, is nanoseconds.)
        let floating = (dtype == .float64 || dtype == .nullableFloat64)
            && (count == 0 || (0..<count).contains { !isMissing($0) && (scalar(at: $0).doubleValue.map { $0.rounded(.towardZero) != $0 } ?? false) })
        let perTick: Int64 = floating ? 1 : 1_000
        for row in 0..<count {
            if isMissing(row) { valid[row] = false; continue }
            let nanos: Int64?
            switch scalar(at: row) {
            case .string(let text): nanos = DatetimeText.natWords.contains(text) ? nil : TimedeltaText.nanos(text)
            case .int(let v): nanos = v.multipliedReportingOverflow(by: 1_000_000_000 / (unit ?? .ns).ticksPerSecond).partialValue
            case .float(let x):
                let scaled = x * 1e9 / Double((unit ?? .ns).ticksPerSecond)
                nanos = scaled.isFinite && abs(scaled) < 9.2e18 ? Int64(scaled.rounded()) : nil
            default: nanos = nil
            }
            if case .string(let text) = scalar(at: row), DatetimeText.natWords.contains(text) { valid[row] = false; continue }
            guard let nanos else {
                if coerce { valid[row] = false; continue }
                throw BambooError(.invalidArgument, "Could not convert \(scalar(at: row).pythonRepr) to NumPy timedelta")
            }
            ticks[row] = nanos / perTick
        }
        return Column(dtype: .timedelta(floating ? .ns : .us), values: .int64(ticks), validity: Bitmap(valid))
    }
}
