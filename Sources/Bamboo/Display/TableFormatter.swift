import BambooCore

/// Renders frames and series as pandas' `repr` does: right-aligned columns, a left-aligned index,
/// one float precision per column, `...` rows past `display.max_rows`.
enum TableFormatter {
    static func frame(index: Index, labels: [Scalar], columns: [Column], options: Session.Options) -> String {
        let n = index.count
        if columns.isEmpty && n == 0 {
            return "Empty DataFrame\nColumns: [\(labels.map(\.description).joined(separator: ", "))]\nIndex: []"
        }
        let rows = shownRows(n, options)
        let indexCells = indexColumns(index, rows: rows)
        let dataCells = columns.map { cells($0, rows: rows) }
        let levels = indexCells.count
        let names = index.names.map { $0 == Scalar.none ? "" : $0.description }
        let named = names.contains { !$0.isEmpty }
        // pandas: column labels on the first line(s); index names (if any) on a line of their own.
        let header = headerRows(labels)
        // With several header lines pandas pads values for a sign and separates columns by one space.
        let (separator, valuePad) = header.count > 1 ? (1, " ") : (2, "")
        var grid: [[String]] = header.map { Array(repeating: "", count: levels) + $0 }
        if named { grid.append(names + labels.map { _ in "" }) }
        for r in rows.positions.indices { grid.append(indexCells.map { $0[r] } + dataCells.map { valuePad + $0[r] }) }
        // pandas' datetime formatter leaves out the leading space its other formatters add.
        let datetimeColumns = Set(columns.indices.filter { if case .datetime = columns[$0].dtype { true } else { false } })
        var widths = [Int](repeating: 0, count: levels + labels.count)
        for line in grid { for (c, text) in line.enumerated() { widths[c] = Swift.max(widths[c], text.count) } }
        var out = grid.map { line in
            line.enumerated().map { c, text in
                c < levels ? (c == 0 ? "" : " ") + text + String(repeating: " ", count: widths[c] - text.count)
                    : String(repeating: " ", count: widths[c] - text.count + (datetimeColumns.contains(c - levels) ? 1 : separator)) + text
            }.joined()
        }
        if rows.truncated { out.append(""); out.append("[\(n) rows x \(labels.count) columns]") }
        return out.joined(separator: "\n")
    }

    /// The header lines: one for flat labels; one per level for tuple labels (a MultiIndex), each
    /// level's repeats left blank as pandas prints them.
    static func headerRows(_ labels: [Scalar]) -> [[String]] {
        let tuples = labels.compactMap { label -> [Scalar]? in if case .tuple(let items) = label { return items } else { return nil } }
        guard tuples.count == labels.count, let depth = tuples.first?.count, depth > 1, tuples.allSatisfy({ $0.count == depth }) else {
            return [labels.map(\.description)]
        }
        return (0..<depth).map { level in
            tuples.indices.map { c in
                let repeated = level < depth - 1 && c > 0 && (0...level).allSatisfy { tuples[c][$0] == tuples[c - 1][$0] }
                return repeated ? "" : tuples[c][level].description
            }
        }
    }

    /// One column of cells per index level; outer levels are sparsified as pandas prints them
    /// (a label repeated from the row above is left blank).
    static func indexColumns(_ index: Index, rows: Rows) -> [[String]] {
        let levels = index.levels.map { cells($0, rows: rows) }
        guard levels.count > 1 else { return levels }
        var sparse = levels
        for r in rows.positions.indices.dropFirst() where rows.positions[r] != nil && rows.positions[r - 1] != nil {
            for level in 0..<(levels.count - 1) {
                guard (0...level).allSatisfy({ levels[$0][r] == levels[$0][r - 1] }) else { break }
                sparse[level][r] = ""
            }
        }
        return sparse
    }

    static func series(index: Index, name: Scalar, column: Column, options: Session.Options) -> String {
        let rows = shownRows(index.count, options)
        let levels = indexColumns(index, rows: rows)
        let widths = levels.map { $0.map(\.count).max() ?? 0 }
        let values = cells(column, rows: rows)
        let vw = values.map(\.count).max() ?? 0
        var out = values.enumerated().map { r, v in
            levels.enumerated().map { l, cells in (l == 0 ? "" : " ") + cells[r] + String(repeating: " ", count: widths[l] - cells[r].count) }.joined()
                + String(repeating: " ", count: vw - v.count + 4) + v
        }
        var footer: [String] = []
        if name != Scalar.none { footer.append("Name: \(name.description)") }
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

    static func cells(_ column: Column, rows: Rows) -> [String] {
        let shown = rows.positions.compactMap { $0 }
        let floats = column.dtype == .float64 || column.dtype == .nullableFloat64 ? FloatColumnFormat(column, shown) : nil
        let dateOnly: Bool
        if case .datetime = column.dtype {
            dateOnly = shown.allSatisfy { position in
                guard case .datetime(let ticks, let unit, _) = column.scalar(at: position) else { return true }
                return ticks % (86_400 * unit.ticksPerSecond) == 0
            }
        } else {
            dateOnly = false
        }
        return rows.positions.map { position in
            guard let position else { return "..." }
            let value = column.scalar(at: position)
            switch value {
            case .float(let x) where x.isNaN: return column.dtype == .object ? "NaN" : "NaN"
            case .float(let x): return floats?.text(x) ?? FloatFormatter.repr(x)
            case .none: return "None"
            case .datetime:
                let text = value.description
                return dateOnly ? String(text.prefix(while: { $0 != " " })) : text
            default: return value.description
            }
        }
    }
}

/// pandas' float column layout: six decimals, then the trailing zeros every value shares are
/// dropped (at least one decimal stays); scientific notation when magnitudes need it.
struct FloatColumnFormat {
    let decimals: Int
    let scientific: Bool

    init(_ column: Column, _ positions: [Int]) {
        var finite: [Double] = []
        for position in positions { if case .float(let x) = column.scalar(at: position), x.isFinite { finite.append(x) } }
        let largest = finite.map { Swift.abs($0) }.max() ?? 0
        let smallest = finite.map { Swift.abs($0) }.filter { $0 > 0 }.min() ?? 1
        scientific = largest >= 1e16 || smallest < 1e-4
        var needed = 1
        for x in finite {
            let text = FloatColumnFormat.fixed(x, 6)
            let trailing = text.reversed().prefix(while: { $0 == "0" }).count
            needed = Swift.max(needed, 6 - trailing)
        }
        decimals = needed
    }

    func text(_ x: Double) -> String {
        if scientific { return FloatFormatter.repr(x) }
        return FloatColumnFormat.fixed(x, decimals)
    }

    /// `x` rounded to `decimals` places, as `%.{decimals}f` prints it.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (x * scale).rounded(.toNearestOrEven)
        guard Swift.abs(rounded) < 9e18 else { return FloatFormatter.repr(x) }
        let units = Int64(rounded)
        let negative = units < 0 || (units == 0 && x < 0 && rounded != 0)
        let magnitude = units.magnitude
        let divisor = UInt64(scale)
        let whole = magnitude / divisor, fraction = magnitude % divisor
        var fractionText = String(fraction)
        fractionText = String(repeating: "0", count: Swift.max(0, decimals - fractionText.count)) + fractionText
        return (negative ? "-" : "") + String(whole) + (decimals > 0 ? "." + fractionText : "")
    }
}
