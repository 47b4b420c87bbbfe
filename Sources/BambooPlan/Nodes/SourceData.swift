import BambooCore

/// In-memory rows a plan starts from.
public struct SourceData: Sendable {
    public var schema: Schema
    /// Index columns then data columns, in `schema.allFields` order.
    public var columns: [Column]
    public var rowCount: Int
    /// Where the data came from, for `explain()` (e.g. `read_csv('sales.csv')`).
    public var origin: String

    public init(schema: Schema, columns: [Column], rowCount: Int, origin: String) throws {
        guard columns.count == schema.allFields.count else {
            throw BambooError.invariant("source has \(columns.count) columns for \(schema.allFields.count) fields")
        }
        for (column, field) in zip(columns, schema.allFields) where column.count != rowCount || column.dtype != field.dtype {
            throw BambooError(.shapeMismatch, "Column \(field.label.pythonRepr) has \(column.count) values of \(column.dtype.name); expected \(rowCount) of \(field.dtype.name). All columns must have the same length.")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
        self.origin = origin
    }
}
