extension Column {
    /// `isna()`: a bool column, True where the value is missing.
    public func isna() -> Column {
        Column(bool: (0..<count).map(isMissing))
    }

    /// `notna()`.
    public func notna() -> Column {
        Column(bool: (0..<count).map { !isMissing($0) })
    }

    /// `fillna(value)`: keeps the dtype when `value` fits it, otherwise upcasts as pandas does
    /// (float64 filled with a string becomes object; an int64 column has nothing to fill).
    public func fillna(_ value: Scalar) throws -> Column {
        if value.isMissing || hasNoMissing { return self }
        if let converted = try? Column.convert(value, to: dtype, from: Operand.dtype(of: value)), fits(value, converted) {
            var builder = ColumnBuilder(dtype: dtype, capacity: count)
            for i in 0..<count {
                if isMissing(i) { try builder.append(converted) } else { try builder.append(scalar(at: i)) }
            }
            return builder.finish()
        }
        if dtype.usesNA {
            throw BambooError(.typeMismatch, "Invalid value '\(value)' for dtype '\(dtype.name)'")
        }
        if case .category = dtype {
            throw BambooError(.typeMismatch, "Cannot setitem on a Categorical with a new category (\(value)), set the categories first")
        }
        return Column(dtype: .object, values: .object((0..<count).map { isMissing($0) ? value : scalar(at: $0) }))
    }

    /// Whether filling with `value` keeps the dtype (no loss, no change of kind).
    private func fits(_ value: Scalar, _ converted: Scalar) -> Bool {
        switch (dtype, value) {
        case (.object, _): return true
        case (.float64, .int), (.float64, .float), (.nullableFloat64, .int), (.nullableFloat64, .float): return true
        case (.nullableInt64, .int): return true
        case (.nullableInt64, .float(let x)): return x.rounded(.towardZero) == x
        case (.nullableBool, .bool), (.bool, .bool): return true
        case (.string, .string): return true
        case (.datetime, .datetime), (.timedelta, .timedelta): return true
        case (.category(let type), _): return type.categories?.contains(value) ?? false
        default: return false
        }
    }
}
