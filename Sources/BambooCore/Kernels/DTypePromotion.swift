/// The dtype pandas gives values of several dtypes put together (a row of a frame, a concat).
public enum DTypePromotion {
    /// `find_common_type`: equal dtypes stay; ints and floats meet at float64; anything else is object.
    /// The dtype of a column stacked from parts of `dtypes`, some parts possibly absent (filled with
    /// missing values): the common dtype, made able to hold a missing value (int64 → float64,
    /// bool → object) when a part is absent.
    public static func stacked(_ dtypes: [DType], someAbsent: Bool, numpyBlocks: Bool = false) throws -> DType {
        let dtype = numpyBlocks ? try blockwise(dtypes) : try common(dtypes)
        guard someAbsent, !dtype.canHoldMissing else { return dtype }
        return dtype == .int64 ? .float64 : .object
    }

    /// How a DataFrame's numpy blocks combine (pandas' frame `concat`): like ``common(_:)``, except
    /// that bools join ints or floats as numbers (numpy promotion) instead of making object.
    public static func blockwise(_ dtypes: [DType]) throws -> DType {
        let kinds = Set(dtypes)
        if kinds.contains(.bool) && kinds.isSubset(of: [.bool, .int64, .float64]) && kinds.count > 1 {
            return kinds.contains(.float64) ? .float64 : .int64
        }
        return try common(dtypes)
    }

    public static func common(_ dtypes: [DType]) throws -> DType {
        guard let first = dtypes.first else { return .object }
        if dtypes.allSatisfy({ $0 == first }) { return first }
        // Categoricals with different categories combine as their values do.
        if case .category = first, dtypes.allSatisfy({ if case .category = $0 { return true } else { return false } }) {
            let values = dtypes.flatMap { dtype -> [Scalar] in
                if case .category(let type) = dtype { return type.categories ?? [] }
                return []
            }
            return Column.infer(values).dtype
        }
        let numeric: Set<DType> = [.int64, .float64]
        if dtypes.allSatisfy({ numeric.contains($0) }) { return .float64 }
        let nullableNumeric: Set<DType> = [.int64, .float64, .nullableInt64, .nullableFloat64]
        if dtypes.allSatisfy({ nullableNumeric.contains($0) }) {
            return dtypes.contains { $0 == .float64 || $0 == .nullableFloat64 } ? .nullableFloat64 : .nullableInt64
        }
        return .object
    }
}
