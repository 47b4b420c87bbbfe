/// Per-group operations that keep every row in place (`transform`, `cumsum`, `shift`, `rank`, ...),
/// with pandas' `groupby` semantics: each group sees only its own rows, in order; rows whose key
/// is missing (dropped by `dropna`) get a missing result.
public enum GroupWindowFunction: Sendable, Hashable {
    case transform(AggregateFunction, ddof: Int)
    /// A running sum, product, max or min; with `skipna: false` a missing value makes the rest of its group missing.
    case cumulative(CumulativeOperation, skipna: Bool)
    case cumcount(ascending: Bool)
    case shift(periods: Int, fill: Scalar?)
    case diff(periods: Int)
    case rank(method: RankMethod, ascending: Bool, naOption: RankNAOption, pct: Bool)
    /// A Swift closure from a group's values to as many values.
    case custom(UserFunction)
    /// `rolling(...)`/`expanding(...)` aggregations.
    case rolling(RollingWindow)
    /// `rolling("3D")`: the rows whose time lies in `(t - span, t]`, `span` in the times' ticks;
    /// `timesName` names the times in errors (`index`, or the `on` column).
    case timeRolling(RollingWindow, span: Int64, timesName: String)
    /// `ewm(...).mean()`.
    case ewmMean(ExponentialWindow)
    /// `pct_change(periods)`: the change from `periods` rows earlier, as a fraction (no filling, as pandas 3).
    case pctChange(periods: Int)
    /// Each row's group, numbered by first appearance (-1 for a row in no group).
    case groupNumber
    /// The values unchanged (keys carried through a grouped window).
    case passthrough

    public var name: String {
        switch self {
        case .transform(let f, _): return "transform(\(f.rawValue))"
        case .cumulative(let operation, let skipna): return operation.rawValue + (skipna ? "" : "(skipna=False)")
        case .cumcount: return "cumcount"
        case .shift(let n, _): return "shift(\(n))"
        case .diff(let n): return "diff(\(n))"
        case .rank(let method, _, _, _): return "rank(\(method.rawValue))"
        case .custom(let function): return "\(function.name) [Swift closure]"
        case .rolling(let w): return w.window == Int.max ? "expanding(\(w.minPeriods)).\(w.function.rawValue)" : "rolling(\(w.window)\(w.center ? ", center" : "")).\(w.function.rawValue)"
        case .ewmMean(let w): return "ewm(alpha=\(w.alpha)).mean"
        case .timeRolling(let w, let span, _): return "rolling(\(span) ticks).\(w.function.rawValue)"
        case .pctChange(let n): return "pct_change(\(n))"
        case .groupNumber: return "ngroup"
        case .passthrough: return "passthrough"
        }
    }

    /// The result dtype for values of `input` (before any data-dependent upcast).
    public func resultDType(for input: DType) throws -> DType {
        switch self {
        case .transform(let f, _): return try f.resultDType(for: input)
        case .custom(let function): return function.dtype
        case .cumcount, .groupNumber: return .int64
        case .passthrough: return input
        case .rank: return input.usesNA ? .nullableFloat64 : .float64
        case .cumulative(.cumsum, _), .cumulative(.cumprod, _):
            switch input {
            case .int64, .bool: return .int64
            case .float64, .nullableInt64, .nullableFloat64: return input
            case .nullableBool: return .nullableInt64
            default: throw BambooError(.typeMismatch, "\(name) is not supported for dtype \(input.name)")
            }
        case .cumulative(.cummax, _), .cumulative(.cummin, _):
            let temporal: Bool = { switch input { case .datetime, .timedelta: return true; default: return false } }()
            guard input.isNumeric || input == .object || temporal else {
                throw BambooError(.typeMismatch, "\(name) is not supported for dtype \(input.name)")
            }
            return input
        case .shift: return input
        case .rolling, .ewmMean, .pctChange, .timeRolling:
            guard [.int64, .float64, .bool, .nullableInt64, .nullableFloat64].contains(input) else {
                throw BambooError(.typeMismatch, "No numeric types to aggregate")
            }
            return .float64
        case .diff:
            switch input {
            case .int64, .float64: return .float64
            case .nullableInt64, .nullableFloat64: return input
            case .bool: return .object
            case .datetime(let unit, _): return .timedelta(unit)
            case .timedelta: return input
            default: throw BambooError(.typeMismatch, "unsupported operand type(s) for -: '\(input.name)' and '\(input.name)'")
            }
        }
    }

