#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// `str.split` on Spark: a list per value (a Spark array, read back as ``Scalar/list(_:)``),
/// one part of it (`expand=True`), and `str.get` on the lists, as the eager backend splits.
///
/// - No pattern: runs of Python whitespace separate words, leading whitespace is dropped; with
///   `n`, the rest after `n` words is one part with its whitespace trimmed.
/// - A literal separator: Spark's `split` on the quoted text, `n` splits at most (`n + 1`
///   parts), empty parts kept as Python keeps them.
/// - A regular expression: rewritten to Java's syntax (``SparkRegex``). Python and Java split
///   differently around empty matches, so a value where the pattern matches empty text fails the
///   query with `unsupportedOnBackend`; patterns with groups (which Python's `re.split` returns
///   among the parts) are refused.
extension SparkExpressionTranslator {
    /// The parts of `x` as an `array<string>`; null for a missing value.
    func splitParts(_ x: Spark_Connect_Expression, pattern: String?, limit: Int, regex: Bool,
                    _ refused: SparkTranslationUnsupported) throws -> Spark_Connect_Expression {
        let sparkLimit = SparkExpressions.cast(long(limit < 0 ? -1 : Int64(limit) + 1), SparkLiterals.integerType)
        guard let pattern else { return whitespaceParts(x, limit: limit) }
        guard !pattern.isEmpty else { throw refused }
        guard regex else {
            return call("split", [x, string(SparkRegex(literal: pattern, caseSensitive: true).pattern), sparkLimit])
        }
        let java = try javaRegex(pattern, caseSensitive: true, regex: true, refused)
        guard java.groupCount == 0 else { throw refused }
        let matches = call("regexp_extract_all", [x, string(java.flags + "(" + java.body + ")"), SparkExpressions.cast(long(1), SparkLiterals.integerType)])
        let emptyMatch = call("array_contains", [matches, string("")])
        let failure = SparkRuntimeCheck.failure("{\(BambooError.Code.unsupportedOnBackend)}str.split with the pattern \(pattern.debugDescription) matches empty text in a value, where Java and Python split differently; run it on the eager backend (Session.eager()).")
        return SparkExpressions.when(emptyMatch, SparkExpressions.cast(failure, Self.stringArray),
                                     otherwise: call("split", [x, string(java.pattern), sparkLimit]))
    }

    /// Python's `str.split()` without a separator, as ``PythonText`` splits on whitespace.
    private func whitespaceParts(_ x: Spark_Connect_Expression, limit: Int) -> Spark_Connect_Expression {
        let space = "[" + SparkCharacterClass.space + "]"
        let trimmed = call("regexp_replace", [x, string("^" + space + "+"), string("")])
        let words = SparkExpressions.lambda(["bamboo_split_part"]) { variables in
            SparkExpressions.not(call("==", [variables[0], string("")]))
        }
        guard limit >= 0 else {
            return call("filter", [call("split", [trimmed, string(space + "+"), SparkExpressions.cast(long(-1), SparkLiterals.integerType)]), words])
        }
        // n words, then the rest as one part without its trailing whitespace; only the last part can be empty.
        let parts = call("split", [trimmed, string(space + "+"), SparkExpressions.cast(long(Int64(limit) + 1), SparkLiterals.integerType)])
        let rest = SparkExpressions.lambda(["bamboo_split_part", "bamboo_split_index"]) { variables in
            SparkExpressions.when(call("==", [variables[1], SparkExpressions.cast(long(Int64(limit)), SparkLiterals.integerType)]),
                                  call("regexp_replace", [variables[0], string(space + "+\\z"), string("")]), otherwise: variables[0])
        }
        return call("filter", [call("transform", [parts, rest]), words])
    }

    /// Part `index` of the list (from the end when negative), null when there are fewer parts.
    func listItem(_ list: Spark_Connect_Expression, _ index: Int) -> Spark_Connect_Expression {
        // Spark's element_at counts from 1, and from the end for negative positions, as Python does from -1.
        call("element_at", [list, SparkExpressions.cast(long(index >= 0 ? Int64(index) + 1 : Int64(index)), SparkLiterals.integerType)])
    }

    static let stringArray: Spark_Connect_DataType = {
        var array = Spark_Connect_DataType.Array()
        array.elementType = SparkLiterals.stringType
        array.containsNull = true
        var type = Spark_Connect_DataType()
        type.kind = .array(array)
        return type
    }()

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
    private func long(_ value: Int64) -> Spark_Connect_Expression { SparkLiterals.long(value) }
    private func string(_ value: String) -> Spark_Connect_Expression { SparkLiterals.string(value) }
}
#endif
