#if Spark
/// A regular expression in Python's `re` syntax rewritten for Java's `java.util.regex`, which
/// Spark's `rlike`, `regexp_replace`, `regexp_count`, `regexp_extract` and `regexp_instr` use,
/// so that both match the same text.
///
/// The translation is conservative: it accepts literals, escaped punctuation, `.`, classes,
/// groups (capturing, named, non-capturing, lookaround), quantifiers (greedy, lazy), anchors,
/// alternation, numbered and named back references and a leading `(?i)`, and gives nil for
/// anything else, so the caller refuses the pattern rather than guess. Where the two engines
/// differ it writes Python's meaning out:
/// - `\d`, `\w`, `\s` and their negations become explicit classes of Python's Unicode sets
///   (``SparkCharacterClass``);
/// - `.` becomes `[^\n]` and `(?d)` makes `$` look only at `\n`, as Python's do;
/// - named groups become plain groups (Java forbids `_` in names), references by number;
/// - `[` and `&` inside a class are escaped (Java nests and intersects classes there);
/// - `{` that is not a quantifier is a literal, `{,n}` is `{0,n}`; `\Z` is Java's `\z`.
struct SparkRegex: Sendable {
    /// The Java pattern: `flags` then `body`.
    var pattern: String { flags + body }
    /// `(?d)` (only `\n` ends a line, as in Python), with `iu` for Unicode case-insensitivity.
    let flags: String
    let body: String
    /// The number of capturing groups.
    let groupCount: Int
    /// Group numbers by Python name.
    let names: [String: Int]

    init?(python: String, caseSensitive: Bool = true) {
        var translator = Translator(Array(python.unicodeScalars))
        guard let body = translator.translate() else { return nil }
        flags = caseSensitive && !translator.ignoresCase ? "(?d)" : "(?diu)"
        self.body = body
        groupCount = translator.groupCount
        names = translator.names
    }

    /// A pattern matching `text` literally.
    init(literal text: String, caseSensitive: Bool) {
        var body = ""
        for character in text.unicodeScalars {
            body += Translator.isPlain(character) ? String(character) : "\\x{\(String(character.value, radix: 16))}"
        }
        flags = caseSensitive ? "(?d)" : "(?diu)"
        self.body = body
        groupCount = 0
        names = [:]
    }

    /// The pattern's first match with the text before it as group 1 (the pattern's groups follow),
    /// for replacing only the first match with `regexp_replace`.
    var firstMatchPattern: String { flags + "^((?s:.*?))(?:" + body + ")" }

