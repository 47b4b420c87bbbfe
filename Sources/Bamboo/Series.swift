import BambooCore
import BambooPlan

/// A labelled column: pandas' `Series`, built lazily.
///
/// A Series is an expression over the rows of the frame it came from (its *anchor*), so
/// `df["a"] * 2 + df["b"]` stays one row-wise expression and `df[mask]` needs no join. Series from
/// different frames would need alignment by index (a later issue); combining them throws.
///
/// ```swift
/// let total = try df["price"] * df["qty"]
/// let big = try df[total > 100]
/// ```
public struct Series: Sendable {
    public let session: Session
    let anchor: LogicalPlan
    let expr: Expr
    /// The series' name (pandas: `s.name`).
    public let name: Scalar
    /// The dtype, inferred without running anything (pandas: `s.dtype`).
    public let dtype: DType

    init(session: Session, anchor: LogicalPlan, expr: Expr, name: Scalar) throws {
        self.session = session
        self.anchor = anchor
        self.expr = expr
        self.name = name
        self.dtype = try ExprTyping.dtype(of: expr, in: anchor.schema.allFields)
    }

    /// A series from values (pandas: `pd.Series(values, name=, index=, dtype=)`).
    ///
    /// ```swift
    /// let s = try Series([1, nil, 3], name: "n")   // float64, like pandas
    /// ```
    public init(_ values: [Scalar], name: Scalar = .none, index: IndexSpec? = nil, dtype: DType? = nil,
                session: Session = .default) throws {
        let frame = try DataFrame(columns: [ColumnSpec(name, values, dtype: dtype)], index: index, session: session)
        try self.init(frame: frame, position: 0)
    }

    /// Column `position` of `frame`.
    init(frame: DataFrame, position: Int) throws {
        let field = frame.schema.columns[position]
        try self.init(session: frame.session, anchor: frame.plan, expr: .column(field.id), name: field.label)
    }

    /// The one-column frame this series evaluates to.
    var plan: LogicalPlan {
        get throws {
            if case .column(let id) = expr, anchor.schema.columns.count == 1, anchor.schema.columns[0].id == id,
               anchor.schema.columns[0].label == name {
                return anchor
            }
            return try LogicalPlan(.project(anchor, index: .keep, columns: [
                NamedExpr(field: Field(label: name, dtype: dtype), expr: expr),
            ]))
        }
    }

    /// As a one-column frame (pandas: `s.to_frame()`).
    public func toFrame() throws -> DataFrame { DataFrame(session: session, plan: try plan) }

    /// A series with the same rows and a new expression over them.
    func derived(_ newExpr: Expr, name newName: Scalar? = nil) throws -> Series {
        try Series(session: session, anchor: anchor, expr: newExpr, name: newName ?? name)
    }

    /// A series whose rows come from a frame-level operation on this one (sort, slice, ...).
    static func wrapping(_ frame: DataFrame) throws -> Series {
        try Series(frame: frame, position: 0)
    }

    /// Names of the index levels (pandas: `s.index.names`).
    public var indexNames: [Scalar] {
        switch anchor.schema.index {
        case .range: return [.none]
        case .fields(let fields): return fields.map(\.label)
        }
    }

    /// The plan as text, then the backend's notes about running it.
    public func explain(optimized: Bool = true) throws -> String {
        try session.explain(plan, optimized: optimized)
    }
}
