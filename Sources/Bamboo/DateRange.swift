import BambooCore

/// Datetimes on a frequency (pandas: `pd.date_range(start=, end=, periods=, freq=, name=)`).
///
/// ```swift
/// let days = try dateRange(start: "2024-01-01", periods: 7)                 // daily
/// let months = try dateRange(start: "2024-01-15", end: "2024-06-30", freq: "ME")
/// ```
/// Give exactly three of start, end, periods and freq (freq defaults to "D" unless all three
/// others are given, which spaces the points evenly). Frequencies: `D`, `h`, `min`, `s`, `ms`, `us`
/// (with multiples such as `15min`), `B`, `W` / `W-MON`..., `MS`, `ME`, `QS`, `YS`.
public func dateRange(start: String? = nil, end: String? = nil, periods: Int? = nil, freq: String? = nil, name: Scalar = .none) throws -> Index {
    func instant(_ text: String?) throws -> Int64? {
        guard let text else { return nil }
        guard let ticks = ISODateParser.parse(text, unit: .us) else { throw BambooError(.parseError, "could not convert string to Timestamp: \(text.debugDescription)") }
        return ticks
    }
    let frequency = try freq.map(DateFrequency.init) ?? (start != nil && end != nil && periods != nil ? nil : .fixed(nanos: 86_400_000_000_000))
    let ticks = try DateRange.make(start: instant(start), end: instant(end), periods: periods, frequency: frequency)
    return Index(levels: [Column(dtype: .datetime(.us, tz: nil), values: .int64(ticks))], names: [name])
}
