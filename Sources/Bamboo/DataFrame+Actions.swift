import BambooCore
import BambooPlan

extension DataFrame {
    /// Runs the plan and returns the rows as a materialised frame (Bamboo's `toPandas()`).
    ///
    /// ```swift
    /// let local = try await df.collect()
    /// print(local)                  // the table, as pandas prints it
    /// ```
    /// Refuses to bring back more than `session.options.computeMaxRows` rows; use
    /// ``collect(maxRows:)`` to choose another limit for one call. The frame lives in
    /// ``Session/local``: on Spark, what comes back is local data, like `toPandas()`'s frame.
    public func collect() async throws -> DataFrame {
        try await collect(maxRows: session.options.computeMaxRows)
    }

    /// Runs the plan, refusing more than `maxRows` rows (`nil`: no limit) or more than
    /// `session.options.computeMaxBytes` bytes.
    public func collect(maxRows limit: Int?) async throws -> DataFrame {
        try checkDeferred()
        if case .source(let data) = plan.node {
            try ExecutionOptions(maxRows: limit).check(rows: data.rowCount, bytes: 0)
            return DataFrame(session: session.local, plan: plan)
        }
        return try materialise(try await session.run(plan, maxRows: limit))
    }

    /// A source-backed frame holding `result` with this frame's labels; a RangeIndex starting
    /// past 0 (a later piece of ``toLocalIterator(batchRows:)``) becomes an int64 index.
    func materialise(_ result: ExecutionResult, rangeStart: Int = 0) throws -> DataFrame {
        let labels = result.columnLabels ?? schema.columns.map(\.label)
        let names = schema.index.fields.map(\.label)
        var index = result.index.isEmpty ? nil : Array(zip(result.index, names)).map { (column: $0.0, name: $0.1) }
        if index == nil, rangeStart > 0 {
            index = [(column: Column(int64: (0..<result.rowCount).map { Int64(rangeStart + $0) }), name: .none)]
        }
        return try DataFrame(
            columns: Array(zip(labels, result.columns)).map { (label: $0.0, column: $0.1) },
            index: index, rowCount: result.rowCount, session: session.local, origin: "collect()")
    }

    /// The materialised data, when this frame holds rows in memory (after `collect()`).
    var materialised: (index: Index, columns: [Column])? {
        guard case .source(let data) = plan.node else { return nil }
        let indexCount = data.schema.index.fields.count
        let index: Index = indexCount == 0
            ? Index(range: 0..<data.rowCount)
            : Index(levels: Array(data.columns.prefix(indexCount)), names: data.schema.index.fields.map(\.label))
        return (index, Array(data.columns.dropFirst(indexCount)))
    }

    /// The number of rows (pandas: `len(df)`).
    public func len() async throws -> Int {
        try checkDeferred()
        if let local = materialised { return local.index.count }
        // Count on the backend rather than bring the rows back: count(1) over the plan.
        let rows = NamedExpr(field: Field(label: "len", dtype: .int64), expr: .literal(.int(1)))
        let result = try await session.run(LogicalPlan(.reduce(plan, .count, skipna: true, columns: [rows])))
        guard result.rowCount == 1, let column = result.columns.first, case .int(let count) = column.scalar(at: 0) else {
            throw BambooError(.internalInvariant, "len() expected one count back, got \(result.rowCount) rows.")
        }
        return Int(count)
    }

    /// Rows and columns (pandas: `df.shape`).
    public func shape() async throws -> (rows: Int, columns: Int) {
        (try await len(), schema.columns.count)
    }

    /// The row labels (pandas: `df.index`), computed by running the plan; like ``values(_:)``, an
    /// explicit request, so not bound by `compute.maxRows`.
    public func index() async throws -> Index {
        if let local = materialised { return local.index }
        return try await collect(maxRows: nil).materialised?.index ?? Index(range: 0..<0)
    }

    /// The values of one column after running the plan, as scalars.
    public func values(_ label: Scalar) async throws -> [Scalar] {
        try await column(label).toList()
    }

    /// Non-missing values per column (pandas: `df.count()`).
    public func count() async throws -> Series { try await reduce(.count) }
    /// Column sums (pandas: `df.sum(skipna=)`).
    public func sum(skipna: Bool = true) async throws -> Series { try await reduce(.sum, skipna: skipna) }
    /// Column means (pandas: `df.mean(skipna=)`).
    public func mean(skipna: Bool = true) async throws -> Series { try await reduce(.mean, skipna: skipna) }
    /// Column minima (pandas: `df.min(skipna=)`).
    public func min(skipna: Bool = true) async throws -> Series { try await reduce(.min, skipna: skipna) }
    /// Column maxima (pandas: `df.max(skipna=)`).
    public func max(skipna: Bool = true) async throws -> Series { try await reduce(.max, skipna: skipna) }
    /// Column products (pandas: `df.prod(skipna=)`).
    public func prod(skipna: Bool = true) async throws -> Series { try await reduce(.prod, skipna: skipna) }

    /// One value per column, returned as a Series indexed by the column labels.
    func reduce(_ reduction: Reduction, skipna: Bool = true) async throws -> Series {
        try checkDeferred()
        let items = try schema.columns.map { field in
            NamedExpr(field: Field(label: field.label, dtype: try reduction.resultDType(for: field.dtype)), expr: .column(field.id))
        }
        let result = try await session.run(LogicalPlan(.reduce(plan, reduction, skipna: skipna, columns: items)))
        let values = result.columns.map { $0.scalar(at: 0) }
        let dtype = try DTypePromotion.common(items.map(\.field.dtype))
        let column = items.isEmpty ? Column(float64: []) : try Column.build(values, dtype: dtype)
        let labels = Column.infer(schema.columns.map(\.label))
        let frame = try DataFrame(columns: [(label: .none, column: column)], index: [(column: labels, name: .none)],
                                  session: session.local, origin: "\(reduction.rawValue)()")
        return try Series(frame: frame, position: 0)
    }

    /// Runs the plan and returns the table as text, as pandas prints it.
    public func toString() async throws -> String {
        try await collect(maxRows: nil).description
    }
}

extension DataFrame: CustomStringConvertible {
    /// The table as pandas prints it when the rows are in memory (after `collect()`); otherwise a
    /// one-line summary of the lazy frame (printing never runs a plan).
    public var description: String {
        guard let local = materialised else {
            let columns = schema.columns.map { "\($0.label.description): \($0.dtype.name)" }.joined(separator: ", ")
            return "DataFrame (lazy on \(session.backendName)) [\(columns)] — collect() or toString() to see rows"
        }
        return TableFormatter.frame(index: local.index, labels: schema.columns.map(\.label), columns: local.columns,
                                    options: session.options)
    }
}
