#if Spark
/// Java regular-expression character classes listing exactly the code points Python's `str`
/// methods and pandas' `str` dtype accept (`isalpha`, `isdigit`, `\d`, `\w`, `\s`, ...), built from the same Unicode
/// properties Bamboo's eager kernels read, so Spark's `rlike` agrees with Python character for
/// character where Java's own `\p{...}` and `\w` would not (Java's `\w` takes combining marks,
/// its `\s` only ASCII; neither has Python's numeric types).
enum SparkCharacterClass {
    /// `[...]` with every scalar for which `member` holds, as ranges of `\x{...}`.
    static func javaClass(negated: Bool = false, _ member: (Unicode.Scalar) -> Bool) -> String {
        "[" + (negated ? "^" : "") + ranges(member) + "]"
    }

    /// The ranges inside the brackets, for composing into a larger class.
    static func ranges(_ member: (Unicode.Scalar) -> Bool) -> String {
        var out = ""
        var start: UInt32?
        var previous: UInt32 = 0
        func close() {
            guard let first = start else { return }
            out += first == previous ? "\\x{\(hex(first))}" : "\\x{\(hex(first))}-\\x{\(hex(previous))}"
            start = nil
        }
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), member(scalar) else { close(); continue }
            if start == nil { start = value }
            previous = value
        }
        close()
        return out
    }

    private static func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }

    // Python's definitions, as PythonText (BambooCore) implements them.
    static let alpha = ranges(isAlpha)
    static let decimal = ranges { $0.properties.numericType == .decimal }
    static let numeric = ranges { $0.properties.numericType != nil }
    // pandas' `str` dtype tests digits with Arrow's kernels (utf8proc), by general category, as
    // ArrowText (BambooCore) does: `½` is a digit there, not in Python.
    static let arrowDecimal = ranges { $0.properties.generalCategory == .decimalNumber }
    static let arrowDigit = ranges { [.decimalNumber, .otherNumber].contains($0.properties.generalCategory) }
    static let arrowNumeric = ranges { [.decimalNumber, .letterNumber, .otherNumber].contains($0.properties.generalCategory) }
    static let space = ranges { $0.properties.isWhitespace || (0x1C...0x1F).contains($0.value) }
    /// Python's `\w`: alphanumeric (`isalnum`) or `_`.
    static let word = ranges { isAlpha($0) || $0.properties.numericType != nil || $0 == "_" }
    static let uppercase = ranges { $0.properties.isUppercase }
    static let lowercase = ranges { $0.properties.isLowercase }
    static let titlecase = ranges { $0.properties.generalCategory == .titlecaseLetter }
    /// Unicode's `Cased` property (what `title` looks back at).
    static let cased = ranges { $0.properties.isCased }

    private static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
#endif
