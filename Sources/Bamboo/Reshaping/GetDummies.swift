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
public func getDummies(_ frame: DataFrame, prefix: PerColumnText? = nil, prefixSep: PerColumnText = "_", columns: [Scalar]? = nil,
                       dummyNa: Bool = false, dropFirst: Bool = false, dtype: DType = .bool) async throws -> DataFrame {
    let schema = frame.schema
    let encoded = try columns.map { try frame.columnPositions($0) } ?? schema.columns.indices.filter { position in
        switch schema.columns[position].dtype {
        case .string, .object, .category: return true
        default: return false
        }
    }
    let labels = encoded.map { schema.columns[$0].label }
    let stems = try prefix.map { try $0.resolve(for: labels, what: "prefix") } ?? labels.map(\.description)
    let separators = try prefixSep.resolve(for: labels, what: "prefix_sep")
    return try await indicators(frame, encoded: encoded, stems: stems, separators: separators, dummyNa: dummyNa, dropFirst: dropFirst, dtype: dtype)
}

/// Text given once for every encoded column, per column in order, or per column label: pandas'
/// `prefix=` and `prefix_sep=` take a str, a list or a dict. Write it as a literal of any of the three.
///
/// ```swift
/// try await getDummies(df, prefix: ["s": "P", "t": "Q"], prefixSep: ["=", ":"])
/// ```
public enum PerColumnText: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case all(String)
    case list([String])
    case byLabel([(label: Scalar, text: String)])

    public init(stringLiteral value: String) { self = .all(value) }
    public init(arrayLiteral elements: String...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (Scalar, String)...) { self = .byLabel(elements.map { ($0.0, $0.1) }) }

    /// One text per encoded column, or pandas' ValueError when a list or dict does not cover them.
    func resolve(for labels: [Scalar], what: String) throws -> [String] {
        switch self {
        case .all(let text): return Array(repeating: text, count: labels.count)
        case .list(let texts):
            guard texts.count == labels.count else {
                throw BambooError(.invalidArgument, "Length of '\(what)' (\(texts.count)) did not match the length of the columns being encoded (\(labels.count)).")
            }
            return texts
        case .byLabel(let pairs):
            guard pairs.count == labels.count else {
                throw BambooError(.invalidArgument, "Length of '\(what)' (\(pairs.count)) did not match the length of the columns being encoded (\(labels.count)).")
            }
            return try labels.map { label in
                guard let text = pairs.first(where: { $0.label == label })?.text else { throw BambooError(.keyNotFound, label.pythonRepr) }
                return text
            }
        }
    }
}

/// The indicator columns; a nil stem names them by the value alone (a Series without prefix).
func indicators(_ frame: DataFrame, encoded: [Int], stems: [String?], separators: [String], dummyNa: Bool, dropFirst: Bool,
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
        func label(_ value: Scalar) -> Scalar { stems[n].map { .string($0 + separators[n] + (value.isMissing ? "nan" : value.description)) } ?? value }
        var indicators = categories.map { value in (label: label(value), expr: Expr.fillNull(.binary(.equal, .column(field.id), .literal(value)), .bool(false))) }
        if dropFirst { indicators = Array(indicators.dropFirst()) }
        if dummyNa { indicators.append((label: label(.float(.nan)), expr: .isNull(.column(field.id)))) }
        for indicator in indicators {
            output.append(try NamedExpr.typed(label: indicator.label, expr: dtype == .bool ? indicator.expr : .cast(indicator.expr, dtype), in: fields))
        }
    }
    return try frame.with(.project(frame.plan, index: .keep, columns: output))
}

/// `getDummies` of one Series (pandas: `pd.get_dummies(s)`): columns named by the values alone
/// unless a prefix is given.
public func getDummies(_ series: Series, prefix: String? = nil, prefixSep: String = "_", dummyNa: Bool = false, dropFirst: Bool = false,
                       dtype: DType = .bool) async throws -> DataFrame {
    try await indicators(series.toFrame(), encoded: [0], stems: [prefix], separators: [prefixSep], dummyNa: dummyNa, dropFirst: dropFirst, dtype: dtype)
}
