import Foundation

/// An aggregation of each group's values, with pandas' `groupby` semantics: missing values are
/// skipped; `sum` of nothing is 0 (or missing under `min_count`); `mean`/`min`/`max` of nothing
/// are missing; `count` counts present values, `size` rows.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case sum, mean, median, min, max, count, size, std, `var`, sem, skew, kurt, prod, first, last, nunique, any, all, quantile, idxmin, idxmax

    /// The result dtype, given the options: quantiles that pick a value (`lower`, `higher`,
    /// `nearest`) keep an integer dtype.
    public func resultDType(for input: DType, options: AggregateOptions) throws -> DType {
        if self == .quantile, [.lower, .higher, .nearest].contains(options.interpolation), input == .int64 || input == .nullableInt64 {
            return input
        }
        return try resultDType(for: input)
    }

    /// The result dtype for values of `input` (a TypeError where pandas raises one).
    public func resultDType(for input: DType) throws -> DType {
        switch (self, input) {
        case (.count, _): return input.usesNA ? .nullableInt64 : .int64
        case (.quantile, .int64), (.quantile, .float64), (.quantile, .bool): return .float64
        case (.quantile, .nullableInt64), (.quantile, .nullableFloat64): return .nullableFloat64
        case (.idxmin, _), (.idxmax, _):
            guard input.isNumeric || input == .string else { throw BambooError(.typeMismatch, "reduction operation '\(rawValue)' not allowed for this dtype") }
            return .object  // the index's labels; the facade re-types them to the index dtype
        case (.size, _), (.nunique, _): return .int64
        case (.any, _), (.all, _): return input.usesNA ? .nullableBool : .bool
        case (.sum, .int64), (.sum, .bool), (.prod, .int64), (.prod, .bool): return .int64
        case (.sum, .nullableInt64), (.sum, .nullableBool), (.prod, .nullableInt64), (.prod, .nullableBool): return .nullableInt64
        case (.sum, .float64), (.prod, .float64): return .float64
        case (.sum, .nullableFloat64), (.prod, .nullableFloat64): return .nullableFloat64
        case (.sum, .string): return .string
        case (.sum, .object): return .object
        case (.mean, .int64), (.mean, .float64), (.mean, .bool), (.median, .int64), (.median, .float64), (.median, .bool),
             (.std, .int64), (.std, .float64), (.std, .bool), (.var, .int64), (.var, .float64), (.var, .bool),
             (.sem, .int64), (.sem, .float64), (.sem, .bool), (.skew, .int64), (.skew, .float64), (.skew, .bool),
             (.kurt, .int64), (.kurt, .float64), (.kurt, .bool):
            return .float64
        case (.mean, .nullableInt64), (.mean, .nullableFloat64), (.mean, .nullableBool), (.median, .nullableInt64), (.median, .nullableFloat64),
             (.std, .nullableInt64), (.std, .nullableFloat64), (.var, .nullableInt64), (.var, .nullableFloat64),
             (.sem, .nullableInt64), (.sem, .nullableFloat64), (.skew, .nullableInt64), (.skew, .nullableFloat64),
             (.kurt, .nullableInt64), (.kurt, .nullableFloat64):
            return .nullableFloat64
        case (.min, _), (.max, _), (.first, _), (.last, _):
            if case .category(let type) = input, !type.ordered, self == .min || self == .max {
                throw BambooError(.typeMismatch, "Cannot perform \(rawValue) with non-ordered Categorical")
            }
            return input
        default:
            throw BambooError(.typeMismatch, "agg function failed [how->\(rawValue),dtype->\(input.name)]")
        }
    }

    /// Aggregates `column` per group; `column` is ignored by `size`; `labels` (the index) is what
    /// `idxmin`/`idxmax` return.
    public func apply(_ column: Column, grouping: Grouping, options: AggregateOptions = AggregateOptions(), labels: Column? = nil) throws -> Column {
        let (ddof, minCount) = (options.ddof, options.minCount)
        let groups = grouping.groupCount
        var members = [[Int]](repeating: [], count: groups)
        for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 { members[group].append(row) }
        let dtype = try resultDType(for: column.dtype, options: options)
        // skipna=False: first/last take the literal first/last row, missing or not.
        if !options.skipna, self == .first || self == .last {
            return try column.gatherOptional(members.map { self == .first ? $0.first : $0.last })
        }
        // skipna=False: a group holding a missing value aggregates to missing.
        if !options.skipna, [.sum, .mean, .min, .max, .prod, .median, .std, .var, .sem, .skew, .kurt].contains(self) {
            let result = try AggregateFunction.skippingMissing(self, column, grouping: grouping, options: AggregateOptions(ddof: ddof, minCount: minCount))
            let poisoned = members.map { rows in rows.contains(where: column.isMissing) }
            guard poisoned.contains(true) else { return result }
            return try Column.buildUpcasting((0..<groups).map { poisoned[$0] ? .float(.nan) : result.scalar(at: $0) }, dtype: result.dtype)
        }
        switch self {
        case .quantile:
            return try Column.buildUpcasting(members.map { rows -> Scalar in
                let values = try column.take(rows.filter { !column.isMissing($0) }).astype(.float64)
                guard case .float64(let xs) = values.values, !xs.isEmpty else { return .float(.nan) }
                let q = Quantile.of(xs.sorted(), q: options.q, interpolation: options.interpolation)
                return dtype == .int64 || dtype == .nullableInt64 ? .int(Int64(q)) : .float(q)
            }, dtype: dtype)
        case .idxmin, .idxmax:
            guard let labels else { throw BambooError.invariant("idxmin/idxmax need the index") }
            if !options.skipna, members.contains(where: { $0.contains(where: column.isMissing) }) {
                throw BambooError(.invalidArgument, "\(rawValue) with skipna=False encountered an NA value.")
            }
            let picks = try AggregateFunction.extremeRows(self == .idxmin ? .min : .max, column, grouping: grouping)
            if picks.contains(where: { $0 == nil }) {
                throw BambooError(.invalidArgument, "\(rawValue) with skipna=True encountered all NA values in a group.")
            }
            return labels.take(picks.compactMap { $0 })
        case .size:
            return Column(int64: members.map { Int64($0.count) })
        case .count:
            let counts = Column(int64: members.map { rows in Int64(rows.filter { !column.isMissing($0) }.count) })
            return try counts.astype(dtype)
        case .nunique:
            return Column(int64: members.map { rows in
                var seen = Set<Scalar>()
                for row in rows where !column.isMissing(row) { seen.insert(column.scalar(at: row)) }
                return Int64(seen.count)
            })
        case .any, .all:
            return try Column(bool: try members.map { rows in
                // skipna=False: a missing value counts as truthy (Python's bool(NaN) is True).
                let truths = try rows.filter { !options.skipna || !column.isMissing($0) }.map { column.isMissing($0) ? true : try column.truth(at: $0) }
                return self == .any ? truths.contains(true) : truths.allSatisfy { $0 }
            }).astype(dtype)
        case .first, .last:
            let picks = members.map { rows -> Int? in
                let present = rows.filter { !column.isMissing($0) }
                return self == .first ? present.first : present.last
            }
            return try column.gatherOptional(picks)
        case .min, .max:
            return try column.gatherOptional(try AggregateFunction.extremeRows(self, column, grouping: grouping))
        case .sum, .prod, .mean, .median, .std, .var, .sem, .skew, .kurt:
            var results: [Scalar] = []
            results.reserveCapacity(groups)
            for rows in members {
                let present = rows.filter { !column.isMissing($0) }
                if present.count < minCount { results.append(.float(.nan)); continue }
                let subset = column.take(present)
                switch self {
                case .sum: results.append(try ColumnReduction.sum.apply(subset))
                case .prod: results.append(try ColumnReduction.prod.apply(subset))
                case .mean: results.append(try ColumnReduction.mean.apply(subset))
                default:
                    let values = try subset.astype(.float64)
                    guard case .float64(let xs) = values.values else { throw BambooError.invariant("float storage") }
                    results.append(.float(AggregateFunction.moment(self, xs.sorted(), ddof: ddof)))
                }
            }
            // pandas turns an int sum with a min_count-missing group into float64.
            if results.contains(where: \.isMissing) && !dtype.canHoldMissing {
                return Column.infer(results.map { $0.isMissing ? .float(.nan) : $0 }).dtype == .float64
                    ? Column(float64: results.map { $0.doubleValue ?? .nan }) : try Column.build(results, dtype: .object)
            }
            return try Column.build(results.map { $0.isMissing ? .none : $0 }, dtype: dtype)
        }
    }

    /// The row holding each group's min (or max), first of ties; nil for a group with no value.
    static func extremeRows(_ function: AggregateFunction, _ column: Column, grouping: Grouping) throws -> [Int?] {
        var best = [Int?](repeating: nil, count: grouping.groupCount)
        for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 && !column.isMissing(row) {
            guard let current = best[group] else { best[group] = row; continue }
            let order = try column.compareRows(row, current)
            if (function == .min && order < 0) || (function == .max && order > 0) { best[group] = row }
        }
        return best
    }

    /// The aggregation with skipna=True, for the skipna=False wrapper.
    static func skippingMissing(_ function: AggregateFunction, _ column: Column, grouping: Grouping, options: AggregateOptions) throws -> Column {
        var plain = options
        plain.skipna = true
        return try function.apply(column, grouping: grouping, options: plain)
    }

    /// median, std, var, sem, skew, kurt of sorted present values (NaN when too few).
    static func moment(_ function: AggregateFunction, _ sorted: [Double], ddof: Int) -> Double {
        let n = sorted.count
        switch function {
        case .median:
            guard n > 0 else { return .nan }
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        case .sem:
            return moment(.std, sorted, ddof: ddof) / Double(n).squareRoot()
        case .skew, .kurt:
            return Moments.shape(function == .skew ? .skewness : .kurtosis, of: sorted)
        default:
            guard n - ddof > 0 else { return .nan }
            let mean = sorted.reduce(0, +) / Double(n)
            let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let variance = squares / Double(n - ddof)
            return function == .std ? variance.squareRoot() : variance
        }
    }
}

