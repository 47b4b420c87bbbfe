import BambooCore
import BambooPlan

/// Matches a column of another frame to this frame's rows by index label, as pandas' `reindex`.
enum IndexAlignment {
    /// For each target row, the source row with the same label (nil when absent).
    static func rows(target: Column, source: Column, purpose: AlignPurpose) throws -> [Int?] {
        // Identical indexes need no lookup (and may repeat labels, which pandas allows then).
        if target == source { return (0..<target.count).map { $0 } }
        var byLabel: [Scalar: Int] = [:]
        for i in 0..<source.count {
            let label = source.isMissing(i) ? Scalar.float(.nan) : source.scalar(at: i)
            guard byLabel.updateValue(i, forKey: label) == nil else {
                throw BambooError(.invalidArgument, "cannot reindex on an axis with duplicate labels")
            }
        }
        var matched: [Int?] = []
        matched.reserveCapacity(target.count)
        for i in 0..<target.count {
            let label = target.isMissing(i) ? Scalar.float(.nan) : target.scalar(at: i)
            let row = byLabel[label]
            if row == nil && purpose == .mask {
                throw BambooError(.invalidArgument, "Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match).")
            }
            matched.append(row)
        }
        return matched
    }
}
