/// Rows assigned to groups by their key values, as `groupby` forms them.
public struct Grouping: Sendable {
    /// The group of each row, or -1 for a row dropped because a key is missing (`dropna=True`).
    public let groupOfRow: [Int]
    /// The row holding each group's keys. Rows at or past the input's row count are virtual rows of
    /// `unobservedKeys`: groups of unobserved categories (`observed=False`), which have no rows.
    public let representatives: [Int]
    /// The keys of the unobserved groups, one column per key (empty unless `observed=False` added some).
    var unobservedKeys: [Column]

    public var groupCount: Int { representatives.count }

    /// Groups rows by `keys` (equal values together, all missing values of a key together).
    /// Groups are numbered by first appearance, or in key order when `sort` (missing keys last,
    /// as pandas places the NaN group).
    /// With `observed: false`, every combination of a categorical key's categories (and the other
    /// keys' values) is a group even when no row has it: pandas' `groupby(observed=False)`. Those
    /// groups follow the observed ones in product order unless `sort` orders everything.
    /// With `markersDistinct`, an object column's `None` and NaN are different keys (pandas'
    /// `value_counts`, `duplicated`); groupby keys treat every missing marker alike.
    public static func make(keys: [Column], rowCount: Int, sort: Bool, dropna: Bool, observed: Bool = true, markersDistinct: Bool = false) throws -> Grouping {
        var hashes = [UInt64](repeating: 0, count: rowCount)
        for key in keys { key.combineHashes(into: &hashes) }
        var groupOfRow = [Int](repeating: -1, count: rowCount)
        var representatives: [Int] = []
        var buckets: [UInt64: [Int]] = [:]  // hash → groups with that hash
        rows: for row in 0..<rowCount {
            if dropna && keys.contains(where: { $0.isMissing(row) }) { continue }
            if let candidates = buckets[hashes[row]] {
                for group in candidates where keys.allSatisfy({ $0.rowsEqual(row, representatives[group], markersDistinct: markersDistinct) }) {
                    groupOfRow[row] = group
                    continue rows
                }
            }
            let group = representatives.count
            representatives.append(row)
            buckets[hashes[row], default: []].append(group)
            groupOfRow[row] = group
        }
        var unsorted = Grouping(groupOfRow: groupOfRow, representatives: representatives, unobservedKeys: [])
        if !observed, keys.contains(where: \.dtype.isCategory) {
            unsorted = try unsorted.addingUnobservedCategories(keys: keys, rowCount: rowCount, dropna: dropna)
        }
        guard sort, unsorted.groupCount > 1 else { return unsorted }
        // Sort the groups by their keys; renumber rows accordingly.
        let sortKeys = try unsorted.keyValues(keys).map { SortKey($0, ascending: true, missingFirst: false) }
        let order = try StableSort.permutation(sortKeys, count: unsorted.groupCount)
        return unsorted.reordered(order)
    }

    /// Each group's value of every key, in group order.
    public func keyValues(_ keys: [Column]) throws -> [Column] {
        guard !unobservedKeys.isEmpty else { return keys.map { $0.take(representatives) } }
        return try zip(keys, unobservedKeys).map { key, extra in try Column.concatenate([key, extra]).take(representatives) }
    }

    /// The same groups numbered in `order` (new group i is old group `order[i]`).
    func reordered(_ order: [Int]) -> Grouping {
        var renumber = [Int](repeating: 0, count: order.count)
        for (newGroup, oldGroup) in order.enumerated() { renumber[oldGroup] = newGroup }
        return Grouping(groupOfRow: groupOfRow.map { $0 < 0 ? $0 : renumber[$0] },
                        representatives: order.map { representatives[$0] }, unobservedKeys: unobservedKeys)
    }
}

extension Column {
    /// Whether rows `i` and `j` hold the same key (missing equals missing).
    @inline(__always)
    public func rowsEqual(_ i: Int, _ j: Int, markersDistinct: Bool = false) -> Bool {
        let mi = isMissing(i), mj = isMissing(j)
        if mi || mj {
            if markersDistinct, mi && mj, case .object(let v) = values { return v[i] == v[j] }
            return mi && mj
        }
        switch values {
        case .int64(let v): return v[i] == v[j]
        case .float64(let v): return v[i] == v[j]
        case .bool(let v): return v[i] == v[j]
        case .string(let v): return v.equals(i, v, j)
        case .object(let v): return v[i] == v[j]
        }
    }
}
