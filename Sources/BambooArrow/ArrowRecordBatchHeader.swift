import BambooCore

/// The `RecordBatch` header of Message.fbs: the row count, one node (length, null count) per array
/// in depth-first field order, and where each buffer lies in the body.
struct ArrowRecordBatchHeader: Sendable {
    let length: Int
    let nodes: FlatBufferVector
    let buffers: FlatBufferVector
    let variadicBufferCounts: FlatBufferVector?

    init(_ table: FlatBufferTable) throws {
        // RecordBatch: 0 length, 1 nodes, 2 buffers, 3 compression, 4 variadicBufferCounts.
        let length = try table.scalar(0, default: Int64(0))
        guard length >= 0, length <= Int64(Int32.max) * 1024 else {
            throw BambooError.malformedArrow("a record batch declares \(length) rows")
        }
        self.length = Int(length)
        if let compression = try table.table(3) {
            // BodyCompression: 0 codec (LZ4_FRAME = 0, ZSTD = 1).
            let codec = try compression.scalar(0, default: Int8(0))
            let name = codec == 0 ? "LZ4_FRAME" : codec == 1 ? "ZSTD" : "codec \(codec)"
            throw BambooError(.io, "The Arrow data is compressed with \(name), which Bamboo does not decompress. Write it uncompressed: in pandas `df.to_feather(path, compression=\"uncompressed\")`, in pyarrow `feather.write_feather(table, path, compression=\"uncompressed\")` or IpcWriteOptions(compression=None).")
        }
        guard let nodes = try table.vector(1, elementSize: 16), let buffers = try table.vector(2, elementSize: 16) else {
            throw BambooError.malformedArrow("a record batch has no nodes or buffers vector")
        }
        self.nodes = nodes
        self.buffers = buffers
        variadicBufferCounts = try table.vector(4, elementSize: 8)
    }
}

/// Walks a batch's nodes and buffers in order while its fields are decoded or skipped.
struct ArrowBatchCursor {
    let header: ArrowRecordBatchHeader
    let body: Range<Int>
    private var nextNode = 0
    private var nextBuffer = 0
    private var nextVariadic = 0

    init(header: ArrowRecordBatchHeader, body: Range<Int>) {
        self.header = header
        self.body = body
    }

    /// The next array's length and null count.
    mutating func node(for field: String) throws -> (length: Int, nullCount: Int) {
        guard nextNode < header.nodes.count else {
            throw BambooError.malformedArrow("the record batch has \(header.nodes.count) field nodes, too few for its schema (at field '\(field)')")
        }
        let length = try header.nodes.structField(Int64.self, at: nextNode, offset: 0)
        let nulls = try header.nodes.structField(Int64.self, at: nextNode, offset: 8)
        nextNode += 1
        guard length >= 0, length <= Int64(Int32.max) * 1024, nulls >= 0, nulls <= length else {
            throw BambooError.malformedArrow("field '\(field)' declares \(length) values with \(nulls) nulls")
        }
        return (Int(length), Int(nulls))
    }

    /// The next buffer, as absolute positions in the message bytes, checked to lie inside the body.
    mutating func buffer(for field: String) throws -> Range<Int> {
        guard nextBuffer < header.buffers.count else {
            throw BambooError.malformedArrow("the record batch has \(header.buffers.count) buffers, too few for its schema (at field '\(field)')")
        }
        let offset = try header.buffers.structField(Int64.self, at: nextBuffer, offset: 0)
        let length = try header.buffers.structField(Int64.self, at: nextBuffer, offset: 8)
        nextBuffer += 1
        let size = Int64(body.count)
        guard offset >= 0, length >= 0, offset <= size, length <= size - offset else {
            throw BambooError.malformedArrow("buffer \(nextBuffer - 1) of field '\(field)' spans \(offset)..<\(offset &+ length), outside the \(size)-byte body")
        }
        return body.lowerBound + Int(offset)..<body.lowerBound + Int(offset + length)
    }

    /// Steps over a field (and its children) that is not being decoded.
    mutating func skip(_ field: ArrowField, depth: Int = 0) throws {
        guard depth < ArrowSchemaMessage.maximumDepth else { throw BambooError.malformedArrow("fields nest too deeply") }
        _ = try node(for: field.name)
        if field.dictionary != nil {
            // Dictionary-encoded: validity and indices only; the values live in dictionary batches.
            _ = try buffer(for: field.name)
            _ = try buffer(for: field.name)
            return
        }
        switch field.type.layout {
        case .buffers(let count):
            for _ in 0..<count { _ = try buffer(for: field.name) }
        case .views:
            guard let counts = header.variadicBufferCounts, nextVariadic < counts.count else {
                throw BambooError.malformedArrow("field '\(field.name)' is a view type but the batch lists no variadic buffer count for it")
            }
            let extra = try counts.structField(Int64.self, at: nextVariadic, offset: 0)
            nextVariadic += 1
            guard extra >= 0, extra <= Int64(header.buffers.count) else {
                throw BambooError.malformedArrow("field '\(field.name)' declares \(extra) variadic buffers")
            }
            for _ in 0..<(2 + Int(extra)) { _ = try buffer(for: field.name) }
        }
        for child in field.children { try skip(child, depth: depth + 1) }
    }
}
