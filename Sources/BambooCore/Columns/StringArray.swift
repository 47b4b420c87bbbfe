/// Strings stored as one UTF-8 byte buffer plus `count + 1` offsets (Arrow's large-string layout).
public struct StringArray: Sendable, Hashable {
    // Stored as @usableFromInline so the appends below inline (and specialise) in client modules:
    // the CSV reader appends millions of fields through them.
    @usableFromInline var storedOffsets: [Int]
    @usableFromInline var storedBytes: [UInt8]

    /// `count + 1` offsets into ``bytes``; element `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    public var offsets: [Int] { storedOffsets }
    /// The UTF-8 bytes of every element, back to back.
    public var bytes: [UInt8] { storedBytes }

    public init() {
        storedOffsets = [0]
        storedBytes = []
    }

    public init(_ strings: [String]) {
        self.init()
        reserve(count: strings.count, bytes: strings.reduce(0) { $0 + $1.utf8.count })
        for string in strings { append(string) }
    }

    public var count: Int { storedOffsets.count - 1 }

    public mutating func reserve(count: Int, bytes byteCount: Int) {
        storedOffsets.reserveCapacity(count + 1)
        storedBytes.reserveCapacity(byteCount)
    }

    @inlinable
    public mutating func append(_ string: String) {
        storedBytes.append(contentsOf: string.utf8)
        storedOffsets.append(storedBytes.count)
    }

    @inlinable
    public mutating func append<C: Collection>(utf8 raw: C) where C.Element == UInt8 {
        storedBytes.append(contentsOf: raw)
        storedOffsets.append(storedBytes.count)
    }

    /// An empty slot (used for missing values, whose bytes are never read).
    @inlinable
    public mutating func appendEmpty() { storedOffsets.append(storedBytes.count) }

    public subscript(index: Int) -> String {
        let start = offsets[index], end = offsets[index + 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Byte length of element `index`.
    public func byteCount(at index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// Compares two elements by UTF-8 bytes, which is Unicode code point order (Python's str order).
    public func compare(_ i: Int, _ other: StringArray, _ j: Int) -> Int {
        let aStart = offsets[i], aEnd = offsets[i + 1]
        let bStart = other.offsets[j], bEnd = other.offsets[j + 1]
        return bytes.withUnsafeBufferPointer { a in
            other.bytes.withUnsafeBufferPointer { b in
                let n = min(aEnd - aStart, bEnd - bStart)
                for k in 0..<n {
                    let x = a[aStart + k], y = b[bStart + k]
                    if x != y { return x < y ? -1 : 1 }
                }
                let la = aEnd - aStart, lb = bEnd - bStart
                return la == lb ? 0 : (la < lb ? -1 : 1)
            }
        }
    }

    public func equals(_ i: Int, _ other: StringArray, _ j: Int) -> Bool {
        byteCount(at: i) == other.byteCount(at: j) && compare(i, other, j) == 0
    }
}
