import BambooCore

/// The options of `pandas.read_csv` that ``CSVReader`` understands, in lowerCamelCase.
///
/// ```swift
/// var options = CSVReadOptions()
/// options.sep = ";"
/// options.usecols = ["id", "price"]
/// options.dtype = ["id": .string]
/// options.parseDates = ["day"]
/// // pd.read_csv(path, sep=";", usecols=["id", "price"], dtype={"id": "str"}, parse_dates=["day"])
/// ```
public struct CSVReadOptions: Sendable {
    /// The field separator, one ASCII character (pandas `sep`, default `","`).
    public var sep: String = ","

    /// Which row (counted after `skiprows`, ignoring blank lines) holds the column names; rows
    /// before it are dropped. `nil` means there is no header row: columns are labelled `0..<n`
    /// (as `Scalar.int`) unless `names` are given.
    ///
    /// As in pandas, the default depends on `names`: without names it is `0`; with names it is
    /// `nil` (every row is data). Set it explicitly to `0` to replace an existing header row by `names`.
    public var header: Int? {
        get { explicitHeader ?? (names == nil ? 0 : nil) }
        set { explicitHeader = .some(newValue) }
    }
    private var explicitHeader: Int?? = nil

    /// Column labels to use instead of the header row's (pandas `names`); duplicates are an error.
    public var names: [String]? = nil

    /// The columns to keep, by label (pandas `usecols`); the result keeps the file's column order.
    /// With `header = nil` and no `names`, `"0"`, `"1"`, ... select columns by position.
    public var usecols: [String]? = nil

    /// Dtypes for named columns instead of inference (pandas `dtype={...}`); unknown labels are ignored.
    public var dtype: [String: DType] = [:]

    /// The dtype of every column not named in ``dtype`` (pandas `dtype="str"`); nil infers them.
    public var defaultDtype: DType? = nil

    /// The columns to keep, by position (pandas `usecols=[0, 2]`), instead of by label; positions
    /// beyond the table are an error.
    public var usecolPositions: [Int]? = nil

    /// Missing-value tokens for single columns (pandas `na_values={"a": [...]}`), in addition to
    /// ``naValues`` and, with ``keepDefaultNa``, pandas' defaults.
    public var naValuesByColumn: [String: [String]] = [:]

    /// Columns to parse as datetimes (pandas `parse_dates=[...]`). As in pandas 3.1, every value must
    /// have the layout of the first one (ISO `YYYY-MM-DD[ HH:MM[:SS[.f]]]`, `T` or space) or the column
    /// stays text; the unit is `us` (`ns` with more than six fractional digits; `s` when all are missing).
    public var parseDates: [String] = []

    /// Extra strings that mean "missing" (pandas `na_values`). Numeric tokens also match the
    /// same number written differently, as in pandas (`"1"` matches `1.0`).
    public var naValues: [String] = []

    /// Whether pandas' default missing-value tokens (`""`, `"NA"`, `"NaN"`, `"null"`, ...) apply
    /// (pandas `keep_default_na`).
    public var keepDefaultNa: Bool = true

    /// The number of data rows to read (pandas `nrows`); `nil` reads all.
    public var nrows: Int? = nil

    /// Record numbers to skip, 0-based, counted as pandas counts them: every record of the file
    /// including the header and blank lines, a quoted field spanning lines counting once (pandas `skiprows=[...]`).
    public var skiprows: [Int] = []

    /// The quote character, one ASCII character (pandas `quotechar`, default `"`). Inside quotes a
    /// doubled quote stands for one, and separators and line breaks are data.
    public var quotechar: String = "\""

    /// pandas' default missing-value tokens (`pandas._libs.parsers.STR_NA_VALUES`).
    public static let defaultNaValues: [String] = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]

    /// Options with pandas' defaults.
    public init() {}

    /// Options with pandas' defaults except the ones given. `header` is not a parameter because its
    /// default depends on `names`; set the property afterwards when you need it.
    public init(
        sep: String = ",", names: [String]? = nil, usecols: [String]? = nil, dtype: [String: DType] = [:],
        parseDates: [String] = [], naValues: [String] = [], keepDefaultNa: Bool = true, nrows: Int? = nil,
        skiprows: [Int] = [], quotechar: String = "\""
    ) {
        self.sep = sep
        self.names = names
        self.usecols = usecols
        self.dtype = dtype
        self.parseDates = parseDates
        self.naValues = naValues
        self.keepDefaultNa = keepDefaultNa
        self.nrows = nrows
        self.skiprows = skiprows
        self.quotechar = quotechar
    }
}
