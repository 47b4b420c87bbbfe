extension Column {
    /// Builds a column from scalars, inferring the dtype as `pd.DataFrame({"a": values})` does.
    ///
    /// ```swift
    /// Column.infer([1, 2]).dtype            // int64
    /// Column.infer([1, nil]).dtype          // float64 (None becomes NaN)
    /// Column.infer(["x", nil]).dtype        // str
    /// Column.infer([true, nil]).dtype       // object
    /// ```
    public static func infer(_ scalars: [Scalar]) -> Column {
        var ints = 0, floats = 0, nans = 0, nones = 0, nas = 0, nats = 0, bools = 0, strings = 0
        var datetimes = 0, timedeltas = 0
        var datetimeZone: String?? = nil
        var finestUnit: TimeUnit = .s
        for scalar in scalars {
            switch scalar {
            case .int: ints += 1
            case .float(let v): if v.isNaN { nans += 1 } else { floats += 1 }
            case .none: nones += 1
            case .tuple, .list, .date, .time: break  // tuples, lists, dates and times only ever make object columns
            case .na: nas += 1
            case .nat: nats += 1
            case .bool: bools += 1
            case .string: strings += 1
            case .datetime(_, let unit, let tz):
                datetimes += 1
                if datetimeZone == nil { datetimeZone = .some(tz) } else if datetimeZone != .some(tz) { datetimeZone = .some("mixed") }
                if unit.ticksPerSecond > finestUnit.ticksPerSecond { finestUnit = unit }
            case .timedelta(_, let unit):
                timedeltas += 1
                if unit.ticksPerSecond > finestUnit.ticksPerSecond { finestUnit = unit }
            }
        }
        let total = scalars.count
        if total == 0 { return Column(float64: []) }
        if strings > 0 && strings + nans + nones + nas == total {
            return Column(strings: scalars.map { if case .string(let s) = $0 { return s } else { return nil } })
        }
        if bools == total { return Column(bool: scalars.map { if case .bool(let b) = $0 { return b } else { return false } }) }
        if ints == total { return Column(int64: scalars.map { if case .int(let v) = $0 { return v } else { return 0 } }) }
        if ints + floats + nans + nones == total && nones + nans < total || (nans > 0 && nans + nones == total) {
            return Column(float64: scalars.map { $0.doubleValue ?? .nan })
        }
        // `datetimeZone` is nil before the first datetime, .some(nil) for naive ones.
        if datetimes > 0 && datetimes + nats + nones + nans == total, let zone = datetimeZone, zone != "mixed" {
            return temporal(scalars, dtype: .datetime(finestUnit, tz: zone))
        }
        if timedeltas > 0 && timedeltas + nats + nones + nans == total {
            return temporal(scalars, dtype: .timedelta(finestUnit))
        }
        return Column(dtype: .object, values: .object(scalars))
    }

    private static func temporal(_ scalars: [Scalar], dtype: DType) -> Column {
        let unit: TimeUnit
        switch dtype {
        case .datetime(let u, _), .timedelta(let u): unit = u
        default: unit = .us
        }
        var values = [Int64](repeating: 0, count: scalars.count)
        var valid = [Bool](repeating: false, count: scalars.count)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case .datetime(let ticks, let u, _), .timedelta(let ticks, let u):
                values[i] = ticks &* (unit.ticksPerSecond / u.ticksPerSecond)
                valid[i] = true
            default: break
            }
        }
        return Column(dtype: dtype, values: .int64(values), validity: Bitmap(valid))
    }

    /// Builds a column of `dtype` from scalars, converting as `pd.Series(values, dtype=dtype)` does.
    public static func build(_ scalars: [Scalar], dtype: DType) throws -> Column {
        if dtype == .object { return Column(dtype: .object, values: .object(scalars)) }
        // Categories come from the values as given (ints stay ints even beside a missing value).
        if case .category(let type) = dtype {
            return try Column(dtype: .object, values: .object(scalars)).encodedAsCategory(type)
        }
        // Text comes from the values as given: 1 becomes "1", not "1.0" via a float column.
        if dtype == .string { return try Column(dtype: .object, values: .object(scalars)).astype(.string) }
        let inferred = infer(scalars)
        // Construction is stricter than astype: pandas refuses to truncate floats into ints here.
        if dtype == .int64 || dtype == .nullableInt64, case .float64(let values) = inferred.values {
            if values.contains(where: { $0.isFinite && $0.rounded(.towardZero) != $0 }) {
                throw BambooError(.castFailed, "Trying to coerce float values to integers")
            }
        }
        if dtype == .nullableBool, case .int64(let values) = inferred.values, values.contains(where: { $0 != 0 && $0 != 1 }) {
            throw BambooError(.typeMismatch, "Need to pass bool-like values")
        }
        return try inferred.astype(dtype)
    }
}
