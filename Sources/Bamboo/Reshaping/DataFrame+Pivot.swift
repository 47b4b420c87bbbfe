import BambooCore
import BambooPlan

extension DataFrame {
    /// Reshapes long to wide (pandas: `df.pivot(index=, columns=, values=)` with one value column):
    /// one row per index value (sorted), one column per value of `columns` (sorted).
    ///
    /// ```swift
    /// let wide = try await sales.pivot(index: ["day"], columns: "region", values: "units")
    /// ```
    /// The output's columns are named by data values, so this runs a small action first to find
    /// them. A repeated (index, column) pair throws, as in pandas.
    public func pivot(index: [Scalar], columns: Scalar, values: Scalar) async throws -> DataFrame {
        try await pivoted(index: index, columns: columns, values: [values], tupleLabels: false)
    }

    /// As ``pivot(index:columns:values:)`` with several value columns (pandas: `values=[...]` or
    /// omitted): the columns are labelled `(value, column)`, a two-level column index.
    public func pivot(index: [Scalar], columns: Scalar, values: [Scalar]? = nil) async throws -> DataFrame {
        let keys = Set(index + [columns])
        let chosen = values ?? schema.columns.map(\.label).filter { !keys.contains($0) }
        return try await pivoted(index: index, columns: columns, values: chosen, tupleLabels: true)
    }

    /// Moves the innermost index level into the columns (pandas: `df.unstack()`): labels become
    /// `(column, level value)`.
    public func unstack() async throws -> DataFrame {
        let levels = try labelledPlan().schema.index.fields
        guard levels.count >= 2 else { throw BambooError(.unsupportedOnBackend, "unstack of a flat index (which makes a Series) is not available yet.") }
        let valueLabels = schema.columns.map(\.label)
        let flat = try resetIndex()
        let names = flat.schema.columns.prefix(levels.count).map(\.label)
        return try await flat.pivoted(index: Array(names.dropLast()), columns: names[names.count - 1], values: valueLabels, tupleLabels: true)
    }

    func pivoted(index: [Scalar], columns: Scalar, values: [Scalar], tupleLabels: Bool) async throws -> DataFrame {
        let indexFields = try index.map { try schema.column($0) }
        let columnField = try schema.column(columns)
        let valueFields = try values.map { try schema.column($0) }
        let distinct = try await Series(frame: self, position: try columnPositions([columns])[0]).dropDuplicates().toList()
        let present = Column.sortedCategories(distinct.filter { !$0.isMissing })
        let keys = present + (distinct.contains(where: \.isMissing) ? [.float(.nan)] : [])
        let outputs = valueFields.flatMap { value in
            keys.map { key in
                (field: Field(label: tupleLabels ? .tuple([value.label, key]) : key, dtype: value.dtype), value: value.id, key: key)
            }
        }
        let spec = PivotSpec(index: indexFields.map { Field(label: $0.label, dtype: $0.dtype) }, columns: columnField.id, columnValues: keys, outputs: outputs)
        // The index fields are read by position in the input: project them under fresh identities.
        let renamed = zip(indexFields, spec.index).map { NamedExpr(field: $1, expr: .column($0.id)) }
        let input = try LogicalPlan(.project(plan, index: .range, columns: renamed + schema.columns.map(NamedExpr.passthrough)))
        return DataFrame(session: session, plan: try LogicalPlan(.pivot(input, spec)))
    }
}