    /// The function applied to each group of `column`; the result has one value per row.
    public func apply(_ column: Column, grouping: Grouping, times: Column? = nil) throws -> Column {
        let n = column.count
        var members = [[Int]](repeating: [], count: grouping.groupCount)
        for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 { members[group].append(row) }
        var out = [Scalar](repeating: column.missingScalar, count: n)
        let dtype = try resultDType(for: column.dtype)
        // Nothing to compute: pandas keeps the input's dtype for an empty frame.
        if n == 0, case .diff = self { return column }
        switch self {
        case .custom(let function):
            return try function.transform(column, grouping: grouping)
        case .passthrough:
            return column
        case .groupNumber:
            return Column(int64: grouping.groupOfRow.map { Int64($0) })
        case .transform(let function, let ddof):
            let aggregated = try function.apply(column, grouping: grouping, options: AggregateOptions(ddof: ddof))
            for (group, rows) in members.enumerated() { for row in rows { out[row] = aggregated.scalar(at: group) } }
            return try Column.buildUpcasting(out, dtype: aggregated.dtype)
        case .cumcount(let ascending):
            for rows in members { for (i, row) in rows.enumerated() { out[row] = .int(Int64(ascending ? i : rows.count - 1 - i)) } }
            // Rows of no group: pandas gives NaN (so the column becomes float64).
            return try Column.buildUpcasting(out.map { $0.isMissing ? .float(.nan) : $0 }, dtype: .int64)
        case .cumulative(let operation, let skipna):
            for rows in members {
                var running: Scalar?
                for row in rows {
                    // Missing stays missing; the running value goes on, unless skipna=False ends the group's values.
                    if column.isMissing(row) {
                        if !skipna { break }
                        continue
                    }
                    let value = column.scalar(at: row)
                    if let current = running {
                        switch operation {
                        case .cumsum: running = try Kernels.binary(.add, .scalar(current), .scalar(value), count: 1).scalar(at: 0)
                        case .cumprod: running = try Kernels.binary(.multiply, .scalar(current), .scalar(value), count: 1).scalar(at: 0)
                        case .cummax, .cummin:
                            let order = Comparison.order(value, current) ?? 0
                            if (operation == .cummax && order > 0) || (operation == .cummin && order < 0) { running = value }
                        }
                    } else {
                        let counts = (operation == .cumsum || operation == .cumprod) && (column.dtype == .bool || column.dtype == .nullableBool)
                        running = counts ? .int(value == .bool(true) ? 1 : 0) : value
                    }
                    out[row] = running ?? value
                }
            }
            return try Column.buildUpcasting(out, dtype: dtype)
        case .shift(let periods, let fill):
            for rows in members {
                for (i, row) in rows.enumerated() {
                    let source = i - periods
                    out[row] = source >= 0 && source < rows.count ? column.scalar(at: rows[source]) : (fill ?? column.missingScalar)
                }
            }
            return try Column.buildUpcasting(out, dtype: dtype)
        case .diff(let periods):
            for rows in members {
                for (i, row) in rows.enumerated() {
                    let source = i - periods
                    guard source >= 0 && source < rows.count, !column.isMissing(row), !column.isMissing(rows[source]) else { continue }
                    // Bools subtract as the ints 0 and 1 (pandas gives object ints -1, 0, 1).
                    func number(_ r: Int) -> Scalar { if case .bool(let b) = column.scalar(at: r) { return .int(b ? 1 : 0) } else { return column.scalar(at: r) } }
                    out[row] = try Kernels.binary(.subtract, .scalar(number(row)), .scalar(number(rows[source])), count: 1).scalar(at: 0)
                }
            }
            return try Column.buildUpcasting(out, dtype: dtype)
        case .timeRolling(let window, let span, let timesName):
            guard let times, case .int64(let instants) = times.values else {
                throw BambooError.invariant("a time-based window needs the times")
            }
            // pandas accepts times sorted either way; a decreasing order measures the span forward.
            let increasing = (1..<Swift.max(1, n)).allSatisfy { instants[$0] >= instants[$0 - 1] }
            let decreasing = (1..<Swift.max(1, n)).allSatisfy { instants[$0] <= instants[$0 - 1] }
            guard (0..<n).allSatisfy({ !times.isMissing($0) }) else { throw BambooError(.invalidArgument, "\(timesName) values must not have NaT") }
            guard increasing || decreasing else { throw BambooError(.invalidArgument, "\(timesName) values must be monotonic") }
            let numbers = try column.astype(.float64)
            guard case .float64(let values) = numbers.values else { throw BambooError.invariant("float storage") }
            var result = [Double](repeating: .nan, count: n)
            for rows in members {
                for (k, row) in rows.enumerated() {
                    var start = k
                    while start > 0, increasing ? instants[rows[start - 1]] > instants[row] &- span : instants[rows[start - 1]] < instants[row] &+ span {
                        start -= 1
                    }
                    let present = rows[start...k].map { values[$0] }.filter { !$0.isNaN }
                    result[row] = window.aggregate(present, rows: k - start + 1)
                }
            }
            return Column(float64: result)
        case .rolling, .ewmMean, .pctChange:
            let numbers = try column.astype(.float64)
            guard case .float64(let values) = numbers.values else { throw BambooError.invariant("float storage") }
            var result = [Double](repeating: .nan, count: n)
            for rows in members {
                let groupValues = rows.map { values[$0] }
                let computed: [Double]
                switch self {
                case .rolling(let window): computed = window.apply(groupValues)
                case .ewmMean(let window): computed = window.mean(groupValues)
                case .pctChange(let periods):
                    computed = groupValues.indices.map { i in
                        let j = i - periods
                        return groupValues.indices.contains(j) ? groupValues[i] / groupValues[j] - 1 : .nan
                    }
                default: computed = []
                }
                for (row, value) in zip(rows, computed) { result[row] = value }
            }
            return Column(float64: result)
        case .rank(let method, let ascending, let naOption, let pct):
            for rows in members {
                let ranks = try Ranking.ranks(column, rows: rows, method: method, ascending: ascending, naOption: naOption, pct: pct)
                for (row, rank) in zip(rows, ranks) { out[row] = rank.map(Scalar.float) ?? .float(.nan) }
            }
            return try Column.buildUpcasting(out, dtype: dtype)
        }
    }
}

/// The running operations of `cumsum`, `cumprod`, `cummax` and `cummin`.
public enum CumulativeOperation: String, Sendable, Hashable {
    case cumsum, cumprod, cummax, cummin
}

extension Column {
    /// Builds `scalars` as `dtype`, upcasting as pandas does when a missing value lands in a dtype
    /// that cannot hold one (int64 → float64, bool → object).
    public static func buildUpcasting(_ scalars: [Scalar], dtype: DType) throws -> Column {
        // pandas marks rows it had no value for with NaN in object columns.
        if dtype == .object { return Column(dtype: .object, values: .object(scalars.map { $0.isMissing ? .float(.nan) : $0 })) }
        if !dtype.canHoldMissing, scalars.contains(where: \.isMissing) {
            return dtype == .int64 ? Column(float64: scalars.map { $0.doubleValue ?? .nan })
                : Column(dtype: .object, values: .object(scalars.map { $0.isMissing ? .float(.nan) : $0 }))
        }
        return try build(scalars.map { $0.isMissing ? .none : $0 }, dtype: dtype)
    }
}
