#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `value_counts` and `duplicated` / `drop_duplicates`, which need "first appearance": the
/// smallest value of the input's row order within each group (see `orderingStruct`).
extension SparkRelationTranslator {
    static let descendingOrderHint = "after a descending sort has no Spark translation yet; run it on the eager backend or sort afterwards."

    /// pandas' `value_counts`: one row per distinct key, its count (or proportion), most frequent
    /// first when sorted, ties (and `sort=False`) in order of first appearance. NaN and None keys
    /// count as one missing key, dropped unless `dropna=False`.
    mutating func valueCounts(_ input: LogicalPlan, keys: [NamedExpr], spec: ValueCountsSpec, field: Field) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        guard let ordering = child.order.orderingStruct() else {
            throw SparkTranslationUnsupported(hint: "value_counts " + Self.descendingOrderHint)
        }
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        let keyColumns = try keys.map { (SparkColumnNames.field($0.field.id), try expressions.cleaned($0.expr)) }
        var relation = withColumns(child.relation, keyColumns)
        if spec.dropna { relation = droppingMissingKeys(relation, keyColumns.map(\.0)) }
        let output = SparkColumnNames.field(field.id)
        let countName = spec.normalize ? nextHiddenName() : output
        let first = nextHiddenName()
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.groupingExpressions = keyColumns.map { SparkExpressions.column($0.0) }
        aggregate.aggregateExpressions = [
            SparkExpressions.alias(SparkExpressions.call("count", [SparkLiterals.long(1)]), countName),
            SparkExpressions.alias(SparkExpressions.call("min", [ordering]), first),
        ]
        relation = Spark_Connect_Relation()
        relation.aggregate = aggregate
        if spec.normalize {
            // The share of all counted rows: a window over the (few) result rows, not the input.
            var total = Spark_Connect_Expression.Window()
            total.windowFunction = SparkExpressions.call("sum", [SparkExpressions.column(countName)])
            var totalExpression = Spark_Connect_Expression()
            totalExpression.window = total
            let share = SparkExpressions.call("/", [SparkExpressions.cast(SparkExpressions.column(countName), SparkLiterals.doubleType),
                                                    SparkExpressions.cast(totalExpression, SparkLiterals.doubleType)])
            relation = withColumns(relation, [(output, share)])
        }
        let firstAppearance = SparkOrderColumn(name: first, ascending: true, nullsFirst: false, nullable: false)
        let order = spec.sort
            ? [SparkOrderColumn(name: countName, ascending: spec.ascending, nullsFirst: false, nullable: false), firstAppearance]
            : [firstAppearance]
        return SparkTranslatedRelation(relation: relation, order: order, densePositions: nil)
    }

    /// pandas' `duplicated(keep=)`: whether an equal row (NaN equal to NaN) comes earlier
    /// (`first`), later (`last`), or anywhere else (`False`). Computed per key partition with a
    /// window, so rows are compared only with their equals.
    mutating func markDuplicates(_ input: LogicalPlan, keys: [Expr], keep: DuplicateKeep, field: Field) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        guard let ordering = child.order.orderingStruct() else {
            throw SparkTranslationUnsupported(hint: "duplicated/drop_duplicates " + Self.descendingOrderHint)
        }
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        var window = Spark_Connect_Expression.Window()
        window.partitionSpec = try keys.map { try expressions.cleaned($0) }
        let marked: Spark_Connect_Expression
        switch keep {
        case .first, .last:
            window.windowFunction = SparkExpressions.call(keep == .first ? "min" : "max", [ordering])
            var extreme = Spark_Connect_Expression()
            extreme.window = window
            // Null-safe: a struct holding a null key still equals itself.
            marked = SparkExpressions.not(SparkExpressions.call("<=>", [ordering, extreme]))
        case .none:
            window.windowFunction = SparkExpressions.call("count", [SparkLiterals.long(1)])
            var count = Spark_Connect_Expression()
            count.window = window
            marked = SparkExpressions.call(">", [count, SparkLiterals.long(1)])
        }
        let relation = withColumns(child.relation, [(SparkColumnNames.field(field.id), marked)])
        return SparkTranslatedRelation(relation: relation, order: child.order, densePositions: child.densePositions)
    }
}
#endif
