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
        if keys.count == 1, let fast = singleNumericKey(keys[0], count: count) { return fast }
        if let fast = numericKeys(keys, count: count) { return fast }
        let comparators = try keys.map(comparator)
        // Missing flags once per key, so comparisons never look at bitmaps or enum storage.
        let missing: [[Bool]?] = keys.map { key in key.column.hasNoMissing ? nil : (0..<count).map(key.column.isMissing) }
        var indices = Array(0..<count)
        var buffer = indices
        mergeSort(&indices, &buffer, 0, count) { a, b in
            for k in 0..<comparators.count {
                let key = keys[k]
                if let flags = missing[k] {
                    let ma = flags[a], mb = flags[b]
                    if ma || mb {
                        if ma && mb { continue }
                        return (ma ? key.missingFirst : !key.missingFirst) ? -1 : 1
                    }
                }
                let order = comparators[k](a, b)
                if order != 0 { return key.ascending ? order : -order }
            }
            return 0
        }
        return indices
    }

    /// Several int64/float64 keys: compare doubles in place (missing rows ranked by a flag), with
    /// the row position as the last key so an unstable sort yields the stable order.
    static func numericKeys(_ keys: [SortKey], count: Int) -> [Int]? {
        var values: [[Double]] = []
        var missing: [[Bool]] = []
        for key in keys {
            switch key.column.values {
            case .float64(let v):
                values.append(v)
                missing.append((0..<count).map(key.column.isMissing))
            case .int64(let v) where key.column.dtype == .int64 || key.column.dtype == .nullableInt64:
                guard !v.contains(where: { $0.magnitude > 1 << 53 }) else { return nil }
                values.append(v.map { Double($0) })
                missing.append(key.column.validity == nil ? [Bool](repeating: false, count: count) : (0..<count).map(key.column.isMissing))
            default:
                return nil
            }
        }
        let ascending = keys.map(\.ascending), missingFirst = keys.map(\.missingFirst)
        var indices = Array(0..<count)
        indices.sort { a, b in
            for k in 0..<values.count {
                let ma = missing[k][a], mb = missing[k][b]
                if ma != mb { return ma == missingFirst[k] }
                if ma { continue }
                let x = values[k][a], y = values[k][b]
                if x != y { return ascending[k] ? x < y : x > y }
            }
            return a < b
        }
        return indices
    }

    /// One int64 or float64 key: sort (value, position) pairs directly, the position breaking ties
    /// so the result is stable; missing rows are placed as a block first or last.
    static func singleNumericKey(_ key: SortKey, count: Int) -> [Int]? {
        let column = key.column
        var present: [(Double, Int)] = []
        var absent: [Int] = []
        switch column.values {
        case .float64(let v):
            present.reserveCapacity(count)
            v.withUnsafeBufferPointer { values in
                for i in 0..<count {
                    if values[i].isNaN || (column.validity.map { !$0[i] } ?? false) { absent.append(i) } else { present.append((values[i], i)) }
                }
            }
        case .int64(let v) where column.dtype == .int64:
            // Doubles order int64 exactly only below 2^53; larger magnitudes take the general path.
            guard !v.contains(where: { $0.magnitude > 1 << 53 }) else { return nil }
            present = v.enumerated().map { (Double($0.element), $0.offset) }
        default:
            return nil
        }
        if key.ascending {
            present.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        } else {
            present.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        }
        let ordered = present.map(\.1)
        return key.missingFirst ? absent + ordered : ordered + absent
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
