/// Columns of equal length: the unit backends produce and consume.
public struct RecordBatch: Sendable {
    public let columns: [Column]
    public let rowCount: Int

    public init(columns: [Column], rowCount: Int) throws {
        for (i, column) in columns.enumerated() where column.count != rowCount {
            throw BambooError(.shapeMismatch, "Column \(i) has \(column.count) rows; the batch has \(rowCount).")
        }
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The same rows, at `indices`.
    public func take(_ indices: [Int]) -> RecordBatch {
        // Same column count, new length: every column takes the same rows.
        (try? RecordBatch(columns: columns.map { $0.take(indices) }, rowCount: indices.count))
            ?? self
    }
}
