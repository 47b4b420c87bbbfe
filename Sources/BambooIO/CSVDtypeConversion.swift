import BambooCore

/// Converts a column's text to the dtype given in `CSVReadOptions.dtype`, with the rules and errors
/// of pandas' `read_csv(dtype={...})`, each error naming the value, the column and the line.
enum CSVDtypeConversion {
    static func convert(
        _ spans: [FieldSpan], to dtype: DType, label: String, _ context: CSVConversionContext
    ) throws -> Column {
        switch dtype {
        case .string:
            return CSVTypeInference.strings(spans, context)
        case .object:
            var objects = [Scalar]()
            objects.reserveCapacity(spans.count)
            for span in spans {
                let bytes = context.bytes(span)
                objects.append(context.missing.isMissing(bytes) ? .float(.nan) : .string(String(decoding: bytes, as: UTF8.self)))
            }
            return Column(dtype: .object, values: .object(objects))
        case .int64:
            return try integers(spans, label: label, context)
        case .nullableInt64:
            return try nullableIntegers(spans, label: label, context)
        case .float64, .nullableFloat64:
            return try floats(spans, nullable: dtype == .nullableFloat64, label: label, context)
        case .bool:
            return try bools(spans, label: label, context)
        case .nullableBool:
            return try nullableBools(spans, label: label, context)
        case .datetime:
            throw BambooError(
                .typeMismatch,
                "the dtype \(dtype.name) is not supported for parsing, pass this column using parse_dates instead (column '\(label)').")
        case .category(let type):
            // pandas infers the categories' type from the text (`1,2,10` → int categories), then encodes.
            let wantsText = type.categories.map { $0.allSatisfy { if case .string = $0 { return true } else { return false } } } ?? false
            let values = wantsText ? CSVTypeInference.strings(spans, context) : CSVTypeInference.infer(spans, context)
            do {
                return try values.astype(dtype)
            } catch let error as BambooError {
                throw BambooError(error.code, "\(error.message) (column '\(label)').", suggestions: error.suggestions)
            }
        case .timedelta:
            throw BambooError(
                .typeMismatch,
                "the dtype \(dtype.name) is not supported for parsing (column '\(label)'). Read it as str and convert it afterwards.")
        }
    }

    private static func failure(_ message: String, label: String, row: Int, _ context: CSVConversionContext) -> BambooError {
        BambooError(.castFailed, "\(message) (column '\(label)', line \(context.line(ofRow: row))).")
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Scalar.string(String(decoding: bytes, as: UTF8.self)).pythonRepr
    }

    /// A float that is a whole number inside Int64, as pandas' safe float→int64 cast requires.
    private static func exactInteger(_ value: Double) -> Int64? {
        guard value.isFinite, value == value.rounded(.towardZero), value >= -9.223372036854775808e18,
              value < 9.223372036854775808e18 else { return nil }
        return Int64(value)
    }

