extension Grouping {
    /// pandas' `observed=False`: adds a group for every combination of categories no row has,
    /// ordered as pandas orders them without `sort`. When every key is categorical the groups are
    /// the product of the keys' levels; otherwise the observed groups come first, then the missing
    /// combinations, the non-categorical keys varying slowest. A categorical key's levels are its
    /// categories in order of appearance, then the unused ones; other keys range over their values.
    func addingUnobservedCategories(keys: [Column], rowCount: Int, dropna: Bool) throws -> Grouping {
        var domains: [Column] = []     // per key: the key, then its categories as extra rows
        var levels: [[Int]] = []       // per key: the domain row of each level
        var levelOfRow: [[Int]] = []   // per key: the level of each row
        for key in keys {
            guard case .category(let type) = key.dtype, case .int64(let codes) = key.values else {
                let perKey = try Grouping.make(keys: [key], rowCount: rowCount, sort: false, dropna: dropna)
                domains.append(key)
                levels.append(perKey.representatives)
                levelOfRow.append(perKey.groupOfRow)
                continue
            }
            let categoryCount = type.categories?.count ?? 0
            domains.append(try Column.concatenate([key, Column(dtype: key.dtype, values: .int64((0..<categoryCount).map(Int64.init)))]))
            // Level ids: codes, and categoryCount for the missing value; ordered by first appearance.
            var position = [Int](repeating: -1, count: categoryCount + 1)
            var keyLevels: [Int] = []
            var rowLevels = [Int](repeating: -1, count: rowCount)
            for row in 0..<rowCount where groupOfRow[row] >= 0 {
                let id = key.isMissing(row) ? categoryCount : Int(codes[row])
                if position[id] < 0 {
                    position[id] = keyLevels.count
                    keyLevels.append(id == categoryCount ? row : rowCount + id)
                }
                rowLevels[row] = position[id]
            }
            for code in 0..<categoryCount where position[code] < 0 {
                position[code] = keyLevels.count
                keyLevels.append(rowCount + code)
            }
            levels.append(keyLevels)
            levelOfRow.append(rowLevels)
        }
        let groupLevels = representatives.map { row in keys.indices.map { levelOfRow[$0][row] } }
        var order: [[Int]]
        let categorical = keys.map(\.dtype.isCategory)
        if categorical.allSatisfy({ $0 }) {
            order = Grouping.product(levels.map(\.count))
        } else {
            // Observed combinations of the other keys (slowest) × every combination of the categorical ones.
            let observedKeys = keys.indices.filter { !categorical[$0] }, categoricalKeys = keys.indices.filter { categorical[$0] }
            var observedParts: [[Int]] = []
            var seenParts = Set<[Int]>()
            for tuple in groupLevels {
                let part = observedKeys.map { tuple[$0] }
                if seenParts.insert(part).inserted { observedParts.append(part) }
            }
            let categoricalParts = Grouping.product(categoricalKeys.map { levels[$0].count })
            let observed = Set(groupLevels)
            order = groupLevels
            for part in observedParts {
                for categories in categoricalParts {
                    var tuple = [Int](repeating: 0, count: keys.count)
                    for (k, level) in zip(observedKeys, part) { tuple[k] = level }
                    for (k, level) in zip(categoricalKeys, categories) { tuple[k] = level }
                    if !observed.contains(tuple) { order.append(tuple) }
                }
            }
        }
        var groupOfTuple: [[Int]: Int] = [:]
        for (group, tuple) in groupLevels.enumerated() { groupOfTuple[tuple] = group }
        var renumber = [Int](repeating: -1, count: groupCount)
        var newRepresentatives: [Int] = []
        var virtualRows = [[Int]](repeating: [], count: keys.count)
        for tuple in order {
            if let group = groupOfTuple[tuple] {
                renumber[group] = newRepresentatives.count
                newRepresentatives.append(representatives[group])
            } else {
                newRepresentatives.append(rowCount + virtualRows[0].count)
                for k in keys.indices { virtualRows[k].append(levels[k][tuple[k]]) }
            }
        }
        guard !renumber.contains(-1) else { throw BambooError.invariant("an observed group is missing from the observed=False groups") }
        return Grouping(groupOfRow: groupOfRow.map { $0 < 0 ? $0 : renumber[$0] }, representatives: newRepresentatives,
                        unobservedKeys: zip(domains, virtualRows).map { $0.take($1) })
    }

    /// Every combination of `counts[k]` levels per key, the first key varying slowest.
    static func product(_ counts: [Int]) -> [[Int]] {
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { return [] }
        var combinations: [[Int]] = []
        var current = [Int](repeating: 0, count: counts.count)
        while true {
            combinations.append(current)
            var k = counts.count - 1
            while k >= 0 {
                current[k] += 1
                if current[k] < counts[k] { break }
                current[k] = 0
                k -= 1
            }
            if k < 0 { return combinations }
        }
    }
}
