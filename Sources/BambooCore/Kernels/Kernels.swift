/// Entry points for element-wise kernels over columns and broadcast scalars.
///
/// ```swift
/// let sum = try Kernels.binary(.add, .column(a), .scalar(1), count: a.count)
/// ```
public enum Kernels {
    /// `lhs op rhs` with pandas' dtype rules; scalars broadcast over `count` rows.
    public static func binary(_ op: BinaryOperator, _ lhs: Operand, _ rhs: Operand, count: Int) throws -> Column {
        let l = lhs.column(count: count), r = rhs.column(count: count)
        guard l.count == r.count else {
            throw BambooError(.shapeMismatch, "Operands have different lengths (\(l.count) and \(r.count)).")
        }
        if op.isComparison { return try Comparison.apply(op, l, r) }
        if op.isLogical { return try BooleanLogic.apply(op, l, r) }
        if let temporal = try TemporalArithmetic.apply(op, l, r) { return temporal }
        return try Arithmetic.apply(op, l, r)
    }

    public static func unary(_ op: UnaryOperator, _ column: Column) throws -> Column {
        switch op {
        case .not: return try BooleanLogic.not(column)
        case .negate, .absolute:
            switch column.values {
            case .int64(let v) where column.dtype == .int64 || column.dtype == .nullableInt64:
                return Column(dtype: column.dtype, values: .int64(v.map { op == .negate ? 0 &- $0 : ($0 == .min ? .min : abs($0)) }), validity: column.validity)
            case .float64(let v):
                return Column(dtype: column.dtype, values: .float64(v.map { op == .negate ? -$0 : abs($0) }), validity: column.validity)
            case .bool(let v):
                // numpy's negative of a bool array is logical not; abs leaves it unchanged.
                return Column(dtype: column.dtype, values: .bool(op == .negate ? v.map { !$0 } : v), validity: column.validity)
            default:
                throw BambooError(.typeMismatch, "bad operand type for unary \(op.rawValue): '\(column.dtype.name)'")
            }
        }
    }
}
