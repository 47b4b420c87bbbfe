import BambooCore

extension ArrowBodyWriter {
    /// Appends rows `rows` of `column` as an array of `field`'s type: a field node, then the
    /// validity bitmap and value buffers. The column must have the storage `field` was derived from
    /// (``ArrowField/init(name:column:dictionaryID:)``).
    mutating func append(_ column: Column, as field: ArrowField, rows: Range<Int>) throws {
        if case .null = field.type, field.dictionary == nil {
            node(length: rows.count, nullCount: rows.count)
            return
        }
        let (validity, nullCount) = Self.validity(of: column, rows: rows)
        node(length: rows.count, nullCount: nullCount)
        if let validity { buffer { $0.append(contentsOf: validity) } } else { emptyBuffer() }
        switch (column.values, field.dictionary) {
        case (.int64(let codes), .some(let encoding)):
            buffer { out in
                codes.withUnsafeBufferPointer { codes in
                    for i in rows {
                        // Missing rows hold -1; any in-range index will do under a cleared validity bit.
                        let code = max(codes[i], 0)
                        switch encoding.indexBitWidth {
                        case 8: Self.append(Int8(truncatingIfNeeded: code), to: &out)
                        case 16: Self.append(Int16(truncatingIfNeeded: code), to: &out)
                        default: Self.append(Int32(truncatingIfNeeded: code), to: &out)
                        }
                    }
                }
            }
        case (.int64(let values), nil):
            buffer { out in values.withUnsafeBytes { out.append(contentsOf: $0[rows.lowerBound * 8..<rows.upperBound * 8]) } }
        case (.float64(let values), nil):
            buffer { out in values.withUnsafeBytes { out.append(contentsOf: $0[rows.lowerBound * 8..<rows.upperBound * 8]) } }
        case (.bool(let values), nil):
            buffer { out in out.append(contentsOf: Self.packBits(rows.count) { values[rows.lowerBound + $0] }) }
        case (.string(let strings), nil):
            let offsets = strings.offsets
            let first = offsets[rows.lowerBound]
            let wide = field.type == .largeUtf8
            buffer { out in
                for i in rows.lowerBound...rows.upperBound {
                    if wide { Self.append(Int64(offsets[i] - first), to: &out) } else { Self.append(Int32(offsets[i] - first), to: &out) }
                }
            }
            buffer { out in strings.bytes.withUnsafeBytes { out.append(contentsOf: $0[first..<offsets[rows.upperBound]]) } }
        default:
            throw BambooError.invariant("column of dtype \(column.dtype) does not match Arrow field \(field.name): \(field.type)")
        }
    }

    /// The validity bitmap of `rows` (nil when none is missing) and the null count. float64 marks
    /// missing with NaN, which Arrow writes as null, as pyarrow's `from_pandas` does.
    private static func validity(of column: Column, rows: Range<Int>) -> (bytes: [UInt8]?, nullCount: Int) {
        let missing: (Int) -> Bool
        switch (column.validity, column.values) {
        case (.some(let bitmap), _): missing = { !bitmap[$0] }
        case (nil, .float64(let values)): missing = { values[$0].isNaN }
        case (nil, .object(let values)): missing = { values[$0].isMissing }
        default: return (nil, 0)
        }
        var nullCount = 0
        let bytes = packBits(rows.count) { i in
            let isMissing = missing(rows.lowerBound + i)
            if isMissing { nullCount += 1 }
            return !isMissing
        }
        return nullCount == 0 ? (nil, 0) : (bytes, nullCount)
    }

    /// `count` bits, least significant first, as Arrow packs bitmaps and booleans.
    static func packBits(_ count: Int, _ bit: (Int) -> Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (count + 7) / 8)
        bytes.withUnsafeMutableBufferPointer { bytes in
            for i in 0..<count where bit(i) { bytes[i >> 3] |= 1 << UInt8(i & 7) }
        }
        return bytes
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
