import BambooCore
import Foundation

/// Writes the Arrow IPC stream format: schema, dictionaries, record batches, end-of-stream marker.
///
/// ```swift
/// let table = try ArrowTable(columns: [("city", Column(strings: ["Oslo", nil])), ("n", Column(int64: [1, 2]))])
/// let bytes = try ArrowStreamWriter.write(table)      // e.g. a Spark Connect LocalRelation's data
/// ```
/// Bodies are uncompressed and buffers 8-byte aligned; metadata version V5.
public enum ArrowStreamWriter {
    /// The stream's bytes; `maxRowsPerBatch` splits the rows into batches (nil: one batch).
    public static func write(_ table: ArrowTable, maxRowsPerBatch: Int? = nil) throws -> [UInt8] {
        var writer = ArrowIPCWriter()
        try writer.write(table, maxRowsPerBatch: maxRowsPerBatch)
        writer.writeEndOfStream()
        return writer.output
    }

    public static func writeData(_ table: ArrowTable, maxRowsPerBatch: Int? = nil) throws -> Data {
        Data(try write(table, maxRowsPerBatch: maxRowsPerBatch))
    }
}
