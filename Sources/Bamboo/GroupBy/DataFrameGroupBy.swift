import BambooCore
import BambooPlan

extension DataFrame {
    /// Groups rows by the values of columns (pandas: `df.groupby(by, sort=, dropna=, as_index=)`).
    ///
    /// ```swift
    /// let totals = try df.groupby("region").sum()                  // index: region
    /// let flat = try df.groupby(["region", "product"], asIndex: false)[["units"]].sum()
    /// ```
    /// Groups come in key order (`sort: true`, missing keys last) or in order of first appearance.
    /// Rows with a missing key are dropped unless `dropna: false`.
    public func groupby(_ by: [Scalar], sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) throws -> DataFrameGroupBy {
        try checkDeferred()
        guard !by.isEmpty else { throw BambooError(.invalidArgument, "No group keys passed!") }
        let keys = try by.map { label -> Field in
            let positions = schema.positions(of: label)
            guard positions.count == 1 else {
                if positions.isEmpty { throw schema.notFound(label) }
                throw BambooError(.invalidArgument, "The grouper name \(label.pythonRepr) is not unique.")
            }
            return schema.columns[positions[0]]
        }
        let keyIDs = Set(keys.map(\.id))
        return DataFrameGroupBy(frame: self, keys: keys, selection: schema.columns.filter { !keyIDs.contains($0.id) },
                                sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }

    public func groupby(_ by: Scalar, sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) throws -> DataFrameGroupBy {
        try groupby([by], sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }

    /// Groups rows by the values of Series (pandas: `df.groupby(df["k"].str[0])` or `df.groupby(s)`):
    /// a Series of this frame groups its rows directly; one from another frame is aligned on the
    /// index first. Each key becomes an index level named after its Series; a key that is a column
    /// of this frame itself (`df["k"]`) is left out of the aggregated columns, as in pandas.
    public func groupby(_ keys: [Series], sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) throws -> DataFrameGroupBy {
        try checkDeferred()
        var frame = self
        var keyFields: [Field] = []
        var excluded = Set<FieldID>()
        for key in keys {
            if key.anchor === plan, case .column(let id) = key.expr, let field = schema.columns.first(where: { $0.id == id }) {
                keyFields.append(field)
                excluded.insert(id)
                continue
            }
            // A computed key becomes a hidden column of the frame (aligned when it comes from elsewhere).
            let label = Scalar.string("__key\(keyFields.count)__")
            frame = key.anchor === frame.plan ? try frame.settingColumn(label, expr: key.expr) : try frame.setColumn(label, key)
            let added = frame.schema.columns[frame.schema.columns.count - 1]
            keyFields.append(Field(id: added.id, label: key.name, dtype: added.dtype))
            excluded.insert(added.id)
        }
        let selection = frame.schema.columns.filter { !excluded.contains($0.id) }
        return DataFrameGroupBy(frame: frame, keys: keyFields, selection: selection, sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }

    public func groupby(_ key: Series, sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) throws -> DataFrameGroupBy {
        try groupby([key], sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }

    /// Groups rows by index levels, by name or position (pandas: `df.groupby(level=...)`).
    public func groupby(level: [Scalar], sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) throws -> DataFrameGroupBy {
        try checkDeferred()
        let labelled = DataFrame(session: session, plan: try labelledPlan())
        let levels = labelled.schema.index.fields
        let keys = try indexLevels(level, in: levels).map { levels[$0] }
        return DataFrameGroupBy(frame: labelled, keys: keys, selection: labelled.schema.columns, sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }
}

/// Rows of a frame grouped by key columns (pandas: `DataFrameGroupBy`). Aggregations return a
/// DataFrame with one row per group: the keys as the index (or as leading columns with
/// `asIndex: false`), one column per selected column.
public struct DataFrameGroupBy: Sendable {
    let frame: DataFrame
    let keys: [Field]
    /// The columns aggregated (all but the keys, unless selected with `[...]`).
    var selection: [Field]
    let sort: Bool
    let dropna: Bool
    let asIndex: Bool
    /// Whether categorical keys form groups of their observed categories only (pandas 3's default).
    let observed: Bool
    /// Keys that are time bins (`resample`, `Grouper(freq:)`): grouped as a categorical of every
    /// bin, so that empty bins can show, and shown in results as datetimes of this dtype.
    var binKeys: [FieldID: DType] = [:]

    /// One column's groups (pandas: `gb["v"]`); its aggregations return a Series.
    public subscript(_ label: String) -> SeriesGroupBy {
        get throws {
            guard asIndex else {
                throw BambooError(.invalidArgument, "With asIndex: false pandas returns a DataFrame; select with a list (gb[[\"\(label)\"]]) to get one.")
            }
            return SeriesGroupBy(groups: try self[[.string(label)]])
        }
    }

    /// Several columns' groups (pandas: `gb[["v", "w"]]`).
    public subscript(_ labels: [Scalar]) -> DataFrameGroupBy {
        get throws {
            let positions = try frame.columnPositions(labels)
            return selecting(positions.map { frame.schema.columns[$0] })
        }
    }

    /// The same groups over other columns.
    func selecting(_ columns: [Field]) -> DataFrameGroupBy {
        var selected = self
        selected.selection = columns
        return selected
    }

    public func sum(minCount: Int = 0, skipna: Bool = true) throws -> DataFrame { try aggregate(.sum, AggregateOptions(minCount: minCount, skipna: skipna)) }
    public func prod(minCount: Int = 0, skipna: Bool = true) throws -> DataFrame { try aggregate(.prod, AggregateOptions(minCount: minCount, skipna: skipna)) }
    public func mean(skipna: Bool = true) throws -> DataFrame { try aggregate(.mean, AggregateOptions(skipna: skipna)) }
    public func median(skipna: Bool = true) throws -> DataFrame { try aggregate(.median, AggregateOptions(skipna: skipna)) }
    public func min(skipna: Bool = true) throws -> DataFrame { try aggregate(.min, AggregateOptions(skipna: skipna)) }
    public func max(skipna: Bool = true) throws -> DataFrame { try aggregate(.max, AggregateOptions(skipna: skipna)) }
    /// Exact per-group quantiles (pandas: `gb.quantile(q, interpolation=)`).
    public func quantile(_ q: Double = 0.5, interpolation: QuantileInterpolation = .linear, numericOnly: Bool = false) throws -> DataFrame {
        guard (0...1).contains(q) else { throw BambooError(.invalidArgument, "percentiles should all be in the interval [0, 1]") }
        let groups = numericOnly ? selecting(selection.filter { $0.dtype.isNumeric }) : self
        return try groups.aggregate(.quantile, AggregateOptions(q: q, interpolation: interpolation))
    }
    /// The index label of each group's minimum (pandas: `gb.idxmin()`); first of ties.
    public func idxmin(skipna: Bool = true) throws -> DataFrame { try labelAggregate(.idxmin, skipna: skipna) }
    /// The index label of each group's maximum (pandas: `gb.idxmax()`); first of ties.
    public func idxmax(skipna: Bool = true) throws -> DataFrame { try labelAggregate(.idxmax, skipna: skipna) }
    public func count() throws -> DataFrame { try aggregate(.count) }
    public func std(ddof: Int = 1, skipna: Bool = true) throws -> DataFrame { try aggregate(.std, AggregateOptions(ddof: ddof, skipna: skipna)) }
    /// The standard error of each group's mean (pandas: `gb.sem(ddof=)`).
    public func sem(ddof: Int = 1, skipna: Bool = true) throws -> DataFrame { try aggregate(.sem, AggregateOptions(ddof: ddof, skipna: skipna)) }
    /// Each group's bias-corrected sample skewness (pandas: `gb.skew()`); NaN below 3 values.
    public func skew(skipna: Bool = true) throws -> DataFrame { try aggregate(.skew, AggregateOptions(skipna: skipna)) }
    /// Each group's bias-corrected excess kurtosis (pandas: `gb.kurt()`); NaN below 4 values.
    public func kurt(skipna: Bool = true) throws -> DataFrame { try aggregate(.kurt, AggregateOptions(skipna: skipna)) }
    public func `var`(ddof: Int = 1, skipna: Bool = true) throws -> DataFrame { try aggregate(.var, AggregateOptions(ddof: ddof, skipna: skipna)) }
    public func first(skipna: Bool = true) throws -> DataFrame { try aggregate(.first, AggregateOptions(skipna: skipna)) }
    public func last(skipna: Bool = true) throws -> DataFrame { try aggregate(.last, AggregateOptions(skipna: skipna)) }
    public func nunique() throws -> DataFrame { try aggregate(.nunique) }
    public func any(skipna: Bool = true) throws -> DataFrame { try aggregate(.any, AggregateOptions(skipna: skipna)) }
    public func all(skipna: Bool = true) throws -> DataFrame { try aggregate(.all, AggregateOptions(skipna: skipna)) }

    /// One aggregation by name for every selected column (pandas: `gb.agg("sum", skipna=)`).
    public func agg(_ function: String, skipna: Bool = true) throws -> DataFrame {
        let named = try AggregateFunction.named(function)
        guard named != .size else {
            throw BambooError(.invalidArgument, "agg(\"size\") returns a Series in pandas: call size() (or sizeFrame() for asIndex: false).")
        }
        return try aggregate(named, AggregateOptions(skipna: skipna))
    }

    /// One aggregation per column, in the order given (pandas: `gb.agg({"v": "sum", "w": "max"})`).
    public func agg(_ functions: KeyValuePairs<String, String>) throws -> DataFrame {
        try agg(pairs: functions.map { ($0.key, $0.value) })
    }

    /// As ``agg(_:)-(KeyValuePairs<String,String>)``, for pairs built at run time.
    public func agg(pairs functions: [(column: String, function: String)]) throws -> DataFrame {
        let specs = try functions.map { (label, name) -> (Field, AggregateFunction) in
            (try frame.schema.column(.string(label)), try AggregateFunction.named(name))
        }
        return try aggregated(specs.map { field, function in
            Aggregation(field: Field(label: field.label, dtype: try function.resultDType(for: field.dtype)), function: function, input: .column(field.id))
        })
    }

    /// Several aggregations of every selected column (pandas: `gb.agg(["sum", "max"])`): the
    /// columns are labelled `(column, function)`, a two-level column index, column by column.
    public func agg(_ functions: [String]) throws -> DataFrame {
        let named = try functions.map { try AggregateFunction.named($0) }
        return try aggregated(try selection.flatMap { field in
            try zip(functions, named).map { name, function in
                Aggregation(field: Field(label: .tuple([field.label, .string(name)]), dtype: try function.resultDType(for: field.dtype)),
                            function: function, input: .column(field.id))
            }
        })
    }

    /// Named aggregation (pandas: `gb.agg(total=("v", "sum"), top=("w", "max"))`): one output
    /// column per name, from a column and a function.
    ///
    /// ```swift
    /// let summary = try df.groupby("k").agg(named: ["total": ("v", "sum"), "top": ("w", "max")])
    /// ```
    public func agg(named outputs: KeyValuePairs<String, (column: String, function: String)>) throws -> DataFrame {
        try agg(namedPairs: outputs.map { (name: $0.key, column: $0.value.column, function: $0.value.function) })
    }

    /// As ``agg(named:)``, for outputs built at run time.
    public func agg(namedPairs outputs: [(name: String, column: String, function: String)]) throws -> DataFrame {
        try aggregated(try outputs.map { output in
            let field = try frame.schema.column(.string(output.column))
            let function = try AggregateFunction.named(output.function)
            return Aggregation(field: Field(label: .string(output.name), dtype: try function.resultDType(for: field.dtype)), function: function,
                               input: .column(field.id))
        })
    }

    /// Rows per group, as a Series indexed by the keys (pandas: `gb.size()`). With `asIndex: false`
    /// pandas returns a DataFrame instead: use ``sizeFrame()``.
    public func size() throws -> Series {
        let counted = try sizeAggregation()
        return try Series.wrapping(DataFrame(session: frame.session, plan: groupPlan([counted])))
    }

    /// Rows per group as a frame: the keys, then a `size` column (pandas: `gb.size()` with `as_index=False`).
    public func sizeFrame() throws -> DataFrame {
        var counted = try sizeAggregation()
        counted.field.label = "size"
        return try DataFrame(session: frame.session, plan: groupPlan([counted])).resetIndex(drop: false)
    }

    func sizeAggregation() throws -> Aggregation {
        let anyField = keys[0]
        return Aggregation(field: Field(label: .none, dtype: .int64), function: .size, input: .column(anyField.id))
    }

    func aggregate(_ function: AggregateFunction, _ options: AggregateOptions = AggregateOptions()) throws -> DataFrame {
        try aggregated(selection.map { field in
            Aggregation(field: Field(label: field.label, dtype: try function.resultDType(for: field.dtype, options: options)), function: function,
                        input: .column(field.id), options: options)
        })
    }

    /// idxmin/idxmax: the aggregate runs over the labelled rows so it can return index labels.
    func labelAggregate(_ function: AggregateFunction, skipna: Bool) throws -> DataFrame {
        let labelled = try frame.labelledPlan()
        guard let level = labelled.schema.index.fields.first, labelled.schema.index.fields.count == 1 else {
            throw BambooError(.unsupportedOnBackend, "\(function.rawValue) on a MultiIndex is not available yet.")
        }
        let aggregations = try selection.map { field in
            _ = try function.resultDType(for: field.dtype)
            return Aggregation(field: Field(label: field.label, dtype: level.dtype), function: function, input: .column(field.id),
                               options: AggregateOptions(skipna: skipna), labels: .column(level.id))
        }
        let levels = keys.map { NamedExpr(field: Field(label: $0.label, dtype: $0.dtype), expr: .column($0.id)) }
        let grouped = DataFrame(session: frame.session, plan: try showingBins(LogicalPlan(.aggregate(labelled, keys: levels, aggregations: aggregations, sort: sort, dropna: dropna, observed: observed))))
        return asIndex ? grouped : try grouped.resetIndex(drop: false)
    }

    func aggregated(_ aggregations: [Aggregation]) throws -> DataFrame {
        let grouped = try DataFrame(session: frame.session, plan: groupPlan(aggregations))
        return asIndex ? grouped : try grouped.resetIndex(drop: false)
    }

    /// The `Aggregate` node: the key columns become index levels labelled by their names.
    func groupPlan(_ aggregations: [Aggregation]) throws -> LogicalPlan {
        try frame.checkDeferred()
        let levels = keys.map { NamedExpr(field: Field(label: $0.label, dtype: $0.dtype), expr: .column($0.id)) }
        return try showingBins(LogicalPlan(.aggregate(frame.plan, keys: levels, aggregations: aggregations, sort: sort, dropna: dropna, observed: observed)))
    }

    /// The aggregate with its time-bin levels shown as datetimes (they were grouped as categoricals).
    func showingBins(_ aggregate: LogicalPlan) throws -> LogicalPlan {
        guard !binKeys.isEmpty else { return aggregate }
        let levels = zip(keys, aggregate.schema.index.fields).map { key, level in
            guard let dtype = binKeys[key.id] else { return NamedExpr.passthrough(level) }
            return NamedExpr(field: Field(label: level.label, dtype: dtype), expr: .cast(.column(level.id), dtype))
        }
        return try LogicalPlan(.project(aggregate, index: .fields(levels), columns: aggregate.schema.columns.map(NamedExpr.passthrough)))
    }
}

/// One column's groups (pandas: `SeriesGroupBy`); aggregations return a Series named after the column.
public struct SeriesGroupBy: Sendable {
    let groups: DataFrameGroupBy

    /// The one-column frame grouping behind this Series grouping.
    public var groupBy: DataFrameGroupBy { groups }

    public func sum(minCount: Int = 0, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.sum(minCount: minCount, skipna: skipna)) }
    public func prod(minCount: Int = 0, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.prod(minCount: minCount, skipna: skipna)) }
    public func mean(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.mean(skipna: skipna)) }
    public func median(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.median(skipna: skipna)) }
    public func min(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.min(skipna: skipna)) }
    public func max(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.max(skipna: skipna)) }
    public func quantile(_ q: Double = 0.5, interpolation: QuantileInterpolation = .linear) throws -> Series {
        try Series.wrapping(groups.quantile(q, interpolation: interpolation))
    }
    public func idxmin(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.idxmin(skipna: skipna)) }
    public func idxmax(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.idxmax(skipna: skipna)) }
    public func count() throws -> Series { try Series.wrapping(groups.count()) }
    public func std(ddof: Int = 1, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.std(ddof: ddof, skipna: skipna)) }
    public func sem(ddof: Int = 1, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.sem(ddof: ddof, skipna: skipna)) }
    public func skew(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.skew(skipna: skipna)) }
    public func kurt(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.kurt(skipna: skipna)) }
    public func `var`(ddof: Int = 1, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.var(ddof: ddof, skipna: skipna)) }
    public func first(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.first(skipna: skipna)) }
    public func last(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.last(skipna: skipna)) }
    public func nunique() throws -> Series { try Series.wrapping(groups.nunique()) }
    public func any(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.any(skipna: skipna)) }
    public func all(skipna: Bool = true) throws -> Series { try Series.wrapping(groups.all(skipna: skipna)) }
    public func agg(_ function: String, skipna: Bool = true) throws -> Series { try Series.wrapping(groups.agg(function, skipna: skipna)) }

    /// Several aggregations of the column (pandas: `gb["v"].agg(["sum", "max"])`): a frame with one
    /// column per function.
    public func agg(_ functions: [String]) throws -> DataFrame {
        let field = groups.selection[0]
        return try groups.aggregated(try functions.map { name in
            let function = try AggregateFunction.named(name)
            return Aggregation(field: Field(label: .string(name), dtype: try function.resultDType(for: field.dtype)), function: function, input: .column(field.id))
        })
    }

    /// Rows per group (pandas: `gb["v"].size()`), named after the column.
    public func size() throws -> Series { try groups.size().rename(groups.selection[0].label) }
}

extension AggregateFunction {
    /// The function pandas names `name` in `agg("...")`.
    static func named(_ name: String) throws -> AggregateFunction {
        guard let function = AggregateFunction(rawValue: name) else {
            throw BambooError(.invalidArgument, "'\(name)' is not a valid function for 'DataFrameGroupBy' object",
                              suggestions: ClosestNames.rank(name, among: AggregateFunction.allCases.map(\.rawValue)))
        }
        return function
    }
}
