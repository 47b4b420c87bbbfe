import BambooCore

/// Reads and writes the `Schema` table of Arrow's Schema.fbs (field numbers below follow it).
enum ArrowSchemaMessage {
    /// Nested types deeper than this are refused rather than recursed into.
    static let maximumDepth = 64

    static func decode(_ table: FlatBufferTable) throws -> ArrowSchema {
        // Schema: 0 endianness, 1 fields, 2 custom_metadata, 3 features.
        if try table.scalar(0, default: Int16(0)) != 0 {
            throw BambooError.unsupportedArrow("the data is big-endian; Bamboo reads little-endian Arrow only")
        }
        let fields = try decodeFields(table.vector(1, elementSize: 4), depth: 0)
        return ArrowSchema(fields: fields, metadata: try decodeMetadata(table.vector(2, elementSize: 4)))
    }

    private static func decodeFields(_ vector: FlatBufferVector?, depth: Int) throws -> [ArrowField] {
        guard let vector else { return [] }
        guard depth < maximumDepth else { throw BambooError.malformedArrow("fields nest more than \(maximumDepth) levels deep") }
        return try (0..<vector.count).map { try decodeField(vector.table(at: $0), depth: depth) }
    }

    private static func decodeField(_ table: FlatBufferTable, depth: Int) throws -> ArrowField {
        // Field: 0 name, 1 nullable, 2/3 type union, 4 dictionary, 5 children, 6 custom_metadata.
        let name = try table.string(0) ?? ""
        let (typeID, typeTable) = try table.union(2)
        var dictionary: ArrowDictionaryEncoding?
        if let encoding = try table.table(4) {
            // DictionaryEncoding: 0 id, 1 indexType (Int), 2 isOrdered.
            let indexType = try encoding.table(1)
            dictionary = ArrowDictionaryEncoding(
                id: try encoding.scalar(0, default: Int64(0)),
                indexBitWidth: Int(try indexType?.scalar(0, default: Int32(32)) ?? 32),
                indexSigned: try indexType?.bool(1, default: true) ?? true,
                ordered: try encoding.bool(2, default: false))
        }
        return ArrowField(name: name, type: try decodeType(typeID, typeTable, field: name), nullable: try table.bool(1, default: true),
                          dictionary: dictionary, children: try decodeFields(table.vector(5, elementSize: 4), depth: depth + 1),
                          metadata: try decodeMetadata(table.vector(6, elementSize: 4)))
    }

    private static func decodeType(_ id: UInt8, _ table: FlatBufferTable?, field: String) throws -> ArrowType {
        func unit(default value: Int16) throws -> TimeUnit {
            let code = try table?.scalar(0, default: value) ?? value
            guard let unit = TimeUnit(arrowCode: code) else {
                throw BambooError.malformedArrow("field '\(field)' has time unit \(code)")
            }
            return unit
        }
        switch id {
        case 1: return .null
        case 2:
            let bits = Int(try table?.scalar(0, default: Int32(0)) ?? 0)
            guard [8, 16, 32, 64].contains(bits) else { throw BambooError.malformedArrow("field '\(field)' is an int of \(bits) bits") }
            return .int(bitWidth: bits, signed: try table?.bool(1, default: false) ?? false)
        case 3:
            let code = try table?.scalar(0, default: Int16(0)) ?? 0
            guard let precision = ArrowFloatPrecision(rawValue: code) else {
                throw BambooError.malformedArrow("field '\(field)' has float precision \(code)")
            }
            return .floatingPoint(precision)
        case 5: return .utf8
        case 6: return .bool
        case 8:
            let code = try table?.scalar(0, default: Int16(1)) ?? 1
            guard let unit = ArrowDateUnit(rawValue: code) else { throw BambooError.malformedArrow("field '\(field)' has date unit \(code)") }
            return .date(unit)
        case 10: return .timestamp(try unit(default: 0), timeZone: try table?.string(1))
        case 18: return .duration(try unit(default: 1))
        case 20: return .largeUtf8
        case 4: return .unsupported(name: "binary", layout: .buffers(3))
        case 7: return .unsupported(name: "decimal", layout: .buffers(2))
        case 9: return .unsupported(name: "time", layout: .buffers(2))
        case 11: return .unsupported(name: "interval", layout: .buffers(2))
        case 12: return .list
        case 13: return .unsupported(name: "struct", layout: .buffers(1))
        case 14:
            // Union: 0 mode (Sparse = 0: type ids only; Dense = 1: type ids and offsets).
            let dense = try table?.scalar(0, default: Int16(0)) == 1
            return .unsupported(name: dense ? "dense_union" : "sparse_union", layout: .buffers(dense ? 2 : 1))
        case 15: return .unsupported(name: "fixed_size_binary", layout: .buffers(2))
        case 16: return .unsupported(name: "fixed_size_list", layout: .buffers(1))
        case 17: return .unsupported(name: "map", layout: .buffers(2))
        case 19: return .unsupported(name: "large_binary", layout: .buffers(3))
        case 21: return .unsupported(name: "large_list", layout: .buffers(2))
        case 22: return .unsupported(name: "run_end_encoded", layout: .buffers(0))
        case 23: return .unsupported(name: "binary_view", layout: .views)
        case 24: return .unsupported(name: "string_view", layout: .views)
        case 25: return .unsupported(name: "list_view", layout: .buffers(3))
        case 26: return .unsupported(name: "large_list_view", layout: .buffers(3))
        default: throw BambooError.malformedArrow("field '\(field)' has unknown type id \(id)")
        }
    }

