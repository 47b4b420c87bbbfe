import BambooCore
import BambooPlan

/// pandas' `explode`: each list (or tuple) cell of the chosen columns becomes one row per item.
enum Explosion {
    static func execute(_ input: EagerTable, columns exploded: [FieldID]) throws -> EagerTable {
        let lists = try exploded.map { try input.column($0) }
        // Items per row: a list's length (an empty list still gives one, missing, row); any other value is one item.
        var counts = [Int](repeating: 1, count: input.rowCount)
        for (position, column) in lists.enumerated() {
            guard case .object(let cells) = column.values else { continue }
            for row in 0..<input.rowCount {
                let count = max(1, items(of: cells[row])?.count ?? 1)
                if position > 0, count != counts[row] { throw BambooError(.invalidArgument, "columns must have matching element counts") }
                counts[row] = count
            }
        }
        var rows: [Int] = []
        rows.reserveCapacity(counts.reduce(0, +))
        for (row, count) in counts.enumerated() { rows.append(contentsOf: repeatElement(row, count: count)) }
        var output = input.take(rows)
        for (id, column) in zip(exploded, lists) {
            guard case .object(let cells) = column.values else { continue }
            var values: [Scalar] = []
            values.reserveCapacity(rows.count)
            for cell in cells {
                guard let spread = items(of: cell) else { values.append(cell); continue }
                values.append(contentsOf: spread.isEmpty ? [.float(.nan)] : spread)
            }
            // pandas 3 infers its string dtype for the items when they are all strings.
            let strings = values.contains { if case .string = $0 { return true } else { return false } }
                && values.allSatisfy { value in if case .string = value { return true } else { return value.isMissing } }
            output.columns[id] = strings ? try Column.build(values, dtype: .string) : Column(dtype: .object, values: .object(values))
        }
        return output
    }

    /// The items of a list-like cell (pandas' `is_list_like`: lists and tuples, not strings).
    private static func items(of cell: Scalar) -> [Scalar]? {
        switch cell {
        case .list(let items), .tuple(let items): return items
        default: return nil
        }
    }
}
