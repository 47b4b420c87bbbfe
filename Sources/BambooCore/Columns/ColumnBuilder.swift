/// Appends values of one dtype into the column's storage; used where values arrive one at a time
/// (CSV parsing, casts through scalars, object columns).
public struct ColumnBuilder: Sendable {
    public let dtype: DType
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var strings = StringArray()
    private var objects: [Scalar] = []
    private var valid: [Bool] = []
    private var anyMissing = false
    /// For `category`: the code of each category.
    private var categoryCodes: [Scalar: Int64] = [:]

    public init(dtype: DType, capacity: Int = 0) {
        self.dtype = dtype
        if case .category(let type) = dtype {
            for (code, category) in (type.categories ?? []).enumerated() { categoryCodes[category] = Int64(code) }
        }
        valid.reserveCapacity(capacity)
        switch Column.storageKind(of: dtype) {
        case .int64: ints.reserveCapacity(capacity)
        case .float64: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: strings.reserve(count: capacity, bytes: capacity * 8)
        case .object: objects.reserveCapacity(capacity)
        }
    }

    public mutating func appendInt(_ value: Int64) { ints.append(value); valid.append(true) }
    public mutating func appendFloat(_ value: Double) { floats.append(value); valid.append(true) }
    public mutating func appendBool(_ value: Bool) { bools.append(value); valid.append(true) }
    public mutating func appendString(_ value: String) { strings.append(value); valid.append(true) }
    public mutating func appendUTF8<C: Collection>(_ raw: C) where C.Element == UInt8 { strings.append(utf8: raw); valid.append(true) }
    public mutating func appendObject(_ value: Scalar) { objects.append(value); valid.append(true) }

    /// Appends the dtype's missing value.
    public mutating func appendMissing() {
        anyMissing = true
        valid.append(false)
        switch Column.storageKind(of: dtype) {
        case .int64: ints.append(0)
        case .float64: floats.append(.nan)
        case .bool: bools.append(false)
        case .string: strings.appendEmpty()
        case .object: objects.append(.none)
        }
    }

    /// Appends a scalar that already has this dtype's kind (a cast validated it); missing markers become missing.
    public mutating func append(_ scalar: Scalar) throws {
        if case .object = dtype { appendObject(scalar); return }
        if scalar.isMissing { appendMissing(); return }
        if case .category = dtype {
            guard let code = categoryCodes[scalar] else {
                throw BambooError(.typeMismatch, "Cannot setitem on a Categorical with a new category (\(scalar)), set the categories first")
            }
            appendInt(code)
            return
        }
        switch (Column.storageKind(of: dtype), scalar) {
        case (.int64, .int(let v)), (.int64, .datetime(let v, _, _)), (.int64, .timedelta(let v, _)): appendInt(v)
        case (.float64, .float(let v)): appendFloat(v)
        case (.float64, .int(let v)): appendFloat(Double(v))
        case (.bool, .bool(let v)): appendBool(v)
        case (.string, .string(let v)): appendString(v)
        default:
            throw BambooError.invariant("ColumnBuilder for \(dtype) received \(scalar.pythonRepr)")
        }
    }

    public var count: Int { valid.count }

    public func finish() -> Column {
        // float64 marks missing with NaN only; others keep the bitmap.
        let validity: Bitmap? = anyMissing && dtype != .float64 && dtype != .object ? Bitmap(valid) : nil
        switch Column.storageKind(of: dtype) {
        case .int64: return Column(dtype: dtype, values: .int64(ints), validity: validity)
        case .float64: return Column(dtype: dtype, values: .float64(floats), validity: validity)
        case .bool: return Column(dtype: dtype, values: .bool(bools), validity: validity)
        case .string: return Column(dtype: dtype, values: .string(strings), validity: validity)
        case .object: return Column(dtype: dtype, values: .object(objects))
        }
    }
}
