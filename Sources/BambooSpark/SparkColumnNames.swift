#if Spark
import BambooPlan

/// The names Bamboo gives columns inside Spark: `f<id>` for a plan field, `o<n>` for a hidden
/// row-order column. pandas labels (which may repeat, be non-strings, or hold any character, e.g.
/// "a`; DROP TABLE t") never reach Spark: results are read back by position and relabelled from
/// the plan's schema. The names are lowercase ASCII letters and digits, so Spark's
/// case-insensitive resolution and identifier parsing cannot confuse them.
enum SparkColumnNames {
    static func field(_ id: FieldID) -> String { "f\(id.raw)" }
}
#endif
