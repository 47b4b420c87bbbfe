/// One key of a multi-key sort.
public struct SortKey: Sendable {
    public var column: Column
    public var ascending: Bool
    /// Missing values first (`na_position="first"`) or last.
    public var missingFirst: Bool

    public init(_ column: Column, ascending: Bool = true, missingFirst: Bool = false) {
        self.column = column
        self.ascending = ascending
        self.missingFirst = missingFirst
    }
}

/// A stable multi-key sort returning the permutation, as `sort_values(kind="stable")` orders rows.
public enum StableSort {
    /// Row indices in sorted order. Missing values go first or last per key regardless of direction,
    /// as pandas places them; ties keep their input order.
    public static func permutation(_ keys: [SortKey], count: Int) throws -> [Int] {
        let comparators = try keys.map(comparator)
        var indices = Array(0..<count)
        // Merge sort keeps ties in input order.
        var buffer = indices
        mergeSort(&indices, &buffer, 0, count) { a, b in
            for (k, compare) in comparators.enumerated() {
                let key = keys[k]
                let ma = key.column.isMissing(a), mb = key.column.isMissing(b)
                if ma || mb {
                    if ma && mb { continue }
                    return (ma ? key.missingFirst : !key.missingFirst) ? -1 : 1
                }
                let order = compare(a, b)
                if order != 0 { return key.ascending ? order : -order }
            }
            return 0
        }
        return indices
    }

    private static func mergeSort(_ a: inout [Int], _ tmp: inout [Int], _ lo: Int, _ hi: Int, _ cmp: (Int, Int) -> Int) {
        if hi - lo < 2 { return }
        if hi - lo <= 16 {
            for i in (lo + 1)..<hi {
                let x = a[i]
                var j = i - 1
                while j >= lo && cmp(a[j], x) > 0 { a[j + 1] = a[j]; j -= 1 }
                a[j + 1] = x
            }
            return
        }
        let mid = (lo + hi) / 2
        mergeSort(&a, &tmp, lo, mid, cmp)
        mergeSort(&a, &tmp, mid, hi, cmp)
        if cmp(a[mid - 1], a[mid]) <= 0 { return }
        var i = lo, j = mid, k = lo
        while i < mid && j < hi {
            if cmp(a[j], a[i]) < 0 { tmp[k] = a[j]; j += 1 } else { tmp[k] = a[i]; i += 1 }
            k += 1
        }
        while i < mid { tmp[k] = a[i]; i += 1; k += 1 }
        while j < hi { tmp[k] = a[j]; j += 1; k += 1 }
        for m in lo..<hi { a[m] = tmp[m] }
    }

    /// Three-way comparison of two present rows of a column.
    static func comparator(_ key: SortKey) throws -> (Int, Int) -> Int {
        let column = key.column
        switch column.values {
        case .int64(let v): return { v[$0] == v[$1] ? 0 : (v[$0] < v[$1] ? -1 : 1) }
        case .float64(let v): return { v[$0] == v[$1] ? 0 : (v[$0] < v[$1] ? -1 : 1) }
        case .bool(let v): return { v[$0] == v[$1] ? 0 : (!v[$0] ? -1 : 1) }
        case .string(let v): return { v.compare($0, v, $1) }
        case .object(let v):
            // Mixed types cannot be ordered (pandas raises TypeError); check once up front.
            for i in 0..<v.count where !v[i].isMissing {
                for j in (i + 1)..<v.count where !v[j].isMissing {
                    if Comparison.order(v[i], v[j]) == nil {
                        throw BambooError(.typeMismatch, "'<' not supported between instances of '\(Comparison.pythonType(v[j]))' and '\(Comparison.pythonType(v[i]))'")
                    }
                    break
                }
                break
            }
            return { Comparison.order(v[$0], v[$1]) ?? 0 }
        }
    }
}
