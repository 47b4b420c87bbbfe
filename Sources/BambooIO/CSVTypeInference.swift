import BambooCore

/// Infers a column's dtype from its text exactly as pandas' C parser does
/// (`TextReader._convert_tokens`): it tries int64, then float64, then bool, and falls back to `str`.
///
/// - all ints → `int64`; ints with missing values → `float64`;
/// - floats (`1e5`, `.5`, `inf`, `-Infinity`) → `float64`; a column entirely missing → `float64`;
/// - `true`/`false` in any case → `bool`; with missing values → `object` holding bools and NaN;
/// - anything else → `str`, missing values stay missing;
/// - integers beyond Int64 (pandas' `uint64`/Python-int columns) → `str` holding the digits.
enum CSVTypeInference {
    static func infer(_ spans: [FieldSpan], _ context: CSVConversionContext) -> Column {
        if spans.isEmpty { return Column(dtype: .object, values: .object([])) }
        switch inferIntegers(spans, context) {
        case .column(let column): return column
        case .overflow: return strings(spans, context)
        case .notIntegers: break
        }
        if let floats = floats(spans, context) { return Column(float64: floats) }
        if let bools = inferBools(spans, context) { return bools }
        return strings(spans, context)
    }

    private enum IntegerOutcome {
        case column(Column)
        case overflow
        case notIntegers
    }

    /// One pass reads ints; missing values turn the result into float64 without a second pass.
    private static func inferIntegers(_ spans: [FieldSpan], _ context: CSVConversionContext) -> IntegerOutcome {
        var values = [Int64]()
        values.reserveCapacity(spans.count)
        var missingRows: [Int] = []
        var overflow = false
        let checkMissing = !context.missing.isEmpty
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if checkMissing, context.missing.isMissing(bytes) {
                missingRows.append(row)
                values.append(0)
                continue
            }
            switch CSVNumberParsing.parseInt(bytes) {
            case .value(let value): values.append(value)
            case .overflow: overflow = true; values.append(0)
            case .invalid: return .notIntegers
            }
        }
        if overflow { return .overflow }
        if missingRows.isEmpty { return .column(Column(int64: values)) }
        var doubles = values.map { Double($0) }
        for row in missingRows { doubles[row] = .nan }
        if !context.missing.floatValues.isEmpty {
            for i in 0..<doubles.count where context.missing.isMissing(float: doubles[i]) { doubles[i] = .nan }
        }
        return .column(Column(float64: doubles))
    }

    /// Every field as float64 (missing → NaN), or nil when one is not a number.
    static func floats(_ spans: [FieldSpan], _ context: CSVConversionContext) -> [Double]? {
        var values = [Double]()
        values.reserveCapacity(spans.count)
        for span in spans {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) { values.append(.nan); continue }
            guard let value = CSVNumberParsing.parseFloat(bytes) else { return nil }
            values.append(context.missing.isMissing(float: value) ? .nan : value)
        }
        return values
    }

    private static func inferBools(_ spans: [FieldSpan], _ context: CSVConversionContext) -> Column? {
        var values = [Bool]()
        values.reserveCapacity(spans.count)
        var missingRows: [Int] = []
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) { missingRows.append(row); values.append(false); continue }
            guard let value = CSVNumberParsing.parseBool(bytes) else { return nil }
            values.append(value)
        }
        if missingRows.isEmpty { return Column(bool: values) }
        // pandas keeps a bool column with missing values as object: True/False and NaN.
        var objects = values.map { Scalar.bool($0) }
        for row in missingRows { objects[row] = .float(.nan) }
        return Column(dtype: .object, values: .object(objects))
    }

    /// A `str` column of the raw field text; missing tokens become missing values.
    static func strings(_ spans: [FieldSpan], _ context: CSVConversionContext) -> Column {
        var array = StringArray()
        var byteCount = 0
        for span in spans { byteCount += span.end - span.start }
        array.reserve(count: spans.count, bytes: byteCount)
        var valid = [Bool](repeating: true, count: spans.count)
        var anyMissing = false
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) {
                array.appendEmpty()
                valid[row] = false
                anyMissing = true
            } else if bytes.count <= 15 {
                // A small String lives inline (no allocation), and StringArray's String overload is
                // specialised in BambooCore, unlike its generic byte-collection overload.
                array.append(String(decoding: bytes, as: UTF8.self))
            } else {
                array.append(utf8: bytes)
            }
        }
        return Column(dtype: .string, values: .string(array), validity: anyMissing ? Bitmap(valid) : nil)
    }
}
