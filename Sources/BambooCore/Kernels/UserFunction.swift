/// A Swift closure inside a plan (`s.map { ... }`, `gb["v"].apply { ... }`): opaque to every
/// optimizer and backend. The eager backend runs it; backends that cannot ship Swift code to
/// their workers (Spark) refuse plans holding one, with a clear error.
///
/// Closures cannot be typed by running them on no rows, so the caller declares the result dtype,
/// as pandas-on-Spark asks for return type hints.
public final class UserFunction: Sendable, Hashable, CustomStringConvertible {
    public enum Body: Sendable {
        /// One value to one value (`Series.map`).
        case map(@Sendable (Scalar) throws -> Scalar)
        /// A group's values to one value (`SeriesGroupBy.apply`).
        case aggregate(@Sendable ([Scalar]) throws -> Scalar)
        /// A group's values to as many values (`SeriesGroupBy.transform`).
        case transform(@Sendable ([Scalar]) throws -> [Scalar])
    }

    public let name: String
    public let body: Body
    public let dtype: DType

    public init(name: String, dtype: DType, body: Body) {
        self.name = name
        self.dtype = dtype
        self.body = body
    }

    // Identity: two closures are never known to be the same function.
    public static func == (a: UserFunction, b: UserFunction) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { "\(name):\(dtype.name)" }

    /// The closure applied to each group's values (in row order).
    public func aggregate(_ column: Column, grouping: Grouping) throws -> Column {
        guard case .aggregate(let f) = body else { throw BambooError.invariant("\(name) is not an aggregation") }
        var members = [[Int]](repeating: [], count: grouping.groupCount)
        for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 { members[group].append(row) }
        return try Column.buildUpcasting(try members.map { rows in try f(rows.map(column.scalar(at:))) }, dtype: dtype)
    }

    /// The closure applied to each group's values, its results put back on the group's rows.
    public func transform(_ column: Column, grouping: Grouping) throws -> Column {
        guard case .transform(let f) = body else { throw BambooError.invariant("\(name) is not a transform") }
        var members = [[Int]](repeating: [], count: grouping.groupCount)
        for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 { members[group].append(row) }
        var out = [Scalar](repeating: .none, count: column.count)
        for rows in members {
            let results = try f(rows.map(column.scalar(at:)))
            guard results.count == rows.count else {
                throw BambooError(.shapeMismatch, "\(name) returned \(results.count) values for a group of \(rows.count) rows; a transform returns one value per row.")
            }
            for (row, value) in zip(rows, results) { out[row] = value }
        }
        return try Column.buildUpcasting(out, dtype: dtype)
    }

    /// The closure applied to each value of `column`; missing values are passed in as their marker.
    public func map(_ column: Column) throws -> Column {
        guard case .map(let f) = body else { throw BambooError.invariant("\(name) is not a map") }
        return try Column.buildUpcasting(try (0..<column.count).map { try f(column.scalar(at: $0)) }, dtype: dtype)
    }
}
