import BambooCore

/// Finds rows by index label as `DataFrame.loc` does.
enum LabelLookup {
    /// Rows equal to each label, label by label (duplicates yield every match, in index order).
    static func positions(of labels: [Scalar], in index: Column) throws -> [Int] {
        var byLabel: [Scalar: [Int]] = [:]
        for i in 0..<index.count { byLabel[index.scalar(at: i), default: []].append(i) }
        var positions: [Int] = []
        var missing: [Scalar] = []
        for label in labels {
            // NaN labels match NaN index entries (pandas treats them as equal in lookups).
            let key: Scalar = label.isMissing ? index.missingScalar : label
            if let rows = byLabel[key] ?? (label.isMissing ? byLabel[.none] ?? byLabel[.float(.nan)] : nil) {
                positions += rows
            } else {
                missing.append(label)
            }
        }
        if !missing.isEmpty {
            if labels.count == 1 { throw BambooError(.keyNotFound, missing[0].pythonRepr) }
            let text = "[" + missing.map(\.pythonRepr).joined(separator: ", ") + "]"
            if missing.count == labels.count {
                throw BambooError(.keyNotFound, "\"None of [Index(\(text), dtype='\(Column.infer(labels).dtype.name)')] are in the [index]\"")
            }
            throw BambooError(.keyNotFound, "\"\(text) not in index\"")
        }
        return positions
    }

    /// Rows of a MultiIndex matching each key in turn: a tuple matches its leading levels (a full
    /// or partial key), a plain label the first level; rows keep index order within a key.
    static func positions(of keys: [Scalar], inLevels levels: [Column]) throws -> [Int] {
        let n = levels.first?.count ?? 0
        var positions: [Int] = []
        for key in keys {
            let parts: [Scalar]
            if case .tuple(let items) = key { parts = items } else { parts = [key] }
            guard parts.count <= levels.count else {
                throw BambooError(.keyNotFound, "Too many indexers: \(key.pythonRepr) has \(parts.count) labels for \(levels.count) levels")
            }
            let matches = (0..<n).filter { row in parts.enumerated().allSatisfy { level, part in
                levels[level].isMissing(row) ? part.isMissing : levels[level].scalar(at: row) == part
            } }
            if matches.isEmpty { throw BambooError(.keyNotFound, key.pythonRepr) }
            positions += matches
        }
        return positions
    }

    /// Positions selected by the inclusive label slice `start...stop` (pandas' `slice_indexer`).
    static func slice(start: Scalar?, stop: Scalar?, step: Int, in index: Column) throws -> [Int] {
        let n = index.count
        let order = monotonic(index)
        func compare(_ i: Int, _ label: Scalar) throws -> Int {
            let value = index.scalar(at: i)
            guard let o = orderOf(value, label) else {
                throw BambooError(.typeMismatch, "Cannot compare index value \(value.pythonRepr) with slice bound \(label.pythonRepr) (types differ).")
            }
            return o
        }
        var lower = 0, upper = n
        if step > 0, order == .increasing || order == .decreasing {
            let ascending = order == .increasing
            if let start {
                // First position not before `start`.
                lower = try partition(n) { ascending ? try compare($0, start) < 0 : try compare($0, start) > 0 }
            }
            if let stop {
                // First position after `stop`.
                upper = try partition(n) { ascending ? try compare($0, stop) <= 0 : try compare($0, stop) >= 0 }
            }
            return lower < upper ? Array(stride(from: lower, to: upper, by: step)) : []
        }
        if step < 0, order == .increasing || order == .decreasing {
            let ascending = order == .increasing
            var high = n - 1, low = -1
            if let start { high = try partition(n) { ascending ? try compare($0, start) <= 0 : try compare($0, start) >= 0 } - 1 }
            if let stop { low = try partition(n) { ascending ? try compare($0, stop) < 0 : try compare($0, stop) > 0 } - 1 }
            return high > low ? Array(stride(from: high, to: low, by: step)) : []
        }
        // Not monotonic: both bounds must be present and unique.
        func bound(_ label: Scalar, side: String) throws -> Int {
            let matches = (0..<n).filter { index.scalar(at: $0) == label }
            if matches.isEmpty { throw BambooError(.keyNotFound, label.pythonRepr) }
            guard matches.count == 1 else {
                throw BambooError(.keyNotFound, "\"Cannot get \(side) slice bound for non-unique label: \(label.pythonRepr)\"")
            }
            return matches[0]
        }
        if step > 0 {
            if let start { lower = try bound(start, side: "left") }
            if let stop { upper = try bound(stop, side: "right") + 1 }
            return lower < upper ? Array(stride(from: lower, to: upper, by: step)) : []
        }
        var high = n - 1, low = -1
        if let start { high = try bound(start, side: "left") }
        if let stop { low = try bound(stop, side: "right") - 1 }
        return high > low ? Array(stride(from: high, to: low, by: step)) : []
    }

    enum Monotonic { case increasing, decreasing, neither }

    static func monotonic(_ index: Column) -> Monotonic {
        if index.count < 2 { return .increasing }
        var increasing = true, decreasing = true
        for i in 1..<index.count {
            if index.isMissing(i) || index.isMissing(i - 1) { return .neither }
            guard let o = orderOf(index.scalar(at: i - 1), index.scalar(at: i)) else { return .neither }
            if o > 0 { increasing = false }
            if o < 0 { decreasing = false }
        }
        return increasing ? .increasing : (decreasing ? .decreasing : .neither)
    }

    static func orderOf(_ a: Scalar, _ b: Scalar) -> Int? {
        switch (a, b) {
        case (.datetime(let x, _, _), .datetime(let y, _, _)): return x == y ? 0 : (x < y ? -1 : 1)
        default:
            if let x = a.doubleValue, let y = b.doubleValue {
                if case .int(let p) = a, case .int(let q) = b { return p == q ? 0 : (p < q ? -1 : 1) }
                return x == y ? 0 : (x < y ? -1 : 1)
            }
            if case .string(let x) = a, case .string(let y) = b {
                if x == y { return 0 }
                return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value } ? -1 : 1
            }
            return nil
        }
    }

    /// The first position in 0..<n where `before` is false (binary search on a monotonic predicate).
    static func partition(_ n: Int, _ before: (Int) throws -> Bool) throws -> Int {
        var low = 0, high = n
        while low < high {
            let mid = (low + high) / 2
            if try before(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