extension Column {
    /// Three-way order of two present rows (TypeError for values Python cannot order).
    func compareRows(_ i: Int, _ j: Int) throws -> Int {
        switch values {
        case .int64(let v): return v[i] == v[j] ? 0 : (v[i] < v[j] ? -1 : 1)
        case .float64(let v): return v[i] == v[j] ? 0 : (v[i] < v[j] ? -1 : 1)
        case .bool(let v): return v[i] == v[j] ? 0 : (v[i] ? 1 : -1)
        case .string(let v): return v.compare(i, v, j)
        case .object(let v):
            guard let order = Comparison.order(v[i], v[j]) else {
                throw BambooError(.typeMismatch, "'<' not supported between instances of '\(Comparison.pythonType(v[i]))' and '\(Comparison.pythonType(v[j]))'")
            }
            return order
        }
    }

    /// Python truthiness of a present value (`any`/`all`).
    func truth(at row: Int) throws -> Bool {
        switch scalar(at: row) {
        case .bool(let b): return b
        case .int(let x): return x != 0
        case .float(let x): return x != 0
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }

    /// Rows at `picks`, missing where a pick is nil (int64/bool become float64/object, as pandas upcasts).
    public func gatherOptional(_ picks: [Int?]) throws -> Column {
        if picks.allSatisfy({ $0 != nil }) { return take(picks.map { $0 ?? 0 }) }
        let scalars = picks.map { pick in pick.map { scalar(at: $0) } ?? missingScalar }
        switch dtype {
        case .int64: return Column(float64: scalars.map { $0.doubleValue ?? .nan })
        case .bool: return Column(dtype: .object, values: .object(picks.map { pick in pick.map { scalar(at: $0) } ?? .float(.nan) }))
        default: return try Column.build(scalars, dtype: dtype)
        }
    }
}

/// Options of an aggregation, with pandas' defaults.
public struct AggregateOptions: Sendable, Hashable {
    public var ddof: Int = 1
    public var minCount: Int = 0
    public var skipna: Bool = true
    public var q: Double = 0.5
    public var interpolation: QuantileInterpolation = .linear

