import BambooCore

/// One aggregated output column of a `groupby`: a function of an input expression per group.
public struct Aggregation: Sendable, Hashable {
    public var field: Field
    public var function: AggregateFunction
    /// The values aggregated (any column for `size`, which counts rows).
    public var input: Expr
    public var options: AggregateOptions
    /// The index level `idxmin`/`idxmax` return labels of.
    public var labels: Expr?
    /// A Swift closure aggregating each group instead of `function` (`gb["v"].apply { ... }`).
    public var custom: UserFunction?

    public init(field: Field, function: AggregateFunction, input: Expr, options: AggregateOptions = AggregateOptions(), labels: Expr? = nil) {
        self.field = field
        self.function = function
        self.input = input
        self.options = options
        self.labels = labels
    }
}

/// A reduction over all rows of a column (`sum`, `mean`, ...).
public typealias Reduction = ColumnReduction
