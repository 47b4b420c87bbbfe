/// Constants of the Arrow file format (Feather v2): `ARROW1`, padding to 8, the stream messages,
/// a `Footer` flatbuffer (File.fbs), its int32 length, and `ARROW1` again.
enum ArrowFileFormat {
    static let magic: [UInt8] = Array("ARROW1".utf8)
    /// A `Block` struct: offset (int64), metaDataLength (int32, then 4 bytes of padding), bodyLength (int64).
    static let blockSize = 24
}
