#if Spark
import SparkConnectProtocol

/// A plan node translated into a Spark relation: one column per schema field (named by
/// ``SparkColumnNames``), plus the hidden order columns that reproduce pandas' row order.
struct SparkTranslatedRelation: Sendable {
    var relation: Spark_Connect_Relation
    /// pandas' row order, as hidden columns of `relation` (empty: a single row, or any order).
    var order: [SparkOrderColumn]
    /// The source's position column when the rows are exactly a prefix of an uploaded source in
    /// source order, so that column already numbers them 0..<n (a `RowNumber` then costs nothing);
    /// nil once rows are filtered, reordered or grouped.
    var densePositions: String?
    /// Names of hidden order columns (every relation keeps them through projections).
    var hiddenColumns: [String] { Array(Set(order.map(\.name))).sorted() }
}
#endif
