import BambooCore
import BambooPlan

extension DataFrame {
    /// One row per item of the lists in `columns` (pandas: `df.explode(column, ignore_index=)`).
    ///
    /// ```swift
    /// let tags = try df.explode(["tags"])   // a row per tag; the other cells and the index label repeat
    /// ```
    /// An empty list gives one row holding a missing value; a value that is not a list (a string,
    /// a number, a missing value) stays as it is. Several columns explode together and must hold
    /// lists of the same length in each row. Exploded columns keep pandas' `object` dtype.
    public func explode(_ columns: [Scalar], ignoreIndex: Bool = false) throws -> DataFrame {
        try checkDeferred()
        guard !columns.isEmpty else { throw BambooError(.invalidArgument, "column must be nonempty") }
        guard Set(columns).count == columns.count else { throw BambooError(.invalidArgument, "column must be unique") }
        let fields = try columnPositions(columns).map { schema.columns[$0] }
        let exploded = DataFrame(session: session, plan: try LogicalPlan(.explode(labelledPlan(), columns: fields.map(\.id))))
        return ignoreIndex ? try exploded.resetIndex(drop: true) : exploded
    }

    /// As ``explode(_:ignoreIndex:)-([Scalar],_)`` for one column (pandas: `df.explode("tags")`).
    public func explode(_ column: Scalar, ignoreIndex: Bool = false) throws -> DataFrame {
        try explode([column], ignoreIndex: ignoreIndex)
    }
}

extension Series {
    /// One element per item of each list (pandas: `s.explode(ignore_index=)`); see ``DataFrame/explode(_:ignoreIndex:)-([Scalar],_)``.
    public func explode(ignoreIndex: Bool = false) throws -> Series {
        let frame = try toFrame()
        return try Series(frame: frame.explode([frame.schema.columns[0].label], ignoreIndex: ignoreIndex), position: 0)
    }
}
