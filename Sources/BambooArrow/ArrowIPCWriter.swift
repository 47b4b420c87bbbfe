import BambooCore

/// Writes a table as encapsulated IPC messages (the part the stream and file formats share):
/// the schema, one dictionary batch per category column, then record batches.
struct ArrowIPCWriter {
    /// Where a message landed, for the file footer's `Block`s.
    struct Block {
        let offset: Int
        let metadataLength: Int
        let bodyLength: Int
    }

    private(set) var output: [UInt8]
    private(set) var dictionaryBlocks: [Block] = []
    private(set) var recordBatchBlocks: [Block] = []

    /// `prefix` is what precedes the first message (the file magic); its length must be a multiple of 8.
    init(prefix: [UInt8] = []) {
        output = prefix
    }

    mutating func write(_ table: ArrowTable, maxRowsPerBatch: Int?) throws {
        if let maxRowsPerBatch, maxRowsPerBatch < 1 {
            throw BambooError(.invalidArgument, "maxRowsPerBatch must be at least 1, not \(maxRowsPerBatch).")
        }
        _ = append(kind: 1, header: ArrowSchemaMessage.encode(table.schema), body: [])
        for (field, column) in zip(table.schema.fields, table.columns) {
            guard let encoding = field.dictionary, case .category(let type) = column.dtype else { continue }
            let values = try ArrowField.dictionaryValues(of: type, name: field.name)
            var valueField = field
            valueField.dictionary = nil
            var body = ArrowBodyWriter()
            try body.append(values, as: valueField, rows: 0..<values.count)
            // DictionaryBatch: 0 id, 1 data, 2 isDelta.
            var header = FlatBufferBuilder.Table()
            header.set(0, .int64(encoding.id))
            header.set(1, .table(body.recordBatchHeader(length: values.count)))
            header.set(2, .bool(false))
            dictionaryBlocks.append(append(kind: 2, header: header, body: body.body))
        }
        let step = max(1, maxRowsPerBatch ?? max(table.rowCount, 1))
        var start = 0
        repeat {
            // A table without rows still gets one empty batch, so readers see its layout.
            let rows = start..<min(start + step, table.rowCount)
            var body = ArrowBodyWriter()
            for (field, column) in zip(table.schema.fields, table.columns) {
                try body.append(column, as: field, rows: rows)
            }
            recordBatchBlocks.append(append(kind: 3, header: body.recordBatchHeader(length: rows.count), body: body.body))
            start += step
        } while start < table.rowCount
    }

    /// The end-of-stream marker: a continuation token and a zero length.
    mutating func writeEndOfStream() {
        append(UInt32(0xFFFF_FFFF))
        append(UInt32(0))
    }

    /// Appends one message: `0xFFFFFFFF`, the metadata length, the `Message` flatbuffer (padded to
    /// 8 bytes, so the body starts aligned), then the body.
    private mutating func append(kind: UInt8, header: FlatBufferBuilder.Table, body: [UInt8]) -> Block {
        // Message: 0 version (V5 = 4), 1/2 header union, 3 bodyLength.
        var message = FlatBufferBuilder.Table()
        message.set(0, .int16(4))
        message.set(1, .uint8(kind))
        message.set(2, .table(header))
        message.set(3, .int64(Int64(body.count)))
        let metadata = FlatBufferBuilder.serialize(message)
        let offset = output.count
        append(UInt32(0xFFFF_FFFF))
        append(Int32(metadata.count))
        output.append(contentsOf: metadata)
        output.append(contentsOf: body)
        return Block(offset: offset, metadataLength: 8 + metadata.count, bodyLength: body.count)
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) }
    }

    mutating func append(bytes: [UInt8]) { output.append(contentsOf: bytes) }
}
