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

/// One output column of a per-group window operation (`cumsum`, `transform("mean")`, ...).
public struct WindowColumn: Sendable, Hashable {
    public var field: Field
    public var function: GroupWindowFunction
    public var input: Expr

    public init(field: Field, function: GroupWindowFunction, input: Expr) {
        self.field = field
        self.function = function
        self.input = input
    }
}

/// Which rows of each group `head`/`tail`/`nth` keep.
public enum GroupRowSelection: Sendable, Hashable, CustomStringConvertible {
    case head(Int)
    case tail(Int)
    case nth([Int])

    public var description: String {
        switch self {
        case .head(let n): return "head(\(n))"
        case .tail(let n): return "tail(\(n))"
        case .nth(let positions): return "nth(\(positions))"
        }
    }
}

/// pandas' `keep=` for `duplicated` / `drop_duplicates`.
public enum DuplicateKeep: String, Sendable, Hashable {
    /// The first of equal rows is not a duplicate.
    case first
    /// The last of equal rows is not a duplicate.
    case last
    /// Every row that has an equal is a duplicate (pandas' `keep=False`).
    case none
}

/// The options of `value_counts`.
public struct ValueCountsSpec: Sendable, Hashable {
    public var normalize: Bool
    public var sort: Bool
    public var ascending: Bool
    public var dropna: Bool

    public init(normalize: Bool, sort: Bool, ascending: Bool, dropna: Bool) {
        self.normalize = normalize
        self.sort = sort
        self.ascending = ascending
        self.dropna = dropna
    }
}

/// pandas' `merge(how=)`.
public enum JoinHow: String, Sendable, Hashable, CaseIterable {
    case inner, left, right, outer, cross
}

/// pandas' `merge(validate=)`: which sides' keys must be unique.
public enum JoinValidation: String, Sendable, Hashable, CaseIterable {
    case oneToOne = "one_to_one", oneToMany = "one_to_many", manyToOne = "many_to_one", manyToMany = "many_to_many"

    /// Any of pandas' spellings (`"1:1"`, `"one_to_one"`, ...).
    public init(pandas text: String) throws {
        switch text {
        case "1:1", "one_to_one": self = .oneToOne
        case "1:m", "one_to_many": self = .oneToMany
        case "m:1", "many_to_one": self = .manyToOne
        case "m:m", "many_to_many": self = .manyToMany
        default:
            throw BambooError(.invalidArgument, "\"\(text)\" is not a valid argument. Valid arguments are:\n- \"1:1\"\n- \"1:m\"\n- \"m:1\"\n- \"m:m\"\n- \"one_to_one\"\n- \"one_to_many\"\n- \"many_to_one\"\n- \"many_to_many\"")
        }
    }
}

/// Where a merged column's values come from.
public enum JoinSource: Sendable, Hashable {
    case left(FieldID)
    case right(FieldID)
    /// A key named in `on`: the left value, or the right one where the row has no left side.
    case key(left: FieldID, right: FieldID)
}

/// Everything a `merge` needs besides its two inputs.
public struct JoinSpec: Sendable, Hashable {
    public var how: JoinHow
    public var leftKeys: [FieldID]
    public var rightKeys: [FieldID]
    public var columns: [(field: Field, source: JoinSource)]
    /// pandas' `indicator=True`: a `_merge` column (left_only / right_only / both).
    public var indicator: Field?
    public var sort: Bool
    public var validate: JoinValidation?
    /// Index alignment (`s1 + s2`): when both sides' keys are the same sequence, rows pair up in
    /// place and nothing is reordered, as pandas skips the join for equal indexes.
    public var keepEqualKeysInPlace: Bool = false
    /// Comparisons of Series (`s1 > s2`): pandas refuses to align them, so unequal keys are an error.
    public var requireEqualKeys: Bool = false
    /// The result's index levels (joins on the index keep one); empty for a RangeIndex.
    public var index: [(field: Field, source: JoinSource)] = []

    public init(how: JoinHow, leftKeys: [FieldID], rightKeys: [FieldID], columns: [(field: Field, source: JoinSource)],
                indicator: Field?, sort: Bool, validate: JoinValidation?) {
        self.how = how
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.columns = columns
        self.indicator = indicator
        self.sort = sort
        self.validate = validate
    }

    public static func == (a: JoinSpec, b: JoinSpec) -> Bool {
        a.how == b.how && a.leftKeys == b.leftKeys && a.rightKeys == b.rightKeys && a.indicator == b.indicator && a.sort == b.sort
            && a.keepEqualKeysInPlace == b.keepEqualKeysInPlace && a.requireEqualKeys == b.requireEqualKeys
            && a.index.map(\.field) == b.index.map(\.field) && a.index.map(\.source) == b.index.map(\.source)
            && a.validate == b.validate && a.columns.map(\.field) == b.columns.map(\.field) && a.columns.map(\.source) == b.columns.map(\.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(how)
        hasher.combine(leftKeys)
        hasher.combine(rightKeys)
        hasher.combine(columns.map(\.field))
    }

    /// The categories of the indicator column, in pandas' order.
    public static let indicatorCategories: [Scalar] = ["left_only", "right_only", "both"]
}

/// How `concat` stacks its inputs' rows: one output column per field, each taken from a field of
/// every input (or missing values where an input lacks it); the index likewise, unless reset.
public struct ConcatSpec: Sendable, Hashable {
    public var columns: [Field]
    /// Per input, per output column: the field supplying it, or nil for missing values.
    public var sources: [[FieldID?]]
    /// The output index level, and per input the field supplying it; nil for `ignore_index`.
    public var index: Field?
    public var indexSources: [FieldID]
    /// pandas' `verify_integrity`: repeated index labels are an error.
    public var verifyIntegrity: Bool

    public init(columns: [Field], sources: [[FieldID?]], index: Field?, indexSources: [FieldID], verifyIntegrity: Bool = false) {
        self.columns = columns
        self.sources = sources
        self.index = index
        self.indexSources = indexSources
        self.verifyIntegrity = verifyIntegrity
    }
}

/// A reduction over all rows of a column (`sum`, `mean`, ...).
public typealias Reduction = ColumnReduction
