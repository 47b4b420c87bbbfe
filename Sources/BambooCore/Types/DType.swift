/// A column's data type, with the meaning pandas 3 gives it.
///
/// ```swift
/// DType.int64.name                                  // "int64"
/// DType.datetime(.us, tz: "Europe/Paris").name      // "datetime64[us, Europe/Paris]"
/// try DType(parsing: "Int64") == .nullableInt64     // true
/// ```
///
/// Missing values follow pandas: `float64` uses NaN; `int64` and `bool` cannot hold a missing value
/// (pandas upcasts to `float64` / `object`); `str` uses NaN semantics (pandas 3's default string
/// dtype); `Int64`, `boolean` and `Float64` use `pd.NA`; datetimes use `NaT`.
public enum DType: Sendable, Hashable, CustomStringConvertible {
    case int64
    case float64
    case bool
    /// pandas 3's default string dtype (`str`): UTF-8, missing values read as NaN.
    case string
    /// The nullable integer dtype `Int64`.
    case nullableInt64
    /// The nullable float dtype `Float64`.
    case nullableFloat64
    /// The nullable boolean dtype `boolean`.
    case nullableBool
    case datetime(TimeUnit, tz: String?)
    case timedelta(TimeUnit)
    /// Python objects; pandas produces it for mixed input.
    case object
    /// pandas' `category`: values drawn from `categories`, stored as int64 codes.
    case category(CategoryType)

    /// The name pandas prints, `str(dtype)`.
    public var name: String {
        switch self {
        case .int64: return "int64"
        case .float64: return "float64"
        case .bool: return "bool"
        case .string: return "str"
        case .nullableInt64: return "Int64"
        case .nullableFloat64: return "Float64"
        case .nullableBool: return "boolean"
        case .datetime(let unit, let tz):
            if let tz { return "datetime64[\(unit.rawValue), \(tz)]" }
            return "datetime64[\(unit.rawValue)]"
        case .timedelta(let unit): return "timedelta64[\(unit.rawValue)]"
        case .object: return "object"
        case .category: return "category"
        }
    }

    public var description: String { name }

    /// Parses the names pandas accepts in `astype` and `dtype=` (`"int64"`, `"int"`, `"float"`,
    /// `"Int64"`, `"string"`, `"datetime64[ns]"`, ...).
    public init(parsing text: String) throws {
        switch text {
        case "int64", "int", "i8", "long": self = .int64
        case "float64", "float", "f8", "double": self = .float64
        case "bool", "?": self = .bool
        case "str", "string", "String": self = .string
        case "Int64": self = .nullableInt64
        case "Float64": self = .nullableFloat64
        case "boolean": self = .nullableBool
        case "object", "O": self = .object
        case "category": self = .category(CategoryType(categories: nil, ordered: false))
        case "datetime64": self = .datetime(.us, tz: nil)
        case "timedelta64": self = .timedelta(.us)
        default:
            if let parsed = DType.parseTemporal(text) { self = parsed; return }
            throw BambooError(
                .typeMismatch,
                "data type '\(text)' not understood. Use one of int64, float64, bool, str, Int64, Float64, boolean, object, category, datetime64[unit], datetime64[unit, tz], timedelta64[unit].")
        }
    }

    private static func parseTemporal(_ text: String) -> DType? {
        func inner(_ prefix: String) -> String? {
            guard text.hasPrefix(prefix + "["), text.hasSuffix("]") else { return nil }
            return String(text.dropFirst(prefix.count + 1).dropLast())
        }
        if let body = inner("datetime64") {
            let parts = body.split(separator: ",", maxSplits: 1).map { $0.trimmingSpaces() }
            guard let unit = TimeUnit(rawValue: parts[0]) else { return nil }
            return .datetime(unit, tz: parts.count == 2 ? parts[1] : nil)
        }
        if let body = inner("timedelta64"), let unit = TimeUnit(rawValue: body) {
            return .timedelta(unit)
        }
        return nil
    }

    /// Numeric in pandas' sense (`is_numeric_dtype`): ints, floats and bools.
    public var isNumeric: Bool {
        switch self {
        case .int64, .float64, .bool, .nullableInt64, .nullableFloat64, .nullableBool: return true
        default: return false
        }
    }

    /// Whether missing values are `pd.NA` (the nullable extension dtypes).
    public var usesNA: Bool {
        switch self {
        case .nullableInt64, .nullableFloat64, .nullableBool: return true
        default: return false
        }
    }

    /// Whether this is a `category` dtype.
    public var isCategory: Bool {
        if case .category = self { return true }
        return false
    }

    /// A category whose known categories are all strings (`.str` methods run on its values).
    public var isStringCategory: Bool {
        guard case .category(let type) = self, let categories = type.categories else { return false }
        return categories.allSatisfy { if case .string = $0 { true } else { false } }
    }

    /// Whether the dtype can hold a missing value at all.
    public var canHoldMissing: Bool {
        switch self {
        case .int64, .bool: return false
        default: return true
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// The categories and order of a `category` dtype (pandas' `CategoricalDtype`).
///
/// `categories` is nil in a requested dtype (`astype("category")`), meaning "infer them from the
/// values": the distinct present values, sorted, as pandas infers them.
public struct CategoryType: Sendable, Hashable {
    public var categories: [Scalar]?
    public var ordered: Bool

    public init(categories: [Scalar]?, ordered: Bool = false) {
        self.categories = categories
        self.ordered = ordered
    }
}
