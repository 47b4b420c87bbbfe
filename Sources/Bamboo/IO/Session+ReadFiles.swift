import BambooCore
import BambooIO
import BambooPlan

extension Session {
    /// Reads a CSV file where this session's backend runs (pandas: `pd.read_csv`; pandas-on-Spark:
    /// `ps.read_csv`). On Spark the cluster reads the path (a shared file system, HDFS, S3, ...):
    /// no row passes through this machine. Bamboo settles the dtypes first as pandas would infer
    /// them, in one pass over the file on the cluster, so the frame validates at once like any other.
    /// On an in-process session it is ``readCSV(_:sep:header:names:usecols:dtype:parseDates:naValues:keepDefaultNa:nrows:skiprows:session:)``.
    ///
    /// ```swift
    /// let spark = try Session.spark("sc://cluster:15002")
    /// let sales = try await spark.readCSV("s3a://bucket/sales.csv", parseDates: ["day"])
    /// print(try await sales.groupby("region").sum().collect())
    /// ```
    ///
    /// On Spark: one file, `header` 0 or none, one-character `sep`; `parseDates` columns are
    /// parsed as ISO dates and times. Spark splits the file by lines to read it in parallel, so a
    /// quoted field spanning lines needs `multiline: true` (the file is then read by one task).
    /// `nrows`, `skiprows` and `usecols` by position throw `unsupportedOnBackend`, as do empty
    /// fields with `keepDefaultNa: false` (Spark cannot tell them from missing).
    public func readCSV(_ path: String, sep: String = ",", header: CSVHeader = .infer, names: [String]? = nil, usecols: [String]? = nil,
                        dtype: [String: DType] = [:], parseDates: [String] = [], naValues: [String] = [],
                        keepDefaultNa: Bool = true, multiline: Bool = false) async throws -> DataFrame {
        var options = CSVReadOptions(sep: sep, names: names, usecols: usecols, dtype: dtype, parseDates: parseDates,
                                     naValues: naValues, keepDefaultNa: keepDefaultNa)
        switch header {
        case .infer: break
        case .none: options.header = nil
        case .row(let row): options.header = row
        }
        return try await readCSV(path, options: options, multiline: multiline)
    }

    /// ``readCSV(_:sep:header:names:usecols:dtype:parseDates:naValues:keepDefaultNa:multiline:)`` with options given as a value.
    public func readCSV(_ path: String, options: CSVReadOptions, multiline: Bool = false) async throws -> DataFrame {
        if backend.runsInProcess { return try Bamboo.readCSV(path, options: options, session: self) }
        func refuse(_ option: String) -> BambooError {
            BambooError(.unsupportedOnBackend, "read_csv(\(option)) is not supported when the \(backendName) backend reads the file; read it with readCSV(path, session:) (parsed here, then uploaded) instead.")
        }
        if options.nrows != nil { throw refuse("nrows=") }
        if !options.skiprows.isEmpty { throw refuse("skiprows=") }
        if options.usecolPositions != nil { throw refuse("usecols= with positions") }
        if let row = options.header, row != 0 { throw refuse("header=\(row)") }
        var request = FileScanRequest(format: .csv, path: path)
        request.separator = options.sep
        request.quote = options.quotechar
        request.multiline = multiline
        request.header = options.header != nil
        request.names = options.names
        request.usecols = options.usecols
        request.dtype = options.dtype
        request.defaultDtype = options.defaultDtype
        request.parseDates = options.parseDates
        request.naValues = (options.keepDefaultNa ? CSVReadOptions.defaultNaValues : []) + options.naValues
        request.naValuesByColumn = options.naValuesByColumn
        return DataFrame(session: self, plan: try LogicalPlan(.fileScan(try await backend.scan(request))))
    }

    /// Reads a Parquet file (or a folder of them) where this session's backend runs (pandas:
    /// `pd.read_parquet`): on Spark the cluster reads it and nothing passes through this machine.
    /// Rows come in file order (files in path order). Integer columns with missing values become
    /// float64, as pandas reads them.
    ///
    /// ```swift
    /// let events = try await spark.readParquet("hdfs:///logs/2026-11/", columns: ["user", "ts"])
    /// ```
    public func readParquet(_ path: String, columns: [String]? = nil) async throws -> DataFrame {
        if backend.runsInProcess {
            throw BambooError(.unsupportedOnBackend, "The \(backendName) backend does not read Parquet yet; read the file on a Spark session, or convert it to Feather (pandas: df.to_feather) and use readFeather.")
        }
        var request = FileScanRequest(format: .parquet, path: path)
        request.usecols = columns
        return DataFrame(session: self, plan: try LogicalPlan(.fileScan(try await backend.scan(request))))
    }
}
