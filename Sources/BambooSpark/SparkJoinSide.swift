#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// One input of a binary node (join, alignment) with every column renamed to a fresh hidden
/// name, so that the two sides never share a column name inside Spark, even when both derive
/// from the same plan (`s + s.sort_values()` reads the same fields twice).
///
/// Besides the fields and order columns, a side carries `present`, a column that is true on
/// every row: after an outer join it is null exactly where the row has no partner on this side,
/// which tells a missing partner from a partner whose values are missing.
struct SparkJoinSide {
    var relation: Spark_Connect_Relation
    /// Each field of the input's schema, by its renamed column.
    var names: [FieldID: String]
    /// The input's row order, over the renamed columns.
    var order: [SparkOrderColumn]
    /// True on every row of this side (null where an outer join found no row here).
    var present: String
    /// Renamed computed columns, in the order they were asked for (join keys, aligned values).
    var computed: [String]
    /// A renamed column numbering the rows 0..<n in order, when asked for.
    var positions: String?
    /// The input's own dense positions (see ``SparkTranslatedRelation/densePositions``), renamed.
    var densePositions: String?

    func column(_ id: FieldID) throws -> Spark_Connect_Expression {
        guard let name = names[id] else { throw BambooError.invariant("the Spark join side has no field \(id)") }
        return SparkExpressions.column(name)
    }
}

extension SparkRelationTranslator {
    /// `plan` translated and renamed; `computed` expressions (over the plan's fields) become
    /// extra renamed columns; with `numbered`, a dense 0..<n position column is added (free for a
    /// source prefix, otherwise numbered partition by partition).
    mutating func joinSide(_ plan: LogicalPlan, computed: [Spark_Connect_Expression] = [], numbered: Bool = false) throws -> SparkJoinSide {
        let child = try translate(plan)
        var outputs: [Spark_Connect_Expression] = []
        var names: [FieldID: String] = [:]
        for field in plan.schema.allFields {
            let name = nextHiddenName()
            names[field.id] = name
            outputs.append(SparkExpressions.alias(SparkExpressions.column(SparkColumnNames.field(field.id)), name))
        }
        var renamedOrder: [String: String] = [:]
        for hidden in child.hiddenColumns {
            let name = nextHiddenName()
            renamedOrder[hidden] = name
            outputs.append(SparkExpressions.alias(SparkExpressions.column(hidden), name))
        }
        let order = child.order.map { key in
            SparkOrderColumn(name: renamedOrder[key.name] ?? key.name, ascending: key.ascending, nullsFirst: key.nullsFirst, nullable: key.nullable)
        }
        let present = nextHiddenName()
        outputs.append(SparkExpressions.alias(SparkLiterals.boolean(true), present))
        var computedNames: [String] = []
        for expression in computed {
            let name = nextHiddenName()
            computedNames.append(name)
            outputs.append(SparkExpressions.alias(expression, name))
        }
        var positions: String?
        var input = child.relation
        if numbered {
            let name = nextHiddenName()
            positions = name
            if let dense = child.densePositions {
                outputs.append(SparkExpressions.alias(SparkExpressions.column(dense), name))
            } else {
                let position = nextHiddenName()
                input = self.numbered(input, order: child.order, as: position)
                outputs.append(SparkExpressions.alias(SparkExpressions.column(position), name))
            }
        }
        return SparkJoinSide(relation: project(input, outputs), names: names, order: order, present: present,
                             computed: computedNames, positions: positions,
                             densePositions: child.densePositions.flatMap { renamedOrder[$0] })
    }

    /// A Spark join of two relations whose column names are disjoint.
    func joined(_ left: Spark_Connect_Relation, _ right: Spark_Connect_Relation, type: Spark_Connect_Join.JoinType,
                on condition: Spark_Connect_Expression?) -> Spark_Connect_Relation {
        var join = Spark_Connect_Join()
        join.left = left
        join.right = right
        join.joinType = type
        if let condition { join.joinCondition = condition }
        var relation = Spark_Connect_Relation()
        relation.join = join
        return relation
    }

    /// Null-safe equality of key pairs, all of them (`l1 <=> r1 AND l2 <=> r2 ...`): missing keys
    /// (cleaned of NaN beforehand) match each other, as pandas matches NaN with NaN and None.
    func keysMatch(_ pairs: [(String, String)]) -> Spark_Connect_Expression {
        pairs.map { SparkExpressions.call("<=>", [SparkExpressions.column($0.0), SparkExpressions.column($0.1)]) }
            .reduce(SparkLiterals.boolean(true), SparkExpressions.and)
    }

    /// The join key families Spark compares as pandas does: numbers with numbers, strings with
    /// strings, booleans with booleans, naive datetimes with naive datetimes.
    static func joinKeyFamily(_ dtype: DType) -> Int? {
        switch dtype {
        case .int64, .float64, .nullableInt64, .nullableFloat64: return 0
        case .string: return 1
        case .bool, .nullableBool: return 2
        case .datetime(_, tz: nil): return 3
        default: return nil
        }
    }
}
#endif
