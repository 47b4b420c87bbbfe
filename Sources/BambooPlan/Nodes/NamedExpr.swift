import BambooCore

/// An output field and the expression that computes it.
public struct NamedExpr: Sendable, Hashable {
    public var field: Field
    public var expr: Expr

    public init(field: Field, expr: Expr) {
        self.field = field
        self.expr = expr
    }

    /// Passes an input field through unchanged (same identity).
    public static func passthrough(_ field: Field) -> NamedExpr { NamedExpr(field: field, expr: .column(field.id)) }
}

/// One key of a sort: an expression, its direction and where missing values go.
public struct SortSpec: Sendable, Hashable {
    public var expr: Expr
    public var ascending: Bool
    public var missingFirst: Bool

    public init(expr: Expr, ascending: Bool, missingFirst: Bool) {
        self.expr = expr
        self.ascending = ascending
        self.missingFirst = missingFirst
    }
}

/// What a projection does with the row labels.
public enum IndexProjection: Sendable, Hashable {
    /// The input's index, unchanged.
    case keep
    /// A fresh default `RangeIndex`.
    case range
    /// New index levels computed from the input.
    case fields([NamedExpr])
}
