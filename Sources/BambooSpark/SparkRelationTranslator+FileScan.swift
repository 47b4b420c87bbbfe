#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

extension SparkRelationTranslator {
    /// A file read by the cluster (``FileScan``): each field parsed from the file's text (CSV) or
    /// taken as stored (Parquet), and pandas' row order as (file path, monotonically increasing
    /// id): within a file Spark numbers rows in file order, partition by partition, so the order is
    /// known without a global row number.
    mutating func fileScan(_ plan: LogicalPlan, _ scan: FileScan) throws -> SparkTranslatedRelation {
        let input: Spark_Connect_Relation
        switch scan.format {
        case .csv:
            input = SparkFileRead.csv(path: scan.path, separator: scan.separator, quote: scan.quote, header: scan.header,
                                      multiline: scan.multiline, columnCount: scan.fileColumnCount)
        case .parquet:
            input = SparkFileRead.parquet(path: scan.path)
        }
        var outputs: [Spark_Connect_Expression] = []
        for (field, column) in zip(plan.schema.columns, scan.columns) {
            let value: Spark_Connect_Expression
            switch column.conversion {
            case .stored:
                guard let type = SparkLiterals.sparkType(field.dtype) else {
                    throw SparkTranslationUnsupported(hint: "Column \(field.label.pythonRepr) of \(scan.path) has dtype \(field.dtype.name), which the Spark backend does not read.")
                }
                value = SparkExpressions.cast(SparkFileRead.storedColumn(column.source), type)
            case .text, .parse:
                guard let position = Int(column.source) else { throw BambooError.invariant("a CSV scan column without a position") }
                let text = SparkFileRead.cleaned(SparkExpressions.column(SparkFileRead.csvColumnName(position)), naTokens: column.naTokens)
                value = column.conversion == .text ? text : try SparkFileRead.parse(text, as: field.dtype)
            }
            outputs.append(SparkExpressions.alias(value, SparkColumnNames.field(field.id)))
        }
        let file = nextHiddenName(), row = nextHiddenName()
        outputs.append(SparkExpressions.alias(SparkExpressions.call("input_file_name", []), file))
        outputs.append(SparkExpressions.alias(SparkExpressions.call("monotonically_increasing_id", []), row))
        return SparkTranslatedRelation(
            relation: project(input, outputs),
            order: [SparkOrderColumn(name: file, ascending: true, nullsFirst: false, nullable: false),
                    SparkOrderColumn(name: row, ascending: true, nullsFirst: false, nullable: false)],
            densePositions: nil)
    }
}
#endif
