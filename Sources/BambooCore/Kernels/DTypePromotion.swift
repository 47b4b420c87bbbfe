/// The dtype pandas gives values of several dtypes put together (a row of a frame, a concat).
public enum DTypePromotion {
    /// `find_common_type`: equal dtypes stay; ints and floats meet at float64; anything else is object.
    public static func common(_ dtypes: [DType]) throws -> DType {
        guard let first = dtypes.first else { return .object }
        if dtypes.allSatisfy({ $0 == first }) { return first }
        let numeric: Set<DType> = [.int64, .float64]
        if dtypes.allSatisfy({ numeric.contains($0) }) { return .float64 }
        let nullableNumeric: Set<DType> = [.int64, .float64, .nullableInt64, .nullableFloat64]
        if dtypes.allSatisfy({ nullableNumeric.contains($0) }) {
            return dtypes.contains { $0 == .float64 || $0 == .nullableFloat64 } ? .nullableFloat64 : .nullableInt64
        }
        return .object
    }
}
