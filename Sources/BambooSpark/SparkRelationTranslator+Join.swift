#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `merge` / `DataFrame.join` / index alignment (`s1 + s2`, `concat(axis=1)`) as one Spark join,
/// with pandas' matching and row order (see the eager `HashJoin`, the reference):
///
/// - Keys are compared null-safely after NaN is turned into null, so NaN, None and null keys
///   all match each other, as pandas matches missing keys.
/// - Order: `inner`/`left` (and `cross`) follow the left rows, then each left row's matches in
///   right order; `right` the right rows; `outer` sorts the keys (missing last), then left and
///   right order; `sort=True` sorts by the keys first. The order comes from both inputs' order
///   columns, never from a global row number.
/// - Alignment keeps rows in place when both key sequences are equal: a one-row flag computed
///   on row positions joins only the rows at the same position then.
extension SparkRelationTranslator {
    mutating func join(_ leftPlan: LogicalPlan, _ rightPlan: LogicalPlan, _ spec: JoinSpec) throws -> SparkTranslatedRelation {
        let leftTypes = Dictionary(leftPlan.schema.allFields.map { ($0.id, $0.dtype) }, uniquingKeysWith: { a, _ in a })
        let rightTypes = Dictionary(rightPlan.schema.allFields.map { ($0.id, $0.dtype) }, uniquingKeysWith: { a, _ in a })
        let keyTypes = zip(spec.leftKeys, spec.rightKeys).map { (leftTypes[$0] ?? .object, rightTypes[$1] ?? .object) }
        for (l, r) in keyTypes {
            guard let family = Self.joinKeyFamily(l), family == Self.joinKeyFamily(r) else {
                throw SparkTranslationUnsupported(hint: "Joining \(l.name) keys with \(r.name) keys has no Spark translation yet; run the merge on the eager backend (Session.eager()).")
            }
        }
        if let validate = spec.validate, validate != .manyToMany, spec.how == .cross {
            throw SparkTranslationUnsupported(hint: "merge(validate=) with how='cross' has no Spark translation yet; run it on the eager backend (Session.eager()).")
        }
        // Column equality (the eager's test for equal indexes) needs equal dtypes.
        let sameDtypes = keyTypes.allSatisfy { $0 == $1 }
        let inPlace = (spec.keepEqualKeysInPlace || spec.requireEqualKeys) && sameDtypes && spec.how != .cross

        let leftExpressions = SparkExpressionTranslator(fields: leftPlan.schema.allFields)
        let rightExpressions = SparkExpressionTranslator(fields: rightPlan.schema.allFields)
        var left = try joinSide(leftPlan, computed: try spec.leftKeys.map { try leftExpressions.cleaned(.column($0)) }, numbered: inPlace)
        var right = try joinSide(rightPlan, computed: try spec.rightKeys.map { try rightExpressions.cleaned(.column($0)) }, numbered: inPlace)
        let leftKeys = left.computed, rightKeys = right.computed

        // Data-dependent pandas errors, checked on the (small) flag rows once the join is built.
        var checkGroups: [(relation: Spark_Connect_Relation, checks: [(flag: String, message: String)])] = []
        if let validate = spec.validate, validate != .manyToMany, spec.how != .cross {
            let name = validate == .oneToOne ? "one-to-one" : validate == .oneToMany ? "one-to-many" : "many-to-one"
            var validations: [(relation: Spark_Connect_Relation, flag: String, message: String)] = []
            if validate != .manyToOne {
                validations.append(uniqueKeysCheck(left.relation, leftKeys, message: "Merge keys are not unique in left dataset; not a \(name) merge"))
            }
            if validate != .oneToMany {
                validations.append(uniqueKeysCheck(right.relation, rightKeys, message: "Merge keys are not unique in right dataset; not a \(name) merge"))
            }
            // One relation for both sides, so that the left's failure is the one reported, as in pandas.
            if let first = validations.first {
                let combined = validations.dropFirst().reduce(first.relation) { withFlags($0, $1.relation) }
                checkGroups.append((combined, validations.map { ($0.flag, $0.message) }))
            }
        }
        var equalFlag: String?
        if inPlace {
            let flags = try sameKeysFlag(left: left, leftKeys: leftKeys, right: right, rightKeys: rightKeys)
            left.relation = withFlags(left.relation, flags.relation)
            equalFlag = flags.flag
            if spec.requireEqualKeys {
                checkGroups.append((flags.relation, [(flags.flag, "Can only compare identically-labeled Series objects")]))
            }
        } else if spec.requireEqualKeys {
            // Different key dtypes are never equal indexes: pandas refuses whatever the values.
            let flag = nextHiddenName()
            checkGroups.append((constantFlag(false, named: flag), [(flag, "Can only compare identically-labeled Series objects")]))
        }

        var firstAppearance: (left: String, right: String)?
        if spec.how == .outer && spec.outerInAppearanceOrder {
            guard let leftOrdering = left.order.orderingStruct(), let rightOrdering = right.order.orderingStruct() else {
                throw SparkTranslationUnsupported(hint: "concat(axis=1) of inputs sorted in descending order has no Spark translation yet; run it on the eager backend (Session.eager()).")
            }
            let (lf, rf) = (nextHiddenName(), nextHiddenName())
            left.relation = withColumns(left.relation, [(lf, firstInPartition(leftOrdering, leftKeys))])
            right.relation = withColumns(right.relation, [(rf, firstInPartition(rightOrdering, rightKeys))])
            firstAppearance = (lf, rf)
        }

        let relation = try joinedSides(left, right, spec: spec, leftKeys: leftKeys, rightKeys: rightKeys, equalFlag: equalFlag)
        let hasLeft = spec.how != .rightAnti, hasRight = spec.how != .leftAnti
        func leftPresent() -> Spark_Connect_Expression {
            hasLeft ? SparkExpressions.call("isnotnull", [SparkExpressions.column(left.present)]) : SparkLiterals.boolean(false)
        }
        func rightPresent() -> Spark_Connect_Expression {
            hasRight ? SparkExpressions.call("isnotnull", [SparkExpressions.column(right.present)]) : SparkLiterals.boolean(false)
        }
        func value(_ id: FieldID, onLeft: Bool, as dtype: DType) throws -> Spark_Connect_Expression {
            let source = (onLeft ? leftTypes[id] : rightTypes[id]) ?? .object
            guard let type = SparkLiterals.sparkType(dtype) else {
                throw SparkTranslationUnsupported(hint: "A merged column of dtype \(dtype.name) has no Spark translation yet; run the merge on the eager backend (Session.eager()).")
            }
            guard onLeft ? hasLeft : hasRight else { return SparkLiterals.null(type) }
            let column = try (onLeft ? left : right).column(id)
            return source == dtype ? column : SparkExpressions.cast(column, type)
        }

        var outputs: [Spark_Connect_Expression] = []
        for (field, source) in spec.columns {
            let expression: Spark_Connect_Expression
            switch source {
            case .left(let id): expression = try value(id, onLeft: true, as: field.dtype)
            case .right(let id): expression = try value(id, onLeft: false, as: field.dtype)
            case .key(let l, let r):
                if leftTypes[l] == rightTypes[r] {
                    expression = SparkExpressions.when(leftPresent(), try value(l, onLeft: true, as: field.dtype), otherwise: try value(r, onLeft: false, as: field.dtype))
                } else if [.inner, .left, .leftAnti].contains(spec.how) {
                    expression = try value(l, onLeft: true, as: field.dtype)  // every row has a left side
                } else {
                    // pandas' dtype then depends on whether some row lacks a left side.
                    throw SparkTranslationUnsupported(hint: "A \(spec.how.rawValue) merge on keys of different dtypes (\((leftTypes[l] ?? .object).name) and \((rightTypes[r] ?? .object).name)) has no Spark translation yet; run it on the eager backend (Session.eager()).")
                }
            }
            outputs.append(SparkExpressions.alias(expression, SparkColumnNames.field(field.id)))
        }
        // Index levels built from both sides take the level's dtype (pandas' Index.join).
        for (field, source) in spec.index {
            let expression: Spark_Connect_Expression
            switch source {
            case .left(let id): expression = try value(id, onLeft: true, as: field.dtype)
            case .right(let id): expression = try value(id, onLeft: false, as: field.dtype)
            case .key(let l, let r):
                expression = SparkExpressions.when(leftPresent(), try value(l, onLeft: true, as: field.dtype), otherwise: try value(r, onLeft: false, as: field.dtype))
            }
            outputs.append(SparkExpressions.alias(expression, SparkColumnNames.field(field.id)))
        }
        if let indicator = spec.indicator {
            // A str column; the result decoder turns it into the plan's categorical.
            let state = SparkExpressions.when(SparkExpressions.not(leftPresent()), SparkLiterals.string("right_only"),
                                              otherwise: SparkExpressions.when(SparkExpressions.not(rightPresent()), SparkLiterals.string("left_only"),
                                                                               otherwise: SparkLiterals.string("both")))
            outputs.append(SparkExpressions.alias(state, SparkColumnNames.field(indicator.id)))
        }

        // Row order.
        let leftOrder = left.order.map { SparkOrderColumn(name: $0.name, ascending: $0.ascending, nullsFirst: $0.nullsFirst, nullable: true) }
        let rightOrder = right.order.map { SparkOrderColumn(name: $0.name, ascending: $0.ascending, nullsFirst: $0.nullsFirst, nullable: true) }
        var order: [SparkOrderColumn]
        var added: [(String, Spark_Connect_Expression)] = []
        /// The matched key of each row, NaN as null: the left key, or the right one without a left side.
        func coalescedKeys() -> [Spark_Connect_Expression] {
            zip(leftKeys, rightKeys).map { l, r in
                if !hasLeft { return SparkExpressions.column(r) }
                if !hasRight { return SparkExpressions.column(l) }
                return SparkExpressions.when(leftPresent(), SparkExpressions.column(l), otherwise: SparkExpressions.column(r))
            }
        }
        /// Sort keys that apply only when the keys were not equal sequences (aligned in place).
        func unlessInPlace(_ expression: Spark_Connect_Expression) -> Spark_Connect_Expression {
            guard let equalFlag else { return expression }
            return SparkExpressions.when(SparkExpressions.call("coalesce", [SparkExpressions.column(equalFlag), SparkLiterals.boolean(false)]),
                                         SparkLiterals.null(SparkLiterals.nullType), otherwise: expression)
        }
        switch spec.how {
        case .inner, .left, .cross: order = left.order + rightOrder
        case .right: order = right.order + leftOrder
        case .leftAnti: order = left.order
        case .rightAnti: order = right.order
        case .outer:
            var keys: [(String, Spark_Connect_Expression)] = []
            if let firstAppearance {
                // Keys in order of appearance: the left's, then the right's new ones.
                keys = [(nextHiddenName(), SparkExpressions.not(leftPresent())),
                        (nextHiddenName(), SparkExpressions.column(firstAppearance.left)),
                        (nextHiddenName(), SparkExpressions.column(firstAppearance.right))]
            } else {
                keys = coalescedKeys().map { (nextHiddenName(), $0) }
            }
            added += keys.map { ($0.0, unlessInPlace($0.1)) }
            order = keys.map { SparkOrderColumn(name: $0.0, ascending: true, nullsFirst: false, nullable: true) } + leftOrder + rightOrder
        }
        if spec.sort && spec.how != .outer && spec.how != .cross {
            let keys = coalescedKeys().map { (nextHiddenName(), $0) }
            added += keys
            order = keys.map { SparkOrderColumn(name: $0.0, ascending: true, nullsFirst: false, nullable: true) } + order
        }
        outputs += added.map { SparkExpressions.alias($0.1, $0.0) }
        outputs += Array(Set(order.map(\.name)).subtracting(added.map(\.0))).sorted().map(SparkExpressions.column)
        var result = project(relation, outputs)
        for group in checkGroups { result = enforcing(result, group.relation, checks: group.checks) }
        return SparkTranslatedRelation(relation: result, order: order, densePositions: nil)
    }

