#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// Row selection by position or label (`iloc[[...]]`, boolean masks, `loc[[...]]`, `drop(index=)`)
/// and per-group selection (`groupby().head/tail/nth`).
///
/// The wanted positions or labels are a small list known when the plan is built: they become a
/// tiny relation (`posexplode` of a literal array: (output order, value)) joined to the rows, so
/// no row moves to one partition. pandas' data-dependent errors (an out-of-range position, a
/// missing label, a mask of the wrong length) are raised inside Spark (``SparkRuntimeCheck``).
extension SparkRelationTranslator {
    /// `iloc` with a list of positions: the rows at these positions, in list order (repeats kept).
    mutating func take(_ input: LogicalPlan, positions: [Int], single: Bool) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        let (relation, position) = try positioned(child, what: "iloc with a list of positions")
        let (order, wanted, count, resolved) = (nextHiddenName(), nextHiddenName(), nextHiddenName(), nextHiddenName())
        let column = SparkExpressions.column
        let list = literalList(positions.map { SparkLiterals.long(Int64($0)) }, elementType: SparkLiterals.longType, position: order, value: wanted)
        // Negative positions count from the end: they need the row count (one row, joined to the list).
        var pairs = crossJoined(list, rowCount(relation, as: count))
        pairs = withColumns(pairs, [(resolved, SparkExpressions.when(
            SparkExpressions.call("<", [column(wanted), SparkLiterals.long(0)]),
            SparkExpressions.call("+", [column(wanted), column(count)]), otherwise: column(wanted)))])
        let inRange = SparkExpressions.and(SparkExpressions.call(">=", [column(resolved), SparkLiterals.long(0)]),
                                           SparkExpressions.call("<", [column(resolved), column(count)]))
        let flags = flagRow(pairs, SparkExpressions.call("bool_and", [inRange]))
        var joined = innerJoined(relation, pairs, on: SparkExpressions.call("==", [column(position), column(resolved)]))
        joined = dropping(joined, [wanted, count, resolved] + (position == child.densePositions ? [] : [position]))
        let message = single ? "single positional indexer is out-of-bounds" : "positional indexers are out-of-bounds"
        joined = enforcing(joined, flags.relation, checks: [(flags.flag, "{\(BambooError.Code.indexOutOfBounds)}" + message)])
        return SparkTranslatedRelation(relation: joined, order: [SparkOrderColumn(name: order, ascending: true, nullsFirst: false, nullable: false)] + child.order,
                                       densePositions: nil)
    }

    /// Rows where a literal boolean list is true (`df[[True, False, ...]]`, `iloc[mask]`); the
    /// list's length must equal the row count, checked in Spark.
    mutating func maskRows(_ input: LogicalPlan, mask: [Bool], positional: Bool) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        let (relation, position) = try positioned(child, what: "a boolean list as row mask")
        let (order, wanted, count, matches) = (nextHiddenName(), nextHiddenName(), nextHiddenName(), nextHiddenName())
        let column = SparkExpressions.column
        let kept = mask.indices.filter { mask[$0] }.map { SparkLiterals.long(Int64($0)) }
        let list = literalList(kept, elementType: SparkLiterals.longType, position: order, value: wanted)
        var joined = innerJoined(relation, list, on: SparkExpressions.call("==", [column(position), column(wanted)]))
        joined = dropping(joined, [order, wanted] + (position == child.densePositions ? [] : [position]))
        // The length check's message names the row count, so it is built in Spark.
        var counted = rowCount(relation, as: count)
        counted = withColumns(counted, [(matches, SparkExpressions.call("==", [column(count), SparkLiterals.long(Int64(mask.count))]))])
        let text = SparkExpressions.call("concat", [
            SparkLiterals.string(positional ? "Boolean index has wrong length: \(mask.count) instead of " : "Item wrong length \(mask.count) instead of "),
            SparkExpressions.cast(column(count), SparkLiterals.stringType),
            SparkLiterals.string(positional ? "" : "."),
        ])
        joined = failing(joined, counted, flag: matches, code: positional ? .indexOutOfBounds : .shapeMismatch, message: text)
        return SparkTranslatedRelation(relation: joined, order: child.order, densePositions: nil)
    }

    /// `loc` with labels of a single-level index: every row equal to each label, label by label
    /// (a repeated index label yields all its rows, in index order); a missing label is pandas' KeyError.
    mutating func locLabels(_ input: LogicalPlan, labels: [Scalar]) throws -> SparkTranslatedRelation {
        let (index, literals) = try labelLiterals(input, labels, what: "loc with labels")
        let child = try translate(input)
        let (order, wanted) = (nextHiddenName(), nextHiddenName())
        let column = SparkExpressions.column
        guard let type = SparkLiterals.sparkType(index.dtype) else { throw SparkTranslationUnsupported(hint: Self.labelHint("loc with labels")) }
        let list = literalList(literals, elementType: type, position: order, value: wanted)
        let key = SparkColumnNames.field(index.id)
        var joined = innerJoined(child.relation, list, on: SparkExpressions.call("==", [column(key), column(wanted)]))
        joined = dropping(joined, [wanted])

        let found = (0..<labels.count).map { _ in nextHiddenName() }
        let flags = foundFlags(child.relation, key: key, literals: literals, names: found)
        let all = nextHiddenName()
        let checked = withColumns(flags, [(all, found.map(column).reduce(SparkLiterals.boolean(true), SparkExpressions.and))])
        let reprs = labels.map(\.pythonRepr)
        let message: Spark_Connect_Expression
        if labels.count == 1 {
            message = SparkLiterals.string(reprs[0])
        } else {
            let none = found.map { SparkExpressions.not(column($0)) }.reduce(SparkLiterals.boolean(true), SparkExpressions.and)
            let dtype = Column.infer(labels).dtype.name
            message = SparkExpressions.when(none,
                SparkLiterals.string("\"None of [Index([\(reprs.joined(separator: ", "))], dtype='\(dtype)')] are in the [index]\""),
                otherwise: SparkExpressions.call("concat", [SparkLiterals.string("\"["), missingList(found, reprs), SparkLiterals.string("] not in index\"")]))
        }
        joined = failing(joined, checked, flag: all, code: .keyNotFound, message: message)
        return SparkTranslatedRelation(relation: joined, order: [SparkOrderColumn(name: order, ascending: true, nullsFirst: false, nullable: false)] + child.order,
                                       densePositions: nil)
    }

    /// `drop(index=labels)` on a single-level index: the rows equal to none of the labels, in
    /// order; with `mustExist` (errors="raise") an absent label is pandas' KeyError.
    mutating func dropLabels(_ input: LogicalPlan, labels: [Scalar], mustExist: Bool) throws -> SparkTranslatedRelation {
        let (index, literals) = try labelLiterals(input, labels, what: "drop(index=)")
        let child = try translate(input)
        let column = SparkExpressions.column
        let key = SparkColumnNames.field(index.id)
        // A missing index value equals no label (pandas keeps it): coalesce the null comparison to false.
        let matched = SparkExpressions.call("coalesce", [
            literals.map { SparkExpressions.call("==", [column(key), $0]) }.reduce(SparkLiterals.boolean(false), SparkExpressions.or),
            SparkLiterals.boolean(false)])
        var filter = Spark_Connect_Filter()
        filter.input = child.relation
        filter.condition = SparkExpressions.not(matched)
        var relation = Spark_Connect_Relation()
        relation.filter = filter
        if mustExist && !labels.isEmpty {
            let found = (0..<labels.count).map { _ in nextHiddenName() }
            let flags = foundFlags(child.relation, key: key, literals: literals, names: found)
            let all = nextHiddenName()
            let checked = withColumns(flags, [(all, found.map(column).reduce(SparkLiterals.boolean(true), SparkExpressions.and))])
            let message = SparkExpressions.call("concat", [SparkLiterals.string("\"["), missingList(found, labels.map(\.pythonRepr)),
                                                           SparkLiterals.string("] not found in axis\"")])
            relation = failing(relation, checked, flag: all, code: .keyNotFound, message: message)
        }
        return SparkTranslatedRelation(relation: relation, order: child.order, densePositions: nil)
    }

    /// `groupby(...).head/tail/nth`: each row's place in its group (`row_number` over a window
    /// partitioned by the keys, in pandas' order) and the group's size pick the rows, which keep
    /// their original order.
    mutating func groupSelect(_ input: LogicalPlan, keys: [Expr], selection: GroupRowSelection, dropna: Bool) throws -> SparkTranslatedRelation {
        let child = try translate(input)
        guard !child.order.isEmpty else {
            throw SparkTranslationUnsupported(hint: "groupby head/tail/nth of a result without a row order has no Spark translation; run it on the eager backend (Session.eager()).")
        }
        let expressions = SparkExpressionTranslator(fields: input.schema.allFields)
        // NaN becomes null so that NaN and None keys form one group, as in pandas.
        let keyColumns = try keys.map { (nextHiddenName(), try expressions.cleaned($0)) }
        var relation = withColumns(child.relation, keyColumns)
        if dropna { relation = droppingMissingKeys(relation, keyColumns.map(\.0)) }
        let (number, size) = (nextHiddenName(), nextHiddenName())
        let partition = keyColumns.map { SparkExpressions.column($0.0) }
        var numbering = Spark_Connect_Expression.Window()
        numbering.windowFunction = SparkExpressions.call("row_number", [])
        numbering.partitionSpec = partition
        numbering.orderSpec = child.order.map(\.sortOrder)
        var counting = Spark_Connect_Expression.Window()
        counting.windowFunction = SparkExpressions.call("count", [SparkLiterals.long(1)])
        counting.partitionSpec = partition
        var numberExpression = Spark_Connect_Expression()
        numberExpression.window = numbering
        var sizeExpression = Spark_Connect_Expression()
        sizeExpression.window = counting
        relation = withColumns(relation, [(number, numberExpression), (size, sizeExpression)])

        let row = SparkExpressions.column(number)  // 1-based place in the group
        let count = SparkExpressions.column(size)
        func long(_ value: Int) -> Spark_Connect_Expression { SparkLiterals.long(Int64(value)) }
        let condition: Spark_Connect_Expression
        switch selection {
        case .head(let n):
            condition = n >= 0 ? SparkExpressions.call("<=", [row, long(n)])
                : SparkExpressions.call("<=", [row, SparkExpressions.call("+", [count, long(n)])])
        case .tail(let n):
            condition = n >= 0 ? SparkExpressions.call(">", [row, SparkExpressions.call("-", [count, long(n)])])
                : SparkExpressions.call(">", [row, long(-n)])
        case .nth(let positions):
            let fromStart = positions.filter { $0 >= 0 }.map { SparkExpressions.call("==", [row, long($0 + 1)]) }
            let fromEnd = positions.filter { $0 < 0 }.map {
                SparkExpressions.call("==", [row, SparkExpressions.call("+", [count, long($0 + 1)])])
            }
            condition = (fromStart + fromEnd).reduce(SparkLiterals.boolean(false), SparkExpressions.or)
        }
        var filter = Spark_Connect_Filter()
        filter.input = relation
        filter.condition = condition
        var filtered = Spark_Connect_Relation()
        filtered.filter = filter
        filtered = dropping(filtered, keyColumns.map(\.0) + [number, size])
        return SparkTranslatedRelation(relation: filtered, order: child.order, densePositions: nil)
    }

    // MARK: - Helpers

    private static func labelHint(_ what: String) -> String {
        "\(what) on the Spark backend needs a single-level index of int64, float64, bool or string labels matching the index dtype, none of them missing (NaN/None); run this step on the eager backend (Session.eager())."
    }

    /// The single index level and the labels as Spark literals of its dtype, or a refusal.
    private func labelLiterals(_ input: LogicalPlan, _ labels: [Scalar], what: String) throws -> (Field, [Spark_Connect_Expression]) {
        let levels = input.schema.index.fields
        guard levels.count == 1, let index = levels.first else { throw SparkTranslationUnsupported(hint: Self.labelHint(what)) }
        var literals: [Spark_Connect_Expression] = []
        for label in labels {
            guard !label.isMissing, let literal = SparkLiterals.literal(label, as: index.dtype) else {
                throw SparkTranslationUnsupported(hint: Self.labelHint(what))
            }
            literals.append(literal)
        }
        return (index, literals)
    }

    /// The rows with a column numbering them 0..<n in pandas' order.
    private mutating func positioned(_ child: SparkTranslatedRelation, what: String) throws -> (Spark_Connect_Relation, String) {
        if let dense = child.densePositions { return (child.relation, dense) }
        guard !child.order.isEmpty else {
            throw SparkTranslationUnsupported(hint: "\(what) on a result without a row order has no Spark translation; run it on the eager backend (Session.eager()).")
        }
        let name = nextHiddenName()
        return (numbered(child.relation, order: child.order, as: name), name)
    }

    /// A small relation of the literal `values`, one row each: (`position` = its place in the
    /// list, `value`). Built as `posexplode` of a literal array over a one-row range.
    private func literalList(_ values: [Spark_Connect_Expression], elementType: Spark_Connect_DataType,
                             position: String, value: String) -> Spark_Connect_Relation {
        var range = Spark_Connect_Range()
        range.start = 0
        range.end = 1
        range.step = 1
        var one = Spark_Connect_Relation()
        one.range = range
        var arrayType = Spark_Connect_DataType()
        arrayType.array.elementType = elementType
        arrayType.array.containsNull = true
        // The cast types an empty list, which Spark would otherwise read as array<void>.
        let array = SparkExpressions.cast(SparkExpressions.call("array", values), arrayType)
        var alias = Spark_Connect_Expression.Alias()
        alias.expr = SparkExpressions.call("posexplode", [array])
        alias.name = [position, value]
        var aliased = Spark_Connect_Expression()
        aliased.alias = alias
        let list = project(one, [aliased])
        // Positions as long, like every other order column.
        return project(list, [SparkExpressions.alias(SparkExpressions.cast(SparkExpressions.column(position), SparkLiterals.longType), position),
                              SparkExpressions.column(value)])
    }

    /// One row, one column `name`: the number of rows of `relation`.
    private func rowCount(_ relation: Spark_Connect_Relation, as name: String) -> Spark_Connect_Relation {
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.aggregateExpressions = [SparkExpressions.alias(SparkExpressions.call("count", [SparkLiterals.long(1)]), name)]
        var result = Spark_Connect_Relation()
        result.aggregate = aggregate
        return result
    }

    /// One row: for each literal, whether some row's `key` equals it (bool columns `names`).
    private func foundFlags(_ relation: Spark_Connect_Relation, key: String, literals: [Spark_Connect_Expression], names: [String]) -> Spark_Connect_Relation {
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = relation
        aggregate.groupType = .groupby
        aggregate.aggregateExpressions = zip(literals, names).map { literal, name in
            SparkExpressions.alias(SparkExpressions.call("coalesce", [
                SparkExpressions.call("bool_or", [SparkExpressions.call("==", [SparkExpressions.column(key), literal])]),
                SparkLiterals.boolean(false)]), name)
        }
        var result = Spark_Connect_Relation()
        result.aggregate = aggregate
        return result
    }

    /// `repr1, repr2, ...` of the labels whose found flag is false (`concat_ws` skips nulls).
    private func missingList(_ found: [String], _ reprs: [String]) -> Spark_Connect_Expression {
        SparkExpressions.call("concat_ws", [SparkLiterals.string(", ")] + zip(found, reprs).map { flag, repr in
            SparkExpressions.when(SparkExpressions.column(flag), SparkLiterals.null(SparkLiterals.stringType), otherwise: SparkLiterals.string(repr))
        })
    }

    private func crossJoined(_ left: Spark_Connect_Relation, _ right: Spark_Connect_Relation) -> Spark_Connect_Relation {
        var join = Spark_Connect_Join()
        join.left = left
        join.right = right
        join.joinType = .cross
        var relation = Spark_Connect_Relation()
        relation.join = join
        return relation
    }

    private func innerJoined(_ left: Spark_Connect_Relation, _ right: Spark_Connect_Relation, on condition: Spark_Connect_Expression) -> Spark_Connect_Relation {
        var hint = Spark_Connect_Hint()
        hint.input = right
        hint.name = "broadcast"  // the wanted list is small
        var small = Spark_Connect_Relation()
        small.hint = hint
        var join = Spark_Connect_Join()
        join.left = left
        join.right = small
        join.joinType = .inner
        join.joinCondition = condition
        var relation = Spark_Connect_Relation()
        relation.join = join
        return relation
    }

    private func dropping(_ relation: Spark_Connect_Relation, _ names: [String]) -> Spark_Connect_Relation {
        guard !names.isEmpty else { return relation }
        var drop = Spark_Connect_Drop()
        drop.input = relation
        drop.columnNames = names
        var result = Spark_Connect_Relation()
        result.drop = drop
        return result
    }

    /// `relation` unchanged, except that running it fails with pandas' error `code` and the
    /// string `message` (computed from the one row of `flags`) when `flags`' column `flag` is not true.
    private mutating func failing(_ relation: Spark_Connect_Relation, _ flags: Spark_Connect_Relation, flag: String,
                                  code: BambooError.Code, message: Spark_Connect_Expression) -> Spark_Connect_Relation {
        let text = SparkExpressions.call("concat", [SparkLiterals.string(SparkRuntimeCheck.marker + "{\(code)}"), message,
                                                    SparkLiterals.string(SparkRuntimeCheck.marker)])
        var filter = Spark_Connect_Filter()
        filter.input = flags
        filter.condition = SparkExpressions.when(
            SparkExpressions.call("coalesce", [SparkExpressions.column(flag), SparkLiterals.boolean(false)]),
            SparkLiterals.boolean(false), otherwise: SparkExpressions.call("isnull", [SparkExpressions.call("raise_error", [text])]))
        var failing = Spark_Connect_Relation()
        failing.filter = filter
        failing = project(failing, [SparkExpressions.alias(SparkLiterals.null(SparkLiterals.nullType), nextHiddenName())])
        return unionByName(relation, failing)
    }
}

