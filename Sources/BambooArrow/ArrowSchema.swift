/// The columns of an Arrow stream or file: names, types and key-value metadata.
///
/// ```swift
/// let table = try ArrowStreamReader.read(bytes)
/// table.schema.fields.map(\.name)          // ["city", "temp"]
/// table.schema.metadata["pandas"]          // pandas' JSON description, when pandas wrote it
/// ```
public struct ArrowSchema: Sendable, Hashable {
    public var fields: [ArrowField]
    public var metadata: [String: String]

    public init(fields: [ArrowField], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
    }

    /// Position of the first field named `name`.
    public func fieldIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// One column of a schema.
public struct ArrowField: Sendable, Hashable {
    public var name: String
    /// The type of the values; for a dictionary-encoded field, the type of the dictionary's values.
    public var type: ArrowType
    public var nullable: Bool
    /// Set when the column holds indices into a dictionary (pandas' `category`).
    public var dictionary: ArrowDictionaryEncoding?
    /// Child fields of nested types (kept so the layout of unsupported columns can be skipped).
    public var children: [ArrowField]
    public var metadata: [String: String]

    public init(name: String, type: ArrowType, nullable: Bool = true, dictionary: ArrowDictionaryEncoding? = nil,
                children: [ArrowField] = [], metadata: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.dictionary = dictionary
        self.children = children
        self.metadata = metadata
    }
}

/// How a field is dictionary-encoded: which dictionary, the integer type of the indices, and
/// whether the order of the dictionary's values is meaningful (an ordered categorical).
public struct ArrowDictionaryEncoding: Sendable, Hashable {
    public var id: Int64
    public var indexBitWidth: Int
    public var indexSigned: Bool
    public var ordered: Bool

    public init(id: Int64, indexBitWidth: Int = 32, indexSigned: Bool = true, ordered: Bool = false) {
        self.id = id
        self.indexBitWidth = indexBitWidth
        self.indexSigned = indexSigned
        self.ordered = ordered
    }
}
