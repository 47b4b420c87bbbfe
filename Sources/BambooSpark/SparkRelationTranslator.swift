#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// Translates a Bamboo logical plan into a Spark Connect relation, node by node.
///
/// Every translated relation has one column per field of its node's schema (named by
/// ``SparkColumnNames``) and hidden columns holding pandas' row order (``SparkOrderColumn``);
/// ``finalRelation(_:)`` sorts by them once and keeps the fields, so results come back in
/// pandas' order without funnelling rows through one partition.
///
/// ```swift
/// var translator = SparkRelationTranslator()
/// let root = try translator.finalRelation(plan)   // a Spark_Connect_Relation to execute
/// ```
struct SparkRelationTranslator {
    /// Without data, sources become empty stand-ins: used to check support cheaply.
    var withData = true
    /// The root node when it is a pivot: only there may an int64 or bool value block be upcast
    /// after the fact (``SparkResultDecoder``), because nothing computes on it inside Spark.
    private var pivotAtRoot: ObjectIdentifier?
    private var hiddenCounter = 0

    init(withData: Bool = true) { self.withData = withData }

    /// The plan's relation sorted into pandas' order, with exactly the schema's fields
    /// (index levels first) as columns.
    mutating func finalRelation(_ plan: LogicalPlan) throws -> Spark_Connect_Relation {
        if case .pivot = plan.node { pivotAtRoot = ObjectIdentifier(plan) }
        let translated = try translate(plan)
        var relation = translated.relation
        if !translated.order.isEmpty { relation = sorted(relation, by: translated.order) }
        return project(relation, plan.schema.allFields.map { SparkExpressions.column(SparkColumnNames.field($0.id)) })
    }

