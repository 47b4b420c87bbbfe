import BambooCore
import Foundation

/// Reads the Arrow file format, which is Feather v2 (`pandas.to_feather`, `pyarrow.feather`).
///
/// ```swift
/// let table = try ArrowFileReader.read(path: "sales.feather", columns: ["region", "amount"])
/// ```
/// The footer locates the dictionaries and record batches; only the selected columns are decoded.
/// pyarrow compresses Feather with LZ4 by default, which Bamboo does not decompress: such files
/// throw `io` asking for `compression="uncompressed"`.
public enum ArrowFileReader {
    public static func read(path: String, columns: [String]? = nil) throws -> ArrowTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BambooError(.io, "Cannot read '\(path)': \(error.localizedDescription). Check the path and its permissions.")
        }
        do {
            return try read([UInt8](data), columns: columns)
        } catch var error as BambooError {
            error.message = "'\(path)': " + error.message
            throw error
        }
    }

    public static func read(_ data: Data, columns: [String]? = nil) throws -> ArrowTable {
        try read([UInt8](data), columns: columns)
    }

    public static func read(_ bytes: [UInt8], columns: [String]? = nil) throws -> ArrowTable {
        let magic = ArrowFileFormat.magic
        if bytes.count >= 4, Array(bytes[0..<4]) == Array("FEA1".utf8) {
            throw BambooError.unsupportedArrow("this is a Feather v1 file; Bamboo reads Feather v2 (write it again with pandas' to_feather or pyarrow.feather.write_feather)")
        }
        guard bytes.count >= 8 + 4 + magic.count, Array(bytes[0..<magic.count]) == magic else {
            if bytes.count >= 4, bytes[0..<4].allSatisfy({ $0 == 0xFF }) {
                throw BambooError.malformedArrow("these bytes are an Arrow stream, not a file; read them with ArrowStreamReader")
            }
            throw BambooError.malformedArrow("the file does not start with the magic bytes ARROW1")
        }
        guard Array(bytes[(bytes.count - magic.count)...]) == magic else {
            throw BambooError.malformedArrow("the file does not end with the magic bytes ARROW1 (it may be truncated)")
        }
        let whole = try FlatBufferReader(bytes: bytes, start: 0, end: bytes.count)
        let lengthPosition = bytes.count - magic.count - 4
        let footerLength = Int(try whole.load(Int32.self, at: lengthPosition, "the footer length"))
        guard footerLength > 0, footerLength <= lengthPosition - 8 else {
            throw BambooError.malformedArrow("the footer length \(footerLength) does not fit in a \(bytes.count)-byte file")
        }
        let footerStart = lengthPosition - footerLength
        let footer = try FlatBufferReader(bytes: bytes, start: footerStart, end: lengthPosition).rootTable()
        // Footer: 0 version, 1 schema, 2 dictionaries, 3 recordBatches.
        guard let schemaTable = try footer.table(1) else { throw BambooError.malformedArrow("the footer has no schema") }
        var decoder = try ArrowTableDecoder(schema: try ArrowSchemaMessage.decode(schemaTable), columns: columns)
        for blocks in [try footer.vector(2, elementSize: ArrowFileFormat.blockSize), try footer.vector(3, elementSize: ArrowFileFormat.blockSize)] {
            guard let blocks else { continue }
            for i in 0..<blocks.count {
                let offset = try blocks.structField(Int64.self, at: i, offset: 0)
                guard offset >= 8, offset < Int64(footerStart) else {
                    throw BambooError.malformedArrow("block \(i) of the footer points at byte \(offset), outside the file's messages (8..<\(footerStart))")
                }
                let (message, _) = try ArrowMessage.read(bytes, at: Int(offset), end: footerStart)
                guard let message else { throw BambooError.malformedArrow("block \(i) of the footer points at an end-of-stream marker") }
                try decoder.apply(message, bytes: bytes)
            }
        }
        return try decoder.finish()
    }
}
