import BambooCore

extension ArrowField {
    /// The field pyarrow's `Table.from_pandas` would write for a column of this dtype.
    ///
    /// ```swift
    /// try ArrowField(name: "t", column: Column(int64: [1]), dictionaryID: 0).type   // int64
    /// ```
    /// `int64`/`Int64` → int64, `float64`/`Float64` → double, `bool`/`boolean` → bool, `str` →
    /// utf8 (large_utf8 past 2 GiB of text), `datetime64[unit, tz]` → timestamp, `timedelta64` →
    /// duration, `category` → a dictionary of its categories (indices int8/16/32 by count),
    /// all-missing `object` → null. Other `object` columns must first pass through
    /// `arrowWritable` (``ArrowTable/init(columns:metadata:)`` does it).
    public init(name: String, column: Column, dictionaryID: Int64) throws {
        switch column.dtype {
        case .int64, .nullableInt64: self.init(name: name, type: .int(bitWidth: 64, signed: true))
        case .float64, .nullableFloat64: self.init(name: name, type: .floatingPoint(.double))
        case .bool, .nullableBool: self.init(name: name, type: .bool)
        case .string:
            var large = false
            if case .string(let strings) = column.values { large = strings.bytes.count > Int(Int32.max) }
            self.init(name: name, type: large ? .largeUtf8 : .utf8)
        case .datetime(let unit, let tz): self.init(name: name, type: .timestamp(unit, timeZone: tz))
        case .timedelta(let unit): self.init(name: name, type: .duration(unit))
        case .category(let type):
            let values = try ArrowField.dictionaryValues(of: type, name: name)
            let valueField = try ArrowField(name: name, column: values, dictionaryID: dictionaryID)
            let count = values.count
            let width = count <= Int(Int8.max) ? 8 : count <= Int(Int16.max) ? 16 : 32
            self.init(name: name, type: valueField.type,
                      dictionary: ArrowDictionaryEncoding(id: dictionaryID, indexBitWidth: width, indexSigned: true, ordered: type.ordered))
        case .object:
            guard case .object(let values) = column.values, values.allSatisfy(\.isMissing) else {
                throw BambooError(.typeMismatch, "Column '\(name)' has dtype object with values of several kinds; convert it before writing Arrow.")
            }
            self.init(name: name, type: .null)
        }
    }

    /// The categories of a `category` dtype as a column (the dictionary's values).
    static func dictionaryValues(of type: CategoryType, name: String) throws -> Column {
        let categories = type.categories ?? []
        let values = try Column(dtype: .object, values: .object(categories)).arrowWritable(name: name)
        guard values.dtype != .object || categories.isEmpty else {
            throw BambooError(.typeMismatch, "Column '\(name)' is a category whose categories are missing values; Arrow cannot encode them.")
        }
        // An empty category list still needs a value type: pandas' default is str.
        return categories.isEmpty ? Column(strings: []) : values
    }
}