    mutating func translate(_ plan: LogicalPlan) throws -> SparkTranslatedRelation {
        // After a merge/concat/alignment, pandas' dtype of an int64 or bool column depends on the data.
        if let hint = SparkMissingRows.unsupportedHint(plan) { throw SparkTranslationUnsupported(hint: hint) }
        if let hint = SparkCategories.unsupportedHint(plan) { throw SparkTranslationUnsupported(hint: hint) }
        switch plan.node {
        case .fileScan(let scan):
            return try fileScan(plan, scan)

        case .source(let data):
            let position = nextHiddenName()
            return SparkTranslatedRelation(
                relation: try SparkSourceUpload.relation(data, positionColumn: position, withData: withData),
                order: [SparkOrderColumn(name: position, ascending: true, nullsFirst: false, nullable: false)],
                densePositions: position)

        case .project(let input, let indexProjection, let columns):
            let child = try translate(input)
            let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
            var outputs: [Spark_Connect_Expression] = []
            switch indexProjection {
            case .keep: outputs += input.schema.index.fields.map { SparkExpressions.column(SparkColumnNames.field($0.id)) }
            case .range: break
            case .fields(let levels): outputs += try levels.map { try named($0, expressions) }
            }
            // A field selected twice (df[["a", "a"]]) is one Spark column: the final projection repeats it.
            var seen = Set(outputs.count == 0 ? [] : plan.schema.index.fields.map(\.id))
            outputs += try columns.filter { seen.insert($0.field.id).inserted }.map { try named($0, expressions) }
            // Order columns that are also output fields (an aggregate's keys) are kept once.
            let visible = Set((plan.schema.allFields).map { SparkColumnNames.field($0.id) })
            outputs += child.hiddenColumns.filter { !visible.contains($0) }.map(SparkExpressions.column)
            return SparkTranslatedRelation(relation: project(child.relation, outputs), order: child.order, densePositions: child.densePositions)

        case .filter(let input, let predicate):
            let child = try translate(input)
            let condition = try SparkExpressionTranslator(fields: input.schema.allFields).translate(predicate)
            var filter = Spark_Connect_Filter()
            filter.input = child.relation
            filter.condition = condition  // a null (pd.NA) condition drops the row, as pandas' mask does
            var relation = Spark_Connect_Relation()
            relation.filter = filter
            return SparkTranslatedRelation(relation: relation, order: child.order, densePositions: nil)

        case .sort(let input, let keys):
            let child = try translate(input)
            let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
            var added: [(String, Spark_Connect_Expression)] = []
            var order: [SparkOrderColumn] = []
            for key in keys {
                let name = nextHiddenName()
                // NaN becomes null so that na_position places it with the other missing values.
                added.append((name, try expressions.sortKey(key.expr)))  // a category sorts by position
                order.append(SparkOrderColumn(name: name, ascending: key.ascending, nullsFirst: key.missingFirst, nullable: true))
            }
            // Stable: ties keep the input's order, its keys come next.
            return SparkTranslatedRelation(relation: withColumns(child.relation, added), order: order + child.order, densePositions: nil)

        case .slice(let input, let start, let stop, let step):
            let child = try translate(input)
            guard let window = SparkSlice(start: start, stop: stop, step: step) else {
                throw SparkTranslationUnsupported(hint: SparkSlice.unsupportedHint)
            }
            var relation = sorted(child.relation, by: window.fromEnd ? child.order.map(\.reversed) : child.order)
            if window.offset > 0 {
                var offset = Spark_Connect_Offset()
                offset.input = relation
                offset.offset = Int32(clamping: window.offset)
                relation = Spark_Connect_Relation()
                relation.offset = offset
            }
            if let count = window.count {
                var limit = Spark_Connect_Limit()
                limit.input = relation
                limit.limit = Int32(clamping: count)
                relation = Spark_Connect_Relation()
                relation.limit = limit
            }
            let keepsPositions = !window.fromEnd && window.offset == 0 ? child.densePositions : nil
            return SparkTranslatedRelation(relation: relation, order: child.order, densePositions: keepsPositions)

        case .rowNumber(let input, let field):
            let child = try translate(input)
            let name = SparkColumnNames.field(field.id)
            if let positions = child.densePositions {
                return SparkTranslatedRelation(relation: withColumns(child.relation, [(name, SparkExpressions.column(positions))]),
                                               order: child.order, densePositions: positions)
            }
            // Rows were removed or reordered: number them in order, partition by partition.
            return SparkTranslatedRelation(relation: numbered(child.relation, order: child.order, as: name), order: child.order, densePositions: nil)

        case .aggregate(let input, let keys, let aggregations, let sort, let dropna, let observed):
            return try aggregate(input, keys: keys, aggregations: aggregations, sort: sort, dropna: dropna, observed: observed)

        case .reduce(let input, let reduction, let skipna, let columns):
            let child = try translate(input)
            let aggregates = SparkAggregateTranslator(expressions: SparkExpressionTranslator(fields: input.schema.allFields), ordering: nil)
            var aggregate = Spark_Connect_Aggregate()
            aggregate.input = child.relation
            aggregate.groupType = .groupby
            aggregate.aggregateExpressions = try columns.map {
                SparkExpressions.alias(try aggregates.reduce(reduction, $0.expr, skipna: skipna), SparkColumnNames.field($0.field.id))
            }
            var relation = Spark_Connect_Relation()
            relation.aggregate = aggregate
            return SparkTranslatedRelation(relation: relation, order: [], densePositions: nil)

        case .valueCounts(let input, let keys, let spec, let field):
            return try valueCounts(input, keys: keys, spec: spec, field: field)

        case .markDuplicates(let input, let keys, let keep, let field):
            return try markDuplicates(input, keys: keys, keep: keep, field: field)

        case .groupWindow(let input, let keys, let columns, let dropna):
            return try groupWindow(input, keys: keys, columns: columns, dropna: dropna)

        case .join(let left, let right, let spec):
            return try join(left, right, spec)

        case .concat(let parts, let spec):
            return try concat(parts, spec)

        case .alignColumn(let input, let source, let value, let field, let purpose):
            return try alignColumn(input, source: source, value: value, field: field, purpose: purpose)

        case .take(let input, let positions, let single):
            return try take(input, positions: positions, single: single)

        case .maskRows(let input, let mask, let positional):
            return try maskRows(input, mask: mask, positional: positional)

        case .locLabels(let input, let labels):
            return try locLabels(input, labels: labels)

        case .dropLabels(let input, let labels, let mustExist):
            return try dropLabels(input, labels: labels, mustExist: mustExist)

        case .groupSelect(let input, let keys, let selection, let dropna):
            return try groupSelect(input, keys: keys, selection: selection, dropna: dropna)

        case .locSlice(let input, let start, let stop, let step):
            return try locSlice(input, start: start, stop: stop, step: step)

        case .pivot(let input, let spec):
            return try pivot(input, spec, atRoot: ObjectIdentifier(plan) == pivotAtRoot)

        default:
            throw SparkTranslationUnsupported(hint: SparkRelationTranslator.untranslatedHint)
        }
    }