    private static func integers(_ spans: [FieldSpan], label: String, _ context: CSVConversionContext) throws -> Column {
        var values = [Int64]()
        values.reserveCapacity(spans.count)
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) {
                throw failure("Integer column has NA values in column '\(label)'", label: label, row: row, context)
            }
            switch CSVNumberParsing.parseInt(bytes) {
            case .value(let value): values.append(value)
            case .overflow:
                throw failure("cannot safely convert passed user dtype of int64 for uint64 dtyped data: value \(text(bytes))", label: label, row: row, context)
            case .invalid:
                guard let float = CSVNumberParsing.parseFloat(bytes) else {
                    if let bools = allBools(spans, allowMissing: false, context) { return Column(int64: bools.map { $0 ? 1 : 0 }) }
                    throw failure("invalid literal for int() with base 10: \(text(bytes))", label: label, row: row, context)
                }
                guard let value = exactInteger(float) else {
                    throw failure("cannot safely convert passed user dtype of int64 for float64 dtyped data: value \(text(bytes))", label: label, row: row, context)
                }
                values.append(value)
            }
        }
        return Column(int64: values)
    }

    private static func nullableIntegers(_ spans: [FieldSpan], label: String, _ context: CSVConversionContext) throws -> Column {
        var values = [Int64](repeating: 0, count: spans.count)
        var valid = [Bool](repeating: true, count: spans.count)
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            // pandas' nullable numeric parsing also reads an empty field as <NA>.
            if bytes.isEmpty || context.missing.isMissing(bytes) { valid[row] = false; continue }
            switch CSVNumberParsing.parseInt(bytes) {
            case .value(let value): values[row] = value
            case .overflow:
                throw failure("cannot safely cast non-equivalent uint64 to int64: value \(text(bytes))", label: label, row: row, context)
            case .invalid:
                guard let float = CSVNumberParsing.parseFloat(bytes) else {
                    throw failure("Unable to parse string \(text(bytes))", label: label, row: row, context)
                }
                if float.isInfinite {
                    throw failure("cannot convert float infinity to integer: value \(text(bytes))", label: label, row: row, context)
                }
                guard let value = exactInteger(float) else {
                    throw failure("cannot safely cast non-equivalent float64 to int64: value \(text(bytes))", label: label, row: row, context)
                }
                values[row] = value
            }
        }
        return Column(dtype: .nullableInt64, values: .int64(values), validity: Bitmap(valid))
    }

    private static func floats(_ spans: [FieldSpan], nullable: Bool, label: String, _ context: CSVConversionContext) throws -> Column {
        var values = [Double](repeating: .nan, count: spans.count)
        var valid = [Bool](repeating: true, count: spans.count)
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if (nullable && bytes.isEmpty) || context.missing.isMissing(bytes) { valid[row] = false; continue }
            guard let value = CSVNumberParsing.parseFloat(bytes) else {
                if !nullable, let bools = allBools(spans, allowMissing: true, context) {
                    // pandas reads a column of true/false words as bool, then casts: 0.0 / 1.0 (NaN if missing).
                    return Column(float64: zip(spans, bools).map { context.missing.isMissing(context.bytes($0)) ? .nan : ($1 ? 1 : 0) })
                }
                let message = nullable ? "Unable to parse string \(text(bytes))" : "could not convert string to float: \(text(bytes))"
                throw failure(message, label: label, row: row, context)
            }
            if context.missing.isMissing(float: value) { valid[row] = false; continue }
            values[row] = value
        }
        if nullable { return Column(dtype: .nullableFloat64, values: .float64(values), validity: Bitmap(valid)) }
        return Column(float64: values)
    }

    /// Every present field as a bool when all of them are `true`/`false` words (missing → false), else nil.
    private static func allBools(_ spans: [FieldSpan], allowMissing: Bool, _ context: CSVConversionContext) -> [Bool]? {
        var values = [Bool]()
        values.reserveCapacity(spans.count)
        for span in spans {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) {
                guard allowMissing else { return nil }
                values.append(false)
                continue
            }
            guard let value = CSVNumberParsing.parseBool(bytes) else { return nil }
            values.append(value)
        }
        return values
    }

    /// pandas' `dtype=bool`: `true`/`false` in any case, or numbers that are all 0 or 1; no missing values.
    private static func bools(_ spans: [FieldSpan], label: String, _ context: CSVConversionContext) throws -> Column {
        var values = [Bool]()
        values.reserveCapacity(spans.count)
        var sawWord = false
        var firstNumberRow: Int?
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) {
                throw failure("Bool column has NA values in column '\(label)'", label: label, row: row, context)
            }
            if let value = CSVNumberParsing.parseBool(bytes) {
                values.append(value)
                sawWord = true
                continue
            }
            if let number = CSVNumberParsing.parseFloat(bytes), number == 0 || number == 1 {
                values.append(number == 1)
                if firstNumberRow == nil { firstNumberRow = row }
                continue
            }
            let inferred = CSVTypeInference.infer(spans, context).dtype
            let name = inferred == .string ? "object" : inferred.name
            throw failure("cannot safely convert passed user dtype of bool for \(name) dtyped data: value \(text(bytes))", label: label, row: row, context)
        }
        // pandas accepts 0/1 only when the whole column is numeric; words mixed with numbers fail.
        if sawWord, let row = firstNumberRow {
            let bytes = context.bytes(spans[row])
            throw failure("cannot safely convert passed user dtype of bool for object dtyped data: value \(text(bytes))", label: label, row: row, context)
        }
        return Column(bool: values)
    }

    private static let trueWords: [[UInt8]] = ["True", "TRUE", "true", "1", "1.0"].map { Array($0.utf8) }
    private static let falseWords: [[UInt8]] = ["False", "FALSE", "false", "0", "0.0"].map { Array($0.utf8) }

    /// pandas' `dtype="boolean"` (`BooleanArray._from_sequence_of_strings`): exact spellings only.
    private static func nullableBools(_ spans: [FieldSpan], label: String, _ context: CSVConversionContext) throws -> Column {
        var values = [Bool](repeating: false, count: spans.count)
        var valid = [Bool](repeating: true, count: spans.count)
        for (row, span) in spans.enumerated() {
            let bytes = context.bytes(span)
            if context.missing.isMissing(bytes) { valid[row] = false; continue }
            if trueWords.contains(where: { CSVNumberParsing.equals(bytes, $0) }) { values[row] = true; continue }
            if falseWords.contains(where: { CSVNumberParsing.equals(bytes, $0) }) { continue }
            throw failure("\(String(decoding: bytes, as: UTF8.self)) cannot be cast to bool", label: label, row: row, context)
        }
        return Column(dtype: .nullableBool, values: .bool(values), validity: Bitmap(valid))
    }
}
