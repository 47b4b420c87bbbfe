import BambooCore

/// A bounds-checked view of one FlatBuffers buffer inside a larger byte array (an Arrow message's
/// metadata, or a file footer).
///
/// Arrow's metadata is FlatBuffers; this reads the few constructs Arrow uses (tables, scalars,
/// strings, vectors of tables or structs, unions) and throws on any offset that leaves the buffer,
/// so hostile input can never read out of range.
struct FlatBufferReader: Sendable {
    let bytes: [UInt8]
    /// The buffer is `bytes[start..<end]`; every offset is checked against this range.
    let start: Int
    let end: Int

    init(bytes: [UInt8], start: Int, end: Int) throws {
        guard start >= 0, start <= end, end <= bytes.count else {
            throw BambooError.malformedArrow("a flatbuffer spans bytes \(start)..<\(end) of \(bytes.count)")
        }
        self.bytes = bytes
        self.start = start
        self.end = end
    }

    /// A little-endian integer at absolute position `position`; alignment is not required.
    func load<T: FixedWidthInteger>(_: T.Type, at position: Int, _ what: @autoclosure () -> String) throws -> T {
        guard position >= start, position <= end - MemoryLayout<T>.size else {
            throw BambooError.malformedArrow("\(what()) at byte \(position) lies outside its flatbuffer (bytes \(start)..<\(end))")
        }
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: T.self)) }
    }

    /// The table the buffer's root offset points to.
    func rootTable() throws -> FlatBufferTable {
        let offset = try load(UInt32.self, at: start, "the root offset")
        return try FlatBufferTable(reader: self, position: start + Int(offset))
    }
}

/// One FlatBuffers table: a vtable of field offsets, then the inline fields.
struct FlatBufferTable: Sendable {
    let reader: FlatBufferReader
    let position: Int
    private let vtable: Int
    private let vtableSize: Int
    private let inlineSize: Int

    init(reader: FlatBufferReader, position: Int) throws {
        self.reader = reader
        self.position = position
        // The table starts with a signed offset back to its vtable.
        let back = try reader.load(Int32.self, at: position, "a table's vtable offset")
        let vtable = position - Int(back)
        self.vtable = vtable
        vtableSize = Int(try reader.load(UInt16.self, at: vtable, "a vtable's size"))
        inlineSize = Int(try reader.load(UInt16.self, at: vtable + 2, "a table's size"))
        guard vtableSize >= 4, vtableSize % 2 == 0, vtable + vtableSize <= reader.end, position + inlineSize <= reader.end else {
            throw BambooError.malformedArrow("a flatbuffer table at byte \(position) has a vtable of \(vtableSize) bytes that does not fit")
        }
    }

    /// Absolute position of field `index`, or nil when the field is absent (it takes its default).
    private func fieldPosition(_ index: Int, size: Int) throws -> Int? {
        let entry = 4 + 2 * index
        guard entry + 2 <= vtableSize else { return nil }
        let offset = Int(try reader.load(UInt16.self, at: vtable + entry, "a vtable entry"))
        guard offset != 0 else { return nil }
        guard offset + size <= inlineSize else {
            throw BambooError.malformedArrow("field \(index) of the table at byte \(position) lies outside the table")
        }
        return position + offset
    }

    func scalar<T: FixedWidthInteger>(_ index: Int, default value: T) throws -> T {
        guard let at = try fieldPosition(index, size: MemoryLayout<T>.size) else { return value }
        return try reader.load(T.self, at: at, "field \(index)")
    }

    func bool(_ index: Int, default value: Bool) throws -> Bool {
        try scalar(index, default: UInt8(value ? 1 : 0)) != 0
    }

    /// Where an offset field points (uoffsets point forwards from where they are stored).
    private func target(_ index: Int) throws -> Int? {
        guard let at = try fieldPosition(index, size: 4) else { return nil }
        let offset = try reader.load(UInt32.self, at: at, "offset field \(index)")
        return at + Int(offset)
    }

    func table(_ index: Int) throws -> FlatBufferTable? {
        guard let at = try target(index) else { return nil }
        return try FlatBufferTable(reader: reader, position: at)
    }

    func string(_ index: Int) throws -> String? {
        guard let at = try target(index) else { return nil }
        return try reader.string(at: at)
    }

    func vector(_ index: Int, elementSize: Int) throws -> FlatBufferVector? {
        guard let at = try target(index) else { return nil }
        return try FlatBufferVector(reader: reader, position: at, elementSize: elementSize)
    }

    /// A union: its type tag (field `index`) and the table it holds (field `index + 1`).
    func union(_ index: Int) throws -> (type: UInt8, table: FlatBufferTable?) {
        (try scalar(index, default: UInt8(0)), try table(index + 1))
    }
}

extension FlatBufferReader {
    func string(at position: Int) throws -> String {
        let length = Int(try load(UInt32.self, at: position, "a string length"))
        let first = position + 4
        guard length <= end - first else {
            throw BambooError.malformedArrow("a string of \(length) bytes at byte \(position) runs past its flatbuffer")
        }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[first..<first + length]), as: UTF8.self) }
    }
}

/// A FlatBuffers vector: a count, then fixed-size elements (offsets to tables, or inline structs).
struct FlatBufferVector: Sendable {
    let reader: FlatBufferReader
    /// Position of element 0.
    let first: Int
    let count: Int
    let elementSize: Int

    init(reader: FlatBufferReader, position: Int, elementSize: Int) throws {
        let count = Int(try reader.load(UInt32.self, at: position, "a vector length"))
        let first = position + 4
        guard count <= (reader.end - first) / elementSize else {
            throw BambooError.malformedArrow("a vector of \(count) elements at byte \(position) runs past its flatbuffer")
        }
        self.reader = reader
        self.first = first
        self.count = count
        self.elementSize = elementSize
    }

    func table(at index: Int) throws -> FlatBufferTable {
        let at = first + index * elementSize
        let offset = try reader.load(UInt32.self, at: at, "a vector element")
        return try FlatBufferTable(reader: reader, position: at + Int(offset))
    }

    /// A field of the inline struct at `index` (`offset` bytes into the struct).
    func structField<T: FixedWidthInteger>(_: T.Type, at index: Int, offset: Int) throws -> T {
        try reader.load(T.self, at: first + index * elementSize + offset, "a struct field")
    }
}
