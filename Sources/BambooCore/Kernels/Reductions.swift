import Foundation

/// Whole-column reductions with pandas' rules: NaN skipped by default, `sum` of nothing is 0,
/// `mean`/`min`/`max` of nothing is NaN, `sum` of strings concatenates.
public enum ColumnReduction: String, Sendable, Hashable, CaseIterable {
    case sum, mean, min, max, count, prod
    /// Distinct values; `skipna` is pandas' `dropna`.
    case nunique

    /// The dtype of the result for a column of `input` (a TypeError where pandas raises one).
    public func resultDType(for input: DType) throws -> DType {
        switch (self, input) {
        case (.count, _), (.nunique, _): return .int64
        case (.sum, .bool), (.prod, .bool), (.sum, .int64), (.prod, .int64): return .int64
        case (.sum, .nullableBool), (.sum, .nullableInt64), (.prod, .nullableInt64), (.prod, .nullableBool): return .nullableInt64
        case (.sum, .float64), (.prod, .float64), (.mean, .float64), (.mean, .int64), (.mean, .bool): return .float64
        case (.sum, .nullableFloat64), (.prod, .nullableFloat64), (.mean, .nullableInt64), (.mean, .nullableFloat64), (.mean, .nullableBool):
            return .nullableFloat64
        case (.min, .category(let type)), (.max, .category(let type)):
            guard type.ordered else { throw BambooError(.typeMismatch, "Categorical is not ordered for operation \(rawValue)\nyou can use .as_ordered() to change the Categorical to an ordered one\n") }
            return input
        case (.min, _), (.max, _):
            if input == .object { return .object }
            return input
        case (.sum, .string): return .string
        case (.sum, .object): return .object
        default:
            throw BambooError(.typeMismatch, "Cannot perform reduction '\(rawValue)' with \(input.name) dtype. Select numeric columns first.")
        }
    }

    /// Reduces the rows of `column` to one value.
    public func apply(_ column: Column, skipna: Bool = true, minCount: Int = 0) throws -> Scalar {
        let dtype = try resultDType(for: column.dtype)
        if self == .nunique { return .int(Int64(column.nunique(dropna: skipna))) }
        if minCount > 0, self == .sum || self == .prod {
            // pandas' min_count: fewer present values than that gives a missing result.
            let present = (0..<column.count).filter { !column.isMissing($0) }.count
            if present < minCount { return dtype.usesNA ? .na : .float(.nan) }
        }
        if let fast = floatFastPath(column, skipna: skipna) { return fast }
        let n = column.count
        let present = (0..<n).filter { !column.isMissing($0) }
        let anyMissing = present.count < n
        if self == .count { return .int(Int64(present.count)) }
        let missingResult: Scalar = dtype.usesNA ? .na : (column.dtype == .string && (self == .min || self == .max) ? .float(.nan) : .float(.nan))
        if anyMissing && !skipna {
            if self == .sum && column.dtype == .string { return missingResult }
            return missingResult
        }
        switch column.values {
        case .int64(let v):
            switch self {
            case .sum: return .int(present.reduce(Int64(0)) { $0 &+ v[$1] })
            case .prod: return .int(present.reduce(Int64(1)) { $0 &* v[$1] })
            case .mean: return present.isEmpty ? missingResult : .float(kahanSum(present.map { Double(v[$0]) }) / Double(present.count))
            case .min, .max:
                guard let best = (self == .min ? present.map({ v[$0] }).min() : present.map({ v[$0] }).max()) else { return missingResult }
                return column.scalarLike(best)
            default: break
            }
        case .float64(let v):
            let values = present.map { v[$0] }
            switch self {
            case .sum: return .float(kahanSum(values))
            case .prod: return .float(values.reduce(1, *))
            case .mean: return values.isEmpty ? missingResult : .float(kahanSum(values) / Double(values.count))
            case .min: return values.min().map(Scalar.float) ?? missingResult
            case .max: return values.max().map(Scalar.float) ?? missingResult
            default: break
            }
        case .bool(let v):
            let values = present.map { v[$0] }
            switch self {
            case .sum: return .int(Int64(values.filter { $0 }.count))
            case .prod: return .int(values.allSatisfy { $0 } ? 1 : 0)
            case .mean: return values.isEmpty ? missingResult : .float(Double(values.filter { $0 }.count) / Double(values.count))
            case .min: return values.isEmpty ? missingResult : .bool(values.allSatisfy { $0 })
            case .max: return values.isEmpty ? missingResult : .bool(values.contains(true))
            default: break
            }
        case .string(let v):
            switch self {
            case .sum: return .string(present.map { v[$0] }.joined())
            case .min, .max:
                guard var best = present.first else { return missingResult }
                for i in present.dropFirst() {
                    let order = v.compare(i, v, best)
                    if (self == .min && order < 0) || (self == .max && order > 0) { best = i }
                }
                return .string(v[best])
            default: break
            }
        case .object(let v):
            let values = present.map { v[$0] }
            guard var best = values.first else { return missingResult }
            for value in values.dropFirst() {
                switch self {
                case .min, .max:
                    guard let order = Comparison.order(value, best) else {
                        throw BambooError(.typeMismatch, "'<' not supported between instances of '\(Comparison.pythonType(value))' and '\(Comparison.pythonType(best))'")
                    }
                    if (self == .min && order < 0) || (self == .max && order > 0) { best = value }
                default:
                    best = try Kernels.binary(.add, .scalar(best), .scalar(value), count: 1).scalar(at: 0)
                }
            }
            return best
        }
        throw BambooError(.typeMismatch, "Cannot perform reduction '\(rawValue)' with \(column.dtype.name) dtype.")
    }

    /// float64 sum/mean/count in one pass over the buffer, without gathering present rows.
    private func floatFastPath(_ column: Column, skipna: Bool) -> Scalar? {
        guard column.dtype == .float64, case .float64(let v) = column.values, self == .sum || self == .mean || self == .count else { return nil }
        var sum = 0.0, compensation = 0.0, present = 0
        var sawNaN = false
        v.withUnsafeBufferPointer { values in
            for x in values {
                if x.isNaN { sawNaN = true; continue }
                present += 1
                let t = sum + x
                if Swift.abs(sum) >= Swift.abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
                sum = t
            }
        }
        // Compensation is meaningless once the sum is infinite (inf - inf would make it NaN).
        let total = sum.isFinite ? sum + compensation : sum
        switch self {
        case .count: return .int(Int64(present))
        case .sum: return sawNaN && !skipna ? .float(.nan) : .float(total)
        default: return (sawNaN && !skipna) || present == 0 ? .float(.nan) : .float(total / Double(present))
        }
    }

    /// numpy's pairwise summation is close to exact; compensated summation matches it on small inputs.
    private func kahanSum(_ values: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for x in values {
            let t = sum + x
            if abs(sum) >= abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
            sum = t
        }
        return sum.isFinite ? sum + compensation : sum
    }
}

extension Column {
    /// A value of this column's kind (int64 storage may be a datetime or timedelta).
    func scalarLike(_ raw: Int64) -> Scalar {
        switch dtype {
        case .datetime(let unit, let tz): return .datetime(raw, unit, tz: tz)
        case .timedelta(let unit): return .timedelta(raw, unit)
        case .category(let type):
            guard let categories = type.categories, raw >= 0, raw < categories.count else { return .float(.nan) }
            return categories[Int(raw)]
        default: return .int(raw)
        }
    }
}
