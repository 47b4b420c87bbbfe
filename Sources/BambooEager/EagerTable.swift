import BambooCore
import BambooPlan

/// A node's materialised output: one column per field of its schema.
struct EagerTable {
    var schema: Schema
    var columns: [FieldID: Column]
    var rowCount: Int

    func column(_ id: FieldID) throws -> Column {
        guard let column = columns[id] else { throw BambooError.invariant("eager table has no column for \(id)") }
        return column
    }

    /// The same fields at `indices`.
    func take(_ indices: [Int]) -> EagerTable {
        EagerTable(schema: schema, columns: columns.mapValues { $0.take(indices) }, rowCount: indices.count)
    }

    /// Evaluates an expression over this table's rows.
    func evaluate(_ expr: Expr) throws -> Column {
        try ExprEvaluator.evaluate(expr, count: rowCount, column: column)
    }
}
