/// A datetime read from text: civil fields, the fraction's digits and an optional UTC offset.
struct ParsedDatetime {
    var year: Int64 = 1900, month: Int64 = 1, day: Int64 = 1
    var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0
    var nanos: Int64 = 0, fractionDigits = 0
    var offsetSeconds: Int64?

    func ticks(_ unit: TimeUnit) -> Int64? {
        guard let days = TemporalFormatter.days(year: year, month: month, day: day) else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: unit.ticksPerSecond)
        guard !overflow else { return nil }
        return scaled + nanos / (1_000_000_000 / unit.ticksPerSecond)
    }
}

/// Python's `strptime` for the directives pandas code uses, and pandas' ISO 8601 guesses.
public enum DatetimeText {
    /// The texts pandas reads as NaT.
    public static let natWords: Set<String> = ["", "NaT", "nat", "NAT", "nan", "NaN", "NAN", "None"]

    /// The layouts pandas guesses from the first value (offsets allowed after the time).
    static let isoFormats: [String] = {
        var formats = ["%Y-%m-%d"]
        for separator in [" ", "T"] {
            for time in ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"] {
                formats.append("%Y-%m-%d" + separator + time)
                formats.append("%Y-%m-%d" + separator + time + "%z")
            }
        }
        return formats
    }()

    static let mixedZones = "Mixed timezones detected. Pass utc=True in to_datetime or tz='UTC' in DatetimeIndex to convert to a common timezone."

    /// pandas' error for a value that does not match `format`.
    public static func mismatch(_ text: String, format: String) -> String {
        "time data \"\(text)\" doesn't match format \"\(format)\". You might want to try:\n"
            + "    - passing `format` if your strings have a consistent format;\n"
            + "    - passing `format='ISO8601'` if your strings are all ISO8601 but not necessarily in exactly the same format;\n"
            + "    - passing `format='mixed'`, and the format will be inferred for each element individually. You might want to use `dayfirst` alongside this."
    }

    /// pandas' error when no ISO 8601 layout reads the first value.
    public static func unknownFormat(_ text: String) -> String { "Unknown datetime string format, unable to parse: \(text)" }

    /// pandas names a fixed offset `UTC+02:00`; zero is `UTC`.
    static func zoneName(offset: Int64) -> String {
        guard offset != 0 else { return "UTC" }
        let magnitude = offset < 0 ? -offset : offset
        return "UTC" + (offset < 0 ? "-" : "+") + TemporalFormatter.pad(magnitude / 3600, 2) + ":" + TemporalFormatter.pad(magnitude / 60 % 60, 2)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// Fields of `text` read with `format`, or nil when it does not match (or the date is invalid).
    static func parse(_ text: String, format: String) -> ParsedDatetime? {
        var value = ParsedDatetime()
        let chars = Array(text.unicodeScalars)
        var i = 0
        var pm: Bool?
        func digits(_ maxCount: Int, exact: Bool = false) -> (Int64, Int)? {
            var n: Int64 = 0, taken = 0
            while taken < maxCount, i < chars.count, let d = chars[i].properties.numericType == .decimal ? Int64(String(chars[i])) : nil {
                n = n * 10 + d
                taken += 1
                i += 1
            }
            guard taken > 0, !exact || taken == maxCount else { return nil }
            return (n, taken)
        }
        var f = Array(format.unicodeScalars)[...]
        while let c = f.first {
            f = f.dropFirst()
            guard c == "%", let d = f.first else {
                guard i < chars.count, chars[i] == c else { return nil }
                i += 1
                continue
            }
            f = f.dropFirst()
            switch d {
            case "Y": guard let (y, _) = digits(4) else { return nil }; value.year = y
            case "y": guard let (y, _) = digits(2) else { return nil }; value.year = y < 69 ? 2000 + y : 1900 + y
            case "m": guard let (m, _) = digits(2) else { return nil }; value.month = m
            case "d": guard let (v, _) = digits(2) else { return nil }; value.day = v
            case "H": guard let (h, _) = digits(2), h < 24 else { return nil }; value.hour = h
            case "I": guard let (h, _) = digits(2), (1...12).contains(h) else { return nil }; value.hour = h
            case "M": guard let (m, _) = digits(2), m < 60 else { return nil }; value.minute = m
            case "S": guard let (s, _) = digits(2), s < 60 else { return nil }; value.second = s
            case "f":
                guard let (fraction, count) = digits(9) else { return nil }
                value.fractionDigits = count
                var nanos = fraction
                for _ in count..<9 { nanos *= 10 }
                value.nanos = nanos
            case "p":
                let word = String(String.UnicodeScalarView(chars[i..<min(i + 2, chars.count)])).lowercased()
                guard word == "am" || word == "pm" else { return nil }
                pm = word == "pm"
                i += 2
            case "b", "B":
                // Python's strptime: %b takes the abbreviation, %B the full name, in any case.
                let rest = String(String.UnicodeScalarView(chars[i...])).lowercased()
                let names = d == "B" ? fullMonths : months
                guard let index = names.firstIndex(where: { rest.hasPrefix($0) }) else { return nil }
                i += names[index].unicodeScalars.count
                value.month = Int64(index + 1)
            case "z":
                guard i < chars.count else { return nil }
                if chars[i] == "Z" { value.offsetSeconds = 0; i += 1; continue }
                guard chars[i] == "+" || chars[i] == "-" else { return nil }
                let negative = chars[i] == "-"
                i += 1
                guard let (h, _) = digits(2, exact: true) else { return nil }
                if i < chars.count, chars[i] == ":" { i += 1 }
                guard let (m, _) = digits(2, exact: true) else { return nil }
                value.offsetSeconds = (negative ? -1 : 1) * (h * 3600 + m * 60)
            case "%": guard i < chars.count, chars[i] == "%" else { return nil }; i += 1
            default: return nil
            }
        }
        guard i == chars.count else { return nil }
        if let pm { value.hour = value.hour % 12 + (pm ? 12 : 0) }
        guard TemporalFormatter.days(year: value.year, month: value.month, day: value.day) != nil else { return nil }
        return value
    }
}
