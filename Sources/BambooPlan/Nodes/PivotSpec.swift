import BambooCore

/// How `pivot`/`unstack` spread long rows into wide columns: rows are grouped by `index`, and each
/// value field becomes one column per value of `columns` (found when the plan was built, since
/// they name the output columns).
public struct PivotSpec: Sendable, Hashable {
    public var index: [Field]
    public var columns: FieldID
    /// The values of the `columns` field, in output order.
    public var columnValues: [Scalar]
    /// Per output column: the value field it comes from and the `columns` value it holds.
    public var outputs: [(field: Field, value: FieldID, key: Scalar)]

    public init(index: [Field], columns: FieldID, columnValues: [Scalar], outputs: [(field: Field, value: FieldID, key: Scalar)]) {
        self.index = index
        self.columns = columns
        self.columnValues = columnValues
        self.outputs = outputs
    }

    public static func == (a: PivotSpec, b: PivotSpec) -> Bool {
        a.index == b.index && a.columns == b.columns && a.columnValues == b.columnValues
            && a.outputs.map(\.field) == b.outputs.map(\.field) && a.outputs.map(\.value) == b.outputs.map(\.value) && a.outputs.map(\.key) == b.outputs.map(\.key)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(columnValues)
    }
}
