import BambooCore
import BambooPlan

extension DataFrame {
    /// Moves the columns into an inner index level (pandas 3: `df.stack()`): a Series with one
    /// value per (row, column), row by row, missing cells kept; its dtype is the columns' common one.
    public func stack() throws -> Series {
        let labelled = try labelledPlan()
        let levels = labelled.schema.index.fields
        let rowNumber = Field(label: "__row__", dtype: .int64)
        let numbered = try LogicalPlan(.rowNumber(labelled, field: rowNumber))
        let dtype = try DTypePromotion.common(schema.columns.map(\.dtype))
        let labelType = Column.infer(schema.columns.map(\.label)).dtype
        let fields = numbered.schema.allFields
        // One block per column: the index levels, the row and column positions, the label and the value.
        let blocks = try schema.columns.enumerated().map { position, column -> DataFrame in
            let items = levels.enumerated().map { k, level in NamedExpr(field: Field(label: .string("__level\(k)__"), dtype: level.dtype), expr: .column(level.id)) }
                + [NamedExpr.passthrough(rowNumber),
                   try NamedExpr.typed(label: "__column__", expr: .literal(.int(Int64(position))), in: fields),
                   NamedExpr(field: Field(label: "__label__", dtype: labelType), expr: .cast(.literal(column.label), labelType)),
                   NamedExpr(field: Field(label: "__value__", dtype: dtype), expr: .cast(.column(column.id), dtype))]
            return DataFrame(session: session, plan: try LogicalPlan(.project(numbered, index: .range, columns: items)))
        }
        let long = try stackRows(blocks, join: .outer, ignoreIndex: true, sort: false, verifyIntegrity: false, numpyBlocks: false)
        let ordered = try long.sortValues(by: ["__row__", "__column__"])
        let indexLabels = levels.indices.map { Scalar.string("__level\($0)__") } + ["__label__"]
        let indexed = try ordered.setIndex(indexLabels)
        let names = levels.map(\.label) + [.none]
        let result = try indexed.with(.project(indexed.plan, index: .fields(zip(indexed.schema.index.fields, names).map { field, name in
            NamedExpr(field: Field(label: name, dtype: field.dtype), expr: .column(field.id))
        }), columns: [NamedExpr(field: Field(label: .none, dtype: dtype), expr: .column(try indexed.schema.column("__value__").id))]))
        return try Series.wrapping(result)
    }
}