    public init(ddof: Int = 1, minCount: Int = 0, skipna: Bool = true, q: Double = 0.5, interpolation: QuantileInterpolation = .linear) {
        self.ddof = ddof
        self.minCount = minCount
        self.skipna = skipna
        self.q = q
        self.interpolation = interpolation
    }
}

/// pandas' `quantile(interpolation=)`.
public enum QuantileInterpolation: String, Sendable, Hashable, CaseIterable {
    case linear, lower, higher, midpoint, nearest
}

/// Exact quantiles of sorted values, as numpy computes them.
public enum Quantile {
    public static func of(_ sorted: [Double], q: Double, interpolation: QuantileInterpolation) -> Double {
        guard let last = sorted.indices.last else { return .nan }
        let position = q * Double(last)
        let low = Int(position.rounded(.down)), high = Swift.min(low + 1, last)
        let fraction = position - Double(low)
        switch interpolation {
        case .linear: return fraction == 0 ? sorted[low] : sorted[low] + (sorted[high] - sorted[low]) * fraction
        case .lower: return sorted[low]
        case .higher: return fraction == 0 ? sorted[low] : sorted[high]
        case .midpoint: return fraction == 0 ? sorted[low] : (sorted[low] + sorted[high]) / 2
        case .nearest: return sorted[Int(position.rounded(.toNearestOrEven))]
        }
    }
}
