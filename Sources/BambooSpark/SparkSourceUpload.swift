#if Spark
import BambooArrow
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol

/// A `Source` node as a Spark `LocalRelation`: the rows travel inside the plan as one Arrow IPC
/// stream (pyspark's `createDataFrame(pandas_df)` does the same), one column per field plus the
/// hidden position column numbering the rows 0..<n, which is pandas' order of a source and
/// costs nothing to know at upload time.
///
/// Spark keeps float NaN as NaN (not null); expressions test both (see ``SparkExpressionTranslator``).
/// Datetimes and timedeltas go up as microseconds (Spark's only unit for both) and come back in
/// the plan's unit.
/// The whole upload is one gRPC message, so it is bounded by the server's
/// `spark.connect.grpc.maxInboundMessageSize` (128 MiB by default).
enum SparkSourceUpload {
    /// Why `data` cannot be uploaded, or nil.
    static func unsupportedReason(_ data: SourceData) -> String? {
        for (field, column) in zip(data.schema.allFields, data.columns) {
            if field.dtype.isCategory {
                // A category goes up as its values (see SparkCategories).
                guard let value = SparkCategories.valueType(field.dtype) else {
                    return "Column \(field.label.pythonRepr) is a category whose categories are not all str, int, float or datetime values of one kind, which the Spark backend does not upload; convert it with astype or run on the eager backend."
                }
                if case .datetime(let unit, _) = value, let problem = try? timestampProblem(SparkCategories.valuesColumn(column, as: value), unit: unit) {
                    return "Column \(field.label.pythonRepr) \(problem); Spark timestamps hold microseconds of the years 1 to 9999. Run on the eager backend."
                }
                continue
            }
            guard SparkLiterals.isSupported(field.dtype) else {
                return "Column \(field.label.pythonRepr) has dtype \(field.dtype.name), which the Spark backend does not upload yet (int64, float64, bool, str, Int64, Float64, boolean, datetime64 with or without a zone, timedelta64 are); convert it with astype or run on the eager backend."
            }
            if case .datetime(let unit, _) = field.dtype, let problem = timestampProblem(column, unit: unit) {
                return "Column \(field.label.pythonRepr) \(problem); Spark timestamps hold microseconds of the years 1 to 9999. Run on the eager backend."
            }
            if case .timedelta(let unit) = field.dtype, case .int64(let ticks) = column.values,
               ticks.indices.contains(where: { !column.isMissing($0) && SparkLiterals.micros(ticks[$0], unit) == nil }) {
                return "Column \(field.label.pythonRepr) holds timedeltas finer than a microsecond; Spark intervals hold microseconds. Round them (dt.round(\"us\")) or run on the eager backend."
            }
        }
        return nil
    }

    /// Why a datetime column would not survive Spark unchanged: sub-microsecond values (they would
    /// be truncated, a silently different answer) or years outside Spark's range.
    private static func timestampProblem(_ column: Column, unit: TimeUnit) -> String? {
        guard case .int64(let ticks) = column.values else { return nil }
        let perSecond = unit.ticksPerSecond
        // 0001-01-01T00:00:00 and 10000-01-01T00:00:00 in seconds from the epoch.
        let (earliest, latest): (Int64, Int64) = (-62_135_596_800, 253_402_300_800)
        for row in ticks.indices where !column.isMissing(row) {
            let value = ticks[row]
            if perSecond > 1_000_000, value % (perSecond / 1_000_000) != 0 { return "holds values finer than a microsecond" }
            let seconds = value / perSecond - (value % perSecond < 0 ? 1 : 0)  // floor, without negating Int64.min
            if seconds < earliest || seconds >= latest { return "holds dates outside the years 1 to 9999" }
        }
        return nil
    }

    /// The relation; without `withData` an empty stand-in with no rows (for support checks,
    /// which must not encode the data).
    static func relation(_ data: SourceData, positionColumn: String, withData: Bool) throws -> Spark_Connect_Relation {
        if let reason = unsupportedReason(data) { throw SparkTranslationUnsupported(hint: reason) }
        var columns: [(name: String, column: Column)] = []
        let rows = withData ? Array(0..<data.rowCount) : []
        for (field, column) in zip(data.schema.allFields, data.columns) {
            var uploaded = withData ? column : column.take([])
            var dtype = field.dtype
            if let value = SparkCategories.valueType(dtype) {
                uploaded = try SparkCategories.valuesColumn(uploaded, as: value)
                dtype = value
            }
            if case .datetime(let unit, let zone) = dtype, unit != .us || zone != nil {
                // Spark holds microseconds; zoned values go up as UTC instants.
                uploaded = try uploaded.astype(.datetime(.us, tz: zone == nil ? nil : "UTC"))
            }
            if case .timedelta(let unit) = dtype, unit != .us { uploaded = try uploaded.astype(.timedelta(.us)) }
            columns.append((SparkColumnNames.field(field.id), uploaded))
        }
        columns.append((positionColumn, Column(int64: rows.map { Int64($0) })))
        var local = Spark_Connect_LocalRelation()
        local.data = try ArrowStreamWriter.writeData(try ArrowTable(columns: columns))
        var relation = Spark_Connect_Relation()
        relation.localRelation = local
        return relation
    }
}
#endif
