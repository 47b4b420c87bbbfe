extension Column {
    /// Mixes each row's value into `hashes` (one per row), so multi-column keys hash by combining.
    /// Equal values hash equally across the numeric dtypes (1 == 1.0 == True), like Python's hash;
    /// every missing value hashes alike, since pandas groups and joins NaN keys together.
    public func combineHashes(into hashes: inout [UInt64]) {
        for i in 0..<count {
            let h: UInt64
            if isMissing(i) {
                h = 0x9E37_79B9_7F4A_7C15
            } else {
                switch values {
                case .int64(let v): h = Column.mix(UInt64(bitPattern: v[i]))
                case .float64(let v):
                    let x = v[i]
                    h = x == x.rounded(.towardZero) && abs(x) < 9.2e18 ? Column.mix(UInt64(bitPattern: Int64(x))) : Column.mix(x.bitPattern)
                case .bool(let v): h = Column.mix(v[i] ? 1 : 0)
                case .string(let v):
                    var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
                    for k in v.offsets[i]..<v.offsets[i + 1] { fnv = (fnv ^ UInt64(v.bytes[k])) &* 0x100_0000_01b3 }
                    h = Column.mix(fnv)
                case .object(let v): h = UInt64(bitPattern: Int64(v[i].hashValue))
                }
            }
            hashes[i] = (hashes[i] &* 31) ^ h
        }
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
