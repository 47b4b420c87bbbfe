import BambooCore
import Foundation

/// Reads the Arrow IPC stream format: a schema message, dictionary and record batches, and an
/// optional end-of-stream marker (`ff ff ff ff 00 00 00 00`).
///
/// ```swift
/// let table = try ArrowStreamReader.read(batch.data)              // one Spark Connect ArrowBatch
/// let all = try ArrowStreamReader.read(streams: batches.map(\.data))   // every batch of a result
/// ```
/// Malformed or truncated bytes throw `BambooError` (`parseError`) saying what is wrong;
/// compressed bodies throw `io` naming the codec.
public enum ArrowStreamReader {
    /// Decodes a whole stream; `columns` picks fields by name (in that order), nil reads all.
    public static func read(_ bytes: [UInt8], columns: [String]? = nil) throws -> ArrowTable {
        try read(streams: [bytes], columns: columns)
    }

    public static func read(_ data: Data, columns: [String]? = nil) throws -> ArrowTable {
        try read([UInt8](data), columns: columns)
    }

    /// Decodes several streams with the same schema into one table (Spark Connect sends a result
    /// as many complete streams).
    public static func read(streams: [[UInt8]], columns: [String]? = nil) throws -> ArrowTable {
        var decoder: ArrowTableDecoder?
        for bytes in streams {
            let (schema, start) = try readSchema(bytes)
            if decoder == nil { decoder = try ArrowTableDecoder(schema: schema, columns: columns) }
            guard var current = decoder else { break }
            guard current.schema.fields == schema.fields else {
                throw BambooError(.shapeMismatch, "The Arrow streams have different schemas: \(describe(current.schema)) and \(describe(schema)).")
            }
            decoder = nil  // keep the decoder uniquely referenced while it grows
            var position = start
            while true {
                let (message, next) = try ArrowMessage.read(bytes, at: position, end: bytes.count)
                guard let message else { break }
                try current.apply(message, bytes: bytes)
                position = next
            }
            decoder = current
        }
        guard let decoder else { throw BambooError.malformedArrow("no stream was given") }
        return try decoder.finish()
    }

    /// The schema at the start of a stream, and where the next message starts.
    static func readSchema(_ bytes: [UInt8]) throws -> (ArrowSchema, Int) {
        if bytes.count >= 6, Array(bytes[0..<6]) == ArrowFileFormat.magic {
            throw BambooError.malformedArrow("these bytes are an Arrow file (Feather v2), not a stream; read them with ArrowFileReader")
        }
        guard !bytes.isEmpty else { throw BambooError.malformedArrow("the stream is empty") }
        let (message, next) = try ArrowMessage.read(bytes, at: 0, end: bytes.count)
        guard let message, message.kind == .schema else {
            throw BambooError.malformedArrow("the stream does not start with a schema message")
        }
        return (try ArrowSchemaMessage.decode(message.header), next)
    }

    static func describe(_ schema: ArrowSchema) -> String {
        "(" + schema.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ")"
    }
}
