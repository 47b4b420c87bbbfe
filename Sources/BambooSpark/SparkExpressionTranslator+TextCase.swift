#if Spark
import BambooCore
import SparkConnectProtocol

/// pandas' `str` dtype case mapping (Arrow's utf8proc kernels, ``ArrowText``) on Spark: one
/// code point to one. Java maps whole strings with the full Unicode rules instead ("ß" to
/// "SS", a final "Σ" to "ς"), so text holding such a character is mapped code point by code
/// point (`regexp_extract_all` and `transform`), keeping a code point whose mapping is longer,
/// except "ß" to "ẞ" and "İ" to "i" as utf8proc does. Other text takes Spark's `upper`/`lower`,
/// which then agree. `title` and `swapcase` always go code point by code point.
extension SparkExpressionTranslator {
    /// `upper`, `lower`, `title`, `capitalize` or `swapcase` of `x`, a `str` value.
    func caseMapped(_ x: Spark_Connect_Expression, _ function: StringFunction) -> Spark_Connect_Expression? {
        switch function {
        case .upper:
            return SparkExpressions.when(matches(x, Self.expandingUpper), mapped(x) { c, _ in upper(c) }, otherwise: call("upper", [x]))
        case .lower:
            return SparkExpressions.when(matches(x, Self.expandingLower), mapped(x) { c, _ in lower(c) }, otherwise: call("lower", [x]))
        case .capitalize:
            let rest = call("substring", [x, SparkLiterals.long(2)])
            let lowered = SparkExpressions.when(matches(rest, Self.expandingLower), mapped(rest) { c, _ in lower(c) }, otherwise: call("lower", [rest]))
            return call("concat", [upper(call("substring", [x, SparkLiterals.long(1), SparkLiterals.long(1)])), lowered])
        case .swapcase:
            return mapped(x) { c, _ in
                SparkExpressions.when(matches(c, SparkCharacterClass.uppercase), lower(c),
                                      otherwise: SparkExpressions.when(matches(c, SparkCharacterClass.lowercase), upper(c), otherwise: c))
            }
        case .title:
            // Lower-cased after a cased code point, upper-cased elsewhere (utf8proc's title).
            return mapped(x) { c, previous in
                SparkExpressions.when(matches(previous, SparkCharacterClass.cased), lower(c), otherwise: upper(c))
            }
        default:
            return nil
        }
    }

    /// Code points whose full upper-case mapping is not one code point.
    static let expandingUpper = SparkCharacterClass.ranges { $0.properties.uppercaseMapping.unicodeScalars.count != 1 }
    /// Likewise for lower case, with "Σ", which Java lower-cases by its context.
    static let expandingLower = SparkCharacterClass.ranges { $0.properties.lowercaseMapping.unicodeScalars.count != 1 || $0 == "\u{3A3}" }

    /// `x` rebuilt from `map(code point, previous code point or null)` of each code point.
    private func mapped(_ x: Spark_Connect_Expression,
                        _ map: @escaping (Spark_Connect_Expression, Spark_Connect_Expression) -> Spark_Connect_Expression) -> Spark_Connect_Expression {
        let points = call("regexp_extract_all", [x, SparkLiterals.string("(?s)(.)"), SparkExpressions.cast(SparkLiterals.long(1), SparkLiterals.integerType)])
        let each = SparkExpressions.lambda(["bamboo_case_point", "bamboo_case_index"]) { variables in
            let previous = call("get", [points, call("-", [variables[1], SparkExpressions.cast(SparkLiterals.long(1), SparkLiterals.integerType)])])
            return map(variables[0], previous)
        }
        return call("array_join", [call("transform", [points, each]), SparkLiterals.string("")])
    }

    /// Whether `c` (text) holds a code point of the Java class body `ranges`; null for null.
    private func matches(_ c: Spark_Connect_Expression, _ ranges: String) -> Spark_Connect_Expression {
        call("rlike", [c, SparkLiterals.string("[" + ranges + "]")])
    }

    /// One code point upper-cased as utf8proc does.
    private func upper(_ c: Spark_Connect_Expression) -> Spark_Connect_Expression {
        let mapped = call("upper", [c])
        return SparkExpressions.when(call("==", [c, SparkLiterals.string("\u{DF}")]), SparkLiterals.string("\u{1E9E}"),
                                     otherwise: SparkExpressions.when(call("==", [call("char_length", [mapped]), SparkLiterals.long(1)]), mapped, otherwise: c))
    }

    /// One code point lower-cased as utf8proc does.
    private func lower(_ c: Spark_Connect_Expression) -> Spark_Connect_Expression {
        let mapped = call("lower", [c])
        return SparkExpressions.when(call("==", [c, SparkLiterals.string("\u{130}")]), SparkLiterals.string("i"),
                                     otherwise: SparkExpressions.when(call("==", [call("char_length", [mapped]), SparkLiterals.long(1)]), mapped, otherwise: c))
    }

    private func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
}
#endif
