import BambooCore
import BambooPlan

extension DataFrame {
    /// Whether each row repeats an earlier (or later) equal row (pandas: `df.duplicated(subset=, keep=)`).
    ///
    /// ```swift
    /// let repeated = try df.duplicated(subset: ["email"], keep: .last)
    /// ```
    public func duplicated(subset: [Scalar]? = nil, keep: DuplicateKeep = .first) throws -> Series {
        let marked = try markingDuplicates(subset: subset, keep: keep)
        return try Series(session: session, anchor: marked.plan, expr: .column(marked.field.id), name: .none)
    }

    /// The rows that are not duplicates, in order (pandas: `df.drop_duplicates(subset=, keep=, ignore_index=)`).
    public func dropDuplicates(subset: [Scalar]? = nil, keep: DuplicateKeep = .first, ignoreIndex: Bool = false) throws -> DataFrame {
        let marked = try markingDuplicates(subset: subset, keep: keep)
        let kept = try LogicalPlan(.filter(marked.plan, predicate: .unary(.not, .column(marked.field.id))))
        let frame = DataFrame(session: session, plan: try LogicalPlan(.project(kept, index: .keep, columns: schema.columns.map(NamedExpr.passthrough))))
        return ignoreIndex ? try frame.resetIndex(drop: true) : frame
    }

    func markingDuplicates(subset: [Scalar]?, keep: DuplicateKeep) throws -> (plan: LogicalPlan, field: Field) {
        let keys: [Field]
        if let subset {
            let unknown = subset.filter { schema.positions(of: $0).isEmpty }
            guard unknown.isEmpty else {
                throw BambooError(.columnNotFound, "Index([\(unknown.map(\.pythonRepr).joined(separator: ", "))], dtype='\(Column.infer(unknown).dtype.name)')",
                                  suggestions: unknown.flatMap { ClosestNames.rank($0.description, among: schema.columns.map(\.label.description)) })
            }
            keys = try columnPositions(subset).map { schema.columns[$0] }
        } else {
            keys = schema.columns
        }
        let field = Field(label: .none, dtype: .bool)
        return (try LogicalPlan(.markDuplicates(labelledPlan(), keys: keys.map { .column($0.id) }, keep: keep, field: field)), field)
    }

    /// True where a value is one of `values` (pandas: `df.isin([...])`).
    public func isin(_ values: [Scalar]) throws -> DataFrame { try mapColumns { .isIn($0, values) } }

    /// Distinct values per column (pandas: `df.nunique(dropna=)`).
    public func nunique(dropna: Bool = true) async throws -> Series { try await reduce(.nunique, skipna: dropna) }

    /// How often each distinct row occurs, most frequent first (pandas: `df.value_counts(subset=,
    /// normalize=, sort=, ascending=, dropna=)`); the columns form the result's index.
    public func valueCounts(subset: [Scalar]? = nil, normalize: Bool = false, sort: Bool = true, ascending: Bool = false,
                            dropna: Bool = true) throws -> Series {
        let fields = try (subset.map { try columnPositions($0) } ?? Array(schema.columns.indices)).map { schema.columns[$0] }
        return try Series.counting(self, keys: fields.map { ($0.label, $0.dtype, Expr.column($0.id)) },
                                   spec: ValueCountsSpec(normalize: normalize, sort: sort, ascending: ascending, dropna: dropna))
    }
}

extension Series {
    /// Whether each value repeats an earlier (or later) one (pandas: `s.duplicated(keep=)`).
    public func duplicated(keep: DuplicateKeep = .first) throws -> Series { try toFrame().duplicated(keep: keep).rename(name) }

    /// The values without repeats, in order (pandas: `s.drop_duplicates(keep=, ignore_index=)`).
    public func dropDuplicates(keep: DuplicateKeep = .first, ignoreIndex: Bool = false) throws -> Series {
        try .wrapping(toFrame().dropDuplicates(keep: keep, ignoreIndex: ignoreIndex))
    }

    /// The distinct values in order of appearance, missing values included once (pandas:
    /// `s.unique()`, which returns an array: here the values, computed).
    public func unique() async throws -> [Scalar] {
        try await dropDuplicates().toList()
    }

    /// True where the value is one of `values` (pandas: `s.isin([...])`).
    public func isin(_ values: [Scalar]) throws -> Series { try derived(.isIn(expr, values)) }

    /// The number of distinct values (pandas: `s.nunique(dropna=)`).
    public func nunique(dropna: Bool = true) async throws -> Int {
        guard case .int(let n) = try await reduce(.nunique, skipna: dropna) else { throw BambooError.invariant("nunique gives an int") }
        return Int(n)
    }

    /// How often each distinct value occurs, most frequent first (pandas: `s.value_counts(normalize=,
    /// sort=, ascending=, dropna=)`): named `count` (or `proportion`), indexed by the values.
    public func valueCounts(normalize: Bool = false, sort: Bool = true, ascending: Bool = false, dropna: Bool = true) throws -> Series {
        let frame = try toFrame()
        return try Series.counting(frame, keys: [(name, dtype, .column(frame.schema.columns[0].id))],
                                   spec: ValueCountsSpec(normalize: normalize, sort: sort, ascending: ascending, dropna: dropna))
    }

    static func counting(_ frame: DataFrame, keys: [(label: Scalar, dtype: DType, expr: Expr)], spec: ValueCountsSpec) throws -> Series {
        let levels = keys.map { NamedExpr(field: Field(label: $0.label, dtype: $0.dtype), expr: $0.expr) }
        let nullable = keys.count == 1 && keys[0].dtype.usesNA
        let dtype: DType = spec.normalize ? (nullable ? .nullableFloat64 : .float64) : (nullable ? .nullableInt64 : .int64)
        let field = Field(label: spec.normalize ? "proportion" : "count", dtype: dtype)
        return try .wrapping(DataFrame(session: frame.session, plan: LogicalPlan(.valueCounts(frame.plan, keys: levels, spec: spec, field: field))))
    }
}
