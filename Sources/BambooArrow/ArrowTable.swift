import BambooCore

/// Arrow data decoded into Bamboo columns: one column per schema field, every batch concatenated.
///
/// ```swift
/// let table = try ArrowStreamReader.read(bytes)          // e.g. a Spark Connect ArrowBatch
/// table.rowCount                                         // 3
/// table.column(named: "city")?.dtype                     // str
/// let frame = try ArrowFrame(table)                      // pandas' Table.to_pandas()
/// ```
/// Columns keep what Arrow said: ints with nulls are `Int64`, bools with nulls `boolean`, floats
/// with nulls `Float64`; ``ArrowFrame`` applies pandas' conversions. Every int type widens to
/// int64 (uint64 above `Int64.max` throws), float32 to float64, date32/date64 become
/// `datetime64[ms]` (pyarrow's `to_pandas(date_as_object=False)`: Bamboo has no date dtype), and
/// dictionary-encoded columns become `category`.
public struct ArrowTable: Sendable {
    public let schema: ArrowSchema
    public let columns: [Column]
    public let rowCount: Int

    /// A table over existing columns; `schema` must have one field per column.
    public init(schema: ArrowSchema, columns: [Column], rowCount: Int) throws {
        guard schema.fields.count == columns.count else {
            throw BambooError(.shapeMismatch, "The schema has \(schema.fields.count) fields for \(columns.count) columns.")
        }
        for (field, column) in zip(schema.fields, columns) where column.count != rowCount {
            throw BambooError(.shapeMismatch, "Column '\(field.name)' has \(column.count) rows; the table has \(rowCount).")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A table to write, with each field's Arrow type chosen from the column's dtype (see
    /// ``ArrowField/init(name:column:dictionaryID:)``); `object` columns must hold one kind of value.
    ///
    /// ```swift
    /// let table = try ArrowTable(columns: [("n", Column(int64: [1, 2]))])
    /// let bytes = try ArrowStreamWriter.write(table)
    /// ```
    public init(columns: [(name: String, column: Column)], metadata: [String: String] = [:]) throws {
        var fields: [ArrowField] = []
        var stored: [Column] = []
        for (i, entry) in columns.enumerated() {
            let column = try entry.column.arrowWritable(name: entry.name)
            fields.append(try ArrowField(name: entry.name, column: column, dictionaryID: Int64(i)))
            stored.append(column)
        }
        try self.init(schema: ArrowSchema(fields: fields, metadata: metadata), columns: stored,
                      rowCount: columns.first?.column.count ?? 0)
    }

    /// The first column whose field is named `name`.
    public func column(named name: String) -> Column? {
        schema.fieldIndex(named: name).map { columns[$0] }
    }
}
