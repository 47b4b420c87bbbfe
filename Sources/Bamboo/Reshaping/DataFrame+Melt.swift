import BambooCore
import BambooPlan

extension DataFrame {
    /// Unpivots from wide to long (pandas: `df.melt(id_vars=, value_vars=, var_name=, value_name=, ignore_index=)`).
    ///
    /// ```swift
    /// let long = try wide.melt(idVars: ["id"], valueVars: ["q1", "q2"], varName: "quarter", valueName: "sales")
    /// ```
    /// One block of rows per value column, in order: the id columns, then `variable` (the value
    /// column's label) and `value`. The index restarts unless `ignoreIndex: false`, which repeats it.
    public func melt(idVars: [Scalar] = [], valueVars: [Scalar]? = nil, varName: Scalar = "variable", valueName: Scalar = "value",
                     ignoreIndex: Bool = true) throws -> DataFrame {
        let unknown = (idVars + (valueVars ?? [])).filter { schema.positions(of: $0).isEmpty }
        guard unknown.isEmpty else {
            throw BambooError(.columnNotFound, "The following id_vars or value_vars are not present in the DataFrame: [\(unknown.map(\.pythonRepr).joined(separator: ", "))]")
        }
        let ids = try columnPositions(idVars).map { schema.columns[$0] }
        let idSet = Set(ids.map(\.id))
        // Value columns: each once, in order, never an id column; none given (or none left) melts all others.
        var values: [Field] = []
        for field in try (valueVars.map { try columnPositions($0).map { schema.columns[$0] } } ?? []) where !idSet.contains(field.id) && !values.contains(field) {
            values.append(field)
        }
        if valueVars == nil || (valueVars?.isEmpty == true && idVars.isEmpty) { values = schema.columns.filter { !idSet.contains($0.id) } }
        if schema.columns.contains(where: { $0.label == valueName }) {
            throw BambooError(.invalidArgument, "value_name (\(valueName.description)) cannot match an element in the DataFrame columns.")
        }
        let outputNames = ids.map(\.label) + [varName, valueName]
        let repeated = outputNames.filter { name in outputNames.filter { $0 == name }.count > 1 }
        if let first = repeated.first {
            throw BambooError(.invalidArgument, "melt output columns cannot contain duplicate names: [\(first.pythonRepr)]")
        }
        guard !values.isEmpty else {
            // Nothing to unpivot: pandas returns the id columns with empty variable/value columns.
            let empty = try DataFrame(columns: ids.map { (label: $0.label, column: Column.allMissing($0.dtype, count: 0)) }
                                      + [(label: varName, column: Column(strings: [])), (label: valueName, column: Column(float64: []))],
                                      session: session)
            return empty
        }
        let base = ignoreIndex ? plan : try labelledPlan()
        let blocks = try values.map { value -> DataFrame in
            let fields = base.schema.allFields
            let columns = try ids.map(NamedExpr.passthrough)
                + [NamedExpr.typed(label: varName, expr: .literal(value.label), in: fields),
                   NamedExpr(field: Field(label: valueName, dtype: value.dtype), expr: .column(value.id))]
            return DataFrame(session: session, plan: try LogicalPlan(.project(base, index: .keep, columns: columns)))
        }
        return try stackRows(blocks, join: .outer, ignoreIndex: ignoreIndex, sort: false, verifyIntegrity: false, numpyBlocks: false)
    }
}