    static let untranslatedHint = "The Spark backend translates Source, Project, Filter, Sort, Slice (head/tail/iloc ranges), RowNumber, Aggregate (groupby), Reduce, ValueCounts, MarkDuplicates, Join (merge/join), Concat, AlignColumn and GroupWindow (shift/diff/cum*/rank/rolling/expanding) so far; run this step on the eager backend (Session.eager())."

    private mutating func aggregate(_ input: LogicalPlan, keys: [NamedExpr], aggregations: [Aggregation], sort: Bool, dropna: Bool, observed: Bool) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        guard aggregations.allSatisfy({ $0.custom == nil && $0.labels == nil }) else {
            throw SparkTranslationUnsupported(hint: "groupby with Swift closures or idxmin/idxmax has no Spark translation yet.")
        }
        // Group keys as columns first; NaN turned into null so NaN and None form one group, as in pandas.
        let keyColumns = try keys.map { (SparkColumnNames.field($0.field.id), try expressions.cleaned($0.expr)) }
        var relation = withColumns(child.relation, keyColumns)
        if dropna { relation = droppingMissingKeys(relation, keyColumns.map(\.0)) }
        let ordering = child.order.orderingStruct()
        let aggregates = SparkAggregateTranslator(expressions: expressions, ordering: ordering)
        var outputs = try aggregations.map {
            SparkExpressions.alias(try aggregates.aggregate($0.function, $0.input, options: $0.options), SparkColumnNames.field($0.field.id))
        }
        var order: [SparkOrderColumn] = []
        if sort {
            // pandas sorts groups by key (category keys by position), the missing-key group (dropna=False) last.
        } else {
            guard let ordering else {
                throw SparkTranslationUnsupported(hint: "groupby(sort=False) after a descending sort has no Spark translation yet; use sort=True or run on the eager backend.")
            }
            let first = nextHiddenName()
            outputs.append(SparkExpressions.alias(SparkExpressions.call("min", [ordering]), first))
            order = [SparkOrderColumn(name: first, ascending: true, nullsFirst: false, nullable: false)]
        }
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.groupingExpressions = keyColumns.map { SparkExpressions.column($0.0) }
        aggregate.aggregateExpressions = outputs
        var result = Spark_Connect_Relation()
        result.aggregate = aggregate
        if sort { (result, order) = try groupOrder(result, keys: keys, aggregations: aggregations, observed: observed) }
        return SparkTranslatedRelation(relation: result, order: order, densePositions: nil)
    }

    mutating func nextHiddenName() -> String {
        hiddenCounter += 1
        return "o\(hiddenCounter)"
    }

    private func named(_ item: NamedExpr, _ expressions: SparkExpressionTranslator) throws -> Spark_Connect_Expression {
        SparkExpressions.alias(try expressions.translate(item.expr), SparkColumnNames.field(item.field.id))
    }

    /// Rows whose key columns are all present (pandas' `dropna=True` for group keys).
    func droppingMissingKeys(_ input: Spark_Connect_Relation, _ keyNames: [String]) -> Spark_Connect_Relation {
        guard !keyNames.isEmpty else { return input }
        var filter = Spark_Connect_Filter()
        filter.input = input
        filter.condition = keyNames.map { SparkExpressions.call("isnotnull", [SparkExpressions.column($0)]) }
            .reduce(SparkLiterals.boolean(true), SparkExpressions.and)
        var relation = Spark_Connect_Relation()
        relation.filter = filter
        return relation
    }

    func project(_ input: Spark_Connect_Relation, _ expressions: [Spark_Connect_Expression]) -> Spark_Connect_Relation {
        var project = Spark_Connect_Project()
        project.input = input
        project.expressions = expressions
        var relation = Spark_Connect_Relation()
        relation.project = project
        return relation
    }

    func withColumns(_ input: Spark_Connect_Relation, _ columns: [(String, Spark_Connect_Expression)]) -> Spark_Connect_Relation {
        guard !columns.isEmpty else { return input }
        var with = Spark_Connect_WithColumns()
        with.input = input
        with.aliases = columns.map { name, expression in
            var alias = Spark_Connect_Expression.Alias()
            alias.expr = expression
            alias.name = [name]
            return alias
        }
        var relation = Spark_Connect_Relation()
        relation.withColumns = with
        return relation
    }

    func sorted(_ input: Spark_Connect_Relation, by order: [SparkOrderColumn]) -> Spark_Connect_Relation {
        var sort = Spark_Connect_Sort()
        sort.input = input
        sort.order = order.map(\.sortOrder)
        sort.isGlobal = true
        var relation = Spark_Connect_Relation()
        relation.sort = sort
        return relation
    }
}
#endif