    static func decodeMetadata(_ vector: FlatBufferVector?) throws -> [String: String] {
        guard let vector else { return [:] }
        var metadata: [String: String] = [:]
        for i in 0..<vector.count {
            // KeyValue: 0 key, 1 value.
            let pair = try vector.table(at: i)
            if let key = try pair.string(0) { metadata[key] = try pair.string(1) ?? "" }
        }
        return metadata
    }

    // MARK: Writing

    static func encode(_ schema: ArrowSchema) -> FlatBufferBuilder.Table {
        var table = FlatBufferBuilder.Table()
        table.set(0, .int16(0))
        table.set(1, .tables(schema.fields.map(encode)))
        if !schema.metadata.isEmpty { table.set(2, .tables(encodeMetadata(schema.metadata))) }
        return table
    }

    private static func encode(_ field: ArrowField) -> FlatBufferBuilder.Table {
        var table = FlatBufferBuilder.Table()
        table.set(0, .string(field.name))
        table.set(1, .bool(field.nullable))
        let (id, typeTable) = encode(field.type)
        table.set(2, .uint8(id))
        table.set(3, .table(typeTable))
        if let dictionary = field.dictionary {
            var indexType = FlatBufferBuilder.Table()
            indexType.set(0, .int32(Int32(dictionary.indexBitWidth)))
            indexType.set(1, .bool(dictionary.indexSigned))
            var encoding = FlatBufferBuilder.Table()
            encoding.set(0, .int64(dictionary.id))
            encoding.set(1, .table(indexType))
            encoding.set(2, .bool(dictionary.ordered))
            table.set(4, .table(encoding))
        }
        // Arrow C++ rejects a field without a children vector, even an empty one.
        table.set(5, .tables(field.children.map(encode)))
        if !field.metadata.isEmpty { table.set(6, .tables(encodeMetadata(field.metadata))) }
        return table
    }

    private static func encode(_ type: ArrowType) -> (UInt8, FlatBufferBuilder.Table) {
        var table = FlatBufferBuilder.Table()
        switch type {
        case .null: return (1, table)
        case .int(let bits, let signed):
            table.set(0, .int32(Int32(bits)))
            table.set(1, .bool(signed))
            return (2, table)
        case .floatingPoint(let precision):
            table.set(0, .int16(precision.rawValue))
            return (3, table)
        case .utf8: return (5, table)
        case .bool: return (6, table)
        case .date(let unit):
            table.set(0, .int16(unit.rawValue))
            return (8, table)
        case .timestamp(let unit, let tz):
            table.set(0, .int16(unit.arrowCode))
            if let tz { table.set(1, .string(tz)) }
            return (10, table)
        case .duration(let unit):
            table.set(0, .int16(unit.arrowCode))
            return (18, table)
        case .largeUtf8: return (20, table)
        case .list: return (12, table)
        case .unsupported:
            // The writers only produce the types above (ArrowTable's initialiser maps every dtype).
            return (1, table)
        }
    }

    private static func encodeMetadata(_ metadata: [String: String]) -> [FlatBufferBuilder.Table] {
        metadata.sorted { $0.key < $1.key }.map { pair in
            var table = FlatBufferBuilder.Table()
            table.set(0, .string(pair.key))
            table.set(1, .string(pair.value))
            return table
        }
    }
}
