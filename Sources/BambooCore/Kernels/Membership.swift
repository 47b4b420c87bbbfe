extension Column {
    /// `isin(values)`: True where the value is one of `values`, with pandas' rules for missing
    /// values: NaN matches NaN in float columns; in object columns only `None` matches `None`;
    /// a `str` column's missing value matches `None` or NaN; `pd.NA` matches `pd.NA` in the
    /// nullable dtypes (whose result is `boolean`). Numbers match across types (1 == 1.0 == True).
    public func isin(_ values: [Scalar]) -> Column {
        let wanted = Set(values.filter { !$0.isMissing })
        let missingMatches = Column.isinMatchesMissing(dtype: dtype, values: values)
        var out = [Bool](repeating: false, count: count)
        for i in 0..<count {
            if isMissing(i) {
                // An object column tells None from NaN: only None is found, and only by None.
                out[i] = dtype == .object ? scalar(at: i) == Scalar.none && values.contains(.none) : missingMatches
            } else {
                out[i] = wanted.contains(scalar(at: i))
            }
        }
        return Column(dtype: dtype.usesNA ? .nullableBool : .bool, values: .bool(out))
    }

    /// Whether `isin(values)` finds a missing value of a `dtype` column (not `object`, whose None
    /// and NaN differ): float64 missing values are NaN and found only by NaN; str ones by NaN or
    /// None; nullable dtypes' pd.NA only by pd.NA. Backends share this rule.
    public static func isinMatchesMissing(dtype: DType, values: [Scalar]) -> Bool {
        let wantsNaN = values.contains { if case .float(let x) = $0 { return x.isNaN } else { return false } }
        let wantsNone = values.contains(.none), wantsNA = values.contains(.na)
        switch dtype {
        case .float64: return wantsNaN
        case .string: return wantsNaN || wantsNone
        case .nullableInt64, .nullableFloat64, .nullableBool: return wantsNA
        default: return wantsNone || wantsNaN
        }
    }

    /// The number of distinct values (pandas' `nunique(dropna=)`); missing values count once when
    /// kept (an object column's `None` and NaN apart).
    public func nunique(dropna: Bool) -> Int {
        var seen = Set<Scalar>()
        var missing = Set<Scalar>()
        for i in 0..<count {
            if isMissing(i) {
                if !dropna { missing.insert(dtype == .object ? scalar(at: i) : missingScalar) }
            } else {
                seen.insert(scalar(at: i))
            }
        }
        return seen.count + missing.count
    }
}
