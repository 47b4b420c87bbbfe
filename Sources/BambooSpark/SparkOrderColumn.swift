#if Spark
import SparkConnectProtocol

/// One key of a translated relation's row order: a hidden column and how it sorts.
///
/// Spark has no row order, so every translated relation carries pandas' order as hidden
/// columns (source positions, computed sort keys, first appearances); rows are sorted by them,
/// lexicographically, only where order matters (slices, first/last) and once for the final result.
struct SparkOrderColumn: Sendable, Hashable {
    var name: String
    var ascending: Bool
    var nullsFirst: Bool
    /// Whether the column can hold null (source positions cannot).
    var nullable: Bool

    var sortOrder: Spark_Connect_Expression.SortOrder {
        SparkExpressions.sortOrder(SparkExpressions.column(name), ascending: ascending, nullsFirst: nullsFirst)
    }

    /// The same key sorting the other way: the last rows first, for slices counted from the end.
    var reversed: SparkOrderColumn {
        SparkOrderColumn(name: name, ascending: !ascending, nullsFirst: !nullsFirst, nullable: nullable)
    }
}

extension [SparkOrderColumn] {
    /// One orderable value per row whose ascending order is this order, for `min`/`min_by`
    /// (first appearance, `first`/`last`): a struct of (null flag, value) pairs. Spark compares
    /// structs field by field, ascending; the flag puts nulls where the key wants them. Nil when a
    /// key sorts descending (a struct cannot flip one field's direction).
    func orderingStruct() -> Spark_Connect_Expression? {
        var parts: [Spark_Connect_Expression] = []
        for key in self {
            guard key.ascending else { return nil }
            let column = SparkExpressions.column(key.name)
            if key.nullable {
                // false sorts before true: with nulls first, present values get `true`.
                parts.append(SparkExpressions.call(key.nullsFirst ? "isnotnull" : "isnull", [column]))
            }
            parts.append(column)
        }
        guard !parts.isEmpty else { return nil }
        return SparkExpressions.call("struct", parts)
    }
}
#endif
