@testable import BambooArrow
import BambooCore
import Testing

/// Hand-built messages: a schema of one field, then record batches whose header and body the test
/// chooses, so each kind of damage can be aimed at precisely.
private func stream(field: ArrowField, batches: [(header: FlatBufferBuilder.Table, body: [UInt8])], dictionary: (id: Int64, header: FlatBufferBuilder.Table, body: [UInt8])? = nil) -> [UInt8] {
    var messages: [(UInt8, FlatBufferBuilder.Table, [UInt8])] = [(1, ArrowSchemaMessage.encode(ArrowSchema(fields: [field])), [])]
    if let dictionary {
        var header = FlatBufferBuilder.Table()
        header.set(0, .int64(dictionary.id))
        header.set(1, .table(dictionary.header))
        messages.append((2, header, dictionary.body))
    }
    for batch in batches { messages.append((3, batch.header, batch.body)) }
    return encode(messages)
}

/// Frames messages as the IPC stream format does, ending with the end-of-stream marker.
private func encode(_ messages: [(kind: UInt8, header: FlatBufferBuilder.Table, body: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    for (kind, header, body) in messages {
        var table = FlatBufferBuilder.Table()
        table.set(0, .int16(4))
        table.set(1, .uint8(kind))
        table.set(2, .table(header))
        table.set(3, .int64(Int64(body.count)))
        let metadata = FlatBufferBuilder.serialize(table)
        out += [0xFF, 0xFF, 0xFF, 0xFF] + littleEndian([Int32(metadata.count)]) + metadata + body
    }
    return out + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]
}

private func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}

/// A RecordBatch header with explicit nodes (length, nulls) and buffers (offset, length).
private func batchHeader(length: Int64, nodes: [(Int64, Int64)], buffers: [(Int64, Int64)], compression: Int8? = nil) -> FlatBufferBuilder.Table {
    var table = FlatBufferBuilder.Table()
    table.set(0, .int64(length))
    table.set(1, .structs(littleEndian(nodes.flatMap { [$0.0, $0.1] }), count: nodes.count))
    table.set(2, .structs(littleEndian(buffers.flatMap { [$0.0, $0.1] }), count: buffers.count))
    if let compression {
        var codec = FlatBufferBuilder.Table()
        codec.set(0, .int8(compression))
        table.set(3, .table(codec))
    }
    return table
}

