/// Rows assigned to groups by their key values, as `groupby` forms them.
public struct Grouping: Sendable {
    /// The group of each row, or -1 for a row dropped because a key is missing (`dropna=True`).
    public let groupOfRow: [Int]
    /// The row holding each group's keys. Rows at or past the input's row count are virtual rows of
    /// `unobservedKeys`: groups of unobserved categories (`observed=False`), which have no rows.
    public let representatives: [Int]
    /// The keys of the unobserved groups, one column per key (empty unless `observed=False` added some).
    let unobservedKeys: [Column]

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
        var unobservedKeys: [Column] = []
        if !observed, keys.contains(where: \.dtype.isCategory) {
            unobservedKeys = try unobservedCombinations(keys: keys, rowCount: rowCount, dropna: dropna, representatives: representatives)
            let added = unobservedKeys.first?.count ?? 0
            representatives += (0..<added).map { rowCount + $0 }
        }
        let unsorted = Grouping(groupOfRow: groupOfRow, representatives: representatives, unobservedKeys: unobservedKeys)
        guard sort, representatives.count > 1 else { return unsorted }
        // Sort the groups by their keys; renumber rows accordingly.
        let sortKeys = try unsorted.keyValues(keys).map { SortKey($0, ascending: true, missingFirst: false) }
        let order = try StableSort.permutation(sortKeys, count: representatives.count)
        var renumber = [Int](repeating: 0, count: order.count)
        for (newGroup, oldGroup) in order.enumerated() { renumber[oldGroup] = newGroup }
        return Grouping(groupOfRow: groupOfRow.map { $0 < 0 ? $0 : renumber[$0] },
                        representatives: order.map { representatives[$0] }, unobservedKeys: unobservedKeys)
    }

    /// Each group's value of every key, in group order.
    public func keyValues(_ keys: [Column]) throws -> [Column] {
        guard !unobservedKeys.isEmpty else { return keys.map { $0.take(representatives) } }
        return try zip(keys, unobservedKeys).map { key, extra in try Column.concatenate([key, extra]).take(representatives) }
    }

    /// The key combinations no row has, in product order: each categorical key ranges over its
    /// categories (then its missing value, when kept and present), every other key over its
    /// values in first-appearance order.
    private static func unobservedCombinations(keys: [Column], rowCount: Int, dropna: Bool, representatives: [Int]) throws -> [Column] {
        // Per key: the column its levels index (the key itself, then its categories) and the levels.
        var domains: [Column] = []
        var levels: [[Int]] = []
        var levelOfRow: [[Int]] = []  // per key: the level of each row
        for key in keys {
            let perKey = try Grouping.make(keys: [key], rowCount: rowCount, sort: false, dropna: dropna)
            guard case .category(let type) = key.dtype, case .int64(let codes) = key.values else {
                domains.append(key)
                levels.append(perKey.representatives)
                levelOfRow.append(perKey.groupOfRow)
                continue
            }
            let categoryCount = type.categories?.count ?? 0
            let categories = Column(dtype: key.dtype, values: .int64((0..<categoryCount).map(Int64.init)))
            domains.append(try Column.concatenate([key, categories]))
            var keyLevels = (0..<categoryCount).map { rowCount + $0 }
            let missingRow = dropna ? nil : (0..<rowCount).first(where: key.isMissing)
            if let missingRow { keyLevels.append(missingRow) }
            levels.append(keyLevels)
            levelOfRow.append((0..<rowCount).map { row in key.isMissing(row) ? categoryCount : Int(codes[row]) })
        }
        let seen = Set(representatives.map { row in levelOfRow.indices.map { levelOfRow[$0][row] } })
        var rowsOfKey = [[Int]](repeating: [], count: keys.count)
        var combination = [Int](repeating: 0, count: keys.count)
        guard levels.allSatisfy({ !$0.isEmpty }) else { return domains.map { $0.take([]) } }
        while true {
            // A level's position is its id: categories by code (missing last), other keys by appearance.
            if !seen.contains(combination) {
                for k in keys.indices { rowsOfKey[k].append(levels[k][combination[k]]) }
            }
            // Advance the odometer, last key fastest.
            var k = keys.count - 1
            while k >= 0 {
                combination[k] += 1
                if combination[k] < levels[k].count { break }
                combination[k] = 0
                k -= 1
            }
            if k < 0 { break }
        }
        return zip(domains, rowsOfKey).map { $0.take($1) }
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
