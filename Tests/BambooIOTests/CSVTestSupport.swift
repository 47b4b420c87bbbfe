import BambooCore
import Testing
@testable import BambooIO

/// One `read_csv` call and what pandas returned (see CSVReaderPandasCases.swift).
struct ReaderCase: Sendable, CustomTestStringConvertible {
    let id: String
    let csv: String
    /// The pandas call the expectations came from.
    let pandas: String
    let options: CSVReadOptions
    /// `repr` of each column label.
    let labels: [String]
    /// `str(df[c].dtype)` of each column.
    let dtypes: [String]
    /// Each column's values as rendered by ``render(_:)`` (Python `repr`, `str` for timestamps).
    let values: [[String]]
    var testDescription: String { id }
}

/// A `read_csv` call pandas rejects, and the error Bamboo must throw.
struct ReaderErrorCase: Sendable, CustomTestStringConvertible {
    let id: String
    let csv: String
    let options: CSVReadOptions
    let code: BambooError.Code
    /// pandas' own message, for reference.
    let pandasMessage: String
    /// Text Bamboo's message must contain.
    let contains: String
    var testDescription: String { id }
}

/// `read_csv(...).to_csv(...)` and the text pandas wrote.
struct RoundTripCase: Sendable, CustomTestStringConvertible {
    let id: String
    let csv: String
    let pandas: String
    let read: CSVReadOptions
    let write: CSVWriteOptions
    let expected: String
    var testDescription: String { id }
}

/// A frame built in Swift and in pandas, and the text pandas' `to_csv` wrote.
struct WriterCase: Sendable, CustomTestStringConvertible {
    let id: String
    let pandas: String
    let labels: [Scalar]
    let columns: @Sendable () throws -> [Column]
    let indexNames: [Scalar?]
    let indexColumns: @Sendable () throws -> [Column]
    let options: CSVWriteOptions
    let expected: String
    var testDescription: String { id }
}

extension CSVReadOptions {
    static func with(_ change: (inout CSVReadOptions) -> Void) -> CSVReadOptions {
        var options = CSVReadOptions()
        change(&options)
        return options
    }
}

extension CSVWriteOptions {
    static func with(_ change: (inout CSVWriteOptions) -> Void) -> CSVWriteOptions {
        var options = CSVWriteOptions()
        change(&options)
        return options
    }
}

/// A cell as the generator renders pandas' values: `repr` for numbers, bools and strings,
/// `str` for timestamps, `nan`/`NaT`/`<NA>`/`None` for the missing markers.
func render(_ scalar: Scalar) -> String {
    switch scalar {
    case .string(let text): return pythonStringRepr(text)
    case .datetime(let ticks, let unit, nil): return timestampString(ticks, unit: unit)
    default: return scalar.description
    }
}

/// `str(pd.Timestamp)`: no fraction when whole seconds, else six digits, nine when nanoseconds are set.
/// (Core's `TemporalFormatter.timestamp` pads to the unit's width instead.)
func timestampString(_ ticks: Int64, unit: TimeUnit) -> String {
    let perSecond = unit.ticksPerSecond
    var seconds = ticks / perSecond
    var fraction = ticks % perSecond
    if fraction < 0 { fraction += perSecond; seconds -= 1 }
    let base = TemporalFormatter.timestamp(seconds, unit: .s, tz: nil)
    guard fraction != 0 else { return base }
    let nanos = fraction * (1_000_000_000 / perSecond)
    if nanos % 1000 == 0 {
        let micros = String(nanos / 1000)
        return base + "." + String(repeating: "0", count: 6 - micros.count) + micros
    }
    let text = String(nanos)
    return base + "." + String(repeating: "0", count: 9 - text.count) + text
}

/// Python's `repr(str)` for the strings the cases use (quotes, backslash escapes).
func pythonStringRepr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote { out += "\\" + String(quote) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + String(quote)
}

func rendered(_ column: Column) -> [String] { column.scalars.map(render) }
