/// pandas' `rank(method=)`: how tied values share ranks.
public enum RankMethod: String, Sendable, Hashable, CaseIterable {
    case average, min, max, first, dense
}

/// pandas' `rank(na_option=)`: where missing values rank.
public enum RankNAOption: String, Sendable, Hashable, CaseIterable {
    case keep, top, bottom
}

/// Ranks of values (1-based, as pandas computes them).
public enum Ranking {
    /// The rank of each of `rows` of `column` among themselves; nil where the value is missing and kept.
    public static func ranks(_ column: Column, rows: [Int], method: RankMethod, ascending: Bool, naOption: RankNAOption,
                             pct: Bool) throws -> [Double?] {
        let present = rows.indices.filter { !column.isMissing(rows[$0]) }
        let missing = rows.indices.filter { column.isMissing(rows[$0]) }
        let subset = column.take(present.map { rows[$0] })
        let order = try StableSort.permutation([SortKey(subset, ascending: ascending)], count: present.count)
        var ranks = [Double?](repeating: nil, count: rows.count)
        let offset = naOption == .top ? missing.count : 0
        var position = 0, dense = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, subset.rowsEqual(order[end + 1], order[position]) { end += 1 }
            dense += 1
            for k in position...end {
                let rank: Double
                switch method {
                case .average: rank = Double(position + end + 2) / 2
                case .min: rank = Double(position + 1)
                case .max: rank = Double(end + 1)
                case .first: rank = Double(k + 1)
                case .dense: rank = Double(dense)
                }
                ranks[present[order[k]]] = rank + (method == .dense ? (offset > 0 ? 1 : 0) : Double(offset))
            }
            position = end + 1
        }
        if naOption != .keep {
            // Missing values tie with each other, at the top or the bottom.
            let first = naOption == .top ? 0 : present.count
            let last = first + missing.count - 1
            for (k, index) in missing.enumerated() {
                let tied: Double
                switch method {
                case .average: tied = Double(first + last + 2) / 2
                case .min: tied = Double(first + 1)
                case .max: tied = Double(last + 1)
                case .first: tied = Double(first + k + 1)
                case .dense: tied = naOption == .top ? 1 : Double(dense + 1)
                }
                ranks[index] = tied
            }
        }
        if pct {
            let total = method == .dense ? Double(dense + (naOption != .keep && !missing.isEmpty ? 1 : 0)) : Double(naOption == .keep ? present.count : rows.count)
            return ranks.map { $0.map { $0 / total } }
        }
        return ranks
    }
}
