extension Column {
    /// Bytes the column's buffers take: values, string offsets and bytes, validity words. Object
    /// columns count one boxed scalar per row. Corresponds roughly to pandas'
    /// `Series.memory_usage(index=False, deep=True)`; used to guard how much an action brings back.
    public var byteCount: Int {
        let validityBytes = (validity?.words.count ?? 0) * 8
        switch values {
        case .int64(let v): return v.count * 8 + validityBytes
        case .float64(let v): return v.count * 8 + validityBytes
        case .bool(let v): return v.count + validityBytes
        case .string(let v): return v.offsets.count * 8 + v.bytes.count + validityBytes
        case .object(let v): return v.count * MemoryLayout<Scalar>.stride + validityBytes
        }
    }
}
