/// A vectorised string method (pandas' `Series.str`), applied to every present value with Python's
/// `str` semantics: positions and lengths count code points, not grapheme clusters, so "e\u{301}"
/// has length 2 as in pandas.
public enum StringFunction: Sendable, Hashable, CustomStringConvertible {
    case lower, upper, title, capitalize, swapcase
    /// `strip`/`lstrip`/`rstrip`: whitespace, or any of `characters`.
    case strip(StripSide, characters: String?)
    case length
    /// A search: a regular expression (Python syntax) or a literal; `na` fills missing values.
    case contains(pattern: String, caseSensitive: Bool, regex: Bool, na: Scalar?)
    case startsWith([String], na: Scalar?)
    case endsWith([String], na: Scalar?)
    /// `replace(pat, repl, n=, case=, regex=)`; `count` < 0 replaces every match.
    case replace(pattern: String, replacement: String, count: Int, caseSensitive: Bool, regex: Bool)
    /// The code point at `position` (negative from the end), missing when out of range.
    case get(Int)
    case slice(start: Int?, stop: Int?, step: Int)
    case pad(width: Int, side: PadSide, fill: Character)
    case zfill(Int)
    /// The lowest code point index of `substring` within `start..<end`, or -1.
    case find(String, start: Int, end: Int?)
    /// The number of non-overlapping matches of a regular expression.
    case count(pattern: String)
    /// `split(pat, n)`: a list per value; `pattern` nil splits on runs of whitespace.
    case split(pattern: String?, limit: Int, regex: Bool)
    /// Part `index` of `split(pat, n)`, missing when there are fewer parts (`split(expand=True)` column `index`).
    case splitPart(pattern: String?, limit: Int, regex: Bool, index: Int)
    /// Capture group `group` (1-based) of the first match of a regular expression, missing without a match.
    case extract(pattern: String, group: Int, caseSensitive: Bool)
    case isAlpha, isAlnum, isDigit, isDecimal, isNumeric, isSpace, isLower, isUpper, isTitle

    public enum StripSide: String, Sendable, Hashable { case both = "strip", left = "lstrip", right = "rstrip" }
    public enum PadSide: String, Sendable, Hashable { case left, right, both }

    /// Results that are counts or positions (float64 once a value is missing).
    public var isNumericResult: Bool {
        switch self {
        case .length, .find, .count: return true
        default: return false
        }
    }

    /// Results that are booleans (missing values give `na`, or False for pandas' `str` dtype).
    public var isPredicate: Bool {
        switch self {
        case .contains, .startsWith, .endsWith, .isAlpha, .isAlnum, .isDigit, .isDecimal, .isNumeric, .isSpace, .isLower, .isUpper, .isTitle:
            return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .lower: return "lower"
        case .upper: return "upper"
        case .title: return "title"
        case .capitalize: return "capitalize"
        case .swapcase: return "swapcase"
        case .strip(let side, let chars): return "\(side.rawValue)(\(chars.map { "'\($0)'" } ?? ""))"
        case .length: return "len"
        case .contains(let p, let c, let r, _): return "contains('\(p)', case=\(c ? "True" : "False"), regex=\(r ? "True" : "False"))"
        case .startsWith(let p, _): return "startswith(\(p))"
        case .endsWith(let p, _): return "endswith(\(p))"
        case .replace(let p, let r, let n, _, let regex): return "replace('\(p)', '\(r)', n=\(n), regex=\(regex ? "True" : "False"))"
        case .get(let i): return "get(\(i))"
        case .slice(let a, let b, let s): return "slice(\(a.map(String.init) ?? "None"), \(b.map(String.init) ?? "None"), \(s))"
        case .pad(let w, let side, let f): return "pad(\(w), \(side.rawValue), '\(f)')"
        case .zfill(let w): return "zfill(\(w))"
        case .find(let s, let a, let b): return "find('\(s)', \(a), \(b.map(String.init) ?? "None"))"
        case .count(let p): return "count('\(p)')"
        case .split(let p, let n, _): return "split(\(p.map { "'\($0)'" } ?? "None"), n=\(n))"
        case .splitPart(let p, let n, _, let i): return "split(\(p.map { "'\($0)'" } ?? "None"), n=\(n))[\(i)]"
        case .extract(let p, let g, _): return "extract('\(p)')[\(g)]"
        case .isAlpha: return "isalpha"
        case .isAlnum: return "isalnum"
        case .isDigit: return "isdigit"
        case .isDecimal: return "isdecimal"
        case .isNumeric: return "isnumeric"
        case .isSpace: return "isspace"
        case .isLower: return "islower"
        case .isUpper: return "isupper"
        case .isTitle: return "istitle"
        }
    }
}
