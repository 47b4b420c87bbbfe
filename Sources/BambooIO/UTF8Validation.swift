import BambooCore

/// Checks that CSV input is UTF-8 before any field becomes a `String`, the way pandas' default
/// `encoding="utf-8"` decoding rejects bad bytes, but naming the line.
enum UTF8Validation {
    /// Throws a `.parseError` naming the line, the column and the offending byte of the first invalid sequence.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let offset = firstInvalidOffset(bytes) else { return }
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 10 || (bytes[i] == 13 && (i + 1 >= bytes.count || bytes[i + 1] != 10)) {
            line += 1
            lineStart = i + 1
        }
        let byte = bytes[offset]
        let hex = String(byte, radix: 16)
        let reason = (byte >= 0x80 && byte < 0xC2) || byte > 0xF4 ? "invalid start byte" : "invalid continuation byte"
        throw BambooError(
            .parseError,
            "'utf-8' codec can't decode byte 0x\(hex.count == 1 ? "0" + hex : hex) in position \(offset): \(reason) (line \(line), column \(offset - lineStart + 1)). Re-encode the file as UTF-8.")
    }

    /// The offset of the first byte that starts an invalid or truncated sequence, or nil.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            // ASCII fast path, eight bytes at a time.
            if i + 8 <= n, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lower, b1 <= upper else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
