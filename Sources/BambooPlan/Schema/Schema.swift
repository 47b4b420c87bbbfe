import BambooCore

/// How a plan's rows are labelled.
public enum IndexSchema: Sendable, Hashable {
    /// pandas' default `RangeIndex(0, n)`: no column exists until something needs the labels.
    case range
    /// One field per index level (one for a flat index).
    case fields([Field])

    public var fields: [Field] {
        if case .fields(let fields) = self { return fields }
        return []
    }
}

/// One key of a plan's row order.
public enum OrderKey: Sendable, Hashable, CustomStringConvertible {
    /// The position of each row in the source it was read from.
    case sourcePosition(origin: String)
    /// Rows ordered by an expression (a stable sort key).
    case expression(Expr, ascending: Bool, missingFirst: Bool)
    /// The order an explicit list of positions or labels gave (`iloc[[2, 0]]`, `loc[["b", "a"]]`).
    case selection(String)

    public var description: String {
        switch self {
        case .sourcePosition(let origin): return "position in \(origin)"
        case .expression(let expr, let ascending, let missingFirst):
            return "\(expr) \(ascending ? "asc" : "desc") nulls \(missingFirst ? "first" : "last")"
        case .selection(let what): return "order of \(what)"
        }
    }
}

/// What a plan produces, known without running it: index levels, columns, dtypes, and the order
/// of its rows. The order is explicit so an engine without row order (Spark) can reproduce
/// pandas' order: it carries a hidden column per source position and sorts by these keys.
public struct Schema: Sendable, Hashable {
    public var index: IndexSchema
    public var columns: [Field]
    /// Rows are sorted by these keys, lexicographically; later keys break ties of earlier ones.
    public var order: [OrderKey]

    public init(index: IndexSchema, columns: [Field], order: [OrderKey] = []) {
        self.index = index
        self.columns = columns
        self.order = order
    }

    /// Index fields followed by column fields: the physical layout backends return.
    public var allFields: [Field] { index.fields + columns }

    public func field(_ id: FieldID) -> Field? { allFields.first { $0.id == id } }

    /// Positions of columns with this label (labels may repeat).
    public func positions(of label: Scalar) -> [Int] {
        columns.indices.filter { columns[$0].label == label }
    }

    /// The single column with this label, or a `columnNotFound` error with close matches.
    public func column(_ label: Scalar) throws -> Field {
        let matches = positions(of: label)
        if matches.isEmpty { throw notFound(label) }
        guard matches.count == 1 else {
            throw BambooError(.invalidArgument, "Label \(label.pythonRepr) names \(matches.count) columns; select them with a list or rename the duplicates first.")
        }
        return columns[matches[0]]
    }

    /// The error pandas raises for an unknown label (`KeyError`), naming close matches.
    public func notFound(_ label: Scalar) -> BambooError {
        BambooError.columnNotFound(label.description, available: columns.map(\.label.description))
    }
}
