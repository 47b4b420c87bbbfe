import BambooCore

/// A pandas frame's parts on their way to or from Arrow: labelled columns and index levels.
///
/// ```swift
/// let frame = try ArrowFrame(try ArrowFileReader.read(path: "a.feather"))    // Table.to_pandas()
/// let bytes = try ArrowFileWriter.write(try frame.arrowTable())              // Table.from_pandas(df)
/// ```
/// Reading follows pyarrow's `to_pandas()` under pandas 3.1.1: ints with nulls become float64 and
/// bools with nulls object, unless the `pandas` metadata says the column was `Int64`, `Float64` or
/// `boolean`; the metadata also restores the index (a RangeIndex from its parameters, other levels
/// from their fields) and non-string column labels. Writing emits that metadata, so
/// `pandas.read_feather` gets back the index, labels and dtypes.
public struct ArrowFrame: Sendable {
    public var columns: [(label: Scalar, column: Column)]
    /// Index levels with their names; nil for the default RangeIndex (0, 1, ..., rowCount - 1).
    public var index: [(column: Column, name: Scalar)]?
    public var rowCount: Int

    public init(columns: [(label: Scalar, column: Column)], index: [(column: Column, name: Scalar)]?, rowCount: Int) {
        self.columns = columns
        self.index = index
        self.rowCount = rowCount
    }

    // MARK: Arrow → pandas

    /// The frame pandas would build from `table` (pyarrow's `Table.to_pandas()`).
    public init(_ table: ArrowTable) throws {
        let metadata = try table.schema.metadata[PandasMetadata.key].map { try PandasMetadata(json: $0) }
        var indexFields = Set<Int>()
        var levels: [(column: Column, name: Scalar)] = []
        var defaultIndex = true
        for entry in metadata?.indexColumns ?? [] {
            switch entry {
            case .field(let name):
                // An index level left out by `columns:` is dropped, as pyarrow drops it.
                guard let position = table.schema.fieldIndex(named: name) else { continue }
                indexFields.insert(position)
                let described = metadata?.entry(forField: name)
                let levelName = described?.name.flatMap { Self.isGeneratedIndexName($0) ? nil : $0 }
                levels.append((Self.pandasColumn(table.columns[position], numpyType: described?.numpyType),
                               levelName.map(Scalar.string) ?? .none))
                defaultIndex = false
            case .range(let name, let start, let stop, let step):
                let count = max(0, (stop - start + step - (step > 0 ? 1 : -1)) / step)
                guard count == table.rowCount, name != nil || start != 0 || step != 1 else { continue }
                levels.append((Column(int64: (0..<count).map { Int64(start + $0 * step) }), name.map(Scalar.string) ?? .none))
                defaultIndex = false
            }
        }
        let labelsAreInts = metadata?.columnLabelsType == "int64"
        var columns: [(label: Scalar, column: Column)] = []
        for (position, field) in table.schema.fields.enumerated() where !indexFields.contains(position) {
            let described = metadata?.entry(forField: field.name)
            var label: Scalar = described.map { $0.name.map(Scalar.string) ?? .none } ?? .string(field.name)
            if labelsAreInts, case .string(let text) = label, let number = Int64(text) { label = .int(number) }
            columns.append((label, Self.pandasColumn(table.columns[position], numpyType: described?.numpyType)))
        }
        self.init(columns: columns, index: defaultIndex ? nil : levels, rowCount: table.rowCount)
    }

    /// pyarrow names unnamed index levels `__index_level_0__`, ...; pandas reads them back unnamed.
    static func isGeneratedIndexName(_ name: String) -> Bool {
        name.hasPrefix("__index_level_") && name.hasSuffix("__")
    }

    /// A column in the dtype pandas gives it: the nullable dtypes only when the metadata asks.
    static func pandasColumn(_ column: Column, numpyType: String?) -> Column {
        func retag(_ dtype: DType) -> Column { Column(dtype: dtype, values: column.values, validity: column.validity) }
        switch (column.dtype, column.values) {
        case (.int64, _) where numpyType == "Int64": return retag(.nullableInt64)
        case (.nullableInt64, .int64(let values)) where numpyType != "Int64":
            var floats = values.map(Double.init)
            for i in 0..<floats.count where column.isMissing(i) { floats[i] = .nan }
            return Column(float64: floats)
        case (.float64, .float64(let values)) where numpyType == "Float64":
            return Column(dtype: .nullableFloat64, values: column.values, validity: Bitmap(values.map { !$0.isNaN }))
        case (.nullableFloat64, _) where numpyType != "Float64": return Column(dtype: .float64, values: column.values)
        case (.bool, _) where numpyType == "boolean": return retag(.nullableBool)
        case (.nullableBool, _) where numpyType != "boolean":
            return Column(dtype: .object, values: .object((0..<column.count).map { column.isMissing($0) ? .none : column.scalar(at: $0) }))
        default: return column
        }
    }

    // MARK: pandas → Arrow

    /// The Arrow table pyarrow's `Table.from_pandas(df)` builds, with its `pandas` metadata: data
    /// columns first, then index levels (a default RangeIndex is metadata only).
    ///
    /// Labels become field names (`str(label)`); MultiIndex (tuple) labels and duplicate labels
    /// throw `invalidArgument`, as pyarrow refuses them for Feather.
    public func arrowTable(extraMetadata: [String: String] = [:]) throws -> ArrowTable {
        var names: [String] = []
        for (label, _) in columns {
            switch label {
            case .tuple: throw BambooError(.invalidArgument, "Column label \(label.pythonRepr) is a tuple (MultiIndex columns); Feather needs flat labels. Join the levels into strings first.")
            case .string(let text): names.append(text)
            default: names.append(label.description)
            }
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw BambooError(.invalidArgument, "Duplicate column name '\(name)': Arrow fields need distinct names. Rename the columns first.")
        }
        let labelsAreInts = !columns.isEmpty && columns.allSatisfy { if case .int = $0.label { return true } else { return false } }

        var entries: [(name: String, column: Column)] = []
        var descriptions: [PandasMetadata.Entry] = []
        func add(_ fieldName: String, label: String?, _ column: Column) throws {
            let writable = try column.arrowWritable(name: fieldName)
            let described = PandasMetadata.describe(column.dtype, writable: writable.dtype)
            entries.append((fieldName, writable))
            descriptions.append(PandasMetadata.Entry(name: label, fieldName: fieldName, pandasType: described.pandasType,
                                                     numpyType: described.numpyType, metadataJSON: described.metadataJSON))
        }
        for ((label, column), name) in zip(columns, names) {
            try add(name, label: label == .none ? nil : name, column)
        }
        var indexColumns: [PandasMetadata.IndexColumn] = []
        if let index {
            for (level, (column, name)) in index.enumerated() {
                let text: String? = name == .none ? nil : (name.description)
                let fieldName = text.flatMap { seen.contains($0) ? nil : $0 } ?? "__index_level_\(level)__"
                seen.insert(fieldName)
                try add(fieldName, label: text, column)
                indexColumns.append(.field(fieldName))
            }
        } else {
            indexColumns = [.range(name: nil, start: 0, stop: rowCount, step: 1)]
        }
        let metadata = PandasMetadata(indexColumns: indexColumns, columnLabelsType: labelsAreInts ? "int64" : "unicode", columns: descriptions)
        var all = extraMetadata
        all[PandasMetadata.key] = metadata.json
        let table = try ArrowTable(columns: entries, metadata: all)
        if entries.isEmpty { return try ArrowTable(schema: table.schema, columns: [], rowCount: rowCount) }
        return table
    }
}
