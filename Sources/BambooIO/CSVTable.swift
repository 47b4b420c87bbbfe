import BambooCore

/// What ``CSVReader`` returns: the columns of the frame `pandas.read_csv` would build, in file order.
///
/// ```swift
/// let table = try CSVReader.read(text: "a,b\n1,x\n", options: CSVReadOptions())
/// table.labels              // ["a", "b"]
/// table.columns[0].dtype    // int64
/// ```
public struct CSVTable: Sendable {
    /// Column labels: `.string` normally, `.int` (0, 1, ...) when there is no header row and no `names`.
    public var labels: [Scalar]
    /// One column per label, all of the same length.
    public var columns: [Column]

    public init(labels: [Scalar], columns: [Column]) {
        self.labels = labels
        self.columns = columns
    }

    /// The number of rows.
    public var rowCount: Int { columns.first?.count ?? 0 }
}
