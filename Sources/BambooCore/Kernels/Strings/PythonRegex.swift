/// A regular expression written in Python's `re` syntax, matched on code points as Python does.
/// Swift's engine reads the same syntax for what pandas code uses (classes, groups, `(?P<name>...)`,
/// lookarounds, `(?i)`); a pattern it rejects is a thrown error naming the pattern.
struct PythonRegex {
    let pattern: String
    let regex: Regex<AnyRegexOutput>

    init(_ pattern: String, caseSensitive: Bool = true) throws {
        self.pattern = pattern
        do {
            var regex = try Regex(Self.pythonDots(pattern)).matchingSemantics(.unicodeScalar).dotMatchesNewlines()
            if !caseSensitive { regex = regex.ignoresCase() }
            self.regex = regex
        } catch {
            throw BambooError(.invalidArgument, "The regular expression \(pattern.debugDescription) is not valid: \(error)")
        }
    }

    /// `pattern` with each `.` outside a class spelled `[^\n]`: Python's dot refuses only `\n`,
    /// Swift's every line terminator (`\r`, U+0085, U+2028, ...). With an inline `s` flag the
    /// dot matches everything in both, and the pattern is left as it is.
    static func pythonDots(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0, inClass = false, classStart = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count {
                out.append(c)
                out.append(scalars[i + 1])
                i += 2
                continue
            }
            if inClass {
                // A `]` right after `[` or `[^` is a literal.
                if c == "]" && i > classStart { inClass = false }
            } else if c == "[" {
                inClass = true
                classStart = i + 1 < scalars.count && scalars[i + 1] == "^" ? i + 2 : i + 1
            } else if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?" {
                // Inline flags, `(?s)` or `(?is:...)`: dots there match newlines in Python too.
                var j = i + 2
                while j < scalars.count, scalars[j].properties.isAlphabetic || scalars[j] == "-" {
                    if scalars[j] == "s" { return pattern }
                    j += 1
                }
            } else if c == "." {
                out.append(contentsOf: "[^\\n]".unicodeScalars)
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    func firstMatch(in text: String) -> Regex<AnyRegexOutput>.Match? { try? regex.firstMatch(in: text) }

    func matches(in text: String) -> [Regex<AnyRegexOutput>.Match] { text.matches(of: regex) }

    /// Python's `re.split(pattern, text, maxsplit)`: captured groups are kept between the parts.
    func split(_ text: String, limit: Int) -> [String] {
        var parts: [String] = []
        var start = text.startIndex
        for match in matches(in: text) {
            if limit >= 0 && parts.count >= limit { break }
            if match.range.isEmpty && match.range.lowerBound == text.startIndex { continue }
            parts.append(String(text.unicodeScalars[start..<match.range.lowerBound]))
            start = match.range.upperBound
        }
        parts.append(String(text.unicodeScalars[start...]))
        return parts
    }

    /// `re.sub` with a Python replacement template (`\1`, `\g<1>`, `\g<name>`, `\\`).
    func replace(in text: String, with template: String, count: Int) -> String {
        var out = ""
        var start = text.startIndex
        var done = 0
        for match in matches(in: text) {
            if count >= 0 && done >= count { break }
            out += String(text.unicodeScalars[start..<match.range.lowerBound])
            out += PythonRegex.expand(template, match)
            start = match.range.upperBound
            done += 1
        }
        return out + String(text.unicodeScalars[start...])
    }

    /// Python's `invalid group reference` for a template naming a group the pattern lacks.
    func checkReferences(in template: String) throws {
        let groups = PythonRegex.groups(in: pattern)
        var rest = template[...]
        while let slash = rest.firstIndex(of: "\\") {
            let after = rest[rest.index(after: slash)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }.prefix(2)
            if let number = Int(digits), number > groups.count {
                throw BambooError(.invalidArgument, "invalid group reference \(number) in the replacement \(template.debugDescription)")
            }
            rest = after.dropFirst(max(1, digits.count))
        }
    }

    static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        func group(_ reference: Substring) -> String {
            if let number = Int(reference), number < match.output.count { return match.output[number].substring.map(String.init) ?? "" }
            return match.output[String(reference)]?.substring.map(String.init) ?? ""
        }
        var out = ""
        var rest = template[...]
        while let slash = rest.firstIndex(of: "\\") {
            out += rest[..<slash]
            let after = rest[rest.index(after: slash)...]
            if after.hasPrefix("g<"), let close = after.firstIndex(of: ">") {
                out += group(after[after.index(after.startIndex, offsetBy: 2)..<close])
                rest = after[after.index(after: close)...]
            } else if let digit = after.first, digit.isASCII, digit.isNumber {
                let digits = after.prefix { $0.isASCII && $0.isNumber }.prefix(2)
                out += group(digits)
                rest = after.dropFirst(digits.count)
            } else if let next = after.first {
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                case "\\": out += "\\"
                default: out += "\\" + String(next)
                }
                rest = after.dropFirst()
            } else {
                out += "\\"
                rest = after
            }
        }
        return out + rest
    }

    /// The capture groups in order, with their names (`(?P<name>...)` / `(?<name>...)`), read from
    /// the pattern text so that the output columns are known before any data is seen.
    static func groups(in pattern: String) -> [String?] {
        var names: [String?] = []
        let chars = Array(pattern)
        var i = 0, inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; continue }
            if c == "(" {
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    var j = i + 2
                    if j < chars.count, chars[j] == "P" { j += 1 }
                    if j < chars.count, chars[j] == "<", j + 1 < chars.count, chars[j + 1] != "=", chars[j + 1] != "!",
                       let close = chars[j...].firstIndex(of: ">") {
                        names.append(String(chars[(j + 1)..<close]))
                    }
                } else {
                    names.append(nil)
                }
            }
            i += 1
        }
        return names
    }
}

/// The capture groups of a regular expression in Python's syntax, by name where named.
public enum PythonRegexGroups {
    public static func names(in pattern: String) -> [String?] { PythonRegex.groups(in: pattern) }
}
