import BambooCore

/// `read_csv(parse_dates=[...])` for one column, as pandas 3.1 does it for ISO 8601 text.
///
/// pandas guesses one format from the first value that is not missing and requires every other
/// value to have exactly that format; otherwise the column is left as text. The unit is `us`, or `ns`
/// when a value has more than six fractional digits; a column with only missing values becomes
/// `datetime64[s]` of `NaT`. Supported layouts: `YYYY-MM-DD`, then optionally ` ` or `T` and
/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fffffffff` (other formats pandas guesses stay text here).
/// Besides the missing-value tokens, empty fields and `NaT`/`nan` spellings are `NaT`, as in
/// `pd.to_datetime`, even with `keepDefaultNa = false`.
enum CSVDateParsing {
    private enum Layout: Equatable {
        case date
        case minutes(separator: UInt8)
        case seconds(separator: UInt8)
        /// Seconds with a fraction of any number of digits.
        case fraction(separator: UInt8)
    }

    /// The datetime column, or nil when a value does not parse (the caller keeps the text).
    static func parse(_ spans: [FieldSpan], _ context: CSVConversionContext) -> Column? {
        var layout: Layout?
        var maxFractionDigits = 0
        var present = 0
        for span in spans {
            let bytes = context.bytes(span)
            if isMissing(bytes, context) { continue }
            guard let (shape, fractionDigits) = Self.layout(of: bytes) else { return nil }
            if let layout, layout != shape { return nil }
            layout = shape
            maxFractionDigits = max(maxFractionDigits, fractionDigits)
            present += 1
        }
        guard present > 0 else { return Column.allMissing(.datetime(.s, tz: nil), count: spans.count) }
        let unit: TimeUnit = maxFractionDigits > 6 ? .ns : .us
        var ticks = [Int64](repeating: 0, count: spans.count)
        var valid = [Bool](repeating: true, count: spans.count)
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if isMissing(bytes, context) { valid[row] = false; continue }
            guard let value = ISODateParser.parse(String(decoding: bytes, as: UTF8.self), unit: unit) else { return nil }
            ticks[row] = value
        }
        return Column(dtype: .datetime(unit, tz: nil), values: .int64(ticks), validity: Bitmap(valid))
    }

    /// `pd.to_datetime`'s null spellings (`nat_strings`) and the empty string.
    private static let natWords: [[UInt8]] = ["", "NaT", "nat", "NAT", "nan", "NaN", "NAN"].map { Array($0.utf8) }

    private static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>, _ context: CSVConversionContext) -> Bool {
        context.missing.isMissing(bytes) || (bytes.count <= 3 && natWords.contains { CSVNumberParsing.equals(bytes, $0) })
    }

    private static func layout(of bytes: UnsafeBufferPointer<UInt8>) -> (Layout, Int)? {
        func digits(_ range: Range<Int>) -> Bool {
            guard range.upperBound <= bytes.count else { return false }
            for i in range where bytes[i] &- 48 >= 10 { return false }
            return true
        }
        func byte(_ i: Int, _ value: UInt8) -> Bool { i < bytes.count && bytes[i] == value }
        let n = bytes.count
        guard digits(0..<4), byte(4, 45), digits(5..<7), byte(7, 45), digits(8..<10) else { return nil }
        if n == 10 { return (.date, 0) }
        guard n >= 16, bytes[10] == 32 || bytes[10] == 84, digits(11..<13), byte(13, 58), digits(14..<16) else { return nil }
        let separator = bytes[10]
        if n == 16 { return (.minutes(separator: separator), 0) }
        guard n >= 19, byte(16, 58), digits(17..<19) else { return nil }
        if n == 19 { return (.seconds(separator: separator), 0) }
        guard n >= 21, byte(19, 46), digits(20..<n) else { return nil }
        return (.fraction(separator: separator), n - 20)
    }
}
