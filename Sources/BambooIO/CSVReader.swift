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
            tokenizer: CSVTokenizer(input: input, separator: separator, quote: quote, skip: Set(options.skiprows)))

        let header = try readHeader(&records, options: options)
        // The first data row is always read, as pandas does: it gives the column count when there is
        // neither header nor names, and reveals an implicit index column.
        let wantsRows = options.nrows.map { $0 > 0 } ?? true
        let firstRecord = try records.next()
        let firstFieldCount = firstRecord == nil ? nil : records.fields.count
        let layout = try CSVLayout(options: options, headerNames: header?.names, firstFieldCount: firstFieldCount)

        var spans = [[FieldSpan]](repeating: [], count: layout.selected.count)
        var rowLines = CSVRowLines()
        if let firstRecord, wantsRows {
            let (rowCount, widestRow) = try collectRows(
                from: &records, first: firstRecord, layout: layout, headerFieldCount: header?.fieldCount,
                options: options, into: &spans, rowLines: &rowLines)
            try CSVLayout.checkNames(options, headerFieldCount: header?.fieldCount, widestRow: widestRow, rowCount: rowCount)
        }

        let arena = records.tokenizer.arena
        let columns = try arena.withUnsafeBufferPointer { arenaBytes in
            let context = CSVConversionContext(
                source: CSVFieldSource(input: input, arena: arenaBytes),
                missing: CSVMissingValues(options: options), rowLines: rowLines)
            return try convertColumns(&spans, layout: layout, options: options, context)
        }
        return CSVTable(labels: layout.selected.map { layout.labels[$0] }, columns: columns)
    }

    /// The header row's names and field count, or nil with `header = nil` (or an empty input with `names`).
    private static func readHeader(_ records: inout CSVRecords, options: CSVReadOptions) throws -> (names: [String], fieldCount: Int)? {
        guard let header = options.header else { return nil }
        var seen = 0
        while try records.next() != nil {
            if seen == header {
                return (records.fields.map { records.tokenizer.string($0) }, records.fields.count)
            }
            seen += 1
        }
        if seen > 0 { throw BambooError(.parseError, "Passed header=\(header) but only \(seen) lines in file") }
        if options.names == nil { throw BambooError(.parseError, "No columns to parse from file") }
        return nil
    }

    /// Collects the kept fields of every data row (up to `nrows`), checking rows as pandas' tokenizer
    /// does: the first row may not be wider than the labels (pandas would make an index of the extra
    /// fields), later rows may not be wider than the header or the first row; short rows are padded.
    /// Returns the number of rows and the most fields a row had.
    private static func collectRows(
        from records: inout CSVRecords, first: Int, layout: CSVLayout, headerFieldCount: Int?,
        options: CSVReadOptions, into spans: inout [[FieldSpan]], rowLines: inout CSVRowLines
    ) throws -> (rows: Int, widest: Int) {
        let checkRagged = options.usecols == nil
        let firstCount = records.fields.count
        let widest = max(firstCount, headerFieldCount ?? 0)
        if widest > layout.labels.count {
            throw BambooError(
                .parseError,
                "Line \(first + 1) has \(widest) fields but there are \(layout.labels.count) column names; pandas would read the first \(widest - layout.labels.count) field(s) of every row as the index (an implicit index_col), which Bamboo's CSV reader does not support. Name every column in the header.")
        }
        let expected = max(headerFieldCount ?? options.names?.count ?? firstCount, firstCount)
        let limit = options.nrows ?? Int.max
        let selected = layout.selected
        let dataStart = records.tokenizer.position
        let inputCount = records.tokenizer.input.count
        var rowCount = 0
        var widestRow = 0
        var record: Int? = first
        while let current = record, rowCount < limit {
            let fields = records.fields
            widestRow = max(widestRow, fields.count)
            if checkRagged, fields.count > expected, current != first {
                throw BambooError(
                    .parseError,
                    "Error tokenizing data. C error: Expected \(expected) fields in line \(current + 1), saw \(fields.count)")
            }
            for (slot, position) in selected.enumerated() {
                spans[slot].append(position < fields.count ? fields[position] : .empty)
            }
            rowLines.append(row: rowCount, record: current)
            rowCount += 1
            if rowCount >= limit { break }
            if rowCount == 4096 {
                // Reserve for the whole input once the average row length is known, instead of
                // growing every column's array by doubling.
                let consumed = max(1, records.tokenizer.position - dataStart)
                let estimate = min(limit, Int(Double(inputCount - dataStart) / Double(consumed) * 4095 * 1.02) + 16)
                for slot in spans.indices { spans[slot].reserveCapacity(estimate) }
            }
            record = try records.next()
        }
        return (rowCount, widestRow)
    }

    /// Builds each kept column: `parse_dates`, else `dtype`, else inference. Each column's spans are
    /// released as soon as it is built.
    private static func convertColumns(
        _ spans: inout [[FieldSpan]], layout: CSVLayout, options: CSVReadOptions, _ context: CSVConversionContext
    ) throws -> [Column] {
        let parseDates = Set(options.parseDates)
        var columns: [Column] = []
        columns.reserveCapacity(spans.count)
        for (slot, position) in layout.selected.enumerated() {
            let key = layout.keys[position]
            let columnSpans = spans[slot]
            spans[slot] = []
            let dtype = dtypeFor(keys: layout.dtypeKeys[position], options.dtype, hasRows: !columnSpans.isEmpty)
                ?? options.defaultDtype.map { (dtype: $0, inherited: false) }
            let context = options.naValuesByColumn[key].map { extra in
                CSVConversionContext(source: context.source, missing: CSVMissingValues(options: options, extra: extra), rowLines: context.rowLines)
            } ?? context
            if parseDates.contains(key), !columnSpans.isEmpty {
                if let dates = CSVDateParsing.parse(columnSpans, context) {
                    columns.append(dates)
                } else if dtype?.dtype == .object {
                    // Not dates: pandas 3.1 keeps the text, as object when that dtype was asked for.
                    columns.append(try CSVDtypeConversion.convert(columnSpans, to: .object, label: key, context))
                } else {
                    columns.append(CSVTypeInference.strings(columnSpans, context))
                }
            } else if let dtype {
                columns.append(try convert(columnSpans, to: dtype, label: key, context))
            } else {
                columns.append(CSVTypeInference.infer(columnSpans, context))
            }
        }
        return columns
    }

    /// The dtype given for a column: by its label, else (for a renamed duplicate `a.1`) by the
    /// header name it came from, as pandas does when there are rows.
    private static func dtypeFor(keys: [String], _ dtypes: [String: DType], hasRows: Bool) -> (dtype: DType, inherited: Bool)? {
        guard let label = keys.first else { return nil }
        if let dtype = dtypes[label] { return (dtype, false) }
        guard hasRows, keys.count > 1, let inherited = dtypes[keys[1]] else { return nil }
        return (inherited, true)
    }

    /// Converts a column to its requested dtype. An `object` dtype inherited by a renamed
    /// duplicate gives `str` in pandas 3 (object only when every value is missing).
    private static func convert(
        _ spans: [FieldSpan], to requested: (dtype: DType, inherited: Bool), label: String, _ context: CSVConversionContext
    ) throws -> Column {
        if requested.inherited, requested.dtype == .object {
            let strings = CSVTypeInference.strings(spans, context)
            if strings.validity == nil || strings.validity?.setCount != 0 { return strings }
        }
        return try CSVDtypeConversion.convert(spans, to: requested.dtype, label: label, context)
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

/// The records the tokenizer keeps (not blank, not in `skiprows`), one at a time.
struct CSVRecords {
    var tokenizer: CSVTokenizer
    /// The fields of the record last returned by ``next()``.
    private(set) var fields: [FieldSpan] = []
    private(set) var current: Int?

    init(tokenizer: CSVTokenizer) {
        self.tokenizer = tokenizer
        fields.reserveCapacity(64)
    }

    /// The next kept record's number, with its fields in ``fields``; nil at the end.
    mutating func next() throws -> Int? {
        current = try tokenizer.next(into: &fields)
        return current
    }
}
