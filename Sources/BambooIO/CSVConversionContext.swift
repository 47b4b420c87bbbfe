import BambooCore

/// The raw fields of the columns being read, and what converting them needs.
struct CSVConversionContext {
    let source: CSVFieldSource
    let missing: CSVMissingValues
    /// The record number of each data row, for error messages.
    let rowLines: CSVRowLines

    /// The 1-based line number pandas reports for data row `row`.
    func line(ofRow row: Int) -> Int { rowLines.record(ofRow: row) + 1 }

    @inline(__always)
    func bytes(_ span: FieldSpan) -> UnsafeBufferPointer<UInt8> { source.bytes(span) }
}

/// The record number (pandas' 0-based `file_lines`) of each data row, stored only where it stops
/// counting up by one (after blank or skipped lines), so a clean file costs nothing per row.
struct CSVRowLines {
    private var rows: [Int] = []
    private var records: [Int] = []

    mutating func append(row: Int, record: Int) {
        if let lastRow = rows.last, let lastRecord = records.last, record - lastRecord == row - lastRow { return }
        rows.append(row)
        records.append(record)
    }

    func record(ofRow row: Int) -> Int {
        // The last break at or before `row`.
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid] <= row { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return row }
        return records[low - 1] + (row - rows[low - 1])
    }
}
