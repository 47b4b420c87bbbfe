import BambooCore
import BambooPlan

extension Series {
    /// True where the value is missing (pandas: `s.isna()`).
    public func isna() throws -> Series { try derived(.isNull(expr)) }
    /// True where the value is present (pandas: `s.notna()`).
    public func notna() throws -> Series { try derived(.notNull(expr)) }
    public func isnull() throws -> Series { try isna() }
    public func notnull() throws -> Series { try notna() }

    /// Replaces missing values (pandas: `s.fillna(value)`).
    public func fillna(_ value: Scalar) throws -> Series { try derived(.fillNull(expr, value)) }

    /// Casts (pandas: `s.astype(dtype)`), with pandas' errors for values that do not fit.
    public func astype(_ dtype: DType) throws -> Series { try derived(.cast(expr, dtype)) }

    /// A new name (pandas: `s.rename("x")`).
    public func rename(_ name: Scalar) throws -> Series { try derived(expr, name: name) }

    /// Drops missing values (pandas: `s.dropna()`).
    public func dropna() throws -> Series { try .wrapping(toFrame().dropna()) }

    /// Sorts values, stably (pandas: `s.sort_values(ascending=, na_position=)`).
    public func sortValues(ascending: Bool = true, naPosition: NAPosition = .last) throws -> Series {
        let frame = try toFrame()
        let field = frame.schema.columns[0]
        let keys = [SortSpec(expr: .column(field.id), ascending: ascending, missingFirst: naPosition == .first)]
        return try .wrapping(DataFrame(session: session, plan: LogicalPlan(.sort(frame.labelledPlan(), keys: keys))))
    }

    /// Sorts by the index (pandas: `s.sort_index()`).
    public func sortIndex(ascending: Bool = true, naPosition: NAPosition = .last) throws -> Series {
        try .wrapping(toFrame().sortIndex(ascending: ascending, naPosition: naPosition))
    }

    /// The first `n` values (pandas: `s.head(n)`).
    public func head(_ n: Int = 5) throws -> Series { try .wrapping(toFrame().head(n)) }
    /// The last `n` values (pandas: `s.tail(n)`).
    public func tail(_ n: Int = 5) throws -> Series { try .wrapping(toFrame().tail(n)) }

    /// Values where `mask` (from the same rows) is True (pandas: `s[mask]`).
    public subscript(_ mask: Series) -> Series {
        get throws { try .wrapping(toFrame().filterAligned(mask, anchoredAt: anchor, expr: expr)) }
    }

    /// Moves the index into a frame's columns (pandas: `s.reset_index()`).
    public func resetIndex() throws -> DataFrame {
        try toFrame().resetIndex(drop: false)
    }

    /// Replaces the index with a RangeIndex, keeping a Series (pandas: `s.reset_index(drop=True)`).
    /// pandas returns a DataFrame for `drop=False`; Swift picks the type from the call, so that form
    /// is ``resetIndex()``, and `drop: false` here throws saying so.
    public func resetIndex(drop: Bool) throws -> Series {
        guard drop else { throw BambooError(.invalidArgument, "resetIndex(drop: false) returns a DataFrame: call resetIndex() instead.") }
        return try .wrapping(toFrame().resetIndex(drop: true))
    }
}

extension DataFrame {
    /// Filters a one-column frame built from a series by a mask sharing the series' anchor.
    func filterAligned(_ mask: Series, anchoredAt anchor: LogicalPlan, expr: Expr) throws -> DataFrame {
        guard mask.anchor === anchor else {
            throw BambooError(.unsupportedOnBackend, "The boolean mask comes from other rows; index alignment across frames is not available yet.")
        }
        // Filter the anchor (where the mask's fields live), then keep the series' column.
        let anchorFrame = DataFrame(session: session, plan: anchor)
        let filtered = try anchorFrame.filter(mask)
        let field = schema.columns[0]
        return try filtered.with(.project(filtered.plan, index: .keep, columns: [NamedExpr(field: field, expr: expr)]))
    }
}