private func expectArrowError(_ bytes: [UInt8], code: BambooError.Code = .parseError, mentioning words: [String]) {
    let error = #expect(throws: BambooError.self) { try ArrowStreamReader.read(bytes) }
    #expect(error?.code == code, "\(error?.message ?? "")")
    for word in words { #expect(error?.message.contains(word) == true, "'\(word)' not in: \(error?.message ?? "")") }
}

@Suite struct ArrowMalformedInputTests {
    let int64Field = ArrowField(name: "n", type: .int(bitWidth: 64, signed: true))

    @Test func theHandBuiltStreamIsValid() throws {
        let body = littleEndian([Int64(1), 2, 3])
        let bytes = stream(field: int64Field, batches: [(batchHeader(length: 3, nodes: [(3, 0)], buffers: [(0, 0), (0, 24)]), body)])
        #expect(try ArrowStreamReader.read(bytes).columns == [Column(int64: [1, 2, 3])])
    }

    @Test func bufferOutsideTheBodyThrows() {
        let body = littleEndian([Int64(1), 2, 3])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 3, nodes: [(3, 0)], buffers: [(0, 0), (1_000, 24)]), body)]),
                         mentioning: ["outside", "'n'"])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 3, nodes: [(3, 0)], buffers: [(0, 0), (-8, 24)]), body)]),
                         mentioning: ["outside"])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 3, nodes: [(3, 0)], buffers: [(0, 0), (8, Int64.max)]), body)]),
                         mentioning: ["outside"])
    }

    @Test func bufferTooSmallForItsRowsThrows() {
        let body = littleEndian([Int64(1), 2])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 3, nodes: [(3, 0)], buffers: [(0, 0), (0, 16)]), body)]),
                         mentioning: ["16 bytes", "24"])
    }

    @Test func missingNodesOrBuffersThrow() {
        let body = littleEndian([Int64(1)])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 1, nodes: [], buffers: [(0, 0), (0, 8)]), body)]),
                         mentioning: ["field nodes"])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 1, nodes: [(1, 0)], buffers: [(0, 0)]), body)]),
                         mentioning: ["buffers"])
        expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 2, nodes: [(1, 0)], buffers: [(0, 0), (0, 8)]), body)]),
                         mentioning: ["batch of 2 rows"])
    }

    @Test func stringOffsetsOutOfOrderOrRangeThrow() {
        let field = ArrowField(name: "s", type: .utf8)
        let data: [UInt8] = Array("abcdefgh".utf8)
        for offsets in [[Int32(0), 3, 2], [0, 3, 9], [-1, 2, 3]] {
            let body = littleEndian(offsets) + [0, 0, 0, 0] + data
            expectArrowError(stream(field: field, batches: [(batchHeader(length: 2, nodes: [(2, 0)], buffers: [(0, 0), (0, 12), (16, 8)]), body)]),
                             mentioning: ["string offset", "'s'"])
        }
    }

    @Test func dictionaryIndexOutOfRangeThrows() {
        let field = ArrowField(name: "c", type: .utf8, dictionary: ArrowDictionaryEncoding(id: 7, indexBitWidth: 8))
        let values = littleEndian([Int32(0), 1]) + [0, 0, 0, 0] + Array("a".utf8) + [0, 0, 0, 0, 0, 0, 0]
        let dictionary = (id: Int64(7), header: batchHeader(length: 1, nodes: [(1, 0)], buffers: [(0, 0), (0, 8), (8, 1)]), body: values)
        let body: [UInt8] = [0, 5, 0, 0, 0, 0, 0, 0]
        let bytes = stream(field: field, batches: [(batchHeader(length: 2, nodes: [(2, 0)], buffers: [(0, 0), (0, 2)]), body)], dictionary: dictionary)
        expectArrowError(bytes, mentioning: ["dictionary index 5", "holds 1"])
        let noDictionary = stream(field: field, batches: [(batchHeader(length: 2, nodes: [(2, 0)], buffers: [(0, 0), (0, 2)]), body)])
        expectArrowError(noDictionary, mentioning: ["dictionary 7"])
    }

    @Test func compressedBodiesNameTheCodec() {
        let body = littleEndian([Int64(1)])
        for (code, name) in [(Int8(0), "LZ4_FRAME"), (1, "ZSTD")] {
            expectArrowError(stream(field: int64Field, batches: [(batchHeader(length: 1, nodes: [(1, 0)], buffers: [(0, 0), (0, 8)], compression: code), body)]),
                             code: .io, mentioning: [name, "compression=\"uncompressed\""])
        }
    }

    @Test func uint64AboveInt64MaxThrows() throws {
        let field = ArrowField(name: "u", type: .int(bitWidth: 64, signed: false))
        let body = littleEndian([UInt64.max])
        let bytes = stream(field: field, batches: [(batchHeader(length: 1, nodes: [(1, 0)], buffers: [(0, 0), (0, 8)]), body)])
        let error = #expect(throws: BambooError.self) { try ArrowStreamReader.read(bytes) }
        #expect(error?.code == .castFailed)
        // The same bits under a cleared validity bit are fine.
        let masked = stream(field: field, batches: [(batchHeader(length: 1, nodes: [(1, 1)], buffers: [(0, 1), (8, 8)]), [0, 0, 0, 0, 0, 0, 0, 0] + body)])
        #expect(try ArrowStreamReader.read(masked).columns[0].isMissing(0))
    }

    @Test func unsupportedTypesAreNamedAndSkippable() throws {
        // The writer never emits unsupported types, so the schema is built by hand: a struct
        // column "s" with an int64 child, then an int64 column "n".
        func field(_ name: String, typeID: UInt8, type: FlatBufferBuilder.Table, children: [FlatBufferBuilder.Table] = []) -> FlatBufferBuilder.Table {
            var field = FlatBufferBuilder.Table()
            field.set(0, .string(name))
            field.set(1, .bool(true))
            field.set(2, .uint8(typeID))
            field.set(3, .table(type))
            field.set(5, .tables(children))
            return field
        }
        var int64 = FlatBufferBuilder.Table()
        int64.set(0, .int32(64))
        int64.set(1, .bool(true))
        var schema = FlatBufferBuilder.Table()
        schema.set(1, .tables([field("s", typeID: 13, type: FlatBufferBuilder.Table(), children: [field("x", typeID: 2, type: int64)]),
                               field("n", typeID: 2, type: int64)]))
        // struct: node + validity; child x: node + validity + values; n: node + validity + values.
        let body = littleEndian([Int64(9), 8, 1, 2])
        let bytes = encode([(1, schema, []),
                            (3, batchHeader(length: 2, nodes: [(2, 0), (2, 0), (2, 0)], buffers: [(0, 0), (0, 0), (0, 16), (0, 0), (16, 16)]), body)])
        #expect(try ArrowStreamReader.read(bytes, columns: ["n"]).columns == [Column(int64: [1, 2])])
        let error = #expect(throws: BambooError.self) { try ArrowStreamReader.read(bytes) }
        #expect(error?.message.contains("struct") == true)
        #expect(error?.message.contains("'s'") == true)
    }

    @Test func everyTruncationOrSingleByteCorruptionThrowsOrReads() throws {
        let table = try ArrowTable(columns: try everyDtypeColumns())
        let streamBytes = try ArrowStreamWriter.write(table, maxRowsPerBatch: 2)
        let fileBytes = try ArrowFileWriter.write(table, maxRowsPerBatch: 2)
        // A stream cut at a message boundary is a valid shorter stream; any other cut must throw.
        for length in 0..<streamBytes.count { _ = try? ArrowStreamReader.read(Array(streamBytes.prefix(length))) }
        for length in 0..<fileBytes.count {
            #expect(throws: BambooError.self) { try ArrowFileReader.read(Array(fileBytes.prefix(length))) }
        }
        #expect(throws: BambooError.self) { try ArrowStreamReader.read(Array(streamBytes.prefix(streamBytes.count / 2 + 3))) }
        // No single corrupted byte may crash the readers; they either throw or decode something.
        for position in 0..<streamBytes.count {
            for value: UInt8 in [0x00, 0x7F, 0xFF] {
                var damaged = streamBytes
                damaged[position] = value
                _ = try? ArrowStreamReader.read(damaged)
            }
        }
        for position in stride(from: 0, to: fileBytes.count, by: 3) {
            var damaged = fileBytes
            damaged[position] ^= 0xA5
            _ = try? ArrowFileReader.read(damaged)
        }
    }

    @Test func badMagicAndWrongFormatAreNamed() throws {
        let file = try ArrowFileWriter.write(ArrowTable(columns: [("a", Column(int64: [1]))]))
        var bad = file
        bad[5] = UInt8(ascii: "2")
        let error = #expect(throws: BambooError.self) { try ArrowFileReader.read(bad) }
        #expect(error?.message.contains("ARROW1") == true)
        let stream = try ArrowStreamWriter.write(ArrowTable(columns: [("a", Column(int64: [1]))]))
        let asFile = #expect(throws: BambooError.self) { try ArrowFileReader.read(stream) }
        #expect(asFile?.message.contains("ArrowStreamReader") == true)
        let asStream = #expect(throws: BambooError.self) { try ArrowStreamReader.read(file) }
        #expect(asStream?.message.contains("ArrowFileReader") == true)
        let empty = #expect(throws: BambooError.self) { try ArrowStreamReader.read([UInt8]()) }
        #expect(empty?.code == .parseError)
        let v1 = #expect(throws: BambooError.self) { try ArrowFileReader.read(Array("FEA1".utf8) + [UInt8](repeating: 0, count: 20)) }
        #expect(v1?.message.contains("Feather v1") == true)
    }
}
