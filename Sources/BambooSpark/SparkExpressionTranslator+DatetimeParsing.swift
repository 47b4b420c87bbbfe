#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `pd.to_datetime` on Spark, as ``Column/parsedAsDatetime(_:)`` computes it.
///
/// - Numbers count `unit`s since the epoch: integers exactly (through a double past int64, as
///   numpy does), floats rounded to nanoseconds; out of range fails as pandas does, or is NaT
///   with `errors="coerce"`.
/// - Text is matched against the format (``SparkStrptimePattern``; without one, pandas' ISO
///   8601 layouts), its fields read from the groups and checked (hour, minute, a real calendar
///   day through `make_date`), and turned into microseconds.
/// - Offsets (`%z`, ISO's `Z`/`+02:00`) move the instant to UTC with `utc=True`. Without it,
///   pandas makes the column's zone from the data (one offset) or fails (several): the plan's
///   dtype is fixed before anything runs, so a value with an offset fails the query with
///   `unsupportedOnBackend`, saying to pass `utc=True`.
///
/// Declared divergences: Spark keeps microseconds, so more than six fractional digits are
/// truncated where pandas switches the column to nanoseconds; and each value is read with the
/// ISO layout that fits it, where pandas takes the first value's layout for every value.
extension SparkExpressionTranslator {
    func parsedDatetime(_ a: Expr, _ options: DatetimeParseOptions) throws -> Spark_Connect_Expression {
        let source = try dtype(a)
        let x = try translate(a)
        switch source {
        case .datetime(_, let zone):
            guard options.utc else { return x }
            return zone == nil ? SparkExpressions.cast(x, SparkLiterals.timestampType) : x
        case .int64, .nullableInt64, .float64, .nullableFloat64:
            let micros = epochMicros(x, floating: source == .float64 || source == .nullableFloat64, options)
            return instant(micros, utc: options.utc)
        case .string:
            let pattern: SparkStrptimePattern
            if let format = options.format, format != "ISO8601" {
                guard let parsed = SparkStrptimePattern(format: format) else {
                    throw SparkTranslationUnsupported(hint: "to_datetime(format='\(format)') uses a directive with no Spark translation (%Y %y %m %d %H %I %M %S %f %p %b %B %z %% have one); run it on the eager backend (Session.eager()).")
                }
                pattern = parsed
            } else {
                pattern = .iso
            }
            return parsedText(x, pattern: pattern, format: options.format == "ISO8601" ? nil : options.format, options)
        default:
            throw BambooError(.typeMismatch, "dtype \(source.name) cannot be converted to datetime64[us]")
        }
    }

    /// The microseconds of epoch numbers, as ``Column/parsedAsDatetime(_:)`` reads them.
    private func epochMicros(_ x: Spark_Connect_Expression, floating: Bool, _ options: DatetimeParseOptions) -> Spark_Connect_Expression {
        let unit = options.unit ?? .ns
        let perSecond = unit.ticksPerSecond
        let double = SparkExpressions.cast(x, SparkLiterals.doubleType)
        // The same two operations as the eager backend, so the double rounds the same way.
        let target: Int64 = floating ? 1_000_000_000 : 1_000_000
        let scaled = call("/", [call("*", [double, SparkLiterals.double(Double(target))]), SparkLiterals.double(Double(perSecond))])
        let inRange = call("<", [call("abs", [scaled]), SparkLiterals.double(9.2e18)])
        let micros: Spark_Connect_Expression
        if floating {
            let nanos = SparkExpressions.cast(call("round", [scaled]), SparkLiterals.longType)
            micros = call("floor", [call("/", [nanos, long(1_000)])])
        } else {
            // int64 ticks exactly while the product fits, else through the double (as eager).
            let fits = call("<=", [call("abs", [x]), long(Int64.max / target)])
            let exact = perSecond <= target ? call("div", [call("*", [x, long(target)]), long(perSecond)]) : call("div", [x, long(perSecond / target)])
            micros = SparkExpressions.when(fits, exact, otherwise: SparkExpressions.cast(scaled, SparkLiterals.longType))
        }
        let failed = options.coerce ? SparkLiterals.null(SparkLiterals.longType)
            : call("raise_error", [call("concat", [string(SparkRuntimeCheck.marker + "cannot convert input "), SparkExpressions.cast(x, SparkLiterals.stringType),
                                                   string(" with the unit '\(unit.rawValue)'" + SparkRuntimeCheck.marker)])])
        // NaN is missing, not out of range.
        let missing = floating ? SparkExpressions.or(call("isnull", [x]), call("isnan", [x])) : call("isnull", [x])
        return SparkExpressions.when(missing, SparkLiterals.null(SparkLiterals.longType),
                                     otherwise: SparkExpressions.when(inRange, SparkExpressions.cast(micros, SparkLiterals.longType), otherwise: failed))
    }

    /// Microseconds as the plan's datetime: a UTC instant with `utc`, else the naive wall time.
    private func instant(_ micros: Spark_Connect_Expression, utc: Bool) -> Spark_Connect_Expression {
        let value = call("timestamp_micros", [micros])
        return utc ? value : SparkExpressions.cast(value, SparkLiterals.timestampNtzType)
    }

