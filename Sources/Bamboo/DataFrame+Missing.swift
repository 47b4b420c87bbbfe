import BambooCore
import BambooPlan

extension DataFrame {
    /// True where a value is missing (pandas: `df.isna()`; `isnull` is the same).
    public func isna() throws -> DataFrame { try mapColumns { .isNull($0) } }
    /// True where a value is present (pandas: `df.notna()`).
    public func notna() throws -> DataFrame { try mapColumns { .notNull($0) } }
    public func isnull() throws -> DataFrame { try isna() }
    public func notnull() throws -> DataFrame { try notna() }

    /// Replaces missing values with one value (pandas: `df.fillna(0)`). The dtype is kept when the
    /// value fits it; otherwise the column becomes object, as pandas does.
    public func fillna(_ value: Scalar) throws -> DataFrame {
        try mapColumns { .fillNull($0, value) }
    }

    /// Replaces missing values per column (pandas: `df.fillna({"a": 0, "b": "x"})`); labels
    /// that are not columns are ignored, as in pandas.
    public func fillna(_ values: [Scalar: Scalar]) throws -> DataFrame {
        let fields = schema.allFields
        return try with(.project(plan, index: .keep, columns: try schema.columns.map { field in
            guard let value = values[field.label] else { return .passthrough(field) }
            return try NamedExpr.typed(label: field.label, expr: .fillNull(.column(field.id), value), in: fields)
        }))
    }

    /// Drops rows with missing values (pandas: `df.dropna(how=, subset=, thresh=)`).
    ///
    /// ```swift
    /// try df.dropna()                        // any missing value
    /// try df.dropna(how: .all, subset: ["a", "b"])
    /// try df.dropna(thresh: 2)               // keep rows with ≥ 2 present values
    /// ```
    public func dropna(how: DropHow = .any, subset: [Scalar]? = nil, thresh: Int? = nil, ignoreIndex: Bool = false) throws -> DataFrame {
        let positions = try subset.map { try columnPositions($0) } ?? Array(schema.columns.indices)
        let present = positions.map { Expr.notNull(.column(schema.columns[$0].id)) }
        let keep: Expr
        if let thresh {
            keep = .binary(.greaterEqual, .countNotNull(positions.map { .column(schema.columns[$0].id) }), .literal(.int(Int64(thresh))))
        } else if present.isEmpty {
            keep = .literal(.bool(true))
        } else {
            keep = present.dropFirst().reduce(present[0]) { .binary(how == .any ? .and : .or, $0, $1) }
        }
        let labelled = try labelledPlan()
        let kept = DataFrame(session: session, plan: try LogicalPlan(.filter(labelled, predicate: keep)))
        return ignoreIndex ? try kept.resetIndex(drop: true) : kept
    }

    /// The same expression applied to every column, labels kept.
    func mapColumns(_ transform: (Expr) -> Expr) throws -> DataFrame {
        let fields = schema.allFields
        return try with(.project(plan, index: .keep, columns: try schema.columns.map { field in
            try NamedExpr.typed(label: field.label, expr: transform(.column(field.id)), in: fields)
        }))
    }
}

/// pandas' `dropna(how=)`.
public enum DropHow: String, Sendable {
    case any, all
}
