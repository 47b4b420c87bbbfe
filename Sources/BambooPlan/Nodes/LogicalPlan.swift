import BambooCore

/// An immutable node of the logical plan with its output schema, computed (and validated) when it
/// is built: a plan that exists is a plan whose columns, dtypes and index are known.
///
/// ```swift
/// let source = try LogicalPlan(.source(data))
/// let filtered = try LogicalPlan(.filter(source, predicate: .binary(.greater, .column(a.id), .literal(1))))
/// print(filtered.explain())
/// ```
public final class LogicalPlan: Sendable, CustomStringConvertible {
    public indirect enum Node: Sendable {
        /// Rows held in memory (literals, or a file already parsed).
        case source(SourceData)
        /// A file the backend reads where it runs (``FileScan``); rows in file order.
        case fileScan(FileScan)
        /// New columns (and optionally a new index) computed row by row; order unchanged.
        case project(LogicalPlan, index: IndexProjection, columns: [NamedExpr])
        /// Rows where `predicate` is True, in order.
        case filter(LogicalPlan, predicate: Expr)
        /// A stable sort by the keys (pandas' `kind="stable"` order; one valid outcome of any kind).
        case sort(LogicalPlan, keys: [SortSpec])
        /// Rows `start..<stop` by `step`, with Python slice semantics (negative bounds count from the end).
        case slice(LogicalPlan, start: Int?, stop: Int?, step: Int)
        /// Rows at these positions, in this order (negative counts from the end; out of range is an error).
        case take(LogicalPlan, positions: [Int], single: Bool)
        /// Rows where a literal boolean list is True; its length must equal the row count
        /// (`iloc` raises IndexError when it does not, `df[list]` ValueError).
        case maskRows(LogicalPlan, mask: [Bool], positional: Bool)
        /// Adds a column of literal values; their count must equal the row count (`df["c"] = [..]`).
        case attachColumn(LogicalPlan, field: Field, values: Column)
        /// Adds `field` holding each row's position 0..<n: how a RangeIndex becomes real labels.
        case rowNumber(LogicalPlan, field: Field)
        /// Rows whose (single-level) index equals each label, in label order; missing labels are a KeyError.
        case locLabels(LogicalPlan, labels: [Scalar])
        /// Rows whose index is none of `labels` (`drop(index=)`); with `mustExist`, an absent label is a KeyError.
        case dropLabels(LogicalPlan, labels: [Scalar], mustExist: Bool)
        /// Rows between two index labels, both ends included, as pandas' label slicing defines it.
        case locSlice(LogicalPlan, start: Scalar?, stop: Scalar?, step: Int)
        /// Adds `field` = `value` evaluated over `source`, matched to this plan's rows by index label
        /// (pandas' reindexing of a mask or an assigned Series from another frame).
        case alignColumn(LogicalPlan, source: LogicalPlan, value: Expr, field: Field, purpose: AlignPurpose)
        /// One row turned into a column: index = the column labels, label = the row's index label.
        case rowToSeries(LogicalPlan, field: Field)
        /// One row per group of equal `keys` (`groupby`): the keys become the index, each aggregation a
        /// column. Groups are in key order when `sort`, else in order of first appearance; rows with
        /// a missing key are dropped when `dropna`. Unless `observed`, categorical keys also form
        /// groups of their unobserved categories (pandas' `observed=False`).
        case aggregate(LogicalPlan, keys: [NamedExpr], aggregations: [Aggregation], sort: Bool, dropna: Bool, observed: Bool)
        /// Long rows spread into wide columns (`pivot`, `unstack`): one row per distinct index,
        /// sorted; cells with no row are missing; repeated (index, column) pairs are an error.
        case pivot(LogicalPlan, PivotSpec)
        /// The rows of several plans one after another (`concat`).
        case concat([LogicalPlan], ConcatSpec)
        /// Per-group operations that keep every row in place (`cumsum`, `shift`, `transform`, ...):
        /// the same rows and index, one column per window column.
        case groupWindow(LogicalPlan, keys: [Expr], columns: [WindowColumn], dropna: Bool)
        /// Some rows of each group (`head`, `tail`, `nth`), in their original order.
        case groupSelect(LogicalPlan, keys: [Expr], selection: GroupRowSelection, dropna: Bool)
        /// Adds a bool `field`: whether the row repeats an equal row (`duplicated`; an object
        /// column's `None` and NaN differ).
        case markDuplicates(LogicalPlan, keys: [Expr], keep: DuplicateKeep, field: Field)
        /// The lists in `columns` spread over rows (`explode`): one row per item, the other cells and
        /// the index label repeated; an empty list gives one missing item, other values stay as they are.
        case explode(LogicalPlan, columns: [FieldID])
        /// Distinct key combinations with their count or proportion (`value_counts`): the keys
        /// become the index, `field` the counts; most frequent first when sorted, ties in order of appearance.
        case valueCounts(LogicalPlan, keys: [NamedExpr], spec: ValueCountsSpec, field: Field)
        /// Rows of two plans matched on key columns (`merge`), in pandas' order for `how`.
        case join(LogicalPlan, LogicalPlan, JoinSpec)
        /// One value per column (`df.sum()`); a single row, labels as the input's columns.
        case reduce(LogicalPlan, Reduction, skipna: Bool, columns: [NamedExpr])
    }

    public let node: Node
    public let schema: Schema

    public init(_ node: Node) throws {
        self.node = node
        self.schema = try SchemaInference.schema(of: node)
    }

    /// Child plans, left to right.
    public var inputs: [LogicalPlan] {
        switch node {
        case .source, .fileScan: return []
        case .alignColumn(let input, let source, _, _, _): return [input, source]
        case .join(let left, let right, _): return [left, right]
        case .concat(let parts, _): return parts
        case .project(let input, _, _), .filter(let input, _), .sort(let input, _), .slice(let input, _, _, _),
             .take(let input, _, _), .maskRows(let input, _, _), .attachColumn(let input, _, _), .rowNumber(let input, _), .locLabels(let input, _), .dropLabels(let input, _, _), .locSlice(let input, _, _, _),
             .rowToSeries(let input, _), .reduce(let input, _, _, _), .aggregate(let input, _, _, _, _, _),
             .groupWindow(let input, _, _, _), .groupSelect(let input, _, _, _), .markDuplicates(let input, _, _, _),
             .valueCounts(let input, _, _, _), .pivot(let input, _), .explode(let input, _):
            return [input]
        }
    }

    /// The node's name as `explain()` prints it.
    public var name: String {
        switch node {
        case .source: return "Source"
        case .fileScan: return "FileScan"
        case .project: return "Project"
        case .filter: return "Filter"
        case .sort: return "Sort"
        case .slice: return "Slice"
        case .take: return "Take"
        case .maskRows: return "MaskRows"
        case .attachColumn: return "AttachColumn"
        case .rowNumber: return "RowNumber"
        case .locLabels: return "LocLabels"
        case .locSlice: return "LocSlice"
        case .dropLabels: return "DropLabels"
        case .rowToSeries: return "RowToSeries"
        case .alignColumn: return "AlignColumn"
        case .reduce: return "Reduce"
        case .aggregate: return "Aggregate"
        case .join: return "Join"
        case .groupWindow: return "GroupWindow"
        case .groupSelect: return "GroupSelect"
        case .markDuplicates: return "MarkDuplicates"
        case .explode: return "Explode"
        case .valueCounts: return "ValueCounts"
        case .concat: return "Concat"
        case .pivot: return "Pivot"
        }
    }

    public var description: String { explain() }
}
