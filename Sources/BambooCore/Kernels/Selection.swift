extension Column {
    /// Rows at `indices`, in that order (indices must be in range; callers validate user positions).
    public func take(_ indices: [Int]) -> Column {
        let validity = self.validity.map { bits in Bitmap(indices.map { bits[$0] }) }
        switch values {
        case .int64(let v): return Column(dtype: dtype, values: .int64(gather(v, indices)), validity: validity)
        case .float64(let v): return Column(dtype: dtype, values: .float64(gather(v, indices)), validity: validity)
        case .bool(let v): return Column(dtype: dtype, values: .bool(gather(v, indices)), validity: validity)
        case .object(let v): return Column(dtype: dtype, values: .object(gather(v, indices)))
        case .string(let v):
            var out = StringArray()
            var total = 0
            for i in indices { total += v.byteCount(at: i) }
            out.reserve(count: indices.count, bytes: total)
            v.bytes.withUnsafeBufferPointer { bytes in
                for i in indices {
                    out.append(utf8: UnsafeBufferPointer(rebasing: bytes[v.offsets[i]..<v.offsets[i + 1]]))
                }
            }
            return Column(dtype: dtype, values: .string(out), validity: validity)
        }
    }

    /// Rows where `mask` is true, in order.
    public func filter(_ mask: [Bool]) -> Column {
        var indices: [Int] = []
        indices.reserveCapacity(mask.count)
        for (i, keep) in mask.enumerated() where keep { indices.append(i) }
        return take(indices)
    }

    /// Rows `range` (a contiguous slice).
    public func slice(_ range: Range<Int>) -> Column { take(Array(range)) }

    private func gather<T>(_ source: [T], _ indices: [Int]) -> [T] {
        source.withUnsafeBufferPointer { src in indices.map { src[$0] } }
    }

    /// Concatenates columns of one dtype (e.g. the batches of a result).
    public static func concatenate(_ parts: [Column]) throws -> Column {
        guard let first = parts.first else { throw BambooError.invariant("concatenate needs at least one column") }
        if parts.count == 1 { return first }
        var builder = ColumnBuilder(dtype: first.dtype, capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts {
            guard part.dtype == first.dtype else { throw BambooError.invariant("concatenate of \(first.dtype) and \(part.dtype)") }
            for i in 0..<part.count { try builder.append(part.scalar(at: i)) }
        }
        return builder.finish()
    }
}
