import BambooCore
import BambooPlan

extension DataFrameGroupBy {
    /// Each row gets its group's aggregate (pandas: `gb.transform("mean")`); same rows and index.
    public func transform(_ function: String, ddof: Int = 1) throws -> DataFrame {
        let named = try AggregateFunction.named(function)
        guard named != .size else {
            throw BambooError(.invalidArgument, "transform(\"size\") returns a Series in pandas: call transformSize().")
        }
        return try window(.transform(named, ddof: ddof))
    }

    /// Each row's group size, as a Series on the frame's index (pandas: `gb.transform("size")`).
    public func transformSize() throws -> Series {
        let column = WindowColumn(field: Field(label: .none, dtype: .int64), function: .transform(.size, ddof: 1), input: .column(keys[0].id))
        return try Series.wrapping(DataFrame(session: frame.session, plan: windowPlan([column])))
    }
    /// Running sums within each group (pandas: `gb.cumsum()`).
    /// With `skipna: false` a missing value makes the rest of its group missing.
    public func cumsum(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cumsum, skipna: skipna)) }
    /// Running products within each group (pandas: `gb.cumprod(skipna=)`).
    public func cumprod(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cumprod, skipna: skipna)) }
    /// Running maxima within each group (pandas: `gb.cummax(skipna=)`).
    public func cummax(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cummax, skipna: skipna)) }
    /// Running minima within each group (pandas: `gb.cummin(skipna=)`).
    public func cummin(skipna: Bool = true) throws -> DataFrame { try window(.cumulative(.cummin, skipna: skipna)) }
    /// Values from `periods` rows earlier in the same group (pandas: `gb.shift(periods, fill_value=)`).
    public func shift(_ periods: Int = 1, fillValue: Scalar? = nil) throws -> DataFrame { try window(.shift(periods: periods, fill: fillValue)) }
    /// Differences with the value `periods` rows earlier in the same group (pandas: `gb.diff()`).
    public func diff(_ periods: Int = 1) throws -> DataFrame { try window(.diff(periods: periods)) }
    /// The change from the value `periods` rows earlier in the same group, as a fraction
    /// (pandas: `gb.pct_change(periods)`; pandas 3 fills nothing first).
    public func pctChange(_ periods: Int = 1) throws -> DataFrame { try window(.pctChange(periods: periods)) }
    /// Ranks within each group (pandas: `gb.rank(method=, ascending=, na_option=, pct=)`).
    public func rank(method: RankMethod = .average, ascending: Bool = true, naOption: RankNAOption = .keep, pct: Bool = false) throws -> DataFrame {
        try window(.rank(method: method, ascending: ascending, naOption: naOption, pct: pct))
    }

    /// Each row's position in its group (pandas: `gb.cumcount(ascending=)`), as a Series on the frame's index.
    public func cumcount(ascending: Bool = true) throws -> Series {
        let column = WindowColumn(field: Field(label: .none, dtype: .int64), function: .cumcount(ascending: ascending), input: .column(keys[0].id))
        return try Series.wrapping(DataFrame(session: frame.session, plan: windowPlan([column])))
    }

    /// The first `n` rows of each group, in their original order (pandas: `gb.head(n)`).
    public func head(_ n: Int = 5) throws -> DataFrame { try select(.head(n)) }
    /// The last `n` rows of each group (pandas: `gb.tail(n)`).
    public func tail(_ n: Int = 5) throws -> DataFrame { try select(.tail(n)) }
    /// The rows at these positions within each group (pandas: `gb.nth([...])`).
    public func nth(_ positions: [Int]) throws -> DataFrame { try select(.nth(positions)) }
    public func nth(_ position: Int) throws -> DataFrame { try select(.nth([position])) }

    func window(_ function: GroupWindowFunction) throws -> DataFrame {
        let columns = try selection.map { field in
            WindowColumn(field: Field(label: field.label, dtype: try function.resultDType(for: field.dtype)), function: function, input: .column(field.id))
        }
        return DataFrame(session: frame.session, plan: try windowPlan(columns))
    }

    func windowPlan(_ columns: [WindowColumn]) throws -> LogicalPlan {
        try frame.checkDeferred()
        return try LogicalPlan(.groupWindow(frame.plan, keys: keys.map { .column($0.id) }, columns: columns, dropna: dropna))
    }

    /// Rows chosen per group; the whole rows when nothing was selected, else the selected columns.
    func select(_ rows: GroupRowSelection) throws -> DataFrame {
        let labelled = try frame.labelledPlan()
        let chosen = try LogicalPlan(.groupSelect(labelled, keys: keys.map { .column($0.id) }, selection: rows, dropna: dropna))
        let keyIDs = Set(keys.map(\.id))
        let everything = frame.schema.columns.filter { !keyIDs.contains($0.id) } == selection
        let columns = everything ? frame.schema.columns : selection
        return DataFrame(session: frame.session, plan: try LogicalPlan(.project(chosen, index: .keep, columns: columns.map(NamedExpr.passthrough))))
    }
}

extension SeriesGroupBy {
    public func transform(_ function: String, ddof: Int = 1) throws -> Series {
        if function == "size" { return try groups.transformSize().rename(groups.selection[0].label) }
        return try Series.wrapping(groups.transform(function, ddof: ddof))
    }
    public func cumsum(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.cumsum(skipna: skipna)) }
    public func cumprod(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.cumprod(skipna: skipna)) }
    public func cummax(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.cummax(skipna: skipna)) }
    public func cummin(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.cummin(skipna: skipna)) }
    public func shift(_ periods: Int = 1, fillValue: Scalar? = nil) throws -> Series { try Series.wrapping(groups.shift(periods, fillValue: fillValue)) }
    public func diff(_ periods: Int = 1) throws -> Series { try Series.wrapping(groups.diff(periods)) }
    public func pctChange(_ periods: Int = 1) throws -> Series { try Series.wrapping(groups.pctChange(periods)) }
    public func rank(method: RankMethod = .average, ascending: Bool = true, naOption: RankNAOption = .keep, pct: Bool = false) throws -> Series {
        try Series.wrapping(groups.rank(method: method, ascending: ascending, naOption: naOption, pct: pct))
    }
    public func cumcount(ascending: Bool = true) throws -> Series { try groups.cumcount(ascending: ascending) }
    public func head(_ n: Int = 5) throws -> Series { try Series.wrapping(groups.head(n)) }
    public func tail(_ n: Int = 5) throws -> Series { try Series.wrapping(groups.tail(n)) }
    public func nth(_ positions: [Int]) throws -> Series { try Series.wrapping(groups.nth(positions)) }
    public func nth(_ position: Int) throws -> Series { try Series.wrapping(groups.nth([position])) }
}
