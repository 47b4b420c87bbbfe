/// Builds one message body: buffers back to back, each padded to 8 bytes, plus the field nodes and
/// buffer locations the `RecordBatch` header lists.
struct ArrowBodyWriter {
    private(set) var body: [UInt8] = []
    private var nodes: [UInt8] = []
    private var buffers: [UInt8] = []
    private var nodeCount = 0
    private var bufferCount = 0

    mutating func node(length: Int, nullCount: Int) {
        Self.append(Int64(length), to: &nodes)
        Self.append(Int64(nullCount), to: &nodes)
        nodeCount += 1
    }

    /// Appends a buffer written by `write` (which appends its bytes to the array it is given).
    mutating func buffer(_ write: (inout [UInt8]) -> Void) {
        let start = body.count
        write(&body)
        let length = body.count - start
        body.append(contentsOf: repeatElement(0, count: (8 - length % 8) % 8))
        Self.append(Int64(start), to: &buffers)
        Self.append(Int64(length), to: &buffers)
        bufferCount += 1
    }

    /// An absent buffer (a validity bitmap when nothing is null).
    mutating func emptyBuffer() { buffer { _ in } }

    /// The `RecordBatch` table for this body (Message.fbs: 0 length, 1 nodes, 2 buffers).
    func recordBatchHeader(length: Int) -> FlatBufferBuilder.Table {
        var table = FlatBufferBuilder.Table()
        table.set(0, .int64(Int64(length)))
        table.set(1, .structs(nodes, count: nodeCount))
        table.set(2, .structs(buffers, count: bufferCount))
        return table
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
