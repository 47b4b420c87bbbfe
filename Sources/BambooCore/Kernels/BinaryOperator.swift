/// The binary operators a Series supports, with pandas' spelling.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&", or = "|", xor = "^"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    public var isLogical: Bool { self == .and || self == .or || self == .xor }
    public var isArithmetic: Bool { !isComparison && !isLogical }
}

/// Unary operators: `-s`, `~s` (pandas' logical not), `abs(s)`.
public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-", not = "~", absolute = "abs"
}

/// One side of a binary kernel: a column or a scalar broadcast to every row.
public enum Operand: Sendable {
    case column(Column)
    case scalar(Scalar)

    /// The dtype a scalar behaves as in arithmetic (a Python int acts as int64, and so on).
    public var dtype: DType {
        switch self {
        case .column(let column): return column.dtype
        case .scalar(let scalar): return Operand.dtype(of: scalar)
        }
    }

    public static func dtype(of scalar: Scalar) -> DType {
        switch scalar {
        case .int: return .int64
        case .float: return .float64
        case .bool: return .bool
        case .string: return .string
        case .na: return .nullableInt64
        case .none, .tuple, .list, .date, .time: return .object
        case .nat: return .datetime(.us, tz: nil)
        case .datetime(_, let unit, let tz): return .datetime(unit, tz: tz)
        case .timedelta(_, let unit): return .timedelta(unit)
        }
    }

    /// Materialises the operand as a column of `count` rows.
    public func column(count: Int) -> Column {
        switch self {
        case .column(let column): return column
        case .scalar(let scalar): return Column.constant(scalar, count: count)
        }
    }
}

extension Column {
    /// A column repeating `scalar` `count` times, with the dtype a scalar has in arithmetic.
    public static func constant(_ scalar: Scalar, count: Int) -> Column {
        switch scalar {
        case .int(let v): return Column(int64: Array(repeating: v, count: count))
        case .float(let v): return Column(float64: Array(repeating: v, count: count))
        case .bool(let v): return Column(bool: Array(repeating: v, count: count))
        case .string(let v): return Column(strings: Array(repeating: v, count: count))
        case .datetime(let v, let unit, let tz):
            return Column(dtype: .datetime(unit, tz: tz), values: .int64(Array(repeating: v, count: count)))
        case .timedelta(let v, let unit): return Column(dtype: .timedelta(unit), values: .int64(Array(repeating: v, count: count)))
        case .na: return Column.allMissing(.nullableInt64, count: count)
        case .nat: return Column.allMissing(.datetime(.us, tz: nil), count: count)
        case .none, .tuple, .list, .date, .time: return Column(dtype: .object, values: .object(Array(repeating: scalar, count: count)))
        }
    }
}