    /// The Spark join of the two renamed sides for `spec.how`; with `equalFlag` (a column of the
    /// left side), rows pair by position instead when the key sequences are equal.
    private func joinedSides(_ left: SparkJoinSide, _ right: SparkJoinSide, spec: JoinSpec, leftKeys: [String], rightKeys: [String],
                             equalFlag: String?) throws -> Spark_Connect_Relation {
        if spec.how == .cross { return joined(left.relation, right.relation, type: .cross, on: nil) }
        var condition = keysMatch(Array(zip(leftKeys, rightKeys)))
        if let equalFlag, let lp = left.positions, let rp = right.positions {
            // Equal keys pair row i with row i only (pandas keeps equal indexes in place).
            let samePosition = SparkExpressions.call("==", [SparkExpressions.column(lp), SparkExpressions.column(rp)])
            let notEqual = SparkExpressions.not(SparkExpressions.call("coalesce", [SparkExpressions.column(equalFlag), SparkLiterals.boolean(false)]))
            condition = SparkExpressions.and(condition, SparkExpressions.or(notEqual, samePosition))
        }
        switch spec.how {
        case .inner: return joined(left.relation, right.relation, type: .inner, on: condition)
        case .left: return joined(left.relation, right.relation, type: .leftOuter, on: condition)
        case .right: return joined(left.relation, right.relation, type: .rightOuter, on: condition)
        case .outer: return joined(left.relation, right.relation, type: .fullOuter, on: condition)
        case .leftAnti: return joined(left.relation, right.relation, type: .leftAnti, on: condition)
        case .rightAnti: return joined(right.relation, left.relation, type: .leftAnti, on: condition)
        case .cross: return joined(left.relation, right.relation, type: .cross, on: nil)
        }
    }

