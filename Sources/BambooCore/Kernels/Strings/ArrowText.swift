/// The text rules of Arrow's `utf8_*` kernels (utf8proc), which pandas 3's `str` dtype runs:
/// case mapping is one code point to one (`ß` upper-cases to `ẞ`, not `SS`), and the predicates
/// follow Unicode general categories.
enum ArrowText {
    static func mapped(_ text: String, _ map: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        PythonText.string(text.unicodeScalars.map(map))
    }

    /// A full mapping that is one code point; otherwise the code point itself (utf8proc's simple mapping).
    static func single(_ mapping: String, or c: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars[scalars.startIndex] : c
    }

    static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c == "\u{DF}" ? "\u{1E9E}" : single(c.properties.uppercaseMapping, or: c)
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar { c == "\u{130}" ? "i" : single(c.properties.lowercaseMapping, or: c) }

    static func upper(_ text: String) -> String { mapped(text, upper) }
    static func lower(_ text: String) -> String { mapped(text, lower) }

    static func swapcase(_ text: String) -> String {
        mapped(text) { c in c.properties.isUppercase ? lower(c) : c.properties.isLowercase ? upper(c) : c }
    }

    /// Each word's first cased letter upper-cased, the rest lower-cased.
    static func title(_ text: String) -> String {
        var previousCased = false
        return mapped(text) { c in
            defer { previousCased = c.properties.isCased }
            return previousCased ? lower(c) : upper(c)
        }
    }

    static func capitalize(_ text: String) -> String {
        var first = true
        return mapped(text) { c in
            defer { first = false }
            return first ? upper(c) : lower(c)
        }
    }

    static func isDecimal(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .decimalNumber }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { [.decimalNumber, .otherNumber].contains(c.properties.generalCategory) }
    static func isNumeric(_ c: Unicode.Scalar) -> Bool { [.decimalNumber, .letterNumber, .otherNumber].contains(c.properties.generalCategory) }
}
