import BambooCore

/// One encapsulated IPC message: a `Message` flatbuffer (Message.fbs) and the body after it.
///
/// On the wire: `0xFFFFFFFF`, an int32 metadata length (padding included), the flatbuffer, then
/// `bodyLength` bytes of buffers. A length of 0 is the end-of-stream marker. Streams written before
/// Arrow 0.15 lack the `0xFFFFFFFF`; they are read too.
struct ArrowMessage: Sendable {
    enum Kind: Sendable, Equatable {
        case schema, dictionaryBatch, recordBatch
        case other(UInt8)
    }

    let kind: Kind
    let header: FlatBufferTable
    /// The body: `bytes[body]`, with buffer offsets relative to its start.
    let body: Range<Int>

    /// Reads the message starting at `position`; nil at an end-of-stream marker or at `end`.
    /// Returns where the next message starts.
    static func read(_ bytes: [UInt8], at position: Int, end: Int) throws -> (message: ArrowMessage?, next: Int) {
        guard position < end else { return (nil, position) }
        let frame = try FlatBufferReader(bytes: bytes, start: position, end: end)
        var cursor = position
        var length = try frame.load(Int32.self, at: cursor, "the message length")
        cursor += 4
        if length == -1 {  // 0xFFFFFFFF: the continuation marker, then the real length
            length = try frame.load(Int32.self, at: cursor, "the message length after 0xFFFFFFFF")
            cursor += 4
        }
        if length == 0 { return (nil, cursor) }
        guard length > 0, Int(length) <= end - cursor else {
            throw BambooError.malformedArrow("the message at byte \(position) declares \(length) bytes of metadata but \(end - cursor) remain")
        }
        let metadataEnd = cursor + Int(length)
        let metadata = try FlatBufferReader(bytes: bytes, start: cursor, end: metadataEnd)
        let message = try metadata.rootTable()
        // Message: 0 version, 1/2 header union, 3 bodyLength.
        let version = try message.scalar(0, default: Int16(0))
        guard version >= 3 else {
            throw BambooError.unsupportedArrow("the message at byte \(position) uses metadata version V\(version + 1); Bamboo reads V4 and V5 (Arrow 0.8 and later)")
        }
        let (kindCode, header) = try message.union(1)
        guard let header else { throw BambooError.malformedArrow("the message at byte \(position) has no header") }
        let bodyLength = try message.scalar(3, default: Int64(0))
        guard bodyLength >= 0, bodyLength <= Int64(end - metadataEnd) else {
            throw BambooError.malformedArrow("the message at byte \(position) declares a body of \(bodyLength) bytes but \(end - metadataEnd) remain")
        }
        let kind: Kind
        switch kindCode {
        case 1: kind = .schema
        case 2: kind = .dictionaryBatch
        case 3: kind = .recordBatch
        default: kind = .other(kindCode)
        }
        let bodyEnd = metadataEnd + Int(bodyLength)
        return (ArrowMessage(kind: kind, header: header, body: metadataEnd..<bodyEnd), bodyEnd)
    }
}
