import BambooCore

/// A file the backend reads itself, where it runs (a Spark cluster reading a path its executors
/// see), instead of rows parsed here and sent along: the leaf of a plan built by
/// `Session.readCSV`/`readParquet` on a remote session. The schema was settled when the frame was
/// built (``Backend/scan(_:)`` asked the backend), so the plan validates like any other.
public struct FileScan: Sendable {
    public enum Format: String, Sendable { case csv, parquet }

    /// How one column's text (CSV) or stored value (Parquet) becomes the field's dtype.
    public enum Conversion: Sendable, Equatable {
        /// Stored with the field's type already (Parquet).
        case stored
        /// CSV text kept as text (`str`).
        case text
        /// CSV text parsed as a number, bool or datetime of the field's dtype.
        case parse
    }

    public struct Column: Sendable {
        /// The column's position in the file (CSV) or its name there (Parquet).
        public var source: String
        /// CSV tokens that mean missing for this column (pandas' `na_values` and defaults).
        public var naTokens: [String]
        public var conversion: Conversion

        public init(source: String, naTokens: [String], conversion: Conversion) {
            self.source = source
            self.naTokens = naTokens
            self.conversion = conversion
        }
    }

    public var format: Format
    public var path: String
    /// The frame's schema: a RangeIndex and one field per read column.
    public var schema: Schema
    /// One per column field, in order.
    public var columns: [Column]
    /// CSV only: the field separator and quote character, whether the first line is a header to
    /// skip, and how many columns the file has.
    public var separator: String
    public var quote: String
    public var header: Bool
    /// CSV only: whether quoted fields may span lines (the file is then read by one task).
    public var multiline: Bool = false
    public var fileColumnCount: Int
    /// Rows in the file, when the backend counted them while settling the schema.
    public var rowCount: Int?

    public init(format: Format, path: String, schema: Schema, columns: [Column], separator: String = ",", quote: String = "\"",
                header: Bool = false, fileColumnCount: Int, rowCount: Int?) throws {
        guard columns.count == schema.columns.count, schema.index.fields.isEmpty else {
            throw BambooError.invariant("a file scan has \(columns.count) columns for \(schema.columns.count) fields")
        }
        self.format = format
        self.path = path
        self.schema = schema
        self.columns = columns
        self.separator = separator
        self.quote = quote
        self.header = header
        self.fileColumnCount = fileColumnCount
        self.rowCount = rowCount
    }

    /// `read_csv('path')`, as `explain()` and error messages name the frame's origin.
    public var origin: String { "read_\(format.rawValue)('\(path)') on the cluster" }
}

/// What `Session.readCSV`/`readParquet` asks a backend to read (pandas' keyword arguments), before
/// the schema is known.
public struct FileScanRequest: Sendable {
    public var format: FileScan.Format
    public var path: String
    /// CSV: the separator and quote character, whether the first line names the columns, and
    /// labels to use instead (`names`).
    public var separator: String = ","
    public var quote: String = "\""
    public var header: Bool = true
    /// Whether quoted fields may span lines (Spark then reads the file in one task).
    public var multiline: Bool = false
    public var names: [String]?
    /// Columns to keep, by label (`usecols` / Parquet `columns`); nil keeps all.
    public var usecols: [String]?
    /// Dtypes for named columns instead of inference (`dtype={...}`).
    public var dtype: [String: DType] = [:]
    /// The dtype of every column not named in `dtype` (`dtype="str"`); nil infers them.
    public var defaultDtype: DType?
    /// Columns to parse as datetimes (`parse_dates`).
    public var parseDates: [String] = []
    /// CSV tokens that mean missing in every column (`na_values` plus pandas' defaults unless
    /// `keep_default_na=False`) and in single columns.
    public var naValues: [String] = []
    public var naValuesByColumn: [String: [String]] = [:]

    public init(format: FileScan.Format, path: String) {
        self.format = format
        self.path = path
    }
}
