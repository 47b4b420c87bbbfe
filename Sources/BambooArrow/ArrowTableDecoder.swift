import BambooCore

/// The state shared by the stream and file readers: the schema, the dictionaries seen so far, and
/// one accumulator per column being read. Messages are fed in order.
struct ArrowTableDecoder {
    let schema: ArrowSchema
    /// Schema positions of the fields to decode, in output order.
    private let selected: [Int]
    private var accumulators: [Int: ArrowColumnAccumulator] = [:]
    private var dictionaries: [Int64: ArrowDictionary] = [:]
    /// The value field of every dictionary a selected column uses.
    private var dictionaryValueFields: [Int64: ArrowField] = [:]
    private var dictionaryVersion = 0
    private(set) var rowCount = 0

    /// Prepares to decode `columns` (field names; nil for all) of `schema`.
    init(schema: ArrowSchema, columns: [String]?) throws {
        self.schema = schema
        if let columns {
            selected = try columns.map { name in
                guard let index = schema.fieldIndex(named: name) else {
                    throw BambooError(.columnNotFound, "Column '\(name)' is not in the Arrow data; it holds \(schema.fields.map { "'\($0.name)'" }.joined(separator: ", ")).",
                                      suggestions: ClosestNames.rank(name, among: schema.fields.map(\.name)))
                }
                return index
            }
        } else {
            selected = Array(schema.fields.indices)
        }
        for index in Set(selected) {
            let field = schema.fields[index]
            accumulators[index] = try ArrowColumnAccumulator(field: field)
            if let encoding = field.dictionary {
                var values = field
                values.dictionary = nil
                _ = try ArrowColumnAccumulator(field: values)  // refuse an unreadable dictionary type now
                dictionaryValueFields[encoding.id] = values
            }
        }
    }

    /// Applies a dictionary batch or a record batch; other messages are refused.
    mutating func apply(_ message: ArrowMessage, bytes: [UInt8]) throws {
        switch message.kind {
        case .dictionaryBatch: try applyDictionary(message, bytes: bytes)
        case .recordBatch: try applyRecordBatch(message, bytes: bytes)
        case .schema: throw BambooError.malformedArrow("a second schema message follows the first")
        case .other(let code): throw BambooError.unsupportedArrow("message type \(code) (tensors are not tables)")
        }
    }

    private mutating func applyDictionary(_ message: ArrowMessage, bytes: [UInt8]) throws {
        // DictionaryBatch: 0 id, 1 data (a RecordBatch with one column), 2 isDelta.
        let id = try message.header.scalar(0, default: Int64(0))
        guard let valueField = dictionaryValueFields[id] else { return }  // no selected column uses it
        guard let data = try message.header.table(1) else {
            throw BambooError.malformedArrow("dictionary batch \(id) has no data")
        }
        let isDelta = try message.header.bool(2, default: false)
        var cursor = ArrowBatchCursor(header: try ArrowRecordBatchHeader(data), body: message.body)
        var accumulator = try ArrowColumnAccumulator(field: valueField)
        try accumulator.append(from: &cursor, bytes: bytes, dictionary: nil)
        let values = accumulator.finish().scalars
        dictionaryVersion += 1
        if isDelta, let existing = dictionaries[id] {
            dictionaries[id] = ArrowDictionary(values: existing.values + values, version: dictionaryVersion)
        } else {
            dictionaries[id] = ArrowDictionary(values: values, version: dictionaryVersion)
        }
    }

    private mutating func applyRecordBatch(_ message: ArrowMessage, bytes: [UInt8]) throws {
        let header = try ArrowRecordBatchHeader(message.header)
        var cursor = ArrowBatchCursor(header: header, body: message.body)
        let lastNeeded = selected.max() ?? -1
        for (index, field) in schema.fields.enumerated() where index <= lastNeeded {
            guard var accumulator = accumulators[index] else {
                try cursor.skip(field)
                continue
            }
            accumulators[index] = nil  // keep the accumulator uniquely referenced while it grows
            try accumulator.append(from: &cursor, bytes: bytes, dictionary: field.dictionary.flatMap { dictionaries[$0.id] })
            guard accumulator.count == rowCount + header.length else {
                throw BambooError.malformedArrow("field '\(field.name)' has \(accumulator.count - rowCount) values in a batch of \(header.length) rows")
            }
            accumulators[index] = accumulator
        }
        rowCount += header.length
    }

    func finish() throws -> ArrowTable {
        var fields: [ArrowField] = []
        var columns: [Column] = []
        for index in selected {
            guard let accumulator = accumulators[index] else { continue }
            fields.append(schema.fields[index])
            columns.append(accumulator.finish())
        }
        return try ArrowTable(schema: ArrowSchema(fields: fields, metadata: schema.metadata), columns: columns, rowCount: rowCount)
    }
}
