/// Element-wise comparisons with pandas' missing-value rules: a missing operand compares False
/// (and `!=` True) for numpy dtypes; the nullable dtypes give `pd.NA` in a `boolean` result.
enum Comparison {
    static func apply(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        let n = lhs.count
        let nullable = lhs.dtype.usesNA || rhs.dtype.usesNA
        for side in [lhs.dtype, rhs.dtype] {
            if case .category(let type) = side, !type.ordered, op != .equal, op != .notEqual {
                throw BambooError(.typeMismatch, "Unordered Categoricals can only compare equality or not")
            }
        }
        if case .category(let a) = lhs.dtype, case .category(let b) = rhs.dtype, a.categories != b.categories || a.ordered != b.ordered {
            throw BambooError(.typeMismatch, "Categoricals can only be compared if 'categories' are the same.")
        }
        if let ordered = try categoryOrder(op, lhs, rhs) { return ordered }
        if case .category = lhs.dtype { return try mixed(op, lhs, rhs) }
        if case .category = rhs.dtype { return try mixed(op, lhs, rhs) }
        if let temporal = try instants(op, lhs, rhs) { return temporal }
        var out = [Bool](repeating: false, count: n)
        switch (lhs.values, rhs.values) {
        case (.string(let a), .string(let b)):
            for i in 0..<n where !lhs.isMissing(i) && !rhs.isMissing(i) { out[i] = holds(op, a.compare(i, b, i)) }
        case (.float64, _), (_, .float64):
            guard let a = numeric(lhs), let b = numeric(rhs) else { return try mixed(op, lhs, rhs) }
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<n {
                        let x = a[i], y = b[i]
                        switch op {
                        case .equal: out[i] = x == y
                        case .notEqual: out[i] = x != y
                        case .less: out[i] = x < y
                        case .lessEqual: out[i] = x <= y
                        case .greater: out[i] = x > y
                        default: out[i] = x >= y
                        }
                    }
                }
            }
        case (.int64(let a), .int64(let b)) where sameTemporalFamily(lhs.dtype, rhs.dtype):
            for i in 0..<n { out[i] = holds(op, a[i] == b[i] ? 0 : (a[i] < b[i] ? -1 : 1)) }
        case (.bool, .bool), (.int64, .bool), (.bool, .int64):
            guard let a = integers(lhs), let b = integers(rhs) else { return try mixed(op, lhs, rhs) }
            for i in 0..<n { out[i] = holds(op, a[i] == b[i] ? 0 : (a[i] < b[i] ? -1 : 1)) }
        default:
            return try mixed(op, lhs, rhs)
        }
        // Missing rows: False, except `!=` which is True (NaN != x).
        if !nullable {
            if lhs.validity != nil || rhs.validity != nil {
                for i in 0..<n where lhs.isMissing(i) || rhs.isMissing(i) { out[i] = op == .notEqual }
            }
            return Column(bool: out)
        }
        return Column(dtype: .nullableBool, values: .bool(out), validity: Bitmap.and(lhs.validity, rhs.validity))
    }

    /// Datetimes in different units or zones (both zoned or both naive) compare as instants, and
    /// timedeltas in different units as durations; nil for anything else.
    static func instants(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column? {
        let unit: TimeUnit
        switch (lhs.dtype, rhs.dtype) {
        case (.datetime(let ua, let za), .datetime(let ub, let zb)) where (za == nil) == (zb == nil) && (ua != ub || za != zb):
            unit = TemporalArithmetic.finer(ua, ub)
        case (.timedelta(let ua), .timedelta(let ub)) where ua != ub:
            unit = TemporalArithmetic.finer(ua, ub)
        default: return nil
        }
        let (a, b) = (try TemporalArithmetic.ticks(lhs, unit), try TemporalArithmetic.ticks(rhs, unit))
        return Column(bool: (0..<lhs.count).map { i in
            guard let x = a[i], let y = b[i] else { return op == .notEqual }
            return holds(op, x == y ? 0 : (x < y ? -1 : 1))
        })
    }

    static func sameTemporalFamily(_ a: DType, _ b: DType) -> Bool {
        switch (a, b) {
        case (.datetime(let ua, let za), .datetime(let ub, let zb)): return ua == ub && za == zb
        case (.timedelta(let ua), .timedelta(let ub)): return ua == ub
        case (.int64, .int64), (.nullableInt64, .int64), (.int64, .nullableInt64), (.nullableInt64, .nullableInt64): return true
        default: return false
        }
    }

    static func holds(_ op: BinaryOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    static func numeric(_ column: Column) -> [Double]? {
        switch column.values {
        case .float64(let v): return v
        case .int64(let v) where Arithmetic.numberKind(column.dtype) != nil: return v.map { Double($0) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        default: return nil
        }
    }

    static func integers(_ column: Column) -> [Int64]? {
        switch column.values {
        case .int64(let v) where Arithmetic.numberKind(column.dtype) != nil: return v
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        default: return nil
        }
    }

    /// Different kinds (e.g. str vs int) or object columns: equality is False/True; ordering is a TypeError.
    /// `<`, `<=`, `>`, `>=` with an ordered categorical: by category position, not by value (the
    /// other side is a value that must be one of the categories, or the same categorical);
    /// missing compares False. nil for equality, which compares values.
    static func categoryOrder(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column? {
        guard op != .equal, op != .notEqual else { return nil }
        let flipped = !lhs.dtype.isCategory
        let (categorical, other) = flipped ? (rhs, lhs) : (lhs, rhs)
        guard case .category(let type) = categorical.dtype, let categories = type.categories, case .int64(let codes) = categorical.values else { return nil }
        let otherCodes: [Int64]? = { if case .category = other.dtype, case .int64(let c) = other.values { return c } else { return nil } }()
        var out = [Bool](repeating: false, count: categorical.count)
        for i in 0..<categorical.count where !categorical.isMissing(i) && !other.isMissing(i) {
            let position: Int64
            if let otherCodes {
                position = otherCodes[i]
            } else {
                guard let found = categories.firstIndex(of: other.scalar(at: i)) else {
                    throw BambooError(.typeMismatch, "Cannot compare a Categorical for op \(op.rawValue) with a scalar, which is not a category.")
                }
                position = Int64(found)
            }
            let order = codes[i] == position ? 0 : (codes[i] < position ? -1 : 1)
            out[i] = holds(op, flipped ? -order : order)
        }
        return Column(bool: out)
    }

    static func mixed(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) throws -> Column {
        var out = [Bool](repeating: false, count: lhs.count)
        for i in 0..<lhs.count {
            let a = lhs.scalar(at: i), b = rhs.scalar(at: i)
            if a.isMissing || b.isMissing { out[i] = op == .notEqual; continue }
            if let order = order(a, b) {
                out[i] = holds(op, order)
            } else if op == .equal || op == .notEqual {
                out[i] = op == .notEqual
            } else {
                throw BambooError(.typeMismatch, "'\(op.rawValue)' not supported between instances of '\(pythonType(a))' and '\(pythonType(b))'")
            }
        }
        return Column(bool: out)
    }

    /// Python's ordering of two present scalars, nil when they are not comparable.
    static func order(_ a: Scalar, _ b: Scalar) -> Int? {
        if let x = a.doubleValue, let y = b.doubleValue {
            if case .int(let p) = a, case .int(let q) = b { return p == q ? 0 : (p < q ? -1 : 1) }
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        if case .date(let x) = a, case .date(let y) = b { return x == y ? 0 : (x < y ? -1 : 1) }
        if case .datetime(let x, let ux, let zx) = a, case .datetime(let y, let uy, let zy) = b, ux == uy, (zx == nil) == (zy == nil) {
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        if case .timedelta(let x, let ux) = a, case .timedelta(let y, let uy) = b, ux == uy { return x == y ? 0 : (x < y ? -1 : 1) }
        if case .time(let x) = a, case .time(let y) = b { return x == y ? 0 : (x < y ? -1 : 1) }
        if case .string(let x) = a, case .string(let y) = b {
            return x == y ? 0 : (Array(x.unicodeScalars).lexicographicallyPrecedes(Array(y.unicodeScalars), by: { $0.value < $1.value }) ? -1 : 1)
        }
        return nil
    }

    static func pythonType(_ scalar: Scalar) -> String {
        switch scalar {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .string: return "str"
        case .none: return "NoneType"
        case .na: return "NAType"
        case .nat: return "NaTType"
        case .datetime: return "Timestamp"
        case .timedelta: return "Timedelta"
        case .tuple: return "tuple"
        case .list: return "list"
        case .date: return "datetime.date"
        case .time: return "datetime.time"
        }
    }
}
