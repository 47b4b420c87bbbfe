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

/// A frequency table of two Series (pandas: `pd.crosstab(index, columns, values=, aggfunc=, normalize=)`):
/// one row per value of `index`, one column per value of `columns` (both sorted), holding how
/// often each pair occurs (0 where never), or `aggfunc` of `values` for each pair. Series of
/// different frames are aligned on the index. Rows with a missing key are left out.
///
/// The columns are named by data values, so this runs a small action first to find them.
public func crosstab(_ index: Series, _ columns: Series, values: Series? = nil, aggfunc: String? = nil,
                     normalize: CrosstabNormalize = .none) async throws -> DataFrame {
    guard (values == nil) == (aggfunc == nil) else {
        throw BambooError(.invalidArgument, values == nil ? "aggfunc cannot be used without values." : "values cannot be used without an aggfunc.")
    }
    let rowLabel: Scalar = index.name == Scalar.none ? "row_0" : index.name
    let columnLabel: Scalar = columns.name == Scalar.none ? "col_0" : columns.name
    var frame = try index.rename(rowLabel).toFrame()
    frame = try frame.setColumn(columnLabel, columns)
    let table: DataFrame
    if let values, let aggfunc {
        frame = try frame.setColumn("__values__", values)
        table = try await frame.pivotTable(values: "__values__", index: [rowLabel], columns: columnLabel, aggfunc: aggfunc)
    } else {
        let counts = try frame.groupby([rowLabel, columnLabel]).sizeFrame()
        table = try await counts.pivot(index: [rowLabel], columns: columnLabel, values: "size").fillna(0).astype(.int64)
    }
    guard normalize != .none else { return table }
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
        let total = sums.reduce(0.0) { $0 + ($1.doubleValue ?? 0) }
        return try table.with(.project(table.plan, index: .keep, columns: try zip(labels, zip(cells, sums)).map { label, pair in
            let divisor: Double = normalize == .all ? total : (pair.1.doubleValue ?? .nan)
            return try NamedExpr.typed(label: label, expr: .binary(.divide, pair.0, .literal(.float(divisor))), in: table.schema.allFields)
        }))
    case .none:
        return table
    }
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
