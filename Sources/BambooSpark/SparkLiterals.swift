#if Spark
import BambooCore
import SparkConnectProtocol

/// Bamboo dtypes as Spark types, and Bamboo scalars as Spark literals.
///
/// | Bamboo (pandas)            | Spark            |
/// |----------------------------|------------------|
/// | `int64`, `Int64`           | `bigint`         |
/// | `float64`, `Float64`       | `double`         |
/// | `bool`, `boolean`          | `boolean`        |
/// | `str`                      | `string`         |
/// | `datetime64[unit]` (no tz) | `timestamp_ntz` (microseconds; other units converted on upload) |
/// | `datetime64[unit, tz]`     | `timestamp` (UTC instants; the zone stays in Bamboo's schema) |
/// | `timedelta64[unit]`        | `interval day to second` (microseconds; Arrow `duration[us]`) |
///
/// Other dtypes (`object`) are not translated yet: ``sparkType(_:)`` returns nil and
/// the node is refused with a hint. A `category` travels as its values (see ``SparkCategories``).
enum SparkLiterals {
    static func sparkType(_ dtype: DType) -> Spark_Connect_DataType? {
        var type = Spark_Connect_DataType()
        switch dtype {
        case .int64, .nullableInt64: type.kind = .long(Spark_Connect_DataType.Long())
        case .float64, .nullableFloat64: type.kind = .double(Spark_Connect_DataType.DoubleMessage())
        case .bool, .nullableBool: type.kind = .boolean(Spark_Connect_DataType.Boolean())
        case .string: type.kind = .string(Spark_Connect_DataType.StringMessage())
        case .datetime(_, tz: nil): type.kind = .timestampNtz(Spark_Connect_DataType.TimestampNTZ())
        case .datetime(_, tz: _?): type.kind = .timestamp(Spark_Connect_DataType.Timestamp())
        case .timedelta: return intervalType
        default: return nil
        }
        return type
    }

    /// `interval day to second`, Spark's exact duration in microseconds.
    static let intervalType: Spark_Connect_DataType = {
        var interval = Spark_Connect_DataType.DayTimeInterval()
        interval.startField = 0  // DAY
        interval.endField = 3  // SECOND
        var type = Spark_Connect_DataType()
        type.kind = .dayTimeInterval(interval)
        return type
    }()

    /// `ticks` of `unit` as microseconds, or nil when not a whole number of them or out of range.
    static func micros(_ ticks: Int64, _ unit: TimeUnit) -> Int64? {
        let perSecond = unit.ticksPerSecond
        if perSecond >= 1_000_000 {
            let divisor = perSecond / 1_000_000
            return ticks % divisor == 0 ? ticks / divisor : nil
        }
        let (micros, overflow) = ticks.multipliedReportingOverflow(by: 1_000_000 / perSecond)
        return overflow ? nil : micros
    }

    /// An interval of `micros` microseconds.
    static func interval(micros: Int64) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.dayTimeInterval = micros
        return wrap(literal)
    }

    /// Whether values of `dtype` can be uploaded, computed on and returned.
    static func isSupported(_ dtype: DType) -> Bool { sparkType(dtype) != nil }

    /// Whether missing values of `dtype` may be NaN as well as null (pandas' float NaN is
    /// missing; Spark keeps NaN as a value, so both must be tested).
    static func isFloat(_ dtype: DType) -> Bool { dtype == .float64 || dtype == .nullableFloat64 || SparkCategories.holdsFloats(dtype) }

    static let doubleType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .double(Spark_Connect_DataType.DoubleMessage())
        return type
    }()

    /// Spark's type of an untyped null, which widens to any type (`if(c, NULL, struct(...))`).
    static let nullType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .null(Spark_Connect_DataType.NULL())
        return type
    }()

    /// `decimal(precision, scale)`, for exact sums.
    static func decimalType(precision: Int32, scale: Int32) -> Spark_Connect_DataType {
        var decimal = Spark_Connect_DataType.Decimal()
        decimal.precision = precision
        decimal.scale = scale
        var type = Spark_Connect_DataType()
        type.kind = .decimal(decimal)
        return type
    }

    static let timestampNtzType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .timestampNtz(Spark_Connect_DataType.TimestampNTZ())
        return type
    }()

    /// Spark `timestamp` (an instant, shown in the session zone, which Bamboo sets to UTC).
    static let timestampType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .timestamp(Spark_Connect_DataType.Timestamp())
        return type
    }()

    static let dateType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .date(Spark_Connect_DataType.Date())
        return type
    }()

    /// Spark `int`, which `date_add` wants for its day count.
    static let integerType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .integer(Spark_Connect_DataType.Integer())
        return type
    }()

    static let stringType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .string(Spark_Connect_DataType.StringMessage())
        return type
    }()

    static let booleanType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .boolean(Spark_Connect_DataType.Boolean())
        return type
    }()

    static let longType: Spark_Connect_DataType = {
        var type = Spark_Connect_DataType()
        type.kind = .long(Spark_Connect_DataType.Long())
        return type
    }()

    static func double(_ value: Double) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.double = value
        return wrap(literal)
    }

    static func long(_ value: Int64) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.long = value
        return wrap(literal)
    }

    static func boolean(_ value: Bool) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.boolean = value
        return wrap(literal)
    }

    static func string(_ value: String) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.string = value
        return wrap(literal)
    }

    /// A typed null (pyspark: `F.lit(None).cast(type)`).
    static func null(_ type: Spark_Connect_DataType) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.null = type
        return wrap(literal)
    }

    /// `scalar` as a literal of the Spark type of `dtype` (the dtype the literal takes in the
    /// expression); nil for values Spark cannot hold here.
    static func literal(_ scalar: Scalar, as dtype: DType) -> Spark_Connect_Expression? {
        guard let type = sparkType(dtype) else { return nil }
        if scalar.isMissing {
            if case .float(let nan) = scalar, isFloat(dtype) { return double(nan) }
            return null(type)
        }
        switch (scalar, dtype) {
        case (.int(let v), .int64), (.int(let v), .nullableInt64): return long(v)
        case (.int(let v), .float64), (.int(let v), .nullableFloat64): return double(Double(v))
        case (.float(let v), .float64), (.float(let v), .nullableFloat64): return double(v)
        case (.bool(let v), .bool), (.bool(let v), .nullableBool): return boolean(v)
        case (.bool(let v), .int64), (.bool(let v), .nullableInt64): return long(v ? 1 : 0)
        case (.bool(let v), .float64), (.bool(let v), .nullableFloat64): return double(v ? 1 : 0)
        case (.string(let v), .string): return string(v)
        case (.datetime(let v, let unit, nil), .datetime(_, nil)):
            guard let micros = micros(v, unit) else { return nil }
            var literal = Spark_Connect_Expression.Literal()
            literal.timestampNtz = micros
            return wrap(literal)
        case (.datetime(let v, let unit, _?), .datetime(_, _?)):
            guard let micros = micros(v, unit) else { return nil }
            var literal = Spark_Connect_Expression.Literal()
            literal.timestamp = micros
            return wrap(literal)
        case (.timedelta(let v, let unit), .timedelta):
            return micros(v, unit).map { interval(micros: $0) }
        default: return nil
        }
    }

    private static func wrap(_ literal: Spark_Connect_Expression.Literal) -> Spark_Connect_Expression {
        var expression = Spark_Connect_Expression()
        expression.literal = literal
        return expression
    }
}
#endif
