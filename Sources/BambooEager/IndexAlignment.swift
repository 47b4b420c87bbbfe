import BambooCore
import BambooPlan

/// Matches a column of another frame to this frame's rows by index label, as pandas' `reindex`.
enum IndexAlignment {
    /// For each target row, the source row with the same label (nil when absent). Each index is
    /// given as its levels; a MultiIndex label is the tuple of its levels' values.
    static func rows(target: [Column], source: [Column], purpose: AlignPurpose) throws -> [Int?] {
        // Identical indexes need no lookup (and may repeat labels, which pandas allows then).
        if target.count == source.count, zip(target, source).allSatisfy({ $0 == $1 }) { return (0..<(target.first?.count ?? 0)).map { $0 } }
        var byLabel: [Scalar: Int] = [:]
        for i in 0..<(source.first?.count ?? 0) {
            guard byLabel.updateValue(i, forKey: label(source, i)) == nil else {
                throw BambooError(.invalidArgument, "cannot reindex on an axis with duplicate labels")
            }
        }
        var matched: [Int?] = []
        let count = target.first?.count ?? 0
        matched.reserveCapacity(count)
        for i in 0..<count {
            let row = byLabel[label(target, i)]
            if row == nil && purpose == .mask {
                throw BambooError(.invalidArgument, "Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match).")
            }
            matched.append(row)
        }
        return matched
    }

    /// Row `i`'s label, missing values as NaN so that they match each other.
    private static func label(_ levels: [Column], _ i: Int) -> Scalar {
        let values = levels.map { $0.isMissing(i) ? Scalar.float(.nan) : $0.scalar(at: i) }
        return values.count == 1 ? values[0] : .tuple(values)
    }
}
