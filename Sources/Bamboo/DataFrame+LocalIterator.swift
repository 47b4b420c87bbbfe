import BambooCore
import BambooPlan
import Synchronization

extension DataFrame {
    /// Runs the plan and hands the result over piece by piece, in order, so a result too large to
    /// hold can be read through (pyspark: `DataFrame.toLocalIterator()`; pandas:
    /// `read_csv(chunksize=)`'s reader). Only the piece being read is held in memory; on Spark the
    /// next Arrow batch is fetched once this one has been taken, and dropping the stream early
    /// cancels the query. Not bound by `compute.maxRows`/`compute.maxBytes`.
    ///
    /// ```swift
    /// var total = 0.0
    /// for try await piece in try big.toLocalIterator() {
    ///     total += try await piece["amount"].sum().double ?? 0
    /// }
    /// ```
    ///
    /// Pieces hold about `batchRows` rows on the in-memory backends; Spark sends its own batch
    /// sizes. Row labels continue across pieces: with a default RangeIndex, the second piece's
    /// labels start where the first's stopped (as an int64 index).
    public func toLocalIterator(batchRows: Int = 65_536) throws -> AsyncThrowingStream<DataFrame, any Error> {
        try checkDeferred()
        guard batchRows > 0 else { throw BambooError(.invalidArgument, "batchRows must be positive, got \(batchRows).") }
        let pieces = try session.batches(plan, batchRows: batchRows)
        let frame = self
        let rowsHandedOver = HandedOverRows()
        return AsyncThrowingStream {
            guard let result = try await pieces.next() else { return nil }
            let offset = rowsHandedOver.count.add(result.rowCount, ordering: .relaxed).oldValue
            return try frame.materialise(result, rangeStart: offset)
        }
    }
}

/// Rows handed over so far by one ``DataFrame/toLocalIterator(batchRows:)``: where the next
/// piece's RangeIndex labels start.
private final class HandedOverRows: Sendable {
    let count = Atomic<Int>(0)
}