    /// `text` as a Java replacement that inserts it literally.
    static func literalReplacement(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\\" || c == "$" { out += "\\" }
            out.append(c)
        }
        return out
    }

    /// A Python replacement template (`\1`, `\g<1>`, `\g<name>`, `\n`, `\t`, `\\`) as a Java one
    /// (`$1`, literal `$` and digits escaped), with group numbers moved by `offset`; nil for a
    /// reference to a group the pattern lacks or an escape with another meaning.
    func replacement(_ template: String, offset: Int = 0) -> String? {
        var out = ""
        var chars = template[...]
        func reference(_ number: Int) -> String? {
            // With an offset the whole match (group 0) includes the text before it.
            guard number >= 0, number <= groupCount, number > 0 || offset == 0 else { return nil }
            return "$" + String(number + (number == 0 ? 0 : offset))
        }
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                guard let next = chars.popFirst() else { return nil }
                if next.isASCII, next.isNumber {
                    var digits = String(next)
                    if let second = chars.first, second.isASCII, second.isNumber { digits.append(second); chars.removeFirst() }
                    guard let number = Int(digits), number > 0, let ref = reference(number) else { return nil }
                    out += ref
                } else if next == "g" {
                    guard chars.first == "<", let close = chars.firstIndex(of: ">") else { return nil }
                    let name = String(chars[chars.index(after: chars.startIndex)..<close])
                    chars = chars[chars.index(after: close)...]
                    guard let number = Int(name) ?? names[name], let ref = reference(number) else { return nil }
                    out += ref
                } else if next == "n" {
                    out += "\n"
                } else if next == "t" {
                    out += "\t"
                } else if next == "\\" {
                    out += "\\\\"
                } else {
                    return nil
                }
            case "$": out += "\\$"
            default:
                // Java reads digits after `$1` into the group number when they could belong to it.
                out += c.isASCII && c.isNumber ? "\\" + String(c) : String(c)
            }
        }
        return out
    }

    private struct Translator {
        let chars: [Unicode.Scalar]
        var i = 0
        var groupCount = 0
        var names: [String: Int] = [:]
        var ignoresCase = false

        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }

        /// ASCII letters and digits mean themselves in any Java pattern; everything else is escaped.
        static func isPlain(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c))
        }

        mutating func translate() -> String? {
            if chars.starts(with: Array("(?i)".unicodeScalars)) { ignoresCase = true; i = 4 }
            var out = ""
            while i < chars.count {
                let c = chars[i]
                switch c {
                case "\\":
                    guard let escape = escape(inClass: false) else { return nil }
                    out += escape
                case "[":
                    guard let set = characterClass() else { return nil }
                    out += set
                case ".":
                    out += "[^\\n]"
                    i += 1
                case "(":
                    guard let open = group() else { return nil }
                    out += open
                case "{":
                    guard let quantifier = braces() else { return nil }
                    out += quantifier
                case ")", "|", "^", "$", "*", "+", "?":
                    out.unicodeScalars.append(c)
                    i += 1
                default:
                    out.unicodeScalars.append(c)
                    i += 1
                }
            }
            return out
        }

        /// `\x` at `i`, outside or inside a class.
        mutating func escape(inClass: Bool) -> String? {
            guard i + 1 < chars.count else { return nil }
            let e = chars[i + 1]
            i += 2
            switch e {
            case "d": return inClass ? SparkCharacterClass.decimal : "[" + SparkCharacterClass.decimal + "]"
            case "w": return inClass ? SparkCharacterClass.word : "[" + SparkCharacterClass.word + "]"
            case "s": return inClass ? SparkCharacterClass.space : "[" + SparkCharacterClass.space + "]"
            case "D": return inClass ? nil : "[^" + SparkCharacterClass.decimal + "]"
            case "W": return inClass ? nil : "[^" + SparkCharacterClass.word + "]"
            case "S": return inClass ? nil : "[^" + SparkCharacterClass.space + "]"
            case "A": return inClass ? nil : "\\A"
            case "Z": return inClass ? nil : "\\z"
            case "t", "n", "r", "f": return "\\" + String(e)
            case "v": return "\\x{B}"
            case "a": return "\\x{7}"
            case "0": return "\\x{0}"
            case "1"..."9":
                // One-digit back references only: Java reads `\12` by the groups it has seen.
                guard !inClass, i >= chars.count || !("0"..."9").contains(chars[i]) else { return nil }
                return "\\" + String(e)
            case "x":
                guard i + 2 <= chars.count, let value = UInt32(Self.text(chars[i..<(i + 2)]), radix: 16) else { return nil }
                i += 2
                return "\\x{\(String(value, radix: 16))}"
            case "u", "U":
                let width = e == "u" ? 4 : 8
                guard i + width <= chars.count, let value = UInt32(Self.text(chars[i..<(i + width)]), radix: 16), Unicode.Scalar(value) != nil else { return nil }
                i += width
                return "\\x{\(String(value, radix: 16))}"
            default:
                // An escaped punctuation character is itself in both engines.
                guard e.isASCII, !Self.isPlain(e), e.value > 0x20, e.value < 0x7F else { return nil }
                return "\\" + String(e)
            }
        }

        /// `[...]` at `i`.
        mutating func characterClass() -> String? {
            i += 1
            var out = "["
            var negated = false
            if i < chars.count, chars[i] == "^" { out += "^"; negated = true; i += 1 }
            var first = true
            while i < chars.count {
                let c = chars[i]
                if c == "]" && !first { i += 1; return out + "]" }
                first = false
                switch c {
                case "\\":
                    if negated, i + 1 < chars.count, "dws".unicodeScalars.contains(chars[i + 1]) { return nil }
                    guard let escape = escape(inClass: true) else { return nil }
                    out += escape
                case "[", "&", "]":
                    out += "\\" + String(c)
                    i += 1
                default:
                    out.unicodeScalars.append(c)
                    i += 1
                }
            }
            return nil  // unterminated
        }

        /// `(` at `i`: a capturing, named, non-capturing or lookaround group, or a named reference.
        mutating func group() -> String? {
            let rest = chars[i...]
            for prefix in ["(?:", "(?=", "(?!", "(?<=", "(?<!"] where rest.starts(with: Array(prefix.unicodeScalars)) {
                i += prefix.count
                return prefix
            }
            if rest.starts(with: Array("(?P<".unicodeScalars)) {
                guard let close = rest.firstIndex(of: ">") else { return nil }
                let name = Self.text(chars[(i + 4)..<close])
                guard !name.isEmpty, names[name] == nil else { return nil }
                groupCount += 1
                names[name] = groupCount
                i = close + 1
                return "("
            }
            if rest.starts(with: Array("(?P=".unicodeScalars)) {
                guard let close = rest.firstIndex(of: ")"), let number = names[Self.text(chars[(i + 4)..<close])], number < 10 else { return nil }
                i = close + 1
                return "\\\(number)"
            }
            if rest.starts(with: Array("(?".unicodeScalars)) { return nil }  // flags, comments, conditionals
            groupCount += 1
            i += 1
            return "("
        }

        /// `{` at `i`: a quantifier `{m}`, `{m,}`, `{m,n}`, `{,n}` (Python's `{0,n}`), or a literal.
        mutating func braces() -> String? {
            guard let close = chars[i...].firstIndex(of: "}") else { i += 1; return "\\{" }
            let inside = Self.text(chars[(i + 1)..<close])
            let parts = inside.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            let isNumber = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
            let valid = parts.count == 1 ? isNumber(parts[0]) : (parts[0].isEmpty || isNumber(parts[0])) && (parts[1].isEmpty || isNumber(parts[1]))
                && !(parts[0].isEmpty && parts[1].isEmpty)
            guard valid else { i += 1; return "\\{" }
            i = close + 1
            if parts.count == 2, parts[0].isEmpty { return "{0," + parts[1] + "}" }
            return "{" + inside + "}"
        }
    }
}
#endif
