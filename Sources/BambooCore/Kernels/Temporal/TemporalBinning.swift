/// `resample`'s bins: `[edge, edge + step)` from `origin` (or `(edge, edge + step]` closed on the right).
public enum TemporalBinning {
    /// The bin number of `ticks`.
    public static func index(_ ticks: Int64, origin: Int64, step: Int64, closedRight: Bool) -> Int64 {
        let offset = ticks &- origin
        var index = offset / step
        if offset % step != 0 && offset < 0 { index -= 1 }  // floor division
        if closedRight && offset % step == 0 { index -= 1 }  // an edge belongs to the bin it closes
        return index
    }

    /// The label of `ticks`' bin: its left edge, or its right one.
    public static func label(_ ticks: Int64, origin: Int64, step: Int64, closedRight: Bool, labelRight: Bool) -> Int64 {
        let index = index(ticks, origin: origin, step: step, closedRight: closedRight)
        return origin &+ (labelRight ? index &+ 1 : index) &* step
    }
}
