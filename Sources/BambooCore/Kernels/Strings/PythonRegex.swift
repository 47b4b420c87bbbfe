/// A regular expression written in Python's `re` syntax, matched on code points as Python does.
/// Swift's engine reads the same syntax for what pandas code uses (classes, groups, `(?P<name>...)`,
/// lookarounds, `(?i)`); a pattern it rejects is a thrown error naming the pattern.
struct PythonRegex {
    let pattern: String
    let regex: Regex<AnyRegexOutput>

    init(_ pattern: String, caseSensitive: Bool = true) throws {
        self.pattern = pattern
        do {
            var regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
            if !caseSensitive { regex = regex.ignoresCase() }
            self.regex = regex
        } catch {
            throw BambooError(.invalidArgument, "The regular expression \(pattern.debugDescription) is not valid: \(error)")
        }
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
