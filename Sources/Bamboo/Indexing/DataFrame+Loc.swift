import BambooCore
import BambooPlan

extension DataFrame {
    /// Label-based selection (pandas: `df.loc`).
    ///
    /// ```swift
    /// let row = try df.loc["b"]                      // Series: one row
    /// let rows = try df.loc[["a", "c"]]              // DataFrame
    /// let range = try df.loc[LabelSlice("b", "d")]   // both ends included
    /// let cell = try await df.loc["b", "price"]      // Scalar
    /// ```
    public var loc: Loc { Loc(frame: self) }

    public struct Loc: Sendable {
        let frame: DataFrame

        /// One row as a Series indexed by column labels. pandas returns a DataFrame when the label
        /// repeats; here that case throws at execution and asks for `loc[[label]]`.
        public subscript(_ label: Scalar) -> Series {
            get throws { try frame.rowAsSeries(frame.plan(locating: .labels([label]))) }
        }

        public subscript(_ labels: [Scalar]) -> DataFrame {
            get throws { try frame.rows(.labels(labels)) }
        }

        public subscript(_ slice: LabelSlice) -> DataFrame {
            get throws { try frame.rows(.slice(slice)) }
        }

        public subscript(_ mask: Series) -> DataFrame {
            get throws { try frame.filter(mask) }
        }

        public subscript<Bound: ScalarConvertible>(_ range: ClosedRange<Bound>) -> DataFrame {
            get throws { try frame.rows(.slice(LabelSlice(range.lowerBound.scalar, range.upperBound.scalar))) }
        }

        public subscript(_ rows: RowsSelection, _ column: Scalar) -> Series {
            get throws { try frame.rows(rows).column(column) }
        }

        public subscript(_ rows: RowsSelection, _ columns: ColumnsSelection) -> DataFrame {
            get throws { try frame.rows(rows).columns(columns) }
        }

        public subscript(_ row: Scalar, _ columns: ColumnsSelection) -> Series {
            get throws { try frame.columns(columns).loc[row] }
        }

        /// One value (pandas: `df.loc[row, column]`, like `df.at`).
        public subscript(_ row: Scalar, _ column: Scalar) -> Scalar {
            get async throws { try await frame.column(column).loc[row] }
        }
    }

    /// Rows selected by label.
    func rows(_ selection: RowsSelection) throws -> DataFrame {
        switch selection {
        case .all: return self
        case .mask(let mask): return try filter(mask)
        case .labels, .slice: return DataFrame(session: session, plan: try plan(locating: selection))
        }
    }

    func plan(locating selection: RowsSelection) throws -> LogicalPlan {
        let labelled = try labelledPlan()
        switch selection {
        case .labels(let labels): return try LogicalPlan(.locLabels(labelled, labels: labels))
        case .slice(let slice): return try LogicalPlan(.locSlice(labelled, start: slice.start, stop: slice.stop, step: slice.step))
        case .mask(let mask): return try filter(mask).plan
        case .all: return plan
        }
    }

    /// Columns selected by label.
    func columns(_ selection: ColumnsSelection) throws -> DataFrame {
        switch selection {
        case .all: return self
        case .labels(let labels): return try self[labels]
        case .slice(let slice):
            let labels = schema.columns.map(\.label)
            func bound(_ label: Scalar) throws -> Int {
                let found = schema.positions(of: label)
                guard found.count == 1 else {
                    if found.isEmpty { throw BambooError(.columnNotFound, label.pythonRepr, suggestions: ClosestNames.rank(label.description, among: labels.map(\.description))) }
                    throw BambooError(.keyNotFound, "Cannot get slice bound for non-unique label: \(label.pythonRepr)")
                }
                return found[0]
            }
            let start = try slice.start.map(bound)
            let stop = try slice.stop.map { try bound($0) + (slice.step > 0 ? 1 : -1) }
            let positions = PythonSlice.positions(start: start, stop: stop == -1 ? nil : stop, step: slice.step, count: labels.count)
            return try selectingColumns(at: positions)
        }
    }

    /// A cross-section: the rows whose leading index levels equal `key` (a label, or a tuple for
    /// several levels), with those levels removed (pandas: `df.xs(key)`, and `df.loc[key]` on a
    /// MultiIndex with a partial key).
    ///
    /// ```swift
    /// let north = try sales.setIndex(["region", "day"]).xs("N")   // indexed by day
    /// ```
    public func xs(_ key: Scalar) throws -> DataFrame {
        let labelled = try labelledPlan()
        let levels = labelled.schema.index.fields
        let depth: Int
        if case .tuple(let items) = key { depth = items.count } else { depth = 1 }
        guard depth < levels.count else {
            throw BambooError(.invalidArgument, "xs with a key for every level selects single rows: use loc[[key]] instead.")
        }
        let rows = try LogicalPlan(.locLabels(labelled, labels: [key]))
        return DataFrame(session: session, plan: try LogicalPlan(.project(rows, index: .fields(levels.dropFirst(depth).map(NamedExpr.passthrough)),
                                                                          columns: schema.columns.map(NamedExpr.passthrough))))
    }

    /// A one-row selection turned into a Series indexed by the column labels.
    func rowAsSeries(_ oneRow: LogicalPlan) throws -> Series {
        let dtype = try DTypePromotion.common(schema.columns.map(\.dtype))
        let field = Field(label: .none, dtype: dtype)
        let frame = DataFrame(session: session, plan: try LogicalPlan(.rowToSeries(oneRow, field: field)))
        return try Series(frame: frame, position: 0)
    }
}

/// Swift values usable as labels in ranges (`df.loc["b"..."d"]`, `df.loc[2...5]`).
public protocol ScalarConvertible: Comparable, Sendable {
    var scalar: Scalar { get }
}
extension String: ScalarConvertible { public var scalar: Scalar { .string(self) } }
extension Int: ScalarConvertible { public var scalar: Scalar { .int(Int64(self)) } }
extension Double: ScalarConvertible { public var scalar: Scalar { .float(self) } }
