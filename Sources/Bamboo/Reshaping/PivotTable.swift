import BambooCore
import BambooPlan

extension DataFrame {
    /// A spreadsheet-style pivot of one value column (pandas: `df.pivot_table(values="v", index=, columns=, aggfunc=,
    /// fill_value=, margins=, margins_name=, dropna=)`): `aggfunc` of the values per (index, column) pair, spread into
    /// one column per value of `columns` (sorted).
    ///
    /// ```swift
    /// let table = try await sales.pivotTable(values: "units", index: ["region"], columns: "month",
    ///                                        aggfunc: "sum", margins: true)   // adds an "All" row and column
    /// ```
    /// Without `columns`, the result has one column per value. With `margins`, an `All` row (and
    /// column) holds `aggfunc` over all rows of each column (and row), computed from the rows, not
    /// from the table; rows with a missing value are left out of the margins unless `dropna: false`.
    /// The output's columns are named by data values, so this runs a small action first to find them.
    public func pivotTable(values: Scalar, index: [Scalar], columns: Scalar? = nil, aggfunc: String = "mean", fillValue: Scalar? = nil,
                           margins: Bool = false, marginsName: String = "All", dropna: Bool = true) async throws -> DataFrame {
        try await pivotTable(PivotTableRequest(values: [values], index: index, columns: columns, aggfunc: aggfunc, fillValue: fillValue,
                                               margins: margins, marginsName: marginsName, dropna: dropna, flatLabels: true))
    }

    /// As ``pivotTable(values:index:columns:aggfunc:fillValue:margins:marginsName:dropna:)`` for several value columns
    /// (pandas: `values=[...]`, or omitted for every other column): the spread columns are labelled
    /// `(value, column)` and each value's margin column `(value, "All")`.
    public func pivotTable(values: [Scalar]? = nil, index: [Scalar], columns: Scalar? = nil, aggfunc: String = "mean", fillValue: Scalar? = nil,
                           margins: Bool = false, marginsName: String = "All", dropna: Bool = true) async throws -> DataFrame {
        let keys = Set(index + (columns.map { [$0] } ?? []))
        let chosen = values ?? schema.columns.map(\.label).filter { !keys.contains($0) }
        return try await pivotTable(PivotTableRequest(values: chosen, index: index, columns: columns, aggfunc: aggfunc, fillValue: fillValue,
                                                      margins: margins, marginsName: marginsName, dropna: dropna, flatLabels: columns == nil))
    }

    func pivotTable(_ request: PivotTableRequest) async throws -> DataFrame {
        let keys = request.index + (request.columns.map { [$0] } ?? [])
        var table: DataFrame
        if let columns = request.columns {
            let aggregated = try groupby(keys, dropna: request.dropna)[request.values].agg(request.aggfunc).resetIndex()
            table = try await aggregated.pivoted(index: request.index, columns: columns, values: request.values, tupleLabels: !request.flatLabels)
            if let fill = request.fillValue {
                // pandas fills while unstacking, so an integer aggregate filled with an integer stays int64.
                let spread = aggregated.schema.columns.suffix(request.values.count)
                table = try table.fillna(fill)
                if case .int = fill, spread.allSatisfy({ $0.dtype == .int64 }) {
                    table = try table.astype(.int64)
                }
            }
        } else {
            table = try groupby(request.index, dropna: request.dropna)[request.values].agg(request.aggfunc)
            if let fill = request.fillValue { table = try table.fillna(fill) }
        }
        guard request.margins else { return table }
        return try await PivotTableMargins(data: self, request: request).adding(to: table)
    }
}

/// The arguments of one `pivot_table` call.
struct PivotTableRequest: Sendable {
    var values: [Scalar]
    var index: [Scalar]
    var columns: Scalar?
    var aggfunc: String
    var fillValue: Scalar?
    var margins: Bool
    var marginsName: String
    var dropna: Bool
    /// One value column: the spread columns are labelled by the column values alone.
    var flatLabels: Bool
}
