#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `concat` (axis 0) as a Spark union: each input projected onto the output columns (cast to the
/// output dtype, typed nulls where it lacks a column), the `keys=` level as a literal per input.
///
/// Row order is the inputs one after another: a hidden column numbers the input, then each
/// input's own order columns (renamed, so inputs never share one; null in the other inputs'
/// rows, where the input number already decides).
extension SparkRelationTranslator {
    mutating func concat(_ parts: [LogicalPlan], _ spec: ConcatSpec) throws -> SparkTranslatedRelation {
        let outputFields = (spec.keyLevel.map { [$0] } ?? []) + spec.index + spec.columns
        var types: [FieldID: Spark_Connect_DataType] = [:]
        for field in outputFields {
            guard let type = SparkLiterals.sparkType(field.dtype) else {
                throw SparkTranslationUnsupported(hint: "concat giving a column of dtype \(field.dtype.name) (\(field.label.pythonRepr)) has no Spark translation yet; run it on the eager backend (Session.eager()).")
            }
            types[field.id] = type
        }
        let inputNumber = nextHiddenName()
        var order = [SparkOrderColumn(name: inputNumber, ascending: true, nullsFirst: false, nullable: false)]
        var union: Spark_Connect_Relation?
        for (number, part) in parts.enumerated() {
            let child = try translate(part)
            let partTypes = Dictionary(part.schema.allFields.map { ($0.id, $0.dtype) }, uniquingKeysWith: { a, _ in a })
            var outputs: [Spark_Connect_Expression] = []
            func value(_ id: FieldID?, as field: Field) throws -> Spark_Connect_Expression {
                guard let type = types[field.id] else { throw BambooError.invariant("concat field \(field) has no Spark type") }
                guard let id else { return SparkLiterals.null(type) }
                guard let source = partTypes[id].flatMap(SparkLiterals.sparkType) else {
                    throw SparkTranslationUnsupported(hint: "concat of a column of dtype \((partTypes[id] ?? .object).name) has no Spark translation yet; run it on the eager backend (Session.eager()).")
                }
                let column = SparkExpressions.column(SparkColumnNames.field(id))
                return source == type ? column : SparkExpressions.cast(column, type)
            }
            if let keyLevel = spec.keyLevel {
                guard number < spec.keys.count, let key = SparkLiterals.literal(spec.keys[number], as: keyLevel.dtype) else {
                    throw SparkTranslationUnsupported(hint: "concat(keys=) with these keys has no Spark translation yet; run it on the eager backend (Session.eager()).")
                }
                outputs.append(SparkExpressions.alias(key, SparkColumnNames.field(keyLevel.id)))
            }
            for (level, field) in spec.index.enumerated() {
                let sources = number < spec.indexSources.count ? spec.indexSources[number] : []
                guard level < sources.count else { throw BambooError.invariant("concat index sources do not match its inputs") }
                outputs.append(SparkExpressions.alias(try value(sources[level], as: field), SparkColumnNames.field(field.id)))
            }
            let sources = number < spec.sources.count ? spec.sources[number] : []
            guard sources.count == spec.columns.count else { throw BambooError.invariant("concat sources do not match its inputs") }
            for (field, source) in zip(spec.columns, sources) {
                outputs.append(SparkExpressions.alias(try value(source, as: field), SparkColumnNames.field(field.id)))
            }
            outputs.append(SparkExpressions.alias(SparkLiterals.long(Int64(number)), inputNumber))
            var renamed: [String: String] = [:]
            for hidden in child.hiddenColumns {
                let name = nextHiddenName()
                renamed[hidden] = name
                outputs.append(SparkExpressions.alias(SparkExpressions.column(hidden), name))
            }
            order += child.order.map { key in
                SparkOrderColumn(name: renamed[key.name] ?? key.name, ascending: key.ascending, nullsFirst: key.nullsFirst, nullable: true)
            }
            let projected = project(child.relation, outputs)
            union = union.map { unionByName($0, projected) } ?? projected
        }
        guard var relation = union else { throw BambooError(.invalidArgument, "No objects to concatenate") }
        if spec.verifyIntegrity, !spec.index.isEmpty {
            // Index labels (NaN as null, so missing labels repeat each other) must be unique.
            let keys = spec.index.map { field -> (String, Spark_Connect_Expression) in
                let column = SparkExpressions.column(SparkColumnNames.field(field.id))
                return (nextHiddenName(), SparkLiterals.isFloat(field.dtype) ? SparkExpressions.call("nanvl", [column, SparkLiterals.null(SparkLiterals.doubleType)]) : column)
            }
            let check = uniqueKeysCheck(withColumns(relation, keys), keys.map(\.0), message: "Indexes have overlapping values")
            relation = enforcing(relation, check.relation, checks: [(check.flag, check.message)])
        }
        return SparkTranslatedRelation(relation: relation, order: order, densePositions: nil)
    }

    /// Rows of both relations, columns matched by name; a column one side lacks is null there.
    func unionByName(_ first: Spark_Connect_Relation, _ second: Spark_Connect_Relation) -> Spark_Connect_Relation {
        var union = Spark_Connect_SetOperation()
        union.leftInput = first
        union.rightInput = second
        union.setOpType = .union
        union.isAll = true
        union.byName = true
        union.allowMissingColumns = true
        var relation = Spark_Connect_Relation()
        relation.setOp = union
        return relation
    }
}
#endif