    private func parsedText(_ x: Spark_Connect_Expression, pattern: SparkStrptimePattern, format: String?, _ options: DatetimeParseOptions) -> Spark_Connect_Expression {
        let regex = string(pattern.regex)
        func group(_ field: SparkStrptimePattern.Field) -> Spark_Connect_Expression? {
            pattern.fields.firstIndex(of: field).map { index in
                call("regexp_extract", [x, regex, SparkExpressions.cast(long(Int64(index + 1)), SparkLiterals.integerType)])
            }
        }
        // "" (an optional part absent) reads as 0.
        func number(_ text: Spark_Connect_Expression?, default value: Int64 = 0) -> Spark_Connect_Expression {
            guard let text else { return long(value) }
            return call("coalesce", [SparkExpressions.cast(text, SparkLiterals.longType), long(value)])
        }
        let year: Spark_Connect_Expression
        if let short = group(.shortYear) {
            let y = number(short)
            year = SparkExpressions.when(call("<", [y, long(69)]), call("+", [y, long(2000)]), otherwise: call("+", [y, long(1900)]))
        } else {
            year = number(group(.year), default: 1900)
        }
        let month: Spark_Connect_Expression
        if let name = group(.monthName) {
            let abbreviations = SparkStrptimePattern.monthNames.map { string(String($0.prefix(3))) }
            month = SparkExpressions.cast(call("array_position", [call("array", abbreviations), call("lower", [call("substring", [name, long(1), long(3)])])]), SparkLiterals.longType)
        } else {
            month = number(group(.month), default: 1)
        }
        let day = number(group(.day), default: 1)
        var hour = number(group(.hour24) ?? group(.hour12))
        let minute = number(group(.minute)), second = number(group(.second))
        let hourRange: (Int64, Int64) = group(.hour12) != nil ? (1, 12) : (0, 23)
        let checks = [call("<", [minute, long(60)]), call("<", [second, long(60)]),
                      call(">=", [hour, long(hourRange.0)]), call("<=", [hour, long(hourRange.1)])]
        if let meridiem = group(.meridiem) {
            let pm = call("==", [call("lower", [meridiem]), string("pm")])
            hour = call("+", [call("%", [hour, long(12)]), SparkExpressions.when(pm, long(12), otherwise: long(0))])
        }
        // The fraction's first six digits are microseconds; finer digits are dropped (a declared divergence).
        let fraction = group(.fraction).map { call("rpad", [call("substring", [$0, long(1), long(6)]), long(6), string("0")]) }
        let micros = number(fraction)

        let date = call("make_date", [SparkExpressions.cast(year, SparkLiterals.integerType), SparkExpressions.cast(month, SparkLiterals.integerType),
                                      SparkExpressions.cast(day, SparkLiterals.integerType)])
        let seconds = call("+", [call("+", [call("*", [hour, long(3_600)]), call("*", [minute, long(60)])]), second])
        let local = call("+", [call("*", [call("+", [call("*", [SparkExpressions.cast(call("unix_date", [date]), SparkLiterals.longType), long(86_400)]), seconds]),
                                          long(1_000_000)]), micros])
        let offsetText = group(.offset)
        let offsetSeconds: Spark_Connect_Expression? = offsetText.map { text in
            let sign = SparkExpressions.when(call("startswith", [text, string("-")]), long(-1), otherwise: long(1))
            let digits = call("regexp_replace", [text, string("[^0-9]"), string("")])
            let hours = number(call("substring", [digits, long(1), long(2)])), minutes = number(call("substring", [digits, long(3), long(2)]))
            return call("*", [sign, call("+", [call("*", [hours, long(3_600)]), call("*", [minutes, long(60)])])])
        }
        let hasOffset = offsetText.map { SparkExpressions.not(call("==", [$0, string("")])) } ?? SparkLiterals.boolean(false)

        let matched = call("rlike", [x, regex])
        let valid = checks.reduce(SparkExpressions.and(matched, call("isnotnull", [date])), SparkExpressions.and)
        let natWords = DatetimeText.natWords.sorted().map { string($0) }
        let missing = SparkExpressions.or(call("isnull", [x]), call("in", [x] + natWords))
        // pandas' message around the value: the template is built with a placeholder for it.
        let template = format.map { DatetimeText.mismatch("\u{0}", format: $0) } ?? DatetimeText.unknownFormat("\u{0}")
        let around = template.components(separatedBy: "\u{0}")
        let failed = options.coerce ? SparkLiterals.null(SparkLiterals.longType)
            : call("raise_error", [call("concat", [string(SparkRuntimeCheck.marker + around[0]), x, string(around.dropFirst().joined() + SparkRuntimeCheck.marker)])])
        var value = local
        if let offsetSeconds {
            let shifted = call("-", [local, call("*", [offsetSeconds, long(1_000_000)])])
            let zoneFromData = SparkRuntimeCheck.failure("{\(BambooError.Code.unsupportedOnBackend)}to_datetime of text with UTC offsets takes its zone from the data in pandas, which the Spark backend cannot know before running the query; pass utc=True (or run on the eager backend with Session.eager()).")
            value = options.utc ? SparkExpressions.when(hasOffset, shifted, otherwise: local)
                : SparkExpressions.when(hasOffset, SparkExpressions.cast(zoneFromData, SparkLiterals.longType), otherwise: local)
        }
        let result = SparkExpressions.when(missing, SparkLiterals.null(SparkLiterals.longType),
                                           otherwise: SparkExpressions.when(valid, value, otherwise: failed))
        return instant(result, utc: options.utc)
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
