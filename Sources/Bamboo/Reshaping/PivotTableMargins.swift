import BambooCore
import BambooPlan

/// pandas' `pivot_table(margins=True)`: an `All` column per value (the aggregate of each row's
/// group over every column value) and an `All` row (the aggregate of each column's group over every
/// row), both computed from the rows themselves, as pandas does: the margin of a mean is the mean of
/// the rows, not of the cells.
struct PivotTableMargins: Sendable {
    let data: DataFrame
    let request: PivotTableRequest

    var name: Scalar { .string(request.marginsName) }

    func adding(to table: DataFrame) async throws -> DataFrame {
        try await checkNameIsFree(in: table)
        let keys = request.index + (request.columns.map { [$0] } ?? [])
        var rows = try data[keys + request.values]
        if request.dropna { rows = try rows.dropna() }
        var result = table
        if request.columns != nil {
            let byRow = try rows.groupby(request.index, dropna: request.dropna)[request.values].agg(request.aggfunc)
            var order: [Scalar] = []
            for value in request.values {
                let label: Scalar = request.flatLabels ? name : .tuple([value, name])
                result = try result.setColumn(label, try byRow.column(value))
                order += table.columns.values.filter { request.flatLabels || valuePart(of: $0) == value } + [label]
            }
            result = try result[order]
        }
        // The spread columns' dtypes depend on the data (a missing cell makes int64 float64): read them.
        let local = try await result.collect(maxRows: nil)
        let marginRow = try await row(for: local.dtypes, rows: rows)
        return try concat([local, marginRow])
    }

    /// pandas refuses a margins name that is already an index or column value.
    private func checkNameIsFree(in table: DataFrame) async throws {
        let index = try await table.index()
        let spread = request.columns == nil ? [] : table.columns.values.map(columnPart(of:))
        let taken = (0..<index.count).contains { position in
            let label = index.label(at: position)
            if case .tuple(let parts) = label { return parts.contains(name) }
            return label == name
        }
        if taken || spread.contains(name) {
            throw BambooError(.invalidArgument, "Conflicting name \"\(request.marginsName)\" in margins")
        }
    }

    /// The margin row: each column's aggregate over its column value's rows, and the grand
    /// aggregate in the margin columns, each cast to its column's dtype where the value fits.
    private func row(for dtypes: [(label: Scalar, dtype: DType)], rows: DataFrame) async throws -> DataFrame {
        let grand = try await rows.setColumn("__margin__", .int(0)).groupby(["__margin__"])[request.values].agg(request.aggfunc).collect(maxRows: nil)
        var byColumn: [Scalar: (keys: [Scalar], values: [Scalar])] = [:]
        if let columns = request.columns {
            let table = try await rows.groupby([columns], dropna: request.dropna)[request.values].agg(request.aggfunc).collect(maxRows: nil)
            let keys = try await table.index().values
            for value in request.values { byColumn[value] = (keys, try await table.column(value).toList()) }
        }
        var cells: [(label: Scalar, column: Column)] = []
        for (label, dtype) in dtypes {
            let value = request.columns == nil ? label : valuePart(of: label)
            let key = columnPart(of: label)
            var cell: Scalar
            if request.columns == nil || key == name {
                cell = try await grand.column(value).toList().first ?? .float(.nan)
            } else if let found = byColumn[value], let position = found.keys.firstIndex(where: { PivotTableMargins.sameKey($0, key) }) {
                cell = found.values[position]
            } else {
                cell = request.fillValue ?? .float(.nan)
            }
            if cell.isMissing, let fill = request.fillValue { cell = fill }
            cells.append((label, try PivotTableMargins.column(cell, like: dtype)))
        }
        let levels = request.index.indices.map { level -> (column: Column, name: Scalar) in
            (Column.infer([level == 0 ? name : .string("")]), request.index[level])
        }
        return try DataFrame(columns: cells, index: levels, session: data.session.local)
    }

    /// A one-value column of `dtype` when the value fits it (pandas downcasts the margin row to each
    /// column's dtype), else of the value's own dtype.
    static func column(_ value: Scalar, like dtype: DType) throws -> Column {
        if let exact = try? Column.build([value], dtype: dtype), exact.scalar(at: 0) == value || (value.isMissing && exact.isMissing(0)) {
            return exact
        }
        if case .float(let x) = value, dtype == .int64, x == x.rounded(), abs(x) < 9.2e18 { return Column(int64: [Int64(x)]) }
        return Column.infer([value])
    }

    static func sameKey(_ a: Scalar, _ b: Scalar) -> Bool { (a.isMissing && b.isMissing) || a == b }

    private func valuePart(of label: Scalar) -> Scalar {
        if request.flatLabels { return request.values[0] }
        if case .tuple(let parts) = label, let first = parts.first { return first }
        return label
    }

    private func columnPart(of label: Scalar) -> Scalar {
        if request.flatLabels { return label }
        if case .tuple(let parts) = label, parts.count > 1 { return parts[1] }
        return label
    }
}
