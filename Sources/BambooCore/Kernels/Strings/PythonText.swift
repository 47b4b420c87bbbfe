/// Python's `str` methods on code points (Unicode scalars), where Swift's `String` works on
/// grapheme clusters: `"e\u{301}".count` is 1 in Swift and 2 in Python.
enum PythonText {
    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func isCased(_ c: Unicode.Scalar) -> Bool { c.properties.isCased }
    static func isTitlecase(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .titlecaseLetter }

    static func title(_ text: String) -> String {
        var out = ""
        var previousCased = false
        for c in text.unicodeScalars {
            out += previousCased ? c.properties.lowercaseMapping : c.properties.titlecaseMapping
            previousCased = isCased(c)
        }
        return out
    }

    static func capitalize(_ text: String) -> String {
        var out = ""
        for (i, c) in text.unicodeScalars.enumerated() { out += i == 0 ? c.properties.titlecaseMapping : c.properties.lowercaseMapping }
        return out
    }

    static func swapcase(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if c.properties.isUppercase { out += c.properties.lowercaseMapping } else if c.properties.isLowercase { out += c.properties.uppercaseMapping } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// Python's `str.isspace` characters: Unicode White_Space plus the ASCII separators 0x1C–0x1F.
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || (0x1C...0x1F).contains(c.value) }

    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal || c.properties.numericType == .digit }
    static func isNumeric(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }

    /// `islower`/`isupper`: at least one cased character, none of the other case.
    static func hasOnlyCase(_ text: String, upper: Bool) -> Bool {
        var cased = false
        for c in text.unicodeScalars {
            if upper ? c.properties.isLowercase || isTitlecase(c) : c.properties.isUppercase || isTitlecase(c) { return false }
            if upper ? c.properties.isUppercase : c.properties.isLowercase { cased = true }
        }
        return cased
    }

    /// `istitle`: uppercase/titlecase letters only after uncased ones, lowercase only after cased ones.
    static func isTitle(_ text: String) -> Bool {
        var cased = false, previousCased = false
        for c in text.unicodeScalars {
            let p = c.properties
            if p.isUppercase || isTitlecase(c) {
                if previousCased { return false }
                previousCased = true
                cased = true
            } else if p.isLowercase {
                if !previousCased { return false }
                previousCased = true
                cased = true
            } else {
                previousCased = false
            }
        }
        return cased
    }

    static func strip(_ text: String, side: StringFunction.StripSide, characters: String?) -> String {
        let set = characters.map { Set($0.unicodeScalars) }
        func strippable(_ c: Unicode.Scalar) -> Bool { set?.contains(c) ?? isSpace(c) }
        var chars = scalars(text)[...]
        if side != .right { while let first = chars.first, strippable(first) { chars = chars.dropFirst() } }
        if side != .left { while let last = chars.last, strippable(last) { chars = chars.dropLast() } }
        return string(chars)
    }

    /// `rjust`/`ljust`/`center` (CPython puts the odd space of `center` on the left when the width is odd).
    static func pad(_ text: String, width: Int, side: StringFunction.PadSide, fill: Character) -> String {
        let length = text.unicodeScalars.count
        guard width > length else { return text }
        let margin = width - length
        let left: Int
        switch side {
        case .left: left = margin
        case .right: left = 0
        case .both: left = margin / 2 + (margin & width & 1)
        }
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left)
    }

    /// Python's `zfill`: zeros after a leading sign.
    static func zfill(_ text: String, width: Int) -> String {
        var chars = scalars(text)
        guard width > chars.count else { return text }
        let zeros = [Unicode.Scalar](repeating: "0", count: width - chars.count)
        if let first = chars.first, first == "+" || first == "-" { chars.insert(contentsOf: zeros, at: 1) } else { chars.insert(contentsOf: zeros, at: 0) }
        return string(chars)
    }

    /// Python's `str.split()` with no separator: runs of whitespace, none at either end.
    static func splitOnWhitespace(_ text: String, limit: Int) -> [String] {
        var parts: [String] = []
        var chars = scalars(text)[...]
        while true {
            while let first = chars.first, isSpace(first) { chars = chars.dropFirst() }
            if chars.isEmpty { return parts }
            if limit >= 0 && parts.count == limit {
                while let last = chars.last, isSpace(last) { chars = chars.dropLast() }
                parts.append(string(chars))
                return parts
            }
            let end = chars.firstIndex(where: isSpace) ?? chars.endIndex
            parts.append(string(chars[..<end]))
            chars = chars[end...]
        }
    }

    /// Python's `str.replace("", new, count)`: `new` before every code point and at the end,
    /// the first `count` places only when `count` is not negative.
    static func insertingEverywhere(_ insertion: String, into text: String, count: Int) -> String {
        var out = String.UnicodeScalarView()
        var done = 0
        for c in text.unicodeScalars {
            if count < 0 || done < count { out.append(contentsOf: insertion.unicodeScalars); done += 1 }
            out.append(c)
        }
        if count < 0 || done < count { out.append(contentsOf: insertion.unicodeScalars) }
        return String(out)
    }

    /// Python's `str.split(sep, maxsplit)` for a literal separator (not empty: Python refuses one).
    static func split(_ text: String, separator: String, limit: Int) -> [String] {
        guard !separator.isEmpty else { return [text] }
        let chars = scalars(text), sep = scalars(separator)
        var parts: [String] = [], start = 0, i = 0
        while i + sep.count <= chars.count, limit < 0 || parts.count < limit {
            if Array(chars[i..<(i + sep.count)]) == sep {
                parts.append(string(chars[start..<i]))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(string(chars[start...]))
        return parts
    }

    /// Python's `str.find(sub, start, end)` in code points.
    static func find(_ text: String, _ substring: String, start: Int, end: Int?) -> Int {
        let chars = scalars(text), sub = scalars(substring)
        func clamp(_ v: Int) -> Int { v < 0 ? max(0, v + chars.count) : min(v, chars.count) }
        // Python: a start past the end finds nothing, not even the empty string.
        if start > chars.count { return -1 }
        let (from, to) = (clamp(start), clamp(end ?? chars.count))
        guard from + sub.count <= to else { return -1 }
        for i in from...(to - sub.count) where Array(chars[i..<(i + sub.count)]) == sub { return i }
        return -1
    }
}