    /// The smallest `ordering` among rows with the same `keys`: where each key first appears.
    func firstInPartition(_ ordering: Spark_Connect_Expression, _ keys: [String]) -> Spark_Connect_Expression {
        var window = Spark_Connect_Expression.Window()
        window.windowFunction = SparkExpressions.call("min", [ordering])
        window.partitionSpec = keys.map(SparkExpressions.column)
        var expression = Spark_Connect_Expression()
        expression.window = window
        return expression
    }

    /// A one-row flag: whether no two rows of `input` share `keys` (pandas' `validate=`).
    mutating func uniqueKeysCheck(_ input: Spark_Connect_Relation, _ keys: [String], message: String)
        -> (relation: Spark_Connect_Relation, flag: String, message: String) {
        let count = nextHiddenName()
        var grouped = Spark_Connect_Aggregate()
        grouped.input = input
        grouped.groupType = .groupby
        grouped.groupingExpressions = keys.map(SparkExpressions.column)
        grouped.aggregateExpressions = [SparkExpressions.alias(SparkExpressions.call("count", [SparkLiterals.long(1)]), count)]
        var counts = Spark_Connect_Relation()
        counts.aggregate = grouped
        let flags = flagRow(counts, SparkExpressions.call("bool_and", [SparkExpressions.call("<=", [SparkExpressions.column(count), SparkLiterals.long(1)])]))
        return (flags.relation, flags.flag, message)
    }

    /// A one-row relation whose column `name` is `value`.
    func constantFlag(_ value: Bool, named name: String) -> Spark_Connect_Relation {
        var range = Spark_Connect_Range()
        range.start = 0
        range.end = 1
        range.step = 1
        var relation = Spark_Connect_Relation()
        relation.range = range
        return project(relation, [SparkExpressions.alias(SparkLiterals.boolean(value), name)])
    }
}
#endif
