/// A typed, contiguous column of values with an optional validity bitmap.
///
/// How a missing value is stored depends on the dtype, as in pandas/numpy:
/// - `float64`: NaN in the values (there is no separate null); `validity` is nil.
/// - `int64`, `bool`: cannot be missing; `validity` is nil.
/// - `str`, `Int64`, `Float64`, `boolean`, datetimes, timedeltas: a cleared validity bit.
/// - `object`: each element is a ``Scalar`` that may itself be `None`, NaN, `pd.NA` or `NaT`.
///
/// ```swift
/// let prices = Column(float64: [1.5, .nan, 3.0])
/// prices.isMissing(1)   // true
/// ```
public struct Column: Sendable {
    public enum Values: Sendable {
        case int64([Int64])
        case float64([Double])
        case bool([Bool])
        case string(StringArray)
        case object([Scalar])
    }

    public let dtype: DType
    public let values: Values
    /// Cleared bits mark missing rows; nil means no row is missing (or, for float64, NaN marks them).
    public let validity: Bitmap?
    public let count: Int

    /// Builds a column; the caller guarantees that `values` is the storage `dtype` uses.
    public init(dtype: DType, values: Values, validity: Bitmap? = nil) {
        self.dtype = dtype
        self.values = values
        switch values {
        case .int64(let v): count = v.count
        case .float64(let v): count = v.count
        case .bool(let v): count = v.count
        case .string(let v): count = v.count
        case .object(let v): count = v.count
        }
        // A validity bitmap with every bit set carries no information; dropping it keeps fast paths fast.
        self.validity = (validity?.allSet ?? true) ? nil : validity
    }

    public init(int64 values: [Int64]) { self.init(dtype: .int64, values: .int64(values)) }
    public init(float64 values: [Double]) { self.init(dtype: .float64, values: .float64(values)) }
    public init(bool values: [Bool]) { self.init(dtype: .bool, values: .bool(values)) }

    /// A `str` column; nil elements are missing.
    public init(strings: [String?]) {
        var array = StringArray()
        var valid = [Bool](repeating: true, count: strings.count)
        for (i, string) in strings.enumerated() {
            if let string { array.append(string) } else { array.appendEmpty(); valid[i] = false }
        }
        self.init(dtype: .string, values: .string(array), validity: Bitmap(valid))
    }

    /// The storage a dtype uses.
    public static func storageKind(of dtype: DType) -> StorageKind {
        switch dtype {
        case .int64, .nullableInt64, .datetime, .timedelta, .category: return .int64
        case .float64, .nullableFloat64: return .float64
        case .bool, .nullableBool: return .bool
        case .string: return .string
        case .object: return .object
        }
    }

    public enum StorageKind: Sendable { case int64, float64, bool, string, object }

    /// `pd.isna` for row `index`.
    @inline(__always)
    public func isMissing(_ index: Int) -> Bool {
        if let validity, !validity[index] { return true }
        switch values {
        case .float64(let v): return v[index].isNaN
        case .object(let v): return v[index].isMissing
        default: return false
        }
    }

    /// True when no row is missing.
    public var hasNoMissing: Bool {
        if validity != nil { return false }
        switch values {
        case .float64(let v): return !v.contains { $0.isNaN }
        case .object(let v): return !v.contains { $0.isMissing }
        default: return true
        }
    }

    /// The missing marker pandas shows for this dtype.
    public var missingScalar: Scalar {
        switch dtype {
        case .float64, .string: return .float(.nan)
        case .nullableInt64, .nullableFloat64, .nullableBool: return .na
        case .datetime, .timedelta: return .nat
        case .category: return .float(.nan)
        case .int64, .bool, .object: return .none
        }
    }

    /// Row `index` as a scalar, with pandas' missing marker for the dtype.
    public func scalar(at index: Int) -> Scalar {
        if case .object(let v) = values { return v[index] }
        if isMissing(index) { return missingScalar }
        switch (values, dtype) {
        case (.int64(let v), .datetime(let unit, let tz)): return .datetime(v[index], unit, tz: tz)
        case (.int64(let v), .timedelta(let unit)): return .timedelta(v[index], unit)
        case (.int64(let v), .category(let type)):
            let code = Int(v[index])
            guard let categories = type.categories, code >= 0, code < categories.count else { return .float(.nan) }
            return categories[code]
        case (.int64(let v), _): return .int(v[index])
        case (.float64(let v), _): return .float(v[index])
        case (.bool(let v), _): return .bool(v[index])
        case (.string(let v), _): return .string(v[index])
        case (.object(let v), _): return v[index]
        }
    }

    /// All rows as scalars (for display, tests and small results; not for hot paths).
    public var scalars: [Scalar] { (0..<count).map(scalar(at:)) }

    /// A column of `count` missing values of `dtype` (`int64`/`bool` cannot be missing: callers upcast first).
    public static func allMissing(_ dtype: DType, count: Int) -> Column {
        let validity = Bitmap(repeating: false, count: count)
        switch storageKind(of: dtype) {
        case .int64: return Column(dtype: dtype, values: .int64(Array(repeating: 0, count: count)), validity: validity)
        case .float64:
            return Column(dtype: dtype, values: .float64(Array(repeating: .nan, count: count)),
                          validity: dtype == .float64 ? nil : validity)
        case .bool: return Column(dtype: dtype, values: .bool(Array(repeating: false, count: count)), validity: validity)
        case .string:
            var strings = StringArray()
            for _ in 0..<count { strings.appendEmpty() }
            return Column(dtype: dtype, values: .string(strings), validity: validity)
        // pandas fills object rows it had no value for with NaN (reindexing, outer concat).
        case .object: return Column(dtype: dtype, values: .object(Array(repeating: .float(.nan), count: count)))
        }
    }
}
