/// Python's `slice(start, stop, step).indices(count)`: the positions a slice selects.
public enum PythonSlice {
    public static func positions(start: Int?, stop: Int?, step: Int, count: Int) -> [Int] {
        guard step != 0 else { return [] }
        func clamp(_ value: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
            guard var v = value else { return defaultValue }
            if v < 0 { v += count }
            return Swift.min(Swift.max(v, low), high)
        }
        if step > 0 {
            let s = clamp(start, 0, low: 0, high: count)
            let e = clamp(stop, count, low: 0, high: count)
            return s < e ? Array(stride(from: s, to: e, by: step)) : []
        }
        let s = clamp(start, count - 1, low: -1, high: count - 1)
        let e = clamp(stop, -1, low: -1, high: count - 1)
        if stop == nil { return s > -1 ? Array(stride(from: s, to: -1, by: step)) : [] }
        return s > e ? Array(stride(from: s, to: e, by: step)) : []
    }
}
