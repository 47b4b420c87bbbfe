#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `.str` methods that match patterns or classes of characters: `replace` with a count or a
/// regular expression, and the `is...` tests, with Python's meaning on Java's regex engine.
extension SparkExpressionTranslator {
    /// `pattern` as a Java regular expression: rewritten from Python's syntax, or quoted when
    /// `regex` is false. Refused when ``SparkRegex`` does not take it.
    func javaRegex(_ pattern: String, caseSensitive: Bool, regex: Bool, _ refused: SparkTranslationUnsupported) throws -> SparkRegex {
        if !regex { return SparkRegex(literal: pattern, caseSensitive: caseSensitive) }
        guard let java = SparkRegex(python: pattern, caseSensitive: caseSensitive) else { throw refused }
        return java
    }

    /// `str.replace(pattern, replacement, n=count, case=, regex=)`: every occurrence (count < 0)
    /// or the first (count == 1).
    func replaced(_ x: Spark_Connect_Expression, pattern: String, replacement: String, count: Int, caseSensitive: Bool, regex: Bool,
                  _ refused: SparkTranslationUnsupported) throws -> Spark_Connect_Expression {
        // An empty pattern matches between every character in Python; n=0 and n>1 are rare.
        guard !pattern.isEmpty, count < 0 || count == 1 else { throw refused }
        let plainText = caseSensitive && (!regex || (Self.isLiteralPattern(pattern) && !replacement.contains("\\")))
        if plainText, count < 0 {
            return call("replace", [x, string(pattern), string(replacement)])
        }
        if plainText {
            // The first occurrence: the text before it, the replacement, the text after it.
            let at = call("instr", [x, string(pattern)])
            let before = call("substring", [x, long(1), call("-", [at, long(1)])])
            let after = call("substring", [x, call("+", [at, long(Int64(pattern.unicodeScalars.count))])])
            return SparkExpressions.when(call("==", [at, long(0)]), x, otherwise: call("concat", [before, string(replacement), after]))
        }
        // pandas escapes a literal pattern and matches it as a regex: its replacement is a template too.
        if !regex && replacement.contains("\\") { throw refused }
        let java = try javaRegex(pattern, caseSensitive: caseSensitive, regex: regex, refused)
        let offset = count == 1 ? 1 : 0
        let template = regex ? java.replacement(replacement, offset: offset) : SparkRegex.literalReplacement(replacement)
        guard let template else { throw refused }
        if count < 0 { return call("regexp_replace", [x, string(java.pattern), string(template)]) }
        // The first match only: the shortest prefix before a match is group 1, put back in front.
        return call("regexp_replace", [x, string(java.firstMatchPattern), string("$1" + template)])
    }

    /// `isalpha`, `isdigit`, `islower`, `istitle`, ... on the `str` dtype's character sets
    /// (Python's, with Arrow's for digits and numbers); False for "".
    func characterTest(_ x: Spark_Connect_Expression, _ function: StringFunction) -> Spark_Connect_Expression {
        typealias Classes = SparkCharacterClass
        func all(_ ranges: String) -> Spark_Connect_Expression { call("rlike", [x, string("^[" + ranges + "]+\\z")]) }
        func any(_ ranges: String) -> Spark_Connect_Expression { call("rlike", [x, string("[" + ranges + "]")]) }
        switch function {
        case .isAlpha: return all(Classes.alpha)
        // Spark holds the `str` dtype, whose numeric tests are Arrow's.
        case .isAlnum: return all(Classes.alpha + Classes.arrowNumeric)
        case .isDigit: return all(Classes.arrowDigit)
        case .isDecimal: return all(Classes.arrowDecimal)
        case .isNumeric: return all(Classes.arrowNumeric)
        case .isSpace: return all(Classes.space)
        case .isLower: return SparkExpressions.and(any(Classes.lowercase), SparkExpressions.not(any(Classes.uppercase + Classes.titlecase)))
        case .isUpper: return SparkExpressions.and(any(Classes.uppercase), SparkExpressions.not(any(Classes.lowercase + Classes.titlecase)))
        default:
            // istitle: an upper- or titlecase letter only after an uncased character, lowercase
            // only after a cased one, and at least one cased character.
            let cased = Classes.uppercase + Classes.titlecase + Classes.lowercase
            let word = "[" + Classes.uppercase + Classes.titlecase + "][" + Classes.lowercase + "]*(?![" + cased + "])"
            return call("rlike", [x, string("(?s)^(?=.*[" + cased + "])(?:[^" + cased + "]|" + word + ")*\\z")])
        }
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
