/// `&`, `|`, `^` and `~`: numpy logic for `bool`, Kleene logic (`pd.NA`) for `boolean`,
/// bitwise for integers; for object columns a missing value counts as False, as pandas does.
enum BooleanLogic {
    static func apply(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        let n = lhs.count
        if case .int64(let a) = lhs.values, case .int64(let b) = rhs.values, lhs.dtype == .int64, rhs.dtype == .int64 {
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n { out[i] = op == .and ? a[i] & b[i] : (op == .or ? a[i] | b[i] : a[i] ^ b[i]) }
            return Column(int64: out)
        }
        if lhs.dtype == .nullableBool || rhs.dtype == .nullableBool {
            return try kleene(op, lhs, rhs)
        }
        let a = try truth(lhs, op), b = try truth(rhs, op)
        var out = [Bool](repeating: false, count: n)
        for i in 0..<n { out[i] = op == .and ? a[i] && b[i] : (op == .or ? a[i] || b[i] : a[i] != b[i]) }
        return Column(bool: out)
    }

    /// Truth values of a column for logic; missing counts as False.
    static func truth(_ column: Column, _ op: BinaryOperator) throws -> [Bool] {
        switch column.values {
        case .bool(let v):
            if column.validity == nil { return v }
            return (0..<v.count).map { !column.isMissing($0) && v[$0] }
        case .object(let v):
            return v.map { scalar in
                switch scalar {
                case .bool(let b): return b
                case .int(let x): return x != 0
                case .float(let x): return !x.isNaN && x != 0
                default: return false
                }
            }
        case .float64(let v) where column.dtype == .float64:
            return v.map { !$0.isNaN && $0 != 0 }
        default:
            throw BambooError(.typeMismatch, "unsupported operand type(s) for \(op.rawValue): '\(column.dtype.name)'. Logical operators need bool columns.")
        }
    }

    static func kleene(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        let n = lhs.count
        let a = try truth(lhs, op), b = try truth(rhs, op)
        var out = [Bool](repeating: false, count: n)
        var valid = [Bool](repeating: true, count: n)
        for i in 0..<n {
            let ma = lhs.isMissing(i), mb = rhs.isMissing(i)
            switch op {
            case .and:
                if (!ma && !a[i]) || (!mb && !b[i]) { out[i] = false } else if ma || mb { valid[i] = false } else { out[i] = true }
            case .or:
                if (!ma && a[i]) || (!mb && b[i]) { out[i] = true } else if ma || mb { valid[i] = false } else { out[i] = false }
            default:
                if ma || mb { valid[i] = false } else { out[i] = a[i] != b[i] }
            }
        }
        return Column(dtype: .nullableBool, values: .bool(out), validity: Bitmap(valid))
    }

    static func not(_ column: Column) throws -> Column {
        switch column.values {
        case .bool(let v): return Column(dtype: column.dtype, values: .bool(v.map { !$0 }), validity: column.validity)
        case .int64(let v) where column.dtype == .int64 || column.dtype == .nullableInt64:
            return Column(dtype: column.dtype, values: .int64(v.map { ~$0 }), validity: column.validity)
        default:
            throw BambooError(.typeMismatch, "bad operand type for unary ~: '\(column.dtype.name)'")
        }
    }
}
