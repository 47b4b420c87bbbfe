#if Spark
import SparkConnectProtocol

/// Row positions (0..<n in pandas' order) without moving every row into one partition.
///
/// A global `row_number()` window has no partitioning, so Spark sends all rows to one task. This
/// numbers rows as `zipWithIndex` does instead: sort by the order (a distributed range sort),
/// tag each row with its partition and its place there (`monotonically_increasing_id()` is the
/// partition id shifted left by 33 bits plus the row's index in its partition), count the rows
/// of each partition, turn the few counts into offsets (a window over one row per partition),
/// and join them back. Spark reuses the sort's shuffle for both branches of the plan (one query,
/// identical exchanges), so both see the same partitions.
extension SparkRelationTranslator {
    mutating func numbered(_ relation: Spark_Connect_Relation, order: [SparkOrderColumn], as name: String) -> Spark_Connect_Relation {
        let (partition, tag, rows, offset) = (nextHiddenName(), nextHiddenName(), nextHiddenName(), nextHiddenName())
        let column = SparkExpressions.column
        let tagged = withColumns(sorted(relation, by: order), [
            (partition, SparkExpressions.call("spark_partition_id", [])),
            (tag, SparkExpressions.call("monotonically_increasing_id", [])),
        ])

        var counting = Spark_Connect_Aggregate()
        counting.input = tagged
        counting.groupType = .groupby
        counting.groupingExpressions = [column(partition)]
        counting.aggregateExpressions = [SparkExpressions.alias(SparkExpressions.call("count", [SparkLiterals.long(1)]), rows)]
        var counts = Spark_Connect_Relation()
        counts.aggregate = counting

        // Rows in earlier partitions: a running sum over one row per partition, minus its own count.
        var running = Spark_Connect_Expression.Window()
        running.windowFunction = SparkExpressions.call("sum", [column(rows)])
        running.orderSpec = [SparkExpressions.sortOrder(column(partition), ascending: true, nullsFirst: false)]
        var runningSum = Spark_Connect_Expression()
        runningSum.window = running
        var hint = Spark_Connect_Hint()
        hint.input = withColumns(counts, [(offset, SparkExpressions.call("-", [runningSum, column(rows)]))])
        hint.name = "broadcast"
        var offsets = Spark_Connect_Relation()
        offsets.hint = hint

        var join = Spark_Connect_Join()
        join.left = tagged
        join.right = offsets
        join.joinType = .inner
        join.usingColumns = [partition]
        var joined = Spark_Connect_Relation()
        joined.join = join

        let local = SparkExpressions.call("-", [column(tag), SparkExpressions.call("shiftleft", [column(partition), SparkLiterals.long(33)])])
        let positioned = withColumns(joined, [(name, SparkExpressions.call("+", [column(offset), local]))])
        var drop = Spark_Connect_Drop()
        drop.input = positioned
        drop.columnNames = [partition, tag, rows, offset]
        var result = Spark_Connect_Relation()
        result.drop = drop
        return result
    }
}
#endif
