import BambooCore
import BambooPlan

extension Series {
    /// Applies a Swift closure to each value (pandas: `s.map(func)` / `s.apply(func)`).
    ///
    /// ```swift
    /// let initials = try df["name"].map(dtype: .string) { value in
    ///     guard case .string(let s) = value else { return .none }
    ///     return .string(String(s.prefix(1)))
    /// }
    /// ```
    /// Missing values are passed in as their marker (NaN, `None`, `pd.NA`). The eager and local
    /// backends run closures; Spark cannot ship Swift code to its workers and refuses such plans.
    public func map(dtype: DType, _ function: @escaping @Sendable (Scalar) throws -> Scalar) throws -> Series {
        try derived(.map(expr, UserFunction(name: "map", dtype: dtype, body: .map(function))))
    }

    /// The same as ``map(dtype:_:)`` (pandas: `s.apply(func)`).
    public func apply(dtype: DType, _ function: @escaping @Sendable (Scalar) throws -> Scalar) throws -> Series {
        try map(dtype: dtype, function)
    }
}

extension SeriesGroupBy {
    /// Aggregates each group's values with a Swift closure (pandas: `gb["v"].apply(func)` /
    /// `agg(func)` returning a scalar).
    public func apply(dtype: DType, _ function: @escaping @Sendable ([Scalar]) throws -> Scalar) throws -> Series {
        let field = groups.selection[0]
        var aggregation = Aggregation(field: Field(label: field.label, dtype: dtype), function: .first, input: .column(field.id))
        aggregation.custom = UserFunction(name: "apply", dtype: dtype, body: .aggregate(function))
        let grouped = try DataFrame(session: groups.frame.session, plan: groups.groupPlan([aggregation]))
        return try Series.wrapping(grouped)
    }

    /// Maps each group's values to as many new values with a Swift closure (pandas:
    /// `gb["v"].transform(func)`); the rows and index stay in place.
    public func transform(dtype: DType, _ function: @escaping @Sendable ([Scalar]) throws -> [Scalar]) throws -> Series {
        let field = groups.selection[0]
        let column = WindowColumn(field: Field(label: field.label, dtype: dtype),
                                  function: .custom(UserFunction(name: "transform", dtype: dtype, body: .transform(function))), input: .column(field.id))
        return try Series.wrapping(DataFrame(session: groups.frame.session, plan: groups.windowPlan([column])))
    }
}

extension DataFrameGroupBy {
    /// Keeps the rows of the groups whose values of `column` pass `predicate` (pandas:
    /// `gb.filter(lambda g: g["v"].sum() > 10)`), in their original order.
    ///
    /// ```swift
    /// let busy = try df.groupby("store").filter(column: "sales") { sales in sales.count >= 3 }
    /// ```
    public func filter(column label: String, _ predicate: @escaping @Sendable ([Scalar]) throws -> Bool) throws -> DataFrame {
        let field = try frame.schema.column(.string(label))
        let keep = Field(label: .none, dtype: .bool)
        let marks = WindowColumn(field: keep, function: .custom(UserFunction(name: "filter", dtype: .bool, body: .transform { values in
            let passes = try predicate(values)
            return Array(repeating: .bool(passes), count: values.count)
        })), input: .column(field.id))
        let labelled = try frame.labelledPlan()
        let window = try LogicalPlan(.groupWindow(labelled, keys: keys.map { .column($0.id) }, columns: [marks], dropna: dropna))
        // The window keeps only its own column: put the marks beside the frame's columns by position.
        let aligned = try LogicalPlan(.alignColumn(labelled, source: window, value: .column(keep.id), field: keep, purpose: .mask))
        let kept = try LogicalPlan(.filter(aligned, predicate: .fillNull(.column(keep.id), .bool(false))))
        return DataFrame(session: frame.session, plan: try LogicalPlan(.project(kept, index: .keep, columns: frame.schema.columns.map(NamedExpr.passthrough))))
    }
}
