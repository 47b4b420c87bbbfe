import BambooCore
import BambooPlan

/// One column for ``DataFrame/init(columns:index:session:)``: a label, values, and optionally a dtype.
public struct ColumnSpec: Sendable {
    public var label: Scalar
    public var values: [Scalar]
    /// The dtype to build (pandas' `pd.Series(values, dtype=...)`); nil infers it as pandas does.
    public var dtype: DType?

    public init(_ label: Scalar, _ values: [Scalar], dtype: DType? = nil) {
        self.label = label
        self.values = values
        self.dtype = dtype
    }
}

/// Row labels for a frame under construction.
public struct IndexSpec: Sendable {
    public var values: [Scalar]
    public var name: Scalar
    public var dtype: DType?

    public init(_ values: [Scalar], name: Scalar = .none, dtype: DType? = nil) {
        self.values = values
        self.name = name
        self.dtype = dtype
    }
}

extension DataFrame {
    /// A frame from column literals, in the order written (pandas: `pd.DataFrame({"a": [...], ...})`).
    ///
    /// ```swift
    /// let df = try DataFrame(["a": [1, 2], "b": ["x", nil]])   // a: int64, b: str
    /// ```
    /// Throws `shapeMismatch` when the columns differ in length, as pandas raises `ValueError`.
    public init(_ columns: KeyValuePairs<String, [Scalar]>, index: [Scalar]? = nil, session: Session = .default) throws {
        try self.init(columns: columns.map { ColumnSpec(.string($0.key), $0.value) }, index: index.map { IndexSpec($0) }, session: session)
    }

    /// A frame from columns in an explicit order, each with an optional dtype (pandas:
    /// `pd.DataFrame({label: pd.Series(values, dtype=dtype)}, index=index)`).
    ///
    /// ```swift
    /// let df = try DataFrame(columns: [ColumnSpec("n", [1, nil], dtype: .nullableInt64)],
    ///                        index: IndexSpec(["x", "y"], name: "key"))
    /// ```
    public init(columns: [ColumnSpec], index: IndexSpec? = nil, session: Session = .default) throws {
        let built = try columns.map { spec in
            try spec.dtype.map { try Column.build(spec.values, dtype: $0) } ?? Column.infer(spec.values)
        }
        let indexColumn = try index.map { spec in try spec.dtype.map { try Column.build(spec.values, dtype: $0) } ?? Column.infer(spec.values) }
        try self.init(columns: Array(zip(columns.map(\.label), built)), index: indexColumn.map { [($0, index?.name ?? .none)] }, session: session)
    }

    /// A frame over existing columns (no copy); `index` levels with their names, or nil for a RangeIndex.
    public init(columns: [(label: Scalar, column: Column)], index: [(column: Column, name: Scalar)]? = nil,
                session: Session = .default, origin: String = "literal") throws {
        try self.init(columns: columns, index: index, rowCount: nil, session: session, origin: origin)
    }

    /// As above; `rowCount` gives the length of a frame with no columns and a RangeIndex.
    init(columns: [(label: Scalar, column: Column)], index: [(column: Column, name: Scalar)]?, rowCount explicitCount: Int?,
         session: Session, origin: String) throws {
        let rowCount = columns.first?.column.count ?? index?.first?.column.count ?? explicitCount ?? 0
        for (label, column) in columns where column.count != rowCount {
            throw BambooError(.shapeMismatch, "All arrays must be of the same length: column \(label.pythonRepr) has \(column.count) values, the first has \(rowCount).")
        }
        if let index, let level = index.first, level.column.count != rowCount {
            throw BambooError(.shapeMismatch, "Length of values (\(rowCount)) does not match length of index (\(level.column.count))")
        }
        let fields = columns.map { Field(label: $0.label, dtype: $0.column.dtype) }
        let indexFields = index?.map { Field(label: $0.name, dtype: $0.column.dtype) }
        let schema = Schema(index: indexFields.map { .fields($0) } ?? .range, columns: fields)
        let data = try SourceData(schema: schema, columns: (index?.map(\.column) ?? []) + columns.map(\.column),
                                  rowCount: rowCount, origin: origin)
        self.init(session: session, plan: try LogicalPlan(.source(data)))
    }
}
