#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas' `.str` methods as Spark string functions, where the two agree value for value.
///
/// Python counts and indexes code points and so does Spark (`char_length`, `substring`), so
/// lengths, slices and positions carry over; a missing value stays missing (or takes `na`, or
/// False for the `str` dtype's boolean results, as pandas does). What Spark would answer
/// differently is refused: regular expressions (Java's syntax is not Python's) unless the
/// pattern has no special character. Case mapping is pandas' code point by code point mapping:
/// see `SparkExpressionTranslator+TextCase.swift`; splits: `+TextSplitting.swift`.
extension SparkExpressionTranslator {
    /// Python's `str.isspace()` characters: what `strip()` without arguments removes (Spark's
    /// `trim` removes only the space).
    static let pythonWhitespace = "\u{9}\u{A}\u{B}\u{C}\u{D}\u{1C}\u{1D}\u{1E}\u{1F} \u{85}\u{A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"

    /// Whether `pattern` means the same as a regular expression and as plain text.
    static func isLiteralPattern(_ pattern: String) -> Bool {
        !pattern.contains { "\\^$.|?*+()[]{}".contains($0) }
    }

    func string(_ a: Expr, _ function: StringFunction, result: DType) throws -> Spark_Connect_Expression {
        let source = try dtype(a)
        // `s.str.split(...).str.get(i)` and `.str.len()`: an item of each list, its length.
        if case .string(let inner, .split(let pattern, let limit, let regex)) = a, try dtype(inner) == .string {
            let refused = SparkTranslationUnsupported(hint: "str.\(function) of str.split(\(pattern.map { "'\($0)'" } ?? "None")) has no exact Spark translation yet; run it on the eager backend (Session.eager()).")
            let lists = try splitParts(try translate(inner), pattern: pattern, limit: limit, regex: regex, refused)
            switch function {
            case .get(let position): return listItem(lists, position)
            // size() of null is -1 with ANSI off; a missing value has no length.
            case .length: return SparkExpressions.when(SparkExpressions.call("isnull", [lists]), SparkLiterals.null(SparkLiterals.longType),
                                                       otherwise: SparkExpressions.cast(SparkExpressions.call("size", [lists]), SparkLiterals.longType))
            default: throw refused
            }
        }
        // A category of strings is its values in Spark (SparkCategories); the text results are
        // object with NaN for missing, as the decoder gives object columns from Spark strings.
        guard source == .string || SparkCategories.valueType(source) == .string else {
            throw SparkTranslationUnsupported(hint: "str.\(function) on \(source.name) values has no Spark translation yet; cast to str first or run on the eager backend.")
        }
        let x = try translate(a)
        let refused = SparkTranslationUnsupported(hint: "str.\(function) has no exact Spark translation yet (Spark's string functions differ from Python's there); run it on the eager backend (Session.eager()).")
        func call(_ name: String, _ arguments: [Spark_Connect_Expression]) -> Spark_Connect_Expression { SparkExpressions.call(name, arguments) }
        let value: Spark_Connect_Expression
        switch function {
        case .lower, .upper, .capitalize, .title, .swapcase:
            guard let mapped = caseMapped(x, function) else { throw refused }
            value = mapped
        case .length: value = call("char_length", [x])
        case .strip(let side, let characters):
            let name = side == .both ? "trim" : side == .left ? "ltrim" : "rtrim"
            value = call(name, [SparkLiterals.string(characters ?? Self.pythonWhitespace), x])
        case .contains(let pattern, let caseSensitive, let regex, _):
            if caseSensitive, !regex || Self.isLiteralPattern(pattern) {
                value = call("contains", [x, SparkLiterals.string(pattern)])
            } else {
                value = call("rlike", [x, SparkLiterals.string(try javaRegex(pattern, caseSensitive: caseSensitive, regex: regex, refused).pattern)])
            }
        case .startsWith(let prefixes, _), .endsWith(let prefixes, _):
            let name: String
            if case .startsWith = function { name = "startswith" } else { name = "endswith" }
            value = prefixes.map { call(name, [x, SparkLiterals.string($0)]) }.reduce(SparkLiterals.boolean(false), SparkExpressions.or)
        case .replace(let pattern, let replacement, let count, let caseSensitive, let regex):
            // An empty pattern matches between every character in Python, never in Spark.
            value = try replaced(x, pattern: pattern, replacement: replacement, count: count, caseSensitive: caseSensitive, regex: regex, refused)
        case .get(let position):
            // Spark's substring counts a negative position from the end, as Python does.
            let p = Int64(position)
            value = SparkExpressions.when(call(">", [call("char_length", [x]), SparkLiterals.long(p < 0 ? -p - 1 : p)]),
                                          call("substring", [x, SparkLiterals.long(p < 0 ? p : p + 1), SparkLiterals.long(1)]),
                                          otherwise: SparkLiterals.null(SparkLiterals.stringType))
        case .slice(let start?, nil, 1) where start < 0:
            // s[-k:]: the last k code points (all of a shorter value), as Spark's substring(x, -k) gives.
            value = SparkExpressions.when(call(">=", [call("char_length", [x]), SparkLiterals.long(Int64(-start))]),
                                          call("substring", [x, SparkLiterals.long(Int64(start))]), otherwise: x)
        case .slice(let start, let stop, 1) where (start ?? 0) >= 0 && (stop ?? 0) >= 0:
            let from = Int64(start ?? 0)
            if let stop {
                value = call("substring", [x, SparkLiterals.long(from + 1), SparkLiterals.long(max(0, Int64(stop) - from))])
            } else {
                value = call("substring", [x, SparkLiterals.long(from + 1)])
            }
        case .slice(let start, let stop, let step):
            value = try sliced(x, start: start, stop: stop, step: step, refused)
        case .pad(let width, let side, let fill):
            if side == .both {
                value = centered(x, width: Int64(width), fill: String(fill))
                break
            }
            let padded = call(side == .left ? "lpad" : "rpad", [x, SparkLiterals.long(Int64(width)), SparkLiterals.string(String(fill))])
            // Spark's lpad also shortens longer values; Python leaves them as they are.
            value = SparkExpressions.when(call(">=", [call("char_length", [x]), SparkLiterals.long(Int64(width))]), x, otherwise: padded)
        case .zfill(let width):
            // Python keeps a leading sign in front of the zeros.
            let w = Int64(width)
            let signed = SparkExpressions.or(call("startswith", [x, SparkLiterals.string("-")]), call("startswith", [x, SparkLiterals.string("+")]))
            let zeros = SparkExpressions.when(signed, call("concat", [call("substring", [x, SparkLiterals.long(1), SparkLiterals.long(1)]),
                                                                     call("lpad", [call("substring", [x, SparkLiterals.long(2)]), SparkLiterals.long(w - 1), SparkLiterals.string("0")])]),
                                              otherwise: call("lpad", [x, SparkLiterals.long(w), SparkLiterals.string("0")]))
            value = SparkExpressions.when(call(">=", [call("char_length", [x]), SparkLiterals.long(w)]), x, otherwise: zeros)
        case .find(let substring, 0, nil):
            value = call("-", [call("instr", [x, SparkLiterals.string(substring)]), SparkLiterals.long(1)])
        case .find(let substring, let start, nil):
            value = found(x, substring, start: Int64(start))
        case .count(let pattern):
            value = call("regexp_count", [x, SparkLiterals.string(try javaRegex(pattern, caseSensitive: true, regex: true, refused).pattern)])
        case .extract(let pattern, let group, let caseSensitive):
            let java = try javaRegex(pattern, caseSensitive: caseSensitive, regex: true, refused)
            guard group >= 0, group <= java.groupCount else { throw refused }
            let (p, g) = (SparkLiterals.string(java.pattern), SparkExpressions.cast(SparkLiterals.long(Int64(group)), SparkLiterals.integerType))
            // regexp_extract gives "" for no match and for a group that took no part; regexp_instr
            // tells them from an empty match (0 when the group did not take part).
            value = SparkExpressions.when(call(">", [call("regexp_instr", [x, p, g]), SparkLiterals.long(0)]),
                                          call("regexp_extract", [x, p, g]), otherwise: SparkLiterals.null(SparkLiterals.stringType))
        case .isAlpha, .isAlnum, .isDigit, .isDecimal, .isNumeric, .isSpace, .isLower, .isUpper, .isTitle:
            value = characterTest(x, function)
        case .split(let pattern, let limit, let regex):
            value = try splitParts(x, pattern: pattern, limit: limit, regex: regex, refused)
        case .splitPart(let pattern, let limit, let regex, let index):
            value = listItem(try splitParts(x, pattern: pattern, limit: limit, regex: regex, refused), index)
        default:
            throw refused
        }
        if function.isPredicate {
            // A missing value answers `na` when given; the str dtype answers False otherwise.
            let fill: Scalar
            switch function {
            case .contains(_, _, _, let na?), .startsWith(_, let na?), .endsWith(_, let na?): fill = na
            default: fill = .bool(false)
            }
            guard let filler = SparkLiterals.literal(fill, as: result) else { throw refused }
            return SparkExpressions.when(call("isnull", [x]), filler, otherwise: value)
        }
        return value
    }
}
#endif
