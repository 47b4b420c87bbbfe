/// Parses ISO 8601 dates and times (`2020-01-02`, `2020-01-02 03:04:05.25`, `2020-01-02T03:04`),
/// the forms `read_csv(parse_dates=)` and `astype("datetime64[...]")` meet most often.
public enum ISODateParser {
    /// Ticks since the epoch in `unit`, or nil when `text` is not an ISO date.
    public static func parse(_ text: String, unit: TimeUnit) -> Int64? {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for k in i..<(i + width) {
                let b = bytes[k]
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int64(b - 48)
            }
            i += width
            return value
        }
        func expect(_ ch: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == ch else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              let days = TemporalFormatter.days(year: year, month: month, day: day) else { return nil }
        var seconds = days * 86_400
        var fraction: Int64 = 0
        if i < bytes.count {
            guard bytes[i] == 32 || bytes[i] == 84 else { return nil }
            i += 1
            guard let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60 else { return nil }
            seconds += hour * 3600 + minute * 60
            if expect(58) {
                guard let second = number(2), second < 60 else { return nil }
                seconds += second
                if expect(46) {
                    var digits = 0
                    while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                        if digits < 9 { fraction = fraction * 10 + Int64(bytes[i] - 48) }
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in min(digits, 9)..<9 { fraction *= 10 }
                }
            }
            guard i == bytes.count else { return nil }
        }
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: unit.ticksPerSecond)
        guard !overflow else { return nil }
        return scaled + fraction / (1_000_000_000 / unit.ticksPerSecond)
    }
}
