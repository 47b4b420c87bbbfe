/// How `to_datetime` reads text or numbers (pandas: `pd.to_datetime(arg, format=, errors=, utc=, unit=)`).
public struct DatetimeParseOptions: Sendable, Hashable {
    /// Python `strptime` directives; nil guesses an ISO 8601 layout from the first value and
    /// requires every other value to have it, as pandas does.
    public var format: String?
    /// `errors="coerce"`: a value that does not parse becomes NaT instead of an error.
    public var coerce: Bool
    /// `utc=True`: offsets convert to UTC; values without one are taken as UTC.
    public var utc: Bool
    /// `unit=` for numbers: the epoch unit they count.
    public var unit: TimeUnit?

    public init(format: String? = nil, coerce: Bool = false, utc: Bool = false, unit: TimeUnit? = nil) {
        self.format = format
        self.coerce = coerce
        self.utc = utc
        self.unit = unit
    }
}

extension Column {
    /// pandas' `to_datetime` of this column: microseconds (nanoseconds when a value has more than
    /// six fractional digits), zoned when the text carries offsets.
    public func parsedAsDatetime(_ options: DatetimeParseOptions) throws -> Column {
        switch dtype {
        case .datetime(_, let tz):
            guard options.utc else { return self }
            return tz == nil ? try localized(to: "UTC") : try converted(to: "UTC")
        case .int64, .float64, .nullableInt64, .nullableFloat64: return try epochNumbers(options)
        case .string, .object: return try parsedText(options)
        default: throw BambooError(.typeMismatch, "dtype \(dtype.name) cannot be converted to datetime64[us]")
        }
    }

    private func epochNumbers(_ options: DatetimeParseOptions) throws -> Column {
        let unit = options.unit ?? .ns
        let floating = dtype == .float64 || dtype == .nullableFloat64
        // pandas 3: integers keep microseconds (nanoseconds when they count nanoseconds), floats nanoseconds.
        let target: TimeUnit = floating || unit == .ns ? .ns : .us
        var ticks = [Int64](repeating: 0, count: count)
        var valid = [Bool](repeating: true, count: count)
        for row in 0..<count {
            guard !isMissing(row), let number = scalar(at: row).doubleValue else { valid[row] = false; continue }
            let scaled = number * Double(target.ticksPerSecond) / Double(unit.ticksPerSecond)
            guard scaled.isFinite, abs(scaled) < 9.2e18 else {
                if options.coerce { valid[row] = false; continue }
                throw BambooError(.invalidArgument, "cannot convert input \(scalar(at: row).pythonRepr) with the unit '\(unit.rawValue)'")
            }
            if case .int(let exact) = scalar(at: row), !floating {
                let (product, overflow) = exact.multipliedReportingOverflow(by: target.ticksPerSecond)
                ticks[row] = overflow ? Int64(scaled) : (unit.ticksPerSecond <= target.ticksPerSecond ? product / unit.ticksPerSecond : exact / (unit.ticksPerSecond / target.ticksPerSecond))
            } else {
                // pandas' cast_from_unit: the whole units exactly, the fraction rounded half to even.
                let perUnit = Double(target.ticksPerSecond) / Double(unit.ticksPerSecond)
                let whole = number.rounded(.towardZero)
                ticks[row] = Int64(whole * perUnit) + Int64(((number - whole) * perUnit).rounded(.toNearestOrEven))
            }
        }
        let naive = Column(dtype: .datetime(target, tz: nil), values: .int64(ticks), validity: Bitmap(valid))
        return options.utc ? try naive.localized(to: "UTC") : naive
    }

    private func parsedText(_ options: DatetimeParseOptions) throws -> Column {
        var parsed: [ParsedDatetime?] = Array(repeating: nil, count: count)
        // format="ISO8601": each value in whichever ISO 8601 layout it has.
        let perValue = options.format == "ISO8601"
        var format = perValue ? nil : options.format
        for row in 0..<count {
            guard !isMissing(row), case .string(let text) = scalar(at: row), !DatetimeText.natWords.contains(text) else { continue }
            if perValue { format = nil }
            if format == nil {
                format = DatetimeText.isoFormats.first { DatetimeText.parse(text, format: $0) != nil }
                if format == nil {
                    if options.coerce { continue }
                    throw BambooError(.invalidArgument, DatetimeText.unknownFormat(text))
                }
            }
            guard let format, let value = DatetimeText.parse(text, format: format) else {
                if options.coerce { continue }
                throw BambooError(.invalidArgument, DatetimeText.mismatch(text, format: format ?? ""))
            }
            parsed[row] = value
        }
        // pandas reads seconds when nothing parsed (every value missing or coerced), microseconds
        // otherwise, nanoseconds when a value has more than six fractional digits.
        // (An empty column, the plan's typing, is microseconds.)
        let unit: TimeUnit = count > 0 && parsed.allSatisfy { $0 == nil } ? .s : parsed.contains { ($0?.fractionDigits ?? 0) > 6 } ? .ns : .us
        let offsets = Set(parsed.compactMap { $0.map { $0.offsetSeconds ?? Int64.min } })
        let zone: String?
        if options.utc {
            zone = "UTC"
        } else if offsets.contains(Int64.min) || offsets.isEmpty {
            guard offsets.count <= 1 else { throw BambooError(.invalidArgument, DatetimeText.mixedZones) }
            zone = nil
        } else {
            guard offsets.count == 1, let only = offsets.first else { throw BambooError(.invalidArgument, DatetimeText.mixedZones) }
            zone = DatetimeText.zoneName(offset: only)
        }
        var ticks = [Int64](repeating: 0, count: count)
        var valid = [Bool](repeating: false, count: count)
        for (row, value) in parsed.enumerated() {
            guard let value, let local = value.ticks(unit) else { continue }
            let (instant, overflow) = local.subtractingReportingOverflow((value.offsetSeconds ?? 0) * unit.ticksPerSecond)
            guard !overflow else { continue }
            ticks[row] = zone == nil ? local : instant
            valid[row] = true
        }
        return Column(dtype: .datetime(unit, tz: zone), values: .int64(ticks), validity: Bitmap(valid))
    }
}
