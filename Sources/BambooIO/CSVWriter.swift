import BambooCore

/// `DataFrame.to_csv`: the text pandas writes for the given columns and index.
///
/// ```swift
/// let text = CSVWriter.write(
///     labels: ["a", "b"], columns: [Column(int64: [1, 2]), Column(float64: [0.1, .nan])],
///     indexNames: [nil], indexColumns: [Column(int64: [0, 1])], options: CSVWriteOptions())
/// // ",a,b\n0,1,0.1\n1,2,\n"
/// ```
///
/// Fields are quoted only when needed (`csv.QUOTE_MINIMAL`): when they contain the separator, a
/// double quote, `\r` or `\n`; quotes inside are doubled. A row made of one empty field is written
/// as `""` so that it does not read back as a blank line. Columns are expected to have equal
/// lengths; rows past the shortest column are not written.
public enum CSVWriter {
    public static func write(
        labels: [Scalar], columns: [Column], indexNames: [Scalar?] = [], indexColumns: [Column] = [],
        options: CSVWriteOptions = CSVWriteOptions()
    ) -> String {
        var writer = RowWriter(options: options)
        let written = options.index ? indexColumns + columns : columns
        if options.header {
            var fields: [String] = []
            if options.index {
                fields += indexColumns.indices.map { i in
                    (i < indexNames.count ? indexNames[i] : nil).map(headerText) ?? ""
                }
            }
            fields += labels.map(headerText)
            writer.beginRow()
            for field in fields {
                writer.beginField()
                writer.out.append(contentsOf: field.utf8)
                writer.endField()
            }
            writer.endRow()
        }
        let formatters = written.map(CSVValueFormatter.init)
        let rowCount = written.map(\.count).min() ?? 0
        writer.out.reserveCapacity(writer.out.count + rowCount * (written.count * 8 + 1))
        for row in 0..<rowCount {
            writer.beginRow()
            for formatter in formatters {
                writer.beginField()
                formatter.append(row, naRep: writer.naRep, into: &writer.out)
                writer.endField()
            }
            writer.endRow()
        }
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// A label's text in the header row: its Python `str`, or empty when it is missing.
    private static func headerText(_ label: Scalar) -> String {
        label.isMissing ? "" : label.description
    }
}

/// Assembles rows into bytes, quoting each field that needs it after it is written.
private struct RowWriter {
    var out: [UInt8] = []
    let naRep: [UInt8]
    private let separator: [UInt8]
    private let terminator: [UInt8]
    private var needsQuote = [Bool](repeating: false, count: 256)
    private var fieldStart = 0
    private var rowStart = 0
    private var fieldsInRow = 0

    init(options: CSVWriteOptions) {
        naRep = Array(options.naRep.utf8)
        separator = Array(options.sep.utf8)
        terminator = Array(options.lineTerminator.utf8)
        needsQuote[34] = true
        needsQuote[10] = true
        needsQuote[13] = true
        for byte in separator { needsQuote[Int(byte)] = true }
        for byte in terminator { needsQuote[Int(byte)] = true }
    }

    mutating func beginRow() {
        rowStart = out.count
        fieldsInRow = 0
    }

    mutating func beginField() {
        if fieldsInRow > 0 { out.append(contentsOf: separator) }
        fieldsInRow += 1
        fieldStart = out.count
    }

    /// Quotes the field just written if it contains a special byte.
    mutating func endField() {
        var special = false
        var quotes = 0
        for i in fieldStart..<out.count {
            let byte = out[i]
            if needsQuote[Int(byte)] { special = true }
            if byte == 34 { quotes += 1 }
        }
        guard special else { return }
        if separator.count > 1 { special = containsSpecial(from: fieldStart) }
        guard special else { return }
        let field = Array(out[fieldStart...])
        out.removeSubrange(fieldStart...)
        out.reserveCapacity(out.count + field.count + quotes + 2)
        out.append(34)
        for byte in field {
            out.append(byte)
            if byte == 34 { out.append(34) }
        }
        out.append(34)
    }

    /// With a multi-byte separator, a byte of it alone is not a reason to quote: look for the whole separator.
    private func containsSpecial(from start: Int) -> Bool {
        let field = out[start...]
        if field.contains(where: { $0 == 34 || $0 == 10 || $0 == 13 }) { return true }
        if terminator.contains(where: { field.contains($0) }) { return true }
        guard let first = separator.first else { return false }
        var i = start
        while i + separator.count <= out.count {
            if out[i] == first, Array(out[i..<(i + separator.count)]) == separator { return true }
            i += 1
        }
        return false
    }

    mutating func endRow() {
        // A lone empty field would read back as a blank line, so Python's csv writes "".
        if fieldsInRow == 1, out.count == rowStart {
            out.append(34)
            out.append(34)
        }
        out.append(contentsOf: terminator)
    }
}
