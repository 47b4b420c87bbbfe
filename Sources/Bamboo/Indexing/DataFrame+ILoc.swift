import BambooCore
import BambooPlan

extension DataFrame {
    /// Position-based selection (pandas: `df.iloc`).
    ///
    /// ```swift
    /// let last = try df.iloc[-1]                  // Series: one row
    /// let some = try df.iloc[[0, 2]]              // DataFrame
    /// let page = try df.iloc[10..<20]             // DataFrame
    /// let cell = try await df.iloc[0, 1]          // Scalar
    /// ```
    public var iloc: ILoc { ILoc(frame: self) }

    public struct ILoc: Sendable {
        let frame: DataFrame

        /// One row as a Series; out of range throws `indexOutOfBounds` when it runs.
        public subscript(_ position: Int) -> Series {
            get throws { try frame.rowAsSeries(LogicalPlan(.take(frame.labelledPlan(), positions: [position], single: true))) }
        }

        public subscript(_ positions: [Int]) -> DataFrame {
            get throws { try frame.rows(at: .positions(positions)) }
        }

        public subscript(_ slice: PositionSlice) -> DataFrame {
            get throws { try frame.rows(at: .slice(slice)) }
        }

        public subscript(_ range: Range<Int>) -> DataFrame {
            get throws { try frame.rows(at: .slice(PositionSlice(range))) }
        }

        public subscript(_ range: PartialRangeFrom<Int>) -> DataFrame {
            get throws { try frame.rows(at: .slice(PositionSlice(range.lowerBound, nil))) }
        }

        public subscript(_ range: PartialRangeUpTo<Int>) -> DataFrame {
            get throws { try frame.rows(at: .slice(PositionSlice(nil, range.upperBound))) }
        }

        /// Rows where the list is True; its length must match the frame's (checked when it runs).
        public subscript(_ mask: [Bool]) -> DataFrame {
            get throws { try frame.rows(at: .mask(mask)) }
        }

        public subscript(_ rows: PositionsSelection, _ column: Int) -> Series {
            get throws { try Series(frame: frame.columns(at: [column]).rows(at: rows), position: 0) }
        }

        public subscript(_ rows: PositionsSelection, _ columns: ColumnPositionsSelection) -> DataFrame {
            get throws { try frame.columns(at: columns).rows(at: rows) }
        }

        public subscript(_ row: Int, _ columns: ColumnPositionsSelection) -> Series {
            get throws { try frame.columns(at: columns).iloc[row] }
        }

        /// One value (pandas: `df.iloc[i, j]`, like `df.iat`).
        public subscript(_ row: Int, _ column: Int) -> Scalar {
            get async throws { try await Series(frame: frame.columns(at: [column]), position: 0).iloc[row] }
        }
    }

    /// Rows selected by position.
    func rows(at selection: PositionsSelection) throws -> DataFrame {
        let labelled = try labelledPlan()
        switch selection {
        case .all: return self
        case .positions(let positions):
            return DataFrame(session: session, plan: try LogicalPlan(.take(labelled, positions: positions, single: false)))
        case .slice(let slice):
            return DataFrame(session: session, plan: try LogicalPlan(.slice(labelled, start: slice.start, stop: slice.stop, step: slice.step)))
        case .mask(let bits):
            return DataFrame(session: session, plan: try LogicalPlan(.maskRows(labelled, mask: bits, positional: true)))
        }
    }

    /// Columns selected by position (out of range is an IndexError, checked now: the schema is known).
    func columns(at selection: ColumnPositionsSelection) throws -> DataFrame {
        let n = schema.columns.count
        switch selection {
        case .all: return self
        case .positions(let positions):
            let resolved = try positions.map { p -> Int in
                let q = p < 0 ? p + n : p
                guard q >= 0 && q < n else { throw BambooError(.indexOutOfBounds, positions.count == 1 ? "single positional indexer is out-of-bounds" : "positional indexers are out-of-bounds") }
                return q
            }
            return try selectingColumns(at: resolved)
        case .slice(let slice):
            return try selectingColumns(at: PythonSlice.positions(start: slice.start, stop: slice.stop, step: slice.step, count: n))
        }
    }
}
