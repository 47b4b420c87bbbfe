#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `pivot`/`unstack`: one row per distinct index (sorted, a missing key last), one column per
/// (value field, `columns` value) holding the single matching row's value.
///
/// Each cell is `first(if(key matches, value, null), ignorenulls)` in a group-by on the index: at
/// most one row matches (checked: a repeated (index, column) pair is pandas' ValueError), so the
/// result does not depend on row order. A cell with no row is missing; pandas then upcasts an
/// int64 or bool value block, which depends on the data: done by ``SparkResultDecoder`` when the
/// pivot is the plan's root, refused elsewhere.
extension SparkRelationTranslator {
    private func value(_ field: Field?) -> DType? { field?.dtype }

    mutating func pivot(_ input: LogicalPlan, _ spec: PivotSpec, atRoot: Bool) throws -> SparkTranslatedRelation {
        let fields = Dictionary(input.schema.allFields.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard let columnField = fields[spec.columns] else {
            throw SparkTranslationUnsupported(hint: "pivot: the columns field is not in its input; run this step on the eager backend (Session.eager()).")
        }
        for output in spec.outputs {
            // At the root, the decoder upcasts the block as pandas does when some cell is missing.
            let upcastLater = atRoot && (value(fields[output.value]) == .int64 || value(fields[output.value]) == .bool)
            guard let value = fields[output.value], value.dtype.canHoldMissing || upcastLater, output.field.dtype == value.dtype else {
                throw SparkTranslationUnsupported(hint: "pivot/unstack of an int64 or bool value column on the Spark backend: pandas makes it float64/object only when some cell has no row, which depends on the data; cast the values first (astype(\"float64\") / \"boolean\") or run this step on the eager backend (Session.eager()).")
            }
        }
        let child = try translate(input)
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        // NaN keys become null, so NaN and None form one group (pandas' groupby with dropna=False).
        let keyColumns = try spec.index.map { (SparkColumnNames.field($0.id), try expressions.cleaned(.column($0.id))) }
        let keyNames = keyColumns.map(\.0)
        let columnKey = nextHiddenName()
        let relation = withColumns(child.relation, keyColumns + [(columnKey, try expressions.cleaned(.column(spec.columns)))])

        var cells: [Spark_Connect_Expression] = []
        for output in spec.outputs {
            let matches: Spark_Connect_Expression
            if output.key.isMissing {
                matches = SparkExpressions.call("isnull", [SparkExpressions.column(columnKey)])
            } else {
                guard let literal = SparkLiterals.literal(output.key, as: columnField.dtype) else {
                    throw SparkTranslationUnsupported(hint: "pivot on a columns field of dtype \(columnField.dtype) has no Spark translation yet; run this step on the eager backend (Session.eager()).")
                }
                matches = SparkExpressions.call("coalesce", [SparkExpressions.call("==", [SparkExpressions.column(columnKey), literal]), SparkLiterals.boolean(false)])
            }
            let cell = SparkExpressions.when(matches, SparkExpressions.column(SparkColumnNames.field(output.value)),
                                             otherwise: SparkLiterals.null(SparkLiterals.sparkType(output.field.dtype) ?? SparkLiterals.nullType))
            cells.append(SparkExpressions.alias(SparkExpressions.call("first", [cell, SparkLiterals.boolean(true)]), SparkColumnNames.field(output.field.id)))
        }
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.groupingExpressions = keyNames.map(SparkExpressions.column)
        aggregate.aggregateExpressions = cells
        var result = Spark_Connect_Relation()
        result.aggregate = aggregate
        let check = uniqueKeysCheck(relation, keyNames + [columnKey], message: "Index contains duplicate entries, cannot reshape")
        result = enforcing(result, check.relation, checks: [(check.flag, check.message)])
        let order = keyNames.map { SparkOrderColumn(name: $0, ascending: true, nullsFirst: false, nullable: true) }
        return SparkTranslatedRelation(relation: result, order: order, densePositions: nil)
    }
}
#endif