extension SparkRelationTranslator {
    /// `loc[start:stop:step]` on a single-level index, as pandas' `slice_indexer` (and eager's
    /// `LabelLookup.slice`) decides: on a monotonic index the bounds are found by comparison
    /// (missing bounds allowed); otherwise both bounds must be present and unique (KeyError).
    ///
    /// Whether the index is monotonic depends on the data, so one row of statistics is computed
    /// in Spark (each row paired with the previous one by position, counts below and above each
    /// bound, the bounds' positions) and the rows are kept by position against it.
    mutating func locSlice(_ input: LogicalPlan, start: Scalar?, stop: Scalar?, step: Int) throws -> SparkTranslatedRelation {
        let levels = input.schema.index.fields
        let hint = "loc with a label slice on the Spark backend needs a single-level int64, float64 or string index and bounds of a matching type (not missing); run this step on the eager backend (Session.eager())."
        guard levels.count == 1, let index = levels.first, step != 0,
              [.int64, .float64, .string, .nullableInt64, .nullableFloat64].contains(index.dtype) else {
            throw SparkTranslationUnsupported(hint: hint)
        }
        func bound(_ label: Scalar?) throws -> Spark_Connect_Expression? {
            guard let label else { return nil }
            guard !label.isMissing, let literal = SparkLiterals.literal(label, as: index.dtype) else { throw SparkTranslationUnsupported(hint: hint) }
            return literal
        }
        let (startValue, stopValue) = (try bound(start), try bound(stop))
        let child = try translate(input)
        let (relation, position) = try positioned(child, what: "loc with a label slice")
        let column = SparkExpressions.column
        func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
        func long(_ value: Int) -> Spark_Connect_Expression { SparkLiterals.long(Int64(value)) }
        let key = column(SparkColumnNames.field(index.id))
        var missing = call("isnull", [key])
        if SparkLiterals.isFloat(index.dtype) { missing = SparkExpressions.or(missing, call("isnan", [key])) }

        // Monotonic (non-strictly) increasing / decreasing: every row against the previous one.
        let (previousPosition, previousValue, currentPosition, currentValue) = (nextHiddenName(), nextHiddenName(), nextHiddenName(), nextHiddenName())
        let previous = project(relation, [SparkExpressions.alias(call("+", [column(position), long(1)]), previousPosition),
                                          SparkExpressions.alias(key, previousValue)])
        let current = project(relation, [SparkExpressions.alias(column(position), currentPosition), SparkExpressions.alias(key, currentValue)])
        var pairJoin = Spark_Connect_Join()
        pairJoin.left = current
        pairJoin.right = previous
        pairJoin.joinType = .inner
        pairJoin.joinCondition = call("==", [column(currentPosition), column(previousPosition)])
        var pairs = Spark_Connect_Relation()
        pairs.join = pairJoin
        let (increasing, decreasing) = (nextHiddenName(), nextHiddenName())
        var monotonicity = Spark_Connect_Aggregate()
        monotonicity.input = pairs
        monotonicity.groupType = .groupby
        monotonicity.aggregateExpressions = [
            SparkExpressions.alias(call("coalesce", [call("bool_and", [call(">=", [column(currentValue), column(previousValue)])]), SparkLiterals.boolean(true)]), increasing),
            SparkExpressions.alias(call("coalesce", [call("bool_and", [call("<=", [column(currentValue), column(previousValue)])]), SparkLiterals.boolean(true)]), decreasing),
        ]
        var monotonic = Spark_Connect_Relation()
        monotonic.aggregate = monotonicity

        // Counts and positions for each bound.
        let (count, anyMissing) = (nextHiddenName(), nextHiddenName())
        var statistics: [Spark_Connect_Expression] = [
            SparkExpressions.alias(call("count", [long(1)]), count),
            SparkExpressions.alias(call("coalesce", [call("bool_or", [missing]), SparkLiterals.boolean(false)]), anyMissing),
        ]
        struct BoundColumns { var less, lessEqual, greater, greaterEqual, equal, at: String }
        func boundColumns(_ value: Spark_Connect_Expression) -> BoundColumns {
            let names = BoundColumns(less: nextHiddenName(), lessEqual: nextHiddenName(), greater: nextHiddenName(),
                                     greaterEqual: nextHiddenName(), equal: nextHiddenName(), at: nextHiddenName())
            for (name, op) in [(names.less, "<"), (names.lessEqual, "<="), (names.greater, ">"), (names.greaterEqual, ">="), (names.equal, "==")] {
                statistics.append(SparkExpressions.alias(call("count_if", [call("coalesce", [call(op, [key, value]), SparkLiterals.boolean(false)])]), name))
            }
            statistics.append(SparkExpressions.alias(call("min", [SparkExpressions.when(call("<=>", [key, value]), column(position), otherwise: SparkLiterals.null(SparkLiterals.longType))]), names.at))
            return names
        }
        let startColumns = startValue.map(boundColumns)
        let stopColumns = stopValue.map(boundColumns)
        var statisticsAggregate = Spark_Connect_Aggregate()
        statisticsAggregate.input = relation
        statisticsAggregate.groupType = .groupby
        statisticsAggregate.aggregateExpressions = statistics
        var counts = Spark_Connect_Relation()
        counts.aggregate = statisticsAggregate

        let isMonotonic = SparkExpressions.or(call("<", [column(count), long(2)]),
            SparkExpressions.and(SparkExpressions.not(column(anyMissing)), SparkExpressions.or(column(increasing), column(decreasing))))
        let ascending = column(increasing)  // both true (equal or fewer than two rows) counts as increasing, as in eager
        func pick(_ whenAscending: String, _ whenDescending: String) -> Spark_Connect_Expression {
            SparkExpressions.when(ascending, column(whenAscending), otherwise: column(whenDescending))
        }
        let (low, high, ok, monotonicName) = (nextHiddenName(), nextHiddenName(), nextHiddenName(), nextHiddenName())
        var bounds: [(String, Spark_Connect_Expression)] = [(monotonicName, isMonotonic)]
        let mono = column(monotonicName)
        if step > 0 {
            // Kept: low <= position < high.
            bounds.append((low, startColumns.map { SparkExpressions.when(mono, pick($0.less, $0.greater), otherwise: column($0.at)) } ?? long(0)))
            bounds.append((high, stopColumns.map { SparkExpressions.when(mono, pick($0.lessEqual, $0.greaterEqual), otherwise: call("+", [column($0.at), long(1)])) } ?? column(count)))
        } else {
            // Kept: low < position <= high, from high down.
            bounds.append((high, startColumns.map { SparkExpressions.when(mono, call("-", [pick($0.lessEqual, $0.greaterEqual), long(1)]), otherwise: column($0.at)) }
                ?? call("-", [column(count), long(1)])))
            bounds.append((low, stopColumns.map { SparkExpressions.when(mono, call("-", [pick($0.less, $0.greater), long(1)]), otherwise: call("-", [column($0.at), long(1)])) } ?? long(-1)))
        }
        // Not monotonic: each given bound must match exactly one row.
        let unique = [startColumns, stopColumns].compactMap { $0 }.map { call("==", [column($0.equal), long(1)]) }
            .reduce(SparkLiterals.boolean(true), SparkExpressions.and)
        bounds.append((ok, SparkExpressions.or(mono, unique)))
        var message: Spark_Connect_Expression = SparkLiterals.string("")
        for (label, columns, side) in [(stop, stopColumns, "right"), (start, startColumns, "left")] {
            guard let label, let columns else { continue }
            message = SparkExpressions.when(call("==", [column(columns.equal), long(0)]), SparkLiterals.string(label.pythonRepr),
                otherwise: SparkExpressions.when(call(">", [column(columns.equal), long(1)]),
                    SparkLiterals.string("\"Cannot get \(side) slice bound for non-unique label: \(label.pythonRepr)\""), otherwise: message))
        }
        let (messageName, typeOK) = (nextHiddenName(), nextHiddenName())
        bounds.append((messageName, message))
        // One missing index value: eager compares it with the bounds and fails (TypeError).
        bounds.append((typeOK, SparkExpressions.not(SparkExpressions.and(call("==", [column(count), long(1)]), column(anyMissing)))))
        let stats = withColumns(crossJoined(counts, monotonic), bounds)

        var kept = crossJoined(relation, stats)
        let here = column(position)
        let condition: Spark_Connect_Expression
        if step > 0 {
            condition = SparkExpressions.and(SparkExpressions.and(call(">=", [here, column(low)]), call("<", [here, column(high)])),
                                             call("==", [call("%", [call("-", [here, column(low)]), long(step)]), long(0)]))
        } else {
            condition = SparkExpressions.and(SparkExpressions.and(call("<=", [here, column(high)]), call(">", [here, column(low)])),
                                             call("==", [call("%", [call("-", [column(high), here]), long(-step)]), long(0)]))
        }
        var filter = Spark_Connect_Filter()
        filter.input = kept
        filter.condition = condition
        kept = Spark_Connect_Relation()
        kept.filter = filter
        let statNames = [count, anyMissing, increasing, decreasing, low, high, ok, monotonicName, messageName, typeOK]
            + [startColumns, stopColumns].compactMap { $0 }.flatMap { [$0.less, $0.lessEqual, $0.greater, $0.greaterEqual, $0.equal, $0.at] }
        kept = dropping(kept, statNames)
        let missingText = SparkLiterals.string(SparkLiterals.isFloat(index.dtype) ? "nan" : "None")
        let boundText = SparkLiterals.string((start ?? stop)?.pythonRepr ?? "")
        kept = failing(kept, stats, flag: typeOK, code: .typeMismatch, message: call("concat", [
            SparkLiterals.string("Cannot compare index value "), missingText, SparkLiterals.string(" with slice bound "), boundText, SparkLiterals.string(" (types differ).")]))
        kept = failing(kept, stats, flag: ok, code: .keyNotFound, message: column(messageName))
        let order = step > 0 ? child.order : [SparkOrderColumn(name: position, ascending: false, nullsFirst: false, nullable: false)]
        return SparkTranslatedRelation(relation: kept, order: order, densePositions: nil)
    }
}
#endif
