import BambooCore
import BambooPlan

/// How `crosstab` normalises its counts (pandas' `normalize=`).
public enum CrosstabNormalize: String, Sendable {
    /// Counts as they are (`normalize=False`).
    case none
    /// Divided by the grand total (`normalize=True` / `"all"`).
    case all
    /// Each row divided by its sum (`"index"`).
    case index
    /// Each column divided by its sum (`"columns"`).
    case columns
}

/// A frequency table of two Series (pandas: `pd.crosstab(index, columns, values=, aggfunc=, rownames=, colnames=,
/// margins=, margins_name=, dropna=, normalize=)`): one row per value of `index`, one column per
/// value of `columns` (both sorted), holding how often each pair occurs (0 where never), or
/// `aggfunc` of `values` for each pair. Series of different frames are aligned on the index.
///
/// ```swift
/// let table = try await crosstab(df["region"], df["product"], margins: true)   // with an "All" row and column
/// ```
/// Rows with a missing key are left out unless `dropna: false`, which counts them under a NaN
/// label. `margins` adds totals (normalised along with the table when `normalize` is set: `.index`
/// keeps only the total row, `.columns` only the total column). The columns are named by data
/// values, so this runs a small action first to find them.
public func crosstab(_ index: Series, _ columns: Series, values: Series? = nil, aggfunc: String? = nil,
                     rownames: [Scalar]? = nil, colnames: [Scalar]? = nil, margins: Bool = false, marginsName: String = "All",
                     dropna: Bool = true, normalize: CrosstabNormalize = .none) async throws -> DataFrame {
    guard (values == nil) == (aggfunc == nil) else {
        throw BambooError(.invalidArgument, values == nil ? "aggfunc cannot be used without values." : "values cannot be used without an aggfunc.")
    }
    for (names, what) in [(rownames, "rownames"), (colnames, "colnames")] where names.map({ $0.count != 1 }) ?? false {
        throw BambooError(.invalidArgument, "\(what) must name the one Series given (\(names?.count ?? 0) names passed).")
    }
    let rowLabel: Scalar = rownames?.first ?? (index.name == Scalar.none ? "row_0" : index.name)
    let columnLabel: Scalar = colnames?.first ?? (columns.name == Scalar.none ? "col_0" : columns.name)
    var frame = try index.rename(rowLabel).toFrame()
    frame = try frame.setColumn(columnLabel, columns)
    // Counting is pandas' len of a dummy column, filled with 0 where a pair never occurs.
    frame = try values.map { try frame.setColumn("__values__", $0) } ?? frame.setColumn("__values__", .int(0))
    var request = PivotTableRequest(values: ["__values__"], index: [rowLabel], columns: columnLabel, aggfunc: aggfunc ?? "count",
                                    fillValue: values == nil ? .int(0) : nil, margins: margins, marginsName: marginsName,
                                    dropna: dropna, flatLabels: true)
    guard normalize != .none else { return try await frame.pivotTable(request) }
    request.margins = false
    let core = try await frame.pivotTable(request)
    guard margins else { return try await normalized(core, normalize) }
    request.margins = true
    let full = try await frame.pivotTable(request)
    switch normalize {
    case .index:
        return try await normalized(try full.drop(columns: [.string(marginsName)]), .index)
    case .columns:
        return try await normalized(try full.iloc[..<(-1)], .columns)
    case .all, .none:
        // Every cell, margins included, over the grand total (the corner cell becomes 1).
        return try await normalized(full, .all, divisor: try await grandTotal(core))
    }
}

/// `table` normalised: over the grand total (`.all`, or `divisor` when given), each row's sum, or each column's sum.
private func normalized(_ table: DataFrame, _ normalize: CrosstabNormalize, divisor: Double? = nil) async throws -> DataFrame {
    let labels = table.columns.values
    let cells = try labels.map { Expr.cast(.fillNull(.column(try table.schema.column($0).id), .int(0)), .float64) }
    guard let first = cells.first else { return table }
    switch normalize {
    case .index:
        let rowSum = cells.dropFirst().reduce(first) { .binary(.add, $0, $1) }
        return try table.with(.project(table.plan, index: .keep, columns: try zip(labels, cells).map { label, cell in
            try NamedExpr.typed(label: label, expr: .binary(.divide, cell, rowSum), in: table.schema.allFields)
        }))
    case .columns, .all:
        let sums = try await labels.asyncMap { label in try await table.column(label).astype(.float64).sum() }
        let total = divisor ?? sums.reduce(0.0) { $0 + ($1.doubleValue ?? 0) }
        return try table.with(.project(table.plan, index: .keep, columns: try zip(labels, zip(cells, sums)).map { label, pair in
            let by: Double = normalize == .all ? total : (pair.1.doubleValue ?? .nan)
            return try NamedExpr.typed(label: label, expr: .binary(.divide, pair.0, .literal(.float(by))), in: table.schema.allFields)
        }))
    case .none:
        return table
    }
}

/// The sum of every cell of `table`.
private func grandTotal(_ table: DataFrame) async throws -> Double {
    var sum = 0.0
    for label in table.columns.values { sum += try await table.column(label).astype(.float64).sum().doubleValue ?? 0 }
    return sum
}

extension Array {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
