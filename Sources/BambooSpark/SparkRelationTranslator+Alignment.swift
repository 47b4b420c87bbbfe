#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `AlignColumn` (`df[mask]` with a mask of another frame, `df["c"] = other_series`) as a left
/// join of the target's rows with the source's on the index labels, as pandas' `reindex` (the
/// eager `IndexAlignment` is the reference):
///
/// - Equal indexes (same dtype, same labels in the same order) pair rows by position, repeated
///   labels included; a one-row flag computed on positions decides.
/// - Otherwise labels match null-safely (NaN, None and null labels match each other), and the
///   source's labels must be unique (pandas: "cannot reindex on an axis with duplicate labels").
/// - A mask must cover every target label (pandas' IndexingError "Unalignable boolean Series").
///
/// Rows keep the target's order; the new column is missing where the source lacks the label.
extension SparkRelationTranslator {
    mutating func alignColumn(_ input: LogicalPlan, source: LogicalPlan, value: Expr, field: Field, purpose: AlignPurpose) throws -> SparkTranslatedRelation {
        let targetLevels = input.schema.index.fields, sourceLevels = source.schema.index.fields
        guard targetLevels.count == sourceLevels.count, !targetLevels.isEmpty else {
            throw SparkTranslationUnsupported(hint: "Aligning indexes with different numbers of levels has no Spark translation; run it on the eager backend (Session.eager()).")
        }
        for (t, s) in zip(targetLevels, sourceLevels) {
            guard let family = Self.joinKeyFamily(t.dtype), family == Self.joinKeyFamily(s.dtype) else {
                throw SparkTranslationUnsupported(hint: "Aligning a \(s.dtype.name) index onto a \(t.dtype.name) index has no Spark translation yet; run it on the eager backend (Session.eager()).")
            }
        }
        let sameDtypes = zip(targetLevels, sourceLevels).allSatisfy { $0.dtype == $1.dtype }
        let targetExpressions = SparkExpressionTranslator(fields: input.schema.allFields)
        let sourceExpressions = SparkExpressionTranslator(fields: source.schema.allFields)
        var target = try joinSide(input, computed: try targetLevels.map { try targetExpressions.cleaned(.column($0.id)) }, numbered: sameDtypes)
        let aligned = try joinSide(source, computed: try sourceLevels.map { try sourceExpressions.cleaned(.column($0.id)) }
                                       + [try sourceExpressions.translate(value)], numbered: sameDtypes)
        let targetKeys = target.computed, sourceKeys = Array(aligned.computed.dropLast())
        guard let alignedValue = aligned.computed.last else { throw BambooError.invariant("the aligned value is computed") }

        // Flags: equal indexes (positions pair), unique source labels (otherwise pandas raises).
        let unique = uniqueKeysCheck(aligned.relation, sourceKeys, message: "cannot reindex on an axis with duplicate labels")
        var flags = unique.relation
        var condition = keysMatch(Array(zip(targetKeys, sourceKeys)))
        var equalFlag: String?
        if sameDtypes, let tp = target.positions, let sp = aligned.positions {
            let equal = try sameKeysFlag(left: target, leftKeys: targetKeys, right: aligned, rightKeys: sourceKeys)
            flags = withFlags(flags, equal.relation)
            equalFlag = equal.flag
            let samePosition = SparkExpressions.call("==", [SparkExpressions.column(tp), SparkExpressions.column(sp)])
            condition = SparkExpressions.and(condition, SparkExpressions.or(SparkExpressions.not(SparkExpressions.column(equal.flag)), samePosition))
        }
        target.relation = withFlags(target.relation, flags)
        let relation = joined(target.relation, aligned.relation, type: .leftOuter, on: condition)

        var outputs = try input.schema.allFields.map { SparkExpressions.alias(try target.column($0.id), SparkColumnNames.field($0.id)) }
        var result = SparkExpressions.column(alignedValue)
        if purpose == .mask {
            // Every target label must be in the mask; checked on each row, which the filter using the mask reads.
            let unmatched = SparkExpressions.call("isnull", [SparkExpressions.column(aligned.present)])
            result = SparkExpressions.when(unmatched, SparkExpressions.cast(SparkRuntimeCheck.failure(
                "Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match)."),
                SparkLiterals.sparkType(field.dtype) ?? SparkLiterals.nullType), otherwise: result)
        }
        outputs.append(SparkExpressions.alias(result, SparkColumnNames.field(field.id)))
        outputs += target.order.map { SparkExpressions.column($0.name) }
        var checked = project(relation, outputs)
        let uniqueOrEqual = nextHiddenName()
        let passes = equalFlag.map { SparkExpressions.or(SparkExpressions.column(unique.flag), SparkExpressions.column($0)) } ?? SparkExpressions.column(unique.flag)
        checked = enforcing(checked, project(flags, [SparkExpressions.alias(passes, uniqueOrEqual)]),
                            checks: [(uniqueOrEqual, unique.message)])
        return SparkTranslatedRelation(relation: checked, order: target.order, densePositions: target.densePositions)
    }
}
#endif
