/// A packed bit per row; in a validity bitmap a set bit means "present" (as in Arrow).
public struct Bitmap: Sendable, Hashable {
    public private(set) var words: [UInt64]
    public let count: Int

    public init(repeating value: Bool, count: Int) {
        self.count = count
        words = [UInt64](repeating: value ? ~0 : 0, count: (count + 63) / 64)
    }

    public init(_ bits: [Bool]) {
        self.init(repeating: false, count: bits.count)
        bits.withUnsafeBufferPointer { source in
            for i in 0..<source.count where source[i] { words[i >> 6] |= 1 << UInt64(i & 63) }
        }
    }

    @inline(__always)
    public subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue { words[index >> 6] |= 1 << UInt64(index & 63) }
            else { words[index >> 6] &= ~(1 << UInt64(index & 63)) }
        }
    }

    /// Number of set bits among the first `count`.
    public var setCount: Int {
        var total = 0
        for (i, word) in words.enumerated() {
            let remaining = count - i * 64
            let masked = remaining >= 64 ? word : word & ((1 << UInt64(remaining)) - 1)
            total += masked.nonzeroBitCount
        }
        return total
    }

    public var allSet: Bool { setCount == count }

    /// Bitwise AND of two bitmaps of equal length; `nil` stands for all-set.
    public static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var result = a
        for i in 0..<result.words.count { result.words[i] &= b.words[i] }
        return result
    }
}
