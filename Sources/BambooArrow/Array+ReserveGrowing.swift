extension Array {
    /// Reserves room for `needed` elements, growing geometrically: an exact `reserveCapacity` per
    /// batch would copy the whole array again for every batch.
    mutating func reserveGrowing(_ needed: Int) {
        if needed > capacity { reserveCapacity(Swift.max(needed, capacity * 2)) }
    }
}
