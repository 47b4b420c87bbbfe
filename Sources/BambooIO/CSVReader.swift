import BambooCore
import Foundation

/// `pandas.read_csv` for the common options: reads CSV text into typed columns.
///
/// ```swift
/// let table = try CSVReader.read(text: "a,b\n1,x\n2,\n", options: CSVReadOptions())
/// table.labels                  // ["a", "b"]
/// table.columns[0].dtype        // int64
/// table.columns[1].scalars      // ["x", nan]  (str with a missing value)
/// ```
///
/// Malformed input throws a `.parseError` naming the line: a row with more fields than the header,
/// an unterminated quote, bytes that are not UTF-8, or no columns at all. Rows with fewer fields
/// are padded with missing values, as pandas pads them.
public enum CSVReader {
    /// `pd.read_csv(path, ...)`: reads a UTF-8 file; a missing or unreadable file throws `.io`.
    ///
    /// ```swift
    /// let table = try CSVReader.read(path: "prices.csv", options: CSVReadOptions(parseDates: ["day"]))
    /// ```
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> CSVTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BambooError(.io, "[Errno 2] No such file or directory: '\(path)'")
        }
        guard !isDirectory.boolValue else { throw BambooError(.io, "[Errno 21] Is a directory: '\(path)'") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw BambooError(.io, "Could not read '\(path)': \(error.localizedDescription)")
        }
        return try data.withUnsafeBytes { raw in
            try read(bytes: raw.bindMemory(to: UInt8.self), validateUTF8: true, options: options)
        }
    }

    /// `pd.read_csv(io.StringIO(text), ...)`.
    ///
    /// ```swift
    /// var options = CSVReadOptions()
    /// options.header = nil
    /// let table = try CSVReader.read(text: "1,2\n3,4\n", options: options)   // labels [0, 1]
    /// ```
    public static func read(text: String, options: CSVReadOptions = CSVReadOptions()) throws -> CSVTable {
        var text = text
        return try text.withUTF8 { try read(bytes: $0, validateUTF8: false, options: options) }
    }

    /// Reads CSV bytes; `validateUTF8` is false only for bytes that come from a Swift `String`.
    static func read(bytes: UnsafeBufferPointer<UInt8>, validateUTF8: Bool, options: CSVReadOptions) throws -> CSVTable {
        let (separator, quote) = try validate(options)
        var input = bytes
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            input = UnsafeBufferPointer(rebasing: input[3...])
        }
        if validateUTF8 { try UTF8Validation.validate(input) }
        var records = CSVRecords(
            tokenizer: CSVTokenizer(input: input, separator: separator, quote: quote), skip: Set(options.skiprows))

        // The header row, if any: the `header`-th record that is not skipped.
        var headerFieldCount: Int?
        var headerNames: [String]?
        if let header = options.header {
            var seen = 0
            while let _ = try records.next() {
                if seen == header { break }
                seen += 1
            }
            guard seen == header, records.current != nil else {
                if seen == 0 { throw BambooError(.parseError, "No columns to parse from file") }
                throw BambooError(.parseError, "Passed header=\(header) but only \(seen) lines in file")
            }
            headerFieldCount = records.fields.count
            headerNames = records.fields.map { records.tokenizer.string($0) }
        }

        // The first data row decides the column count when there is neither header nor names.
        let wantsRows = options.nrows.map { $0 > 0 } ?? true
        var firstRecord: Int? = nil
        if wantsRows || (headerNames == nil && options.names == nil) {
            firstRecord = try records.next()
        }
        let firstFieldCount = firstRecord == nil ? nil : records.fields.count

        // Labels, and the header name each came from (for `dtype` on renamed duplicates).
        var labels: [Scalar]
        var dtypeKeys: [[String]]
        if let names = options.names {
            guard Set(names).count == names.count else {
                throw BambooError(.invalidArgument, "Duplicate names are not allowed.")
            }
            labels = names.map { .string($0) }
            dtypeKeys = names.map { [$0] }
        } else if let headerNames {
            let cleaned = CSVLabels.fromHeader(headerNames)
            labels = cleaned.map { .string($0.label) }
            dtypeKeys = cleaned.map { $0.label == $0.original ? [$0.label] : [$0.label, $0.original] }
        } else if let firstFieldCount {
            labels = (0..<firstFieldCount).map { .int(Int64($0)) }
            dtypeKeys = (0..<firstFieldCount).map { ["\($0)"] }
        } else {
            throw BambooError(.parseError, "No columns to parse from file")
        }
        let labelKeys = labels.map(CSVLabels.key)

        // usecols: keep the file's order.
        var selected = Array(labels.indices)
        if let usecols = options.usecols {
            let available = Set(labelKeys)
            var missing: [String] = []
            for name in usecols where !available.contains(name) && !missing.contains(name) { missing.append(name) }
            guard missing.isEmpty else {
                let listed = missing.map { Scalar.string($0).pythonRepr }.joined(separator: ", ")
                throw BambooError(
                    .columnNotFound,
                    "Usecols do not match columns, columns expected but not found: [\(listed)]. The file has \(labelKeys.count) column(s): \(labelKeys.prefix(8).map { Scalar.string($0).pythonRepr }.joined(separator: ", "))\(labelKeys.count > 8 ? ", ..." : "").",
                    suggestions: missing.count == 1 ? ClosestNames.rank(missing[0], among: labelKeys) : [])
            }
            let wanted = Set(usecols)
            selected = labels.indices.filter { wanted.contains(labelKeys[$0]) }
        }
        let selectedKeys = selected.map { labelKeys[$0] }
        for name in options.parseDates where !selectedKeys.contains(name) {
            throw BambooError(
                .columnNotFound, "Missing column provided to 'parse_dates': '\(name)'",
                suggestions: ClosestNames.rank(name, among: selectedKeys))
        }

        // Data rows.
        var spans = [[FieldSpan]](repeating: [], count: selected.count)
        var rowRecords: [Int] = []
        let limit = options.nrows ?? Int.max
        var expected = headerFieldCount ?? options.names?.count ?? firstFieldCount ?? 0
        let checkRagged = options.usecols == nil
        if let first = firstRecord, wantsRows {
            let count = records.fields.count
            if checkRagged, count > labels.count {
                throw BambooError(
                    .parseError,
                    "Line \(first + 1) has \(count) fields but there are \(labels.count) column names; pandas would read the first \(count - labels.count) field(s) of every row as the index (an implicit index_col), which Bamboo's CSV reader does not support. Name every column in the header, or pass usecols.")
            }
            expected = max(expected, count)
            var record: Int? = first
            while let current = record, rowRecords.count < limit {
                let fields = records.fields
                if checkRagged, fields.count > expected, current != first {
                    throw BambooError(
                        .parseError,
                        "Error tokenizing data. C error: Expected \(expected) fields in line \(current + 1), saw \(fields.count)")
                }
                for (slot, position) in selected.enumerated() {
                    spans[slot].append(position < fields.count ? fields[position] : .empty)
                }
                rowRecords.append(current)
                if rowRecords.count >= limit { break }
                record = try records.next()
            }
        }

        // Columns.
        let arena = records.tokenizer.arena
        let parseDates = Set(options.parseDates)
        let columns: [Column] = try arena.withUnsafeBufferPointer { arenaBytes in
            let context = CSVConversionContext(
                source: CSVFieldSource(input: input, arena: arenaBytes),
                missing: CSVMissingValues(options: options), rowRecords: rowRecords)
            return try selected.indices.map { slot in
                let position = selected[slot]
                let key = labelKeys[position]
                let columnSpans = spans[slot]
                let dtype = dtypeKeys[position].lazy.compactMap { options.dtype[$0] }.first
                if parseDates.contains(key), !columnSpans.isEmpty {
                    if let dates = CSVDateParsing.parse(columnSpans, context) { return dates }
                    if let dtype { return try CSVDtypeConversion.convert(columnSpans, to: dtype, label: key, context) }
                    return CSVTypeInference.strings(columnSpans, context)
                }
                if let dtype { return try CSVDtypeConversion.convert(columnSpans, to: dtype, label: key, context) }
                return CSVTypeInference.infer(columnSpans, context)
            }
        }
        return CSVTable(labels: selected.map { labels[$0] }, columns: columns)
    }

    /// The separator and quote bytes, after checking the options pandas would reject.
    private static func validate(_ options: CSVReadOptions) throws -> (UInt8, UInt8) {
        func singleByte(_ text: String, _ name: String) throws -> UInt8 {
            let bytes = Array(text.utf8)
            guard bytes.count == 1, let byte = bytes.first, byte < 0x80, byte != 10, byte != 13 else {
                throw BambooError(
                    .invalidArgument,
                    "\(name) must be a single ASCII character other than a line break, got \(Scalar.string(text).pythonRepr). Regular-expression and multi-character separators (pandas' python engine) are not supported.")
            }
            return byte
        }
        let separator = try singleByte(options.sep, "sep")
        let quote = try singleByte(options.quotechar, "quotechar")
        guard separator != quote else {
            throw BambooError(.invalidArgument, "sep and quotechar must differ, both are \(Scalar.string(options.sep).pythonRepr).")
        }
        if let nrows = options.nrows, nrows < 0 {
            throw BambooError(.invalidArgument, "'nrows' must be an integer >=0")
        }
        if let header = options.header, header < 0 {
            throw BambooError(.invalidArgument, "Passing negative integer to header is invalid. For no header, use header=None instead")
        }
        return (separator, quote)
    }
}

/// The records of the input that `skiprows` keeps, one at a time.
struct CSVRecords {
    var tokenizer: CSVTokenizer
    let skip: Set<Int>
    /// The fields of the record last returned by ``next()``.
    private(set) var fields: [FieldSpan] = []
    private(set) var current: Int?

    init(tokenizer: CSVTokenizer, skip: Set<Int>) {
        self.tokenizer = tokenizer
        self.skip = skip
        fields.reserveCapacity(64)
    }

    /// The next kept record's number, with its fields in ``fields``; nil at the end.
    mutating func next() throws -> Int? {
        while let record = try tokenizer.next(into: &fields) {
            if skip.contains(record) { continue }
            current = record
            return record
        }
        current = nil
        return nil
    }
}
