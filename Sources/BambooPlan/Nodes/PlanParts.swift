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

/// In-memory rows a plan starts from.
public struct SourceData: Sendable {
    public var schema: Schema
    /// Index columns then data columns, in `schema.allFields` order.
    public var columns: [Column]
    public var rowCount: Int
    /// Where the data came from, for `explain()` (e.g. `read_csv('sales.csv')`).
    public var origin: String

    public init(schema: Schema, columns: [Column], rowCount: Int, origin: String) throws {
        guard columns.count == schema.allFields.count else {
            throw BambooError.invariant("source has \(columns.count) columns for \(schema.allFields.count) fields")
        }
        for (column, field) in zip(columns, schema.allFields) where column.count != rowCount || column.dtype != field.dtype {
            throw BambooError(.shapeMismatch, "Column \(field.label.pythonRepr) has \(column.count) values of \(column.dtype.name); expected \(rowCount) of \(field.dtype.name). All columns must have the same length.")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
        self.origin = origin
    }
}

/// Why a column is aligned onto another frame's index, which decides what a missing label means.
public enum AlignPurpose: String, Sendable, Hashable {
    /// A boolean mask (`df[mask]`): every row's label must be in the mask (pandas' IndexingError).
    case mask
    /// An assigned column (`df["c"] = s`): absent labels give missing values.
    case assign
}

/// A reduction over all rows of a column (`sum`, `mean`, ...).
public typealias Reduction = ColumnReduction
