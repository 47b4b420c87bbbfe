/// One value: a cell, a label, a literal in an expression.
///
/// The missing markers are kept apart as pandas keeps them: Python's `None`, `pd.NA`, `NaT`, and NaN
/// (a `.float` whose value is NaN).
///
/// ```swift
/// let label: Scalar = "price"        // string literal
/// Scalar.float(.nan).isMissing       // true, like pd.isna(np.nan)
/// ```
public enum Scalar: Sendable, Hashable, CustomStringConvertible {
    case none
    case na
    case nat
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    case datetime(Int64, TimeUnit, tz: String?)
    case timedelta(Int64, TimeUnit)
    /// A Python `datetime.date` (the values of pandas' `s.dt.date`): days since 1970-01-01.
    case date(Int64)
    /// A Python `datetime.time` (the values of pandas' `s.dt.time`): microseconds since midnight.
    case time(Int64)
    /// A Python tuple: a MultiIndex column label like `("v", "sum")`.
    indirect case tuple([Scalar])
    /// A Python list held in an object column (`explode` spreads its items over rows).
    indirect case list([Scalar])

    /// `pd.isna(value)`.
    public var isMissing: Bool {
        switch self {
        case .none, .na, .nat: return true
        case .float(let value): return value.isNaN
        default: return false
        }
    }

    /// The value as a Double for numeric scalars (bools count as 0/1, like numpy).
    public var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .float(let value): return value
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }

    /// Python's `repr`-like text used in error messages (`'a'`, `1`, `1.5`, `nan`, `None`).
    public var pythonRepr: String {
        switch self {
        case .string(let text): return "'\(text)'"
        case .tuple(let items): return "(" + items.map(\.pythonRepr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .date(let days):
            let (y, m, d) = TemporalFormatter.civil(fromDays: days)
            return "datetime.date(\(y), \(m), \(d))"
        case .time(let micros):
            let parts = [micros / 3_600_000_000, micros / 60_000_000 % 60, micros / 1_000_000 % 60, micros % 1_000_000]
            let shown = parts[3] != 0 ? parts : parts[2] != 0 ? Array(parts.prefix(3)) : Array(parts.prefix(2))
            return "datetime.time(" + shown.map(String.init).joined(separator: ", ") + ")"
        default: return description
        }
    }

    /// Python's `str`-like text.
    public var description: String {
        switch self {
        case .none: return "None"
        case .na: return "<NA>"
        case .nat: return "NaT"
        case .int(let value): return String(value)
        case .float(let value): return FloatFormatter.repr(value)
        case .bool(let value): return value ? "True" : "False"
        case .string(let text): return text
        case .datetime(let ticks, let unit, let tz): return TemporalFormatter.timestamp(ticks, unit: unit, tz: tz)
        case .timedelta(let ticks, let unit): return TemporalFormatter.timedelta(ticks, unit: unit)
        case .date(let days): return TemporalFormatter.isoDate(days: days)
        case .time(let micros): return TemporalFormatter.isoTime(microseconds: micros)
        case .tuple, .list: return pythonRepr
        }
    }

    // Hashable: numbers that compare equal in Python hash alike (1 == 1.0 == True), so labels
    // behave as dict keys do in pandas.
    public static func == (lhs: Scalar, rhs: Scalar) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none), (.na, .na), (.nat, .nat): return true
        case (.string(let a), .string(let b)): return a == b
        case (.tuple(let a), .tuple(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.date(let a), .date(let b)), (.time(let a), .time(let b)): return a == b
        case (.datetime(let a, let ua, let za), .datetime(let b, let ub, let zb)):
            return za == zb && TemporalFormatter.sameInstant(a, ua, b, ub)
        case (.timedelta(let a, let ua), .timedelta(let b, let ub)): return TemporalFormatter.sameInstant(a, ua, b, ub)
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        default:
            if let a = lhs.exactNumber, let b = rhs.exactNumber { return a == b }
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .na: hasher.combine(1)
        case .nat: hasher.combine(2)
        case .string(let text): hasher.combine(3); hasher.combine(text)
        case .datetime(let ticks, let unit, let tz):
            hasher.combine(4); hasher.combine(tz); hasher.combine(TemporalFormatter.toNanosClamped(ticks, unit))
        case .timedelta(let ticks, let unit): hasher.combine(5); hasher.combine(TemporalFormatter.toNanosClamped(ticks, unit))
        case .tuple(let items): hasher.combine(7); hasher.combine(items)
        case .list(let items): hasher.combine(8); hasher.combine(items)
        case .date(let days): hasher.combine(9); hasher.combine(days)
        case .time(let micros): hasher.combine(10); hasher.combine(micros)
        case .int, .float, .bool:
            if let number = exactNumber { hasher.combine(6); hasher.combine(number) }
        }
    }

    /// A canonical numeric key for int/float/bool (NaN maps to one value).
    private var exactNumber: Double? {
        switch self {
        case .int(let value): return Double(value) == Double(Int64.max) && value != Int64.max ? nil : Double(value)
        case .float(let value): return value.isNaN ? .infinity * 0 : value
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }
}

extension Scalar: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .none }
}
