import BambooCore

/// An Arrow logical type, as far as Bamboo reads and writes it.
///
/// ```swift
/// ArrowType.timestamp(.us, timeZone: "UTC").description   // "timestamp[us, tz=UTC]"
/// ```
/// A `list` becomes an object column of ``Scalar/list(_:)`` values (pandas' `to_pandas` gives
/// Python lists or arrays there). Types Bamboo cannot turn into a column (structs, decimals, ...) arrive as
/// ``unsupported(name:layout:)``: a stream holding them still reads, as long as those columns
/// are not asked for.
public enum ArrowType: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(bitWidth: Int, signed: Bool)
    case floatingPoint(ArrowFloatPrecision)
    case bool
    case utf8
    case largeUtf8
    case date(ArrowDateUnit)
    case timestamp(TimeUnit, timeZone: String?)
    case duration(TimeUnit)
    /// A variable-size list; its item type is the field's one child.
    case list
    /// A type Bamboo does not decode, with the buffer layout needed to skip it.
    case unsupported(name: String, layout: ArrowBufferLayout)

    public var description: String {
        switch self {
        case .null: return "null"
        case .int(let bits, let signed): return "\(signed ? "int" : "uint")\(bits)"
        case .floatingPoint(.half): return "halffloat"
        case .floatingPoint(.single): return "float"
        case .floatingPoint(.double): return "double"
        case .bool: return "bool"
        case .utf8: return "string"
        case .largeUtf8: return "large_string"
        case .date(.day): return "date32[day]"
        case .date(.millisecond): return "date64[ms]"
        case .timestamp(let unit, let tz): return "timestamp[\(unit.rawValue)\(tz.map { ", tz=\($0)" } ?? "")]"
        case .duration(let unit): return "duration[\(unit.rawValue)]"
        case .list: return "list"
        case .unsupported(let name, _): return name
        }
    }

    /// Buffers an array of this type holds in an IPC body, children excluded.
    var layout: ArrowBufferLayout {
        switch self {
        case .null: return .buffers(0)
        case .utf8, .largeUtf8: return .buffers(3)
        case .int, .floatingPoint, .bool, .date, .timestamp, .duration, .list: return .buffers(2)
        case .unsupported(_, let layout): return layout
        }
    }
}

/// How many body buffers an array uses (before its children's).
public enum ArrowBufferLayout: Sendable, Hashable {
    case buffers(Int)
    /// Binary/UTF-8 views: validity and views, then as many data buffers as the batch's
    /// `variadicBufferCounts` says.
    case views
}

/// Arrow's `Precision`: float16, float32, float64.
public enum ArrowFloatPrecision: Int16, Sendable, Hashable { case half = 0, single = 1, double = 2 }

/// Arrow's `DateUnit`: date32 counts days, date64 milliseconds.
public enum ArrowDateUnit: Int16, Sendable, Hashable { case day = 0, millisecond = 1 }

extension TimeUnit {
    /// Arrow's `TimeUnit` enum value (SECOND = 0 ... NANOSECOND = 3).
    init?(arrowCode: Int16) {
        switch arrowCode {
        case 0: self = .s
        case 1: self = .ms
        case 2: self = .us
        case 3: self = .ns
        default: return nil
        }
    }

    var arrowCode: Int16 {
        switch self {
        case .s: return 0
        case .ms: return 1
        case .us: return 2
        case .ns: return 3
        }
    }
}
