import BambooCore
import BambooIO

/// Reads a CSV file into a frame (pandas: `pd.read_csv`).
///
/// ```swift
/// let sales = try readCSV("sales.csv", usecols: ["region", "amount"], dtype: ["amount": .float64])
/// ```
/// Types are inferred as pandas infers them (int64 that meets a missing value becomes float64;
/// True/False become bool; other text becomes str). Malformed input throws `parseError` naming the
/// line; a value that does not fit a requested dtype throws `castFailed` naming line and column.
public func readCSV(
    _ path: String, sep: String = ",", header: CSVHeader = .infer, names: [String]? = nil, usecols: [String]? = nil,
    dtype: [String: DType] = [:], parseDates: [String] = [], naValues: [String] = [], keepDefaultNa: Bool = true,
    nrows: Int? = nil, skiprows: [Int] = [], session: Session = .default
) throws -> DataFrame {
    var options = CSVReadOptions(sep: sep, names: names, usecols: usecols, dtype: dtype, parseDates: parseDates,
                                 naValues: naValues, keepDefaultNa: keepDefaultNa, nrows: nrows, skiprows: skiprows)
    switch header {
    case .infer: break
    case .none: options.header = nil
    case .row(let row): options.header = row
    }
    return try DataFrame(csv: CSVReader.read(path: path, options: options), origin: "read_csv('\(path)')", session: session)
}

/// Reads CSV text already in memory (pandas: `pd.read_csv(io.StringIO(text))`).
public func readCSV(text: String, options: CSVReadOptions = CSVReadOptions(), session: Session = .default) throws -> DataFrame {
    try DataFrame(csv: CSVReader.read(text: text, options: options), origin: "read_csv(<text>)", session: session)
}

/// Reads a CSV file with options given as a value (for programmatic use).
public func readCSV(_ path: String, options: CSVReadOptions, session: Session = .default) throws -> DataFrame {
    try DataFrame(csv: CSVReader.read(path: path, options: options), origin: "read_csv('\(path)')", session: session)
}

extension DataFrame {
    init(csv table: CSVTable, origin: String, session: Session) throws {
        try self.init(columns: Array(zip(table.labels, table.columns)).map { (label: $0.0, column: $0.1) },
                      session: session, origin: origin)
    }
}

/// pandas' `header=` for `read_csv`: `"infer"` (row 0 unless `names` is given), `None`, or a row.
public enum CSVHeader: Sendable, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    case infer
    case none
    case row(Int)

    public init(integerLiteral value: Int) { self = .row(value) }
    public init(nilLiteral: ()) { self = .none }
}
