import Foundation

/// Element-wise arithmetic with pandas/numpy results: integer overflow wraps, `/` is true
/// division, `//` and `%` follow Python's floor semantics, and integer division by zero yields
/// `inf`/`-inf`/`NaN` in a float64 result as pandas' `dispatch_fill_zeros` does.
enum Arithmetic {
    enum NumberKind: Int, Comparable {
        case bool, int, float
        static func < (a: NumberKind, b: NumberKind) -> Bool { a.rawValue < b.rawValue }
    }

    static func numberKind(_ dtype: DType) -> NumberKind? {
        switch dtype {
        case .bool, .nullableBool: return .bool
        case .int64, .nullableInt64: return .int
        case .float64, .nullableFloat64: return .float
        default: return nil
        }
    }

    static func apply(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        switch (lhs.dtype, rhs.dtype) {
        case (.object, _), (_, .object):
            return try objectArithmetic(op, lhs, rhs)
        case (.string, .string) where op == .add:
            return stringConcat(lhs, rhs)
        case (.string, .int64), (.int64, .string):
            if op == .multiply { return try stringRepeat(lhs, rhs) }
        default: break
        }
        guard let lk = numberKind(lhs.dtype), let rk = numberKind(rhs.dtype) else {
            throw unsupported(op, lhs.dtype, rhs.dtype)
        }
        let nullable = lhs.dtype.usesNA || rhs.dtype.usesNA
        let validity = Bitmap.and(lhs.validity, rhs.validity)
        if lk == .bool && rk == .bool && !nullable {
            return try boolArithmetic(op, lhs, rhs)
        }
        if lk == .float || rk == .float || op == .divide {
            let result = floatArithmetic(op, doubles(lhs), doubles(rhs))
            if nullable { return Column(dtype: .nullableFloat64, values: .float64(result), validity: validity ?? Bitmap(repeating: true, count: result.count)) }
            return Column(float64: result)
        }
        return try intArithmetic(op, int64s(lhs), int64s(rhs), nullable: nullable, validity: validity)
    }

    static func unsupported(_ op: BinaryOperator, _ l: DType, _ r: DType) -> BambooError {
        BambooError(.typeMismatch, "unsupported operand type(s) for \(op.rawValue): '\(l.name)' and '\(r.name)'. Cast with astype first if you meant a numeric operation.")
    }

