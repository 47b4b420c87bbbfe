import BambooCore
import BambooPlan

/// One indicator column per distinct value (pandas: `pd.get_dummies(df, prefix=, prefix_sep=,
/// columns=, dummy_na=, drop_first=, dtype=)`).
///
/// ```swift
/// let encoded = try await getDummies(df, columns: ["color"])   // color_blue, color_red, ...
/// ```
/// The output's columns depend on the data, so unlike transformations this runs a small action
/// first: it collects each encoded column's distinct values (sorted, as pandas orders categories;
/// a `category` column uses its categories). Columns not encoded come first, then the indicators
/// (`bool` unless `dtype` says otherwise). By default `str`, `object` and `category` columns are encoded.
public func getDummies(_ frame: DataFrame, prefix: [String]? = nil, prefixSep: String = "_", columns: [Scalar]? = nil,
                       dummyNa: Bool = false, dropFirst: Bool = false, dtype: DType = .bool) async throws -> DataFrame {
    let schema = frame.schema
    let encoded = try columns.map { try frame.columnPositions($0) } ?? schema.columns.indices.filter { position in
        switch schema.columns[position].dtype {
        case .string, .object, .category: return true
        default: return false
        }
    }
    if let prefix, prefix.count != encoded.count {
        throw BambooError(.invalidArgument, "Length of 'prefix' (\(prefix.count)) did not match the length of the columns being encoded (\(encoded.count)).")
    }
    let stems = encoded.enumerated().map { n, position in prefix?[n] ?? schema.columns[position].label.description }
    return try await indicators(frame, encoded: encoded, stems: stems, prefixSep: prefixSep, dummyNa: dummyNa, dropFirst: dropFirst, dtype: dtype)
}

/// The indicator columns; a nil stem names them by the value alone (a Series without prefix).
func indicators(_ frame: DataFrame, encoded: [Int], stems: [String?], prefixSep: String, dummyNa: Bool, dropFirst: Bool,
                dtype: DType) async throws -> DataFrame {
    let schema = frame.schema
    let fields = schema.allFields
    var output = schema.columns.indices.filter { !encoded.contains($0) }.map { NamedExpr.passthrough(schema.columns[$0]) }
    for (n, position) in encoded.enumerated() {
        let field = schema.columns[position]
        let categories: [Scalar]
        if case .category(let type) = field.dtype, let known = type.categories {
            categories = known
        } else {
            let distinct = try await Series(frame: frame, position: position).dropDuplicates().dropna().toList()
            categories = Column.sortedCategories(distinct)
        }
        // Without a prefix (a Series) the labels are the values themselves, as pandas keeps them.
        func label(_ value: Scalar) -> Scalar { stems[n].map { .string($0 + prefixSep + (value.isMissing ? "nan" : value.description)) } ?? value }
        var indicators = categories.map { value in (label: label(value), expr: Expr.fillNull(.binary(.equal, .column(field.id), .literal(value)), .bool(false))) }
        if dropFirst { indicators = Array(indicators.dropFirst()) }
        if dummyNa { indicators.append((label: label(.float(.nan)), expr: .isNull(.column(field.id)))) }
        for indicator in indicators {
            output.append(try NamedExpr.typed(label: indicator.label, expr: dtype == .bool ? indicator.expr : .cast(indicator.expr, dtype), in: fields))
        }
    }
    return try frame.with(.project(frame.plan, index: .keep, columns: output))
}

/// As above, with one prefix for every encoded column (pandas: `prefix="p"`).
public func getDummies(_ frame: DataFrame, prefix: String, prefixSep: String = "_", columns: [Scalar]? = nil,
                       dummyNa: Bool = false, dropFirst: Bool = false, dtype: DType = .bool) async throws -> DataFrame {
    let count = try columns.map { try frame.columnPositions($0).count } ?? frame.schema.columns.filter { field in
        switch field.dtype {
        case .string, .object, .category: return true
        default: return false
        }
    }.count
    return try await getDummies(frame, prefix: Array(repeating: prefix, count: count), prefixSep: prefixSep, columns: columns,
                                dummyNa: dummyNa, dropFirst: dropFirst, dtype: dtype)
}

/// `getDummies` of one Series (pandas: `pd.get_dummies(s)`): columns named by the values alone
/// unless a prefix is given.
public func getDummies(_ series: Series, prefix: String? = nil, prefixSep: String = "_", dummyNa: Bool = false, dropFirst: Bool = false,
                       dtype: DType = .bool) async throws -> DataFrame {
    try await indicators(series.toFrame(), encoded: [0], stems: [prefix], prefixSep: prefixSep, dummyNa: dummyNa, dropFirst: dropFirst, dtype: dtype)
}
