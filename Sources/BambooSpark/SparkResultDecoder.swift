#if Spark
import BambooArrow
import BambooCore
import BambooPlan

/// Spark's Arrow answer decoded into an ``ExecutionResult`` with the dtypes the plan's schema
/// states: columns are taken by position (the final relation selects exactly the schema's
/// fields), and Spark's types converted where they differ from pandas' (a `bigint` column with
/// nulls arrives as `Int64` and becomes the plan's `float64` or `Int64`; a null `double`
/// becomes NaN in `float64`; timestamps return to the plan's unit).
enum SparkResultDecoder {
    /// `pivotBlocks`: the plan's root is a pivot, whose int64 (bool) value columns pandas turns
    /// into float64 (object) all together when any cell is missing.
    static func decode(_ raw: SparkRawResult, schema: Schema, isReduction: Bool, pivotBlocks: Bool = false) throws -> ExecutionResult {
        let fields = schema.allFields
        var columns: [Column]
        var rowCount = 0
        if raw.arrowStreams.isEmpty {
            columns = fields.map { Column.allMissing($0.dtype, count: 0) }
        } else {
            let table = try ArrowStreamReader.read(streams: raw.arrowStreams.map { [UInt8]($0) })
            guard table.columns.count == fields.count else {
                throw BambooError(.backendError, "Spark returned \(table.columns.count) columns for a plan of \(fields.count); this is a bug in the Spark translation.")
            }
            rowCount = table.rowCount
            columns = try zip(table.columns, fields).map { column, field in
                try convert(column, to: field.dtype, isReduction: isReduction)
            }
        }
        let indexCount = schema.index.fields.count
        if pivotBlocks { columns = upcastBlocks(columns, fields: fields, from: indexCount) }
        return ExecutionResult(index: Array(columns.prefix(indexCount)), columns: Array(columns.dropFirst(indexCount)), rowCount: rowCount)
    }

    private static func upcastBlocks(_ columns: [Column], fields: [Field], from start: Int) -> [Column] {
        var columns = columns
        for dtype in [DType.int64, .bool] {
            let block = (start..<columns.count).filter { fields[$0].dtype == dtype }
            guard block.contains(where: { columns[$0].dtype != dtype }) else { continue }
            for i in block where columns[i].dtype == dtype {
                columns[i] = dtype == .int64
                    ? Column(float64: (0..<columns[i].count).map { columns[i].scalar(at: $0).doubleValue ?? .nan })
                    : Column(dtype: .object, values: .object((0..<columns[i].count).map { columns[i].scalar(at: $0) }))
            }
        }
        return columns
    }

    private static func convert(_ column: Column, to dtype: DType, isReduction: Bool) throws -> Column {
        // Lists (str.split) arrive as an object column; pandas shows a missing value's list as NaN.
        if dtype == .object, case .object(let values) = column.values, values.contains(where: { if case .list = $0 { true } else { false } }) {
            return Column(dtype: .object, values: .object(values.map { $0 == Scalar.none ? .float(.nan) : $0 }))
        }
        if column.dtype == dtype { return column }
        // A category comes back as its values; the plan's categories rebuild the codes.
        if let value = SparkCategories.valueType(dtype) {
            return try convert(column, to: SparkCategories.decodingType(value), isReduction: false).astype(dtype)
        }
        let hasMissing = (0..<column.count).contains { column.isMissing($0) }
        // pandas: min/max of no values is NaN even for int64 or bool columns (eager does the same).
        if isReduction, hasMissing, !dtype.canHoldMissing {
            return Column.infer((0..<column.count).map { column.isMissing($0) ? .float(.nan) : column.scalar(at: $0) })
        }
        // pandas turns an int64 result with missing values into float64 (str.len of a missing
        // string, a count after a shift...): the plan cannot know the data, the answer can.
        if dtype == .int64, hasMissing {
            return Column(float64: (0..<column.count).map { column.isMissing($0) ? .nan : column.scalar(at: $0).doubleValue ?? .nan })
        }
        // `.dt.date` / `.dt.time` arrive as Arrow date32 / duration[us] (SparkExpressionTranslator+CalendarParts).
        if dtype == .object, let part = calendarParts(column) { return part }
        // Likewise a bool column with missing values (a merge's unmatched rows) is object, NaN for missing.
        // An object result Spark computed (diff or shift of bools) holds NaN where a value is missing, as pandas' does.
        if dtype == .bool && hasMissing || dtype == .object && column.dtype != .object {
            return Column(dtype: .object, values: .object((0..<column.count).map { column.isMissing($0) ? .float(.nan) : column.scalar(at: $0) }))
        }
        return try column.astype(dtype)
    }

    /// Python dates or times, NaT where missing, from a date32 (read as datetime64[ms]) or
    /// duration[us] column; nil for any other column.
    private static func calendarParts(_ column: Column) -> Column? {
        guard case .int64(let ticks) = column.values else { return nil }
        let part: (Int64) -> Scalar
        switch column.dtype {
        case .datetime(.ms, nil): part = { .date($0 / 86_400_000) }  // whole days: exact
        case .timedelta(.us): part = { .time($0) }
        default: return nil
        }
        return Column(dtype: .object, values: .object((0..<column.count).map { column.isMissing($0) ? .nat : part(ticks[$0]) }))
    }
}
#endif
