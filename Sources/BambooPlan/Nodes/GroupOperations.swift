import BambooCore

/// One output column of a per-group window operation (`cumsum`, `transform("mean")`, ...).
public struct WindowColumn: Sendable, Hashable {
    public var field: Field
    public var function: GroupWindowFunction
    public var input: Expr
    /// The times a time-based window (`rolling("3D")`) measures its span on.
    public var times: Expr?

    public init(field: Field, function: GroupWindowFunction, input: Expr, times: Expr? = nil) {
        self.field = field
        self.function = function
        self.input = input
        self.times = times
    }
}

/// Which rows of each group `head`/`tail`/`nth` keep.
public enum GroupRowSelection: Sendable, Hashable, CustomStringConvertible {
    case head(Int)
    case tail(Int)
    case nth([Int])

    public var description: String {
        switch self {
        case .head(let n): return "head(\(n))"
        case .tail(let n): return "tail(\(n))"
        case .nth(let positions): return "nth(\(positions))"
        }
    }
}

/// pandas' `keep=` for `duplicated` / `drop_duplicates`.
public enum DuplicateKeep: String, Sendable, Hashable {
    /// The first of equal rows is not a duplicate.
    case first
    /// The last of equal rows is not a duplicate.
    case last
    /// Every row that has an equal is a duplicate (pandas' `keep=False`).
    case none
}

/// The options of `value_counts`.
public struct ValueCountsSpec: Sendable, Hashable {
    public var normalize: Bool
    public var sort: Bool
    public var ascending: Bool
    public var dropna: Bool

    public init(normalize: Bool, sort: Bool, ascending: Bool, dropna: Bool) {
        self.normalize = normalize
        self.sort = sort
        self.ascending = ascending
        self.dropna = dropna
    }
}