    static func doubles(_ column: Column) -> [Double] {
        switch column.values {
        case .float64(let v): return v
        case .int64(let v): return v.map { Double($0) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        default: return []
        }
    }

    static func int64s(_ column: Column) -> [Int64] {
        switch column.values {
        case .int64(let v): return v
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        default: return []
        }
    }

    static func floatArithmetic(_ op: BinaryOperator, _ a: [Double], _ b: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: a.count)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    switch op {
                    case .add: for i in 0..<out.count { out[i] = a[i] + b[i] }
                    case .subtract: for i in 0..<out.count { out[i] = a[i] - b[i] }
                    case .multiply: for i in 0..<out.count { out[i] = a[i] * b[i] }
                    case .divide: for i in 0..<out.count { out[i] = a[i] / b[i] }
                    case .floorDivide: for i in 0..<out.count { out[i] = floorDivide(a[i], b[i]) }
                    case .modulo: for i in 0..<out.count { out[i] = floorModulo(a[i], b[i]) }
                    case .power: for i in 0..<out.count { out[i] = power(a[i], b[i]) }
                    default: break
                    }
                }
            }
        }
        return out
    }

    /// numpy's `floor_divide` for doubles (division by zero gives `a / b`).
    static func floorDivide(_ a: Double, _ b: Double) -> Double {
        if b == 0 { return a / b }
        if a.isNaN || b.isNaN { return .nan }
        let mod = fmodSwift(a, b)
        var div = (a - mod) / b
        if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
        if div == 0 { return (a / b < 0) ? -0.0 : 0.0 }
        let floorDiv = div.rounded(.down)
        return div - floorDiv > 0.5 ? floorDiv + 1 : floorDiv
    }

    /// numpy's `remainder` for doubles: sign of the divisor; NaN for a zero divisor.
    static func floorModulo(_ a: Double, _ b: Double) -> Double {
        if b == 0 || a.isInfinite || a.isNaN || b.isNaN { return .nan }
        var mod = fmodSwift(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = b < 0 ? -0.0 : 0.0
        }
        return mod
    }

    static func fmodSwift(_ a: Double, _ b: Double) -> Double { a.truncatingRemainder(dividingBy: b) }

    static func power(_ a: Double, _ b: Double) -> Double {
        if b == 0 { return 1 }
        if a == 1 { return 1 }
        return Foundation.pow(a, b)
    }

    static func intArithmetic(_ op: BinaryOperator, _ a: [Int64], _ b: [Int64], nullable: Bool, validity: Bitmap?) throws -> Column {
        let n = a.count
        func present(_ i: Int) -> Bool { validity?[i] ?? true }
        if op == .floorDivide || op == .modulo {
            // Any zero divisor turns a numpy int64 result into float64 (pandas fills inf/NaN);
            // the nullable Int64 dtype instead gives 0 and stays Int64.
            let hasZero = (0..<n).contains { b[$0] == 0 && present($0) }
            if hasZero && !nullable {
                var out = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    if b[i] == 0 {
                        out[i] = op == .modulo || a[i] == 0 ? .nan : (a[i] > 0 ? .infinity : -.infinity)
                    } else {
                        out[i] = Double(op == .floorDivide ? floorDiv(a[i], b[i]) : floorMod(a[i], b[i]))
                    }
                }
                return Column(float64: out)
            }
        }
        if op == .power, (0..<n).contains(where: { b[$0] < 0 && present($0) }) {
            throw BambooError(.invalidArgument, "Integers to negative integer powers are not allowed.")
        }
        var out = [Int64](repeating: 0, count: n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    switch op {
                    case .add: for i in 0..<n { out[i] = a[i] &+ b[i] }
                    case .subtract: for i in 0..<n { out[i] = a[i] &- b[i] }
                    case .multiply: for i in 0..<n { out[i] = a[i] &* b[i] }
                    case .floorDivide: for i in 0..<n { out[i] = b[i] == 0 ? 0 : floorDiv(a[i], b[i]) }
                    case .modulo: for i in 0..<n { out[i] = b[i] == 0 ? 0 : floorMod(a[i], b[i]) }
                    case .power: for i in 0..<n { out[i] = b[i] < 0 ? 0 : wrappingPower(a[i], b[i]) }
                    default: break
                    }
                }
            }
        }
        if nullable { return Column(dtype: .nullableInt64, values: .int64(out), validity: validity ?? Bitmap(repeating: true, count: n)) }
        return Column(int64: out)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        if a == .min && b == -1 { return .min }  // numpy wraps
        let q = a / b
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        if b == -1 { return 0 }
        let r = a % b
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r
    }

    static func wrappingPower(_ base: Int64, _ exponent: Int64) -> Int64 {
        var result: Int64 = 1, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result &* b }
            b = b &* b
            e >>= 1
        }
        return result
    }

    static func boolArithmetic(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        guard case .bool(let a) = lhs.values, case .bool(let b) = rhs.values else { throw BambooError.invariant("bool storage") }
        switch op {
        case .add: return Column(bool: zip(a, b).map { $0 || $1 })
        case .multiply: return Column(bool: zip(a, b).map { $0 && $1 })
        case .subtract:
            throw BambooError(.typeMismatch, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        case .divide, .floorDivide, .power:
            let name = op == .divide ? "truediv" : (op == .floorDivide ? "floordiv" : "pow")
            throw BambooError(.typeMismatch, "operator '\(name)' not implemented for bool dtypes")
        case .modulo:
            // numpy's int8 remainder: x % False is 0.
            return Column(int64: zip(a, b).map { $1 ? 0 : 0 })
        default:
            return try intArithmetic(op, int64s(lhs), int64s(rhs), nullable: false, validity: nil)
        }
    }

    static func stringConcat(_ lhs: Column, _ rhs: Column) -> Column {
        var builder = ColumnBuilder(dtype: .string, capacity: lhs.count)
        for i in 0..<lhs.count {
            if lhs.isMissing(i) || rhs.isMissing(i) { builder.appendMissing(); continue }
            guard case .string(let a) = lhs.values, case .string(let b) = rhs.values else { continue }
            builder.appendString(a[i] + b[i])
        }
        return builder.finish()
    }

    static func stringRepeat(_ lhs: Column, _ rhs: Column) throws -> Column {
        let (text, times) = lhs.dtype == .string ? (lhs, rhs) : (rhs, lhs)
        guard case .string(let strings) = text.values, case .int64(let counts) = times.values else {
            throw BambooError.invariant("string repeat storage")
        }
        var builder = ColumnBuilder(dtype: .string, capacity: text.count)
        for i in 0..<text.count {
            if text.isMissing(i) { builder.appendMissing(); continue }
            builder.appendString(String(repeating: strings[i], count: max(0, Int(counts[i]))))
        }
        return builder.finish()
    }

    /// Python semantics one element at a time, for object columns.
    static func objectArithmetic(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        var out: [Scalar] = []
        out.reserveCapacity(lhs.count)
        for i in 0..<lhs.count {
            let a = lhs.scalar(at: i), b = rhs.scalar(at: i)
            if a.isMissing || b.isMissing {
                if a == .na || b == .na { out.append(.na) } else if a == Scalar.none || b == Scalar.none {
                    throw BambooError(.typeMismatch, "unsupported operand type(s) for \(op.rawValue): \(a.pythonRepr) and \(b.pythonRepr)")
                } else { out.append(.float(.nan)) }
                continue
            }
            let left = Column.infer([a]), right = Column.infer([b])
            out.append(try apply(op, left, right).scalar(at: 0))
        }
        return Column(dtype: .object, values: .object(out))
    }
}
