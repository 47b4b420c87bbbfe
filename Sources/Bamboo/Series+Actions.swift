import BambooCore
import BambooPlan

extension Series {
    /// Runs the plan and returns a materialised series.
    public func collect() async throws -> Series {
        try await collect(maxRows: session.options.computeMaxRows)
    }

    /// Runs the plan, refusing more than `maxRows` values (`nil`: no limit).
    public func collect(maxRows: Int?) async throws -> Series {
        let frame = try await toFrame().collect(maxRows: maxRows)
        return try Series(frame: frame, position: 0).renamedFromData(frame)
    }

    /// After collecting, a row turned into a series takes its name from the data.
    private func renamedFromData(_ frame: DataFrame) throws -> Series { self.name == frame.schema.columns[0].label ? self : try rename(frame.schema.columns[0].label) }

    /// The values, computed (pandas: `s.tolist()`).
    public func toList() async throws -> [Scalar] {
        try await collect(maxRows: nil).localColumn?.scalars ?? []
    }

    /// The index, computed (pandas: `s.index`).
    public func index() async throws -> Index {
        try await toFrame().index()
    }

    /// The number of values (pandas: `len(s)`).
    public func len() async throws -> Int { try await toFrame().len() }

    /// The column, when the series holds rows in memory.
    var localColumn: Column? {
        guard case .source(let data) = anchor.node, case .column(let id) = expr,
              let position = data.schema.allFields.firstIndex(where: { $0.id == id }) else { return nil }
        return data.columns[position]
    }

    public func sum(skipna: Bool = true) async throws -> Scalar { try await reduce(.sum, skipna: skipna) }
    public func mean(skipna: Bool = true) async throws -> Scalar { try await reduce(.mean, skipna: skipna) }
    public func min(skipna: Bool = true) async throws -> Scalar { try await reduce(.min, skipna: skipna) }
    public func max(skipna: Bool = true) async throws -> Scalar { try await reduce(.max, skipna: skipna) }
    public func prod(skipna: Bool = true) async throws -> Scalar { try await reduce(.prod, skipna: skipna) }
    /// Non-missing values (pandas: `s.count()`).
    public func count() async throws -> Scalar { try await reduce(.count) }

    func reduce(_ reduction: Reduction, skipna: Bool = true) async throws -> Scalar {
        let item = NamedExpr(field: Field(label: name, dtype: try reduction.resultDType(for: dtype)), expr: expr)
        let result = try await session.run(LogicalPlan(.reduce(anchor, reduction, skipna: skipna, columns: [item])))
        return result.columns[0].scalar(at: 0)
    }

    /// One value from a one-row selection.
    func single() async throws -> Scalar {
        let result = try await session.run(plan)
        guard result.rowCount == 1 else {
            throw BambooError(.invalidArgument, "The label matches \(result.rowCount) rows, so pandas would return a Series here; select with a list (loc[[label]]) to get one.")
        }
        return result.columns[0].scalar(at: 0)
    }
}

extension Series: CustomStringConvertible {
    /// The series as pandas prints it when its rows are in memory; otherwise a one-line summary.
    public var description: String {
        guard case .source = anchor.node, let column = localColumn,
              let local = DataFrame(session: session, plan: anchor).materialised else {
            return "Series \(name.pythonRepr) (lazy on \(session.backendName)), dtype: \(dtype.name) — collect() to see values"
        }
        return TableFormatter.series(index: local.index, name: name, column: column, options: session.options)
    }
}
