import BambooCore
import BambooPlan

extension DataFrameGroupBy {
    /// A moving window within each group (pandas: `df.groupby(k).rolling(window, min_periods=, center=)`).
    ///
    /// ```swift
    /// let smooth = try df.groupby("store").rolling(3, minPeriods: 1).mean()
    /// ```
    /// Aggregations return the groups one after another (in key order, or first appearance with
    /// `sort: false`), indexed by the keys and then the original index, as pandas does.
    public func rolling(_ window: Int, minPeriods: Int? = nil, center: Bool = false) throws -> GroupedRolling {
        guard window >= 0 else { throw BambooError(.invalidArgument, "window must be an integer 0 or greater") }
        if let minPeriods, minPeriods > window { throw BambooError(.invalidArgument, "min_periods \(minPeriods) must be <= window \(window)") }
        return GroupedRolling(groups: self, window: window, minPeriods: minPeriods ?? window, center: center)
    }

    /// Every row so far within each group (pandas: `df.groupby(k).expanding(min_periods=)`).
    public func expanding(minPeriods: Int = 1) throws -> GroupedRolling {
        GroupedRolling(groups: self, window: Int.max, minPeriods: minPeriods, center: false)
    }

    /// Exponential weights within each group (pandas: `df.groupby(k).ewm(...)`).
    public func ewm(com: Double? = nil, span: Double? = nil, halflife: Double? = nil, alpha: Double? = nil, minPeriods: Int = 0,
                    adjust: Bool = true, ignoreNA: Bool = false) throws -> GroupedExponentialMoving {
        let frameWindow = try frame.ewm(com: com, span: span, halflife: halflife, alpha: alpha, minPeriods: minPeriods, adjust: adjust, ignoreNA: ignoreNA)
        return GroupedExponentialMoving(groups: self, window: frameWindow.window)
    }

    /// A per-group window of the selected columns, rows regrouped and indexed by (keys, original index).
    func movingFrame(_ function: GroupWindowFunction) throws -> DataFrame {
        try frame.checkDeferred()
        let labelled = try frame.labelledPlan()
        let values = try selection.map { field in
            WindowColumn(field: Field(label: field.label, dtype: try function.resultDType(for: field.dtype)), function: function, input: .column(field.id))
        }
        let carried = keys.map { WindowColumn(field: Field(label: $0.label, dtype: $0.dtype), function: .passthrough, input: .column($0.id)) }
        let number = WindowColumn(field: Field(label: "__group__", dtype: .int64), function: .groupNumber, input: .column(keys[0].id))
        let windowed = try LogicalPlan(.groupWindow(labelled, keys: keys.map { .column($0.id) }, columns: values + carried + [number], dropna: dropna))
        let kept = try LogicalPlan(.filter(windowed, predicate: .binary(.greaterEqual, .column(number.field.id), .literal(.int(0)))))
        let order = sort ? carried.map { SortSpec(expr: .column($0.field.id), ascending: true, missingFirst: false) }
            : [SortSpec(expr: .column(number.field.id), ascending: true, missingFirst: false)]
        let grouped = try LogicalPlan(.sort(kept, keys: order))
        // Time-bin keys (Grouper(freq:)) were grouped as categoricals and show as datetimes.
        let levels = zip(keys, carried).map { key, column in
            binKeys[key.id].map { NamedExpr(field: Field(label: column.field.label, dtype: $0), expr: .cast(.column(column.field.id), $0)) }
                ?? NamedExpr(field: Field(label: column.field.label, dtype: column.field.dtype), expr: .column(column.field.id))
        } + labelled.schema.index.fields.map { NamedExpr(field: Field(label: $0.label, dtype: $0.dtype), expr: .column($0.id)) }
        return DataFrame(session: frame.session, plan: try LogicalPlan(.project(grouped, index: .fields(levels), columns: values.map { NamedExpr.passthrough($0.field) })))
    }
}

/// Per-group moving windows (pandas: `RollingGroupby`, `ExpandingGroupby`).
public struct GroupedRolling: Sendable {
    let groups: DataFrameGroupBy
    let window: Int
    let minPeriods: Int
    let center: Bool

    func aggregate(_ function: AggregateFunction, ddof: Int = 1) throws -> DataFrame {
        try groups.movingFrame(.rolling(RollingWindow(window: window, minPeriods: minPeriods, center: center, function: function, ddof: ddof)))
    }

    public func sum() throws -> DataFrame { try aggregate(.sum) }
    public func mean() throws -> DataFrame { try aggregate(.mean) }
    public func min() throws -> DataFrame { try aggregate(.min) }
    public func max() throws -> DataFrame { try aggregate(.max) }
    public func median() throws -> DataFrame { try aggregate(.median) }
    public func count() throws -> DataFrame { try aggregate(.count) }
    public func std(ddof: Int = 1) throws -> DataFrame { try aggregate(.std, ddof: ddof) }
    public func `var`(ddof: Int = 1) throws -> DataFrame { try aggregate(.var, ddof: ddof) }
}

/// Per-group exponentially weighted windows (pandas: `ExponentialMovingWindowGroupby`).
public struct GroupedExponentialMoving: Sendable {
    let groups: DataFrameGroupBy
    let window: ExponentialWindow

    public func mean() throws -> DataFrame { try groups.movingFrame(.ewmMean(window)) }
}

extension SeriesGroupBy {
    /// pandas: `df.groupby(k)["v"].rolling(window, min_periods=, center=)`; aggregations are Series.
    public func rolling(_ window: Int, minPeriods: Int? = nil, center: Bool = false) throws -> SeriesGroupedRolling {
        SeriesGroupedRolling(frame: try groups.rolling(window, minPeriods: minPeriods, center: center))
    }
    /// pandas: `df.groupby(k)["v"].expanding(min_periods=)`.
    public func expanding(minPeriods: Int = 1) throws -> SeriesGroupedRolling { SeriesGroupedRolling(frame: try groups.expanding(minPeriods: minPeriods)) }
    /// pandas: `df.groupby(k)["v"].ewm(...)`.
    public func ewm(com: Double? = nil, span: Double? = nil, halflife: Double? = nil, alpha: Double? = nil, minPeriods: Int = 0,
                    adjust: Bool = true, ignoreNA: Bool = false) throws -> SeriesGroupedExponentialMoving {
        SeriesGroupedExponentialMoving(frame: try groups.ewm(com: com, span: span, halflife: halflife, alpha: alpha, minPeriods: minPeriods,
                                                            adjust: adjust, ignoreNA: ignoreNA))
    }
}

/// A Series' per-group moving windows; each aggregation is a Series indexed by (keys, original index).
public struct SeriesGroupedRolling: Sendable {
    let frame: GroupedRolling
    public func sum() throws -> Series { try .wrapping(frame.sum()) }
    public func mean() throws -> Series { try .wrapping(frame.mean()) }
    public func min() throws -> Series { try .wrapping(frame.min()) }
    public func max() throws -> Series { try .wrapping(frame.max()) }
    public func median() throws -> Series { try .wrapping(frame.median()) }
    public func count() throws -> Series { try .wrapping(frame.count()) }
    public func std(ddof: Int = 1) throws -> Series { try .wrapping(frame.std(ddof: ddof)) }
    public func `var`(ddof: Int = 1) throws -> Series { try .wrapping(frame.var(ddof: ddof)) }
}

/// A Series' per-group exponentially weighted windows.
public struct SeriesGroupedExponentialMoving: Sendable {
    let frame: GroupedExponentialMoving
    public func mean() throws -> Series { try .wrapping(frame.mean()) }
}
