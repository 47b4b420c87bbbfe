import BambooCore

/// What an action asks of the backend besides the plan: how much it may bring back and who
/// hears about its progress.
///
/// The limits guard the caller's memory (pandas has none: its data is already local). A backend
/// that receives its result in pieces (Spark's Arrow batches) checks them as the pieces arrive and
/// stops the query at the first one over a limit, so a runaway `collect()` fails fast instead of
/// filling the machine; the session checks the finished result once more for every backend.
public struct ExecutionOptions: Sendable {
    /// The most rows the result may have (nil: no limit).
    public var maxRows: Int?
    /// The most bytes the result may take: Arrow bytes received for Spark, ``Column/byteCount``
    /// for a result computed in memory (nil: no limit).
    public var maxBytes: Int?
    /// Receives the backend's progress reports, on the task running the action.
    public var progress: (@Sendable (ExecutionProgress) -> Void)?

    public init(maxRows: Int? = nil, maxBytes: Int? = nil, progress: (@Sendable (ExecutionProgress) -> Void)? = nil) {
        self.maxRows = maxRows
        self.maxBytes = maxBytes
        self.progress = progress
    }

    /// Throws `limitExceeded` when `rows` or `bytes` is over a limit; `partial` when they count
    /// only what has arrived so far.
    public func check(rows: Int, bytes: Int, partial: Bool = false) throws {
        let atLeast = partial ? "at least " : ""
        if let maxRows, rows > maxRows {
            throw BambooError(.limitExceeded, "The result has \(atLeast)\(rows) rows, more than compute.maxRows (\(maxRows)). Reduce it first (head, filter, aggregate), raise session.options.computeMaxRows, pass collect(maxRows: nil), or read it in batches with toLocalIterator().")
        }
        if let maxBytes, bytes > maxBytes {
            throw BambooError(.limitExceeded, "The result takes \(atLeast)\(bytes) bytes, over compute.maxBytes (\(maxBytes)). Reduce it first (select fewer columns, filter, aggregate), raise session.options.computeMaxBytes, or read it in batches with toLocalIterator().")
        }
    }
}

extension ExecutionResult {
    /// Bytes the result's columns take in memory.
    public var byteCount: Int { (index + columns).reduce(0) { $0 + $1.byteCount } }

    /// Rows `range` of the result.
    public func rows(_ range: Range<Int>) -> ExecutionResult {
        let positions = Array(range)
        return ExecutionResult(index: index.map { $0.take(positions) }, columns: columns.map { $0.take(positions) },
                               rowCount: range.count, columnLabels: columnLabels)
    }
}
