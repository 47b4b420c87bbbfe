import BambooCore
import Foundation

/// Writes the Arrow file format, which is Feather v2 (what `pandas.read_feather` reads).
///
/// ```swift
/// try ArrowFileWriter.write(table, path: "out.feather")
/// ```
/// The layout: `ARROW1` and two bytes of padding, the stream's messages, the end-of-stream marker,
/// the `Footer` flatbuffer (schema and the location of every batch), its length, `ARROW1`.
/// Bodies are uncompressed.
public enum ArrowFileWriter {
    /// The file's bytes; `maxRowsPerBatch` splits the rows into batches (nil: pyarrow's Feather
    /// default of 65,536 rows).
    public static func write(_ table: ArrowTable, maxRowsPerBatch: Int? = 65_536) throws -> [UInt8] {
        var writer = ArrowIPCWriter(prefix: ArrowFileFormat.magic + [0, 0])
        try writer.write(table, maxRowsPerBatch: maxRowsPerBatch)
        writer.writeEndOfStream()
        // Footer: 0 version, 1 schema, 2 dictionaries, 3 recordBatches.
        var footer = FlatBufferBuilder.Table()
        footer.set(0, .int16(4))
        footer.set(1, .table(ArrowSchemaMessage.encode(table.schema)))
        footer.set(2, blocks(writer.dictionaryBlocks))
        footer.set(3, blocks(writer.recordBatchBlocks))
        let footerBytes = FlatBufferBuilder.serialize(footer)
        writer.append(bytes: footerBytes)
        writer.append(Int32(footerBytes.count))
        writer.append(bytes: ArrowFileFormat.magic)
        return writer.output
    }

    /// Writes the file to `path`, replacing it.
    public static func write(_ table: ArrowTable, path: String, maxRowsPerBatch: Int? = 65_536) throws {
        let bytes = try write(table, maxRowsPerBatch: maxRowsPerBatch)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw BambooError(.io, "Cannot write '\(path)': \(error.localizedDescription). Check that the folder exists and is writable.")
        }
    }

    private static func blocks(_ blocks: [ArrowIPCWriter.Block]) -> FlatBufferBuilder.Value {
        var raw: [UInt8] = []
        for block in blocks {
            withUnsafeBytes(of: Int64(block.offset).littleEndian) { raw.append(contentsOf: $0) }
            withUnsafeBytes(of: Int32(block.metadataLength).littleEndian) { raw.append(contentsOf: $0) }
            raw.append(contentsOf: [0, 0, 0, 0])
            withUnsafeBytes(of: Int64(block.bodyLength).littleEndian) { raw.append(contentsOf: $0) }
        }
        return .structs(raw, count: blocks.count)
    }
}
