import BambooCore

/// Renders frames and series as pandas' `repr` does: right-aligned columns, a left-aligned index,
/// one float precision per column, `...` rows past `display.max_rows`.
enum TableFormatter {
    static func frame(index: Index, labels: [Scalar], columns: [Column], options: Session.Options) -> String {
        let n = index.count
        let rows = shownRows(n, options)
        var grid: [[String]] = []
        let indexCells = cells(index.levels[0], rows: rows, isIndex: true)
        let dataCells = columns.map { cells($0, rows: rows, isIndex: false) }
        let indexName = index.names.first.flatMap { $0 == .none ? nil : $0.description }
        var header = [indexName == nil ? "" : ""] + labels.map(\.description)
        if let indexName {
            grid.append(header)
            header = [indexName] + labels.map { _ in "" }
        }
        if columns.isEmpty && n == 0 {
            return "Empty DataFrame\nColumns: [\(labels.map(\.description).joined(separator: ", "))]\nIndex: []"
        }
        var body: [[String]] = []
        for (r, cell) in indexCells.enumerated() { body.append([cell] + dataCells.map { $0[r] }) }
        grid = indexName == nil ? [header] + body : grid + [header] + body
        var widths = [Int](repeating: 0, count: (labels.count + 1))
        for line in grid { for (c, text) in line.enumerated() { widths[c] = Swift.max(widths[c], text.count) } }
        var out = grid.map { line in
            line.enumerated().map { c, text in
                c == 0 ? text + String(repeating: " ", count: widths[0] - text.count)
                    : String(repeating: " ", count: widths[c] - text.count + 2) + text
            }.joined()
        }
        if rows.truncated { out.append("") ; out.append("[\(n) rows x \(labels.count) columns]") }
        return out.joined(separator: "\n")
    }

    static func series(index: Index, name: Scalar, column: Column, options: Session.Options) -> String {
        let rows = shownRows(index.count, options)
        let indexCells = cells(index.levels[0], rows: rows, isIndex: true)
        let values = cells(column, rows: rows, isIndex: false)
        let iw = indexCells.map(\.count).max() ?? 0, vw = values.map(\.count).max() ?? 0
        var out = zip(indexCells, values).map { i, v in
            i + String(repeating: " ", count: iw - i.count) + String(repeating: " ", count: vw - v.count + 4) + v
        }
        var footer: [String] = []
        if name != .none { footer.append("Name: \(name.description)") }
        if rows.truncated { footer.append("Length: \(index.count)") }
        footer.append("dtype: \(column.dtype.name)")
        out.append(footer.joined(separator: ", "))
        return out.joined(separator: "\n")
    }

    struct Rows { var positions: [Int?]; var truncated: Bool }

    /// Positions to show; nil marks the `...` row.
    static func shownRows(_ n: Int, _ options: Session.Options) -> Rows {
        guard n > options.displayMaxRows else { return Rows(positions: Array(0..<n), truncated: false) }
        let half = Swift.max(1, options.displayMinRows / 2)
        return Rows(positions: Array(0..<half) + [nil] + Array((n - half)..<n), truncated: true)
    }

    static func cells(_ column: Column, rows: Rows, isIndex: Bool) -> [String] {
        let decimals = column.dtype == .float64 || column.dtype == .nullableFloat64 ? floatDecimals(column, rows) : nil
        return rows.positions.map { position in
            guard let position else { return "..." }
            let value = column.scalar(at: position)
            switch value {
            case .float(let x) where x.isNaN: return "NaN"
            case .float(let x):
                if let decimals, x.isFinite { return fixed(x, decimals) }
                return FloatFormatter.repr(x)
            case .none: return "None"
            default: return value.description
            }
        }
    }

    /// pandas shows a float column with one number of decimals: the most any shown value needs.
    static func floatDecimals(_ column: Column, _ rows: Rows) -> Int? {
        var decimals = 1
        for case let position? in rows.positions {
            guard case .float(let x) = column.scalar(at: position), x.isFinite else { continue }
            let text = FloatFormatter.repr(x)
            if text.contains("e") { return nil }
            if let dot = text.firstIndex(of: ".") { decimals = Swift.max(decimals, text.distance(from: dot, to: text.endIndex) - 1) }
        }
        return Swift.min(decimals, 6)
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let text = FloatFormatter.repr(x)
        guard let dot = text.firstIndex(of: ".") else { return text }
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have >= decimals { return text }
        return text + String(repeating: "0", count: decimals - have)
    }
}
