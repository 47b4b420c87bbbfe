#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `GroupWindow` (`cumsum`, `shift`, `rank`, `rolling`, `transform`, ... per group, or over the
/// whole frame when there are no keys) as Spark window expressions: partitioned by the group
/// keys, NaN turned into null so NaN and None keys form one group as in pandas, and ordered by
/// the input's hidden order columns. Rows keep their place and order.
///
/// With `dropna`, rows with a missing key belong to no group: their results are missing
/// (`ngroup` gives -1), as the eager backend gives them; keys carried through (`passthrough`)
/// are unchanged. Without keys, Spark computes the window in a single partition; the backend
/// says so in `explain()` and to the session's diagnostics (see `SparkBackend.notes(for:)`).
extension SparkRelationTranslator {
    mutating func groupWindow(_ input: LogicalPlan, keys: [Expr], columns: [WindowColumn], dropna: Bool) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        guard !child.order.isEmpty else {
            throw SparkWindowFunctions.refusal("A window over rows without a known order", "pandas' row order is not known here")
        }
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        let keyColumns = try keys.map { (nextHiddenName(), try expressions.cleaned($0)) }
        let keyNames = keyColumns.map(\.0)
        var relation = withColumns(child.relation, keyColumns)
        let spec = SparkWindowSpec(partition: keyNames.map(SparkExpressions.column), order: child.order.map(\.sortOrder))
        let functions = SparkWindowFunctions(expressions: expressions, spec: spec, ordering: child.order.orderingStruct())
        let inGroup: Spark_Connect_Expression? = dropna && !keys.isEmpty
            ? keyNames.map { SparkExpressions.call("isnotnull", [SparkExpressions.column($0)]) }.reduce(SparkLiterals.boolean(true), SparkExpressions.and)
            : nil

        var groupNumber: Spark_Connect_Expression?
        var helpers: [(String, Spark_Connect_Expression)] = []
        var outputs: [(String, Spark_Connect_Expression)] = []
        for column in columns {
            let name = SparkColumnNames.field(column.field.id)
            switch column.function {
            case .passthrough:
                outputs.append((name, try expressions.translate(column.input)))
            case .groupNumber:
                if groupNumber == nil {
                    if keys.isEmpty {
                        groupNumber = SparkLiterals.long(0)
                    } else {
                        guard let ordering = child.order.orderingStruct() else {
                            throw SparkTranslationUnsupported(hint: "ngroup (groupby rolling/expanding with sort=False) " + Self.descendingOrderHint)
                        }
                        let number = nextHiddenName()
                        relation = try numberingGroups(relation, keys: keyNames, ordering: ordering, name: number)
                        groupNumber = SparkExpressions.column(number)
                    }
                }
                let number = groupNumber ?? SparkLiterals.long(0)
                outputs.append((name, inGroup.map { SparkExpressions.when($0, number, otherwise: SparkLiterals.long(-1)) } ?? number))
            default:
                let translated = try functions.translate(column, helperPrefix: "h\(column.field.id.raw)x")
                helpers += translated.helpers
                let value = translated.value
                outputs.append((name, inGroup.map { SparkExpressions.when($0, value, otherwise: SparkLiterals.null(SparkLiterals.nullType)) } ?? value))
            }
        }
        // Each helper in turn: a window may read an earlier helper's window result.
        relation = withColumns(helpers.reduce(relation) { withColumns($0, [$1]) }, outputs)
        let index = input.schema.index.fields.map { SparkColumnNames.field($0.id) }
        let visible = Set(index + outputs.map(\.0))
        let kept = index + outputs.map(\.0) + child.hiddenColumns.filter { !visible.contains($0) }
        return SparkTranslatedRelation(relation: project(relation, kept.map(SparkExpressions.column)),
                                       order: child.order, densePositions: child.densePositions)
    }

    /// `relation` with column `name`: each row's group numbered 0, 1, ... in order of first
    /// appearance, as the eager backend numbers groups.
    ///
    /// Numbering needs every group, so the groups' first appearances are aggregated, numbered
    /// over those (few) group rows and joined back on the keys (null-safe: a missing key is a
    /// group like any other); no window sees every row.
    private mutating func numberingGroups(_ relation: Spark_Connect_Relation, keys: [String], ordering: Spark_Connect_Expression,
                                          name: String) throws -> Spark_Connect_Relation {
        let first = nextHiddenName()
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.groupingExpressions = keys.map(SparkExpressions.column)
        aggregate.aggregateExpressions = [SparkExpressions.alias(SparkExpressions.call("min", [ordering]), first)]
        var groups = Spark_Connect_Relation()
        groups.aggregate = aggregate

        var numbering = Spark_Connect_Expression.Window()
        numbering.windowFunction = SparkExpressions.call("row_number", [])
        numbering.orderSpec = [SparkExpressions.sortOrder(SparkExpressions.column(first), ascending: true, nullsFirst: false)]
        var numbered = Spark_Connect_Expression()
        numbered.window = numbering
        let renamed = keys.map { _ in nextHiddenName() }
        let numberedGroups = project(groups, zip(keys, renamed).map { SparkExpressions.alias(SparkExpressions.column($0), $1) }
                                     + [SparkExpressions.alias(SparkExpressions.call("-", [numbered, SparkLiterals.long(1)]), name)])

        var join = Spark_Connect_Join()
        join.left = relation
        join.right = numberedGroups
        join.joinType = .inner
        join.joinCondition = zip(keys, renamed)
            .map { SparkExpressions.call("<=>", [SparkExpressions.column($0), SparkExpressions.column($1)]) }
            .reduce(SparkLiterals.boolean(true), SparkExpressions.and)
        var joined = Spark_Connect_Relation()
        joined.join = join
        return joined
    }
}
#endif
