import BambooCore

/// Decides which fields are missing, as pandas does from `na_values` and `keep_default_na`.
///
/// pandas matches the exact field text against a set of strings; each user token that is an
/// integral number also adds its `"1"`/`"1.0"` spellings (`_stringify_na_values`), and when a field
/// is read as a float its value is compared with the numeric user tokens (`na_fvalues`), so
/// `na_values=["1"]` also hides `+1` and `1e0` in float columns.
struct CSVMissingValues {
    /// Tokens grouped by byte length, for a quick length test before comparing bytes.
    private var shortTokens = [[[UInt8]]](repeating: [], count: 64)
    private var longTokens: [[UInt8]] = []
    private var lengthMask: UInt64 = 0
    /// Numeric values of the user tokens (never NaN).
    private(set) var floatValues: Set<Double> = []

    /// The tokens for a column: pandas' defaults (with `keepDefaultNa`), `naValues`, and `extra`.
    init(options: CSVReadOptions, extra: [String] = []) {
        var tokens = Set<String>()
        if options.keepDefaultNa { tokens.formUnion(CSVReadOptions.defaultNaValues) }
        for token in options.naValues + extra {
            tokens.insert(token)
            guard let value = PythonNumberParser.float(token), !value.isNaN else { continue }
            floatValues.insert(value)
            if value.isFinite, value == value.rounded(.towardZero), abs(value) < 9.2e18 {
                let integral = String(Int64(value))
                tokens.insert(integral)
                tokens.insert(integral + ".0")
            }
        }
        for token in tokens {
            let bytes = Array(token.utf8)
            if bytes.count < 64 {
                shortTokens[bytes.count].append(bytes)
                lengthMask |= 1 << UInt64(bytes.count)
            } else {
                longTokens.append(bytes)
            }
        }
    }

    /// Whether no field can ever be missing.
    var isEmpty: Bool { lengthMask == 0 && longTokens.isEmpty }

    /// Whether the field's text is a missing-value token.
    @inline(__always)
    func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        if count < 64 {
            guard lengthMask & (1 << UInt64(count)) != 0 else { return false }
            for token in shortTokens[count] where CSVNumberParsing.equals(bytes, token) { return true }
            return false
        }
        for token in longTokens where CSVNumberParsing.equals(bytes, token) { return true }
        return false
    }

    /// Whether a value parsed as float is one of the numeric tokens.
    @inline(__always)
    func isMissing(float value: Double) -> Bool {
        !floatValues.isEmpty && floatValues.contains(value)
    }
}
