/// Serialises a tree of FlatBuffers tables, front to back.
///
/// The usual FlatBuffers builder writes back to front; laying out a finished tree front to back is
/// simpler and valid: each child is written after the table that refers to it, so every unsigned
/// offset points forwards, and each vtable just before its table. Scalars are aligned to their size
/// relative to the buffer start (readers such as Arrow C++ verify this), so the caller must place the
/// buffer at an 8-byte-aligned position.
enum FlatBufferBuilder {
    /// A field's value.
    enum Value: Sendable {
        case int8(Int8), uint8(UInt8), bool(Bool), int16(Int16), int32(Int32), int64(Int64)
        case table(Table)
        case string(String)
        case tables([Table])
        /// `count` inline structs back to back, aligned to 8 (Arrow's structs all hold int64s).
        case structs([UInt8], count: Int)

        /// Bytes the value takes inside its table (references take a 4-byte offset).
        var inlineSize: Int {
            switch self {
            case .int8, .uint8, .bool: return 1
            case .int16: return 2
            case .int32: return 4
            case .int64: return 8
            case .table, .string, .tables, .structs: return 4
            }
        }

        var isReference: Bool {
            switch self {
            case .table, .string, .tables, .structs: return true
            default: return false
            }
        }
    }

    /// A table under construction: fields by their schema index.
    struct Table: Sendable {
        fileprivate var fields: [(index: Int, value: Value)] = []

        init() {}

        mutating func set(_ index: Int, _ value: Value) { fields.append((index, value)) }
    }

    /// The finished buffer, its length padded to a multiple of 8.
    static func serialize(_ root: Table) -> [UInt8] {
        var output = ByteWriter()
        output.append(UInt32(0))
        let rootPosition = output.write(table: root)
        output.patch(UInt32(rootPosition), at: 0)
        output.pad(to: 8)
        return output.bytes
    }
}

/// A growing little-endian byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func patch<T: FixedWidthInteger>(_ value: T, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (i, byte) in raw.enumerated() { bytes[position + i] = byte }
        }
    }

    mutating func pad(to alignment: Int) {
        let extra = (alignment - bytes.count % alignment) % alignment
        bytes.append(contentsOf: repeatElement(0, count: extra))
    }

    /// Pads so that `count + lead` becomes a multiple of `alignment`.
    mutating func pad(to alignment: Int, after lead: Int) {
        while (bytes.count + lead) % alignment != 0 { bytes.append(0) }
    }
}

extension ByteWriter {
    /// Writes the vtable, the table, then its children; returns the table's position.
    fileprivate mutating func write(table: FlatBufferBuilder.Table) -> Int {
        // Larger fields first, so each lands aligned without padding between them.
        let ordered = table.fields.enumerated().sorted {
            ($0.element.value.inlineSize, -$0.offset) > ($1.element.value.inlineSize, -$1.offset)
        }.map(\.element)
        var offsets: [Int: Int] = [:]
        var cursor = 4  // after the vtable offset
        var alignment = 4
        for field in ordered {
            let size = field.value.inlineSize
            cursor = (cursor + size - 1) / size * size
            offsets[field.index] = cursor
            cursor += size
            alignment = max(alignment, size)
        }
        let inlineSize = cursor
        let slots = (table.fields.map(\.index).max() ?? -1) + 1

        pad(to: 2)
        let vtable = count
        append(UInt16(4 + 2 * slots))
        append(UInt16(inlineSize))
        for slot in 0..<slots { append(UInt16(offsets[slot] ?? 0)) }

        pad(to: alignment)
        let position = count
        bytes.append(contentsOf: repeatElement(0, count: inlineSize))
        patch(Int32(position - vtable), at: position)
        var references: [(at: Int, value: FlatBufferBuilder.Value)] = []
        for field in ordered {
            guard let offset = offsets[field.index] else { continue }
            let at = position + offset
            switch field.value {
            case .int8(let v): patch(v, at: at)
            case .uint8(let v): patch(v, at: at)
            case .bool(let v): patch(UInt8(v ? 1 : 0), at: at)
            case .int16(let v): patch(v, at: at)
            case .int32(let v): patch(v, at: at)
            case .int64(let v): patch(v, at: at)
            default: references.append((at, field.value))
            }
        }
        for reference in references.sorted(by: { $0.at < $1.at }) {
            let target = write(reference: reference.value)
            patch(UInt32(target - reference.at), at: reference.at)
        }
        return position
    }

    private mutating func write(reference value: FlatBufferBuilder.Value) -> Int {
        switch value {
        case .table(let table):
            return write(table: table)
        case .string(let text):
            pad(to: 4)
            let position = count
            let utf8 = Array(text.utf8)
            append(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            bytes.append(0)
            return position
        case .tables(let tables):
            pad(to: 4)
            let position = count
            append(UInt32(tables.count))
            let slots = count
            bytes.append(contentsOf: repeatElement(0, count: 4 * tables.count))
            for (i, table) in tables.enumerated() {
                let target = write(table: table)
                patch(UInt32(target - (slots + 4 * i)), at: slots + 4 * i)
            }
            return position
        case .structs(let raw, let elementCount):
            // The elements (not the length before them) must be 8-byte aligned.
            pad(to: 4)
            pad(to: 8, after: 4)
            let position = count
            append(UInt32(elementCount))
            bytes.append(contentsOf: raw)
            return position
        default:
            return count
        }
    }
}
