import BambooCore
import BambooPlan

extension Series {
    /// Vectorised string methods (pandas: `s.str`), with Python's semantics: lengths and positions
    /// count code points, regular expressions use Python's syntax, missing values stay missing.
    ///
    /// ```swift
    /// let domains = try df["email"].str.split("@").str.get(1)   // pandas: s.str.split("@").str.get(1)
    /// let shouting = try df["name"].str.upper()
    /// ```
    /// Throws for columns that hold no strings, as pandas' AttributeError does.
    public var str: StringMethods {
        get throws {
            // A category of strings too: the methods run on its values (object results).
            guard dtype == .string || dtype == .object || dtype.isStringCategory else {
                throw BambooError(.typeMismatch, "Can only use .str accessor with string values!")
            }
            return StringMethods(series: self)
        }
    }
}

/// The `.str` accessor of a Series (pandas: `Series.str`). Each method is a transformation: it
/// adds an expression to the plan and computes nothing.
public struct StringMethods: Sendable {
    let series: Series

    func applying(_ function: StringFunction) throws -> Series { try series.derived(.string(series.expr, function)) }

    /// The name of the Series these methods apply to.
    public var name: Scalar { series.name }

    /// pandas: `s.str.lower()`.
    public func lower() throws -> Series { try applying(.lower) }
    /// pandas: `s.str.upper()`.
    public func upper() throws -> Series { try applying(.upper) }
    /// Words start upper-case, the rest lower-case (pandas: `s.str.title()`).
    public func title() throws -> Series { try applying(.title) }
    /// The first character upper-case, the rest lower-case (pandas: `s.str.capitalize()`).
    public func capitalize() throws -> Series { try applying(.capitalize) }
    /// pandas: `s.str.swapcase()`.
    public func swapcase() throws -> Series { try applying(.swapcase) }
    /// Removes leading and trailing whitespace, or any of `characters` (pandas: `s.str.strip(to_strip)`).
    public func strip(_ characters: String? = nil) throws -> Series { try applying(.strip(.both, characters: characters)) }
    /// pandas: `s.str.lstrip(to_strip)`.
    public func lstrip(_ characters: String? = nil) throws -> Series { try applying(.strip(.left, characters: characters)) }
    /// pandas: `s.str.rstrip(to_strip)`.
    public func rstrip(_ characters: String? = nil) throws -> Series { try applying(.strip(.right, characters: characters)) }
    /// The number of code points (pandas: `s.str.len()`): "e\u{301}" counts 2.
    public func len() throws -> Series { try applying(.length) }

    /// Whether each value holds a match of `pattern` (pandas: `s.str.contains(pat, case=, regex=, na=)`).
    public func contains(_ pattern: String, caseSensitive: Bool = true, regex: Bool = true, na: Scalar? = nil) throws -> Series {
        try applying(.contains(pattern: pattern, caseSensitive: caseSensitive, regex: regex, na: na))
    }

    /// pandas: `s.str.startswith(pat, na=)`.
    public func startswith(_ prefix: String, na: Scalar? = nil) throws -> Series { try startswith([prefix], na: na) }
    /// Whether each value starts with any of `prefixes` (pandas: `s.str.startswith((a, b))`).
    public func startswith(_ prefixes: [String], na: Scalar? = nil) throws -> Series { try applying(.startsWith(prefixes, na: na)) }
    /// pandas: `s.str.endswith(pat, na=)`.
    public func endswith(_ suffix: String, na: Scalar? = nil) throws -> Series { try endswith([suffix], na: na) }
    /// Whether each value ends with any of `suffixes` (pandas: `s.str.endswith((a, b))`).
    public func endswith(_ suffixes: [String], na: Scalar? = nil) throws -> Series { try applying(.endsWith(suffixes, na: na)) }

    /// Replaces occurrences of `pattern` (pandas: `s.str.replace(pat, repl, n=, case=, regex=)`): a literal
    /// unless `regex`, when `replacement` may refer to groups as `\1` or `\g<name>`.
    public func replace(_ pattern: String, _ replacement: String, n: Int = -1, caseSensitive: Bool = true, regex: Bool = false) throws -> Series {
        try applying(.replace(pattern: pattern, replacement: replacement, count: n, caseSensitive: caseSensitive, regex: regex))
    }

    /// The code point at `position`, negative from the end; missing when out of range (pandas: `s.str.get(i)`, `s.str[i]`).
    public func get(_ position: Int) throws -> Series { try applying(.get(position)) }
    public subscript(_ position: Int) -> Series { get throws { try get(position) } }

    /// pandas: `s.str.slice(start, stop, step)` and `s.str[start:stop:step]`.
    public func slice(start: Int? = nil, stop: Int? = nil, step: Int = 1) throws -> Series {
        guard step != 0 else { throw BambooError(.invalidArgument, "slice step cannot be zero") }
        return try applying(.slice(start: start, stop: stop, step: step))
    }

    /// Pads to `width` code points (pandas: `s.str.pad(width, side=, fillchar=)`); `.left` pads on the left.
    public func pad(_ width: Int, side: StringFunction.PadSide = .left, fillchar: Character = " ") throws -> Series {
        try applying(.pad(width: width, side: side, fill: fillchar))
    }
    /// pandas: `s.str.zfill(width)` (zeros go after a sign).
    public func zfill(_ width: Int) throws -> Series { try applying(.zfill(width)) }

    /// The lowest position of `substring`, or -1 (pandas: `s.str.find(sub, start, end)`).
    public func find(_ substring: String, start: Int = 0, end: Int? = nil) throws -> Series { try applying(.find(substring, start: start, end: end)) }
    /// The number of matches of a regular expression (pandas: `s.str.count(pat)`).
    public func count(_ pattern: String) throws -> Series { try applying(.count(pattern: pattern)) }

    /// Splits each value into a list (pandas: `s.str.split(pat, n=, regex=)`): on whitespace runs without
    /// a pattern; a pattern longer than one character is a regular expression unless `regex: false`.
    public func split(_ pattern: String? = nil, n: Int = -1, regex: Bool? = nil) throws -> Series {
        try applying(.split(pattern: pattern, limit: n == 0 ? -1 : n, regex: StringMethods.isRegex(pattern, regex)))
    }

    /// As ``split(_:n:regex:)`` with pandas' `expand=True`: one column per part, numbered from 0,
    /// missing where a value has fewer parts. The number of columns depends on the data, so this
    /// runs a small action first: the longest list's length, one number whatever the data's size.
    public func split(_ pattern: String? = nil, n: Int = -1, regex: Bool? = nil, expand: Bool) async throws -> DataFrame {
        let limit = n == 0 ? -1 : n
        let isRegex = StringMethods.isRegex(pattern, regex)
        let lists = try applying(.split(pattern: pattern, limit: limit, regex: isRegex))
        guard expand else { return try lists.toFrame() }
        let longest = try await lists.str.len().max()
        let width = longest.isMissing ? 0 : Int(longest.doubleValue ?? 0)
        return try frame((0..<width).map { index in
            (Scalar.int(Int64(index)), StringFunction.splitPart(pattern: pattern, limit: limit, regex: isRegex, index: index))
        })
    }

    /// The capture groups of the first match as columns, named by `(?P<name>...)` or numbered from 0;
    /// missing without a match (pandas: `s.str.extract(pat, flags=, expand=True)`).
    public func extract(_ pattern: String, caseSensitive: Bool = true) throws -> DataFrame {
        let groups = PythonRegexGroups.names(in: pattern)
        guard !groups.isEmpty else { throw BambooError(.invalidArgument, "pattern contains no capture groups") }
        return try frame(groups.enumerated().map { index, name in
            (name.map(Scalar.string) ?? .int(Int64(index)), StringFunction.extract(pattern: pattern, group: index + 1, caseSensitive: caseSensitive))
        })
    }

    /// All values joined into one string, missing ones left out unless `naRep` (pandas: `s.str.cat(sep=, na_rep=)`).
    public func cat(sep: String = "", naRep: String? = nil) async throws -> String {
        let values = try await series.toList()
        return values.compactMap { value -> String? in
            if value.isMissing { return naRep }
            if case .string(let text) = value { return text }
            return nil
        }.joined(separator: sep)
    }

    /// Each value joined with the matching value of `others` (pandas: `s.str.cat(others, sep=, na_rep=)`);
    /// missing where either side is, unless `naRep` stands in for it.
    public func cat(_ others: Series, sep: String = "", naRep: String? = nil) throws -> Series {
        var left = series, right = others
        if let naRep { (left, right) = (try left.fillna(.string(naRep)), try right.fillna(.string(naRep))) }
        return try ((try left + Scalar.string(sep)) + right).rename(series.name)
    }

    /// Boolean tests of every character (pandas: `s.str.isalpha()`, ...); false for an empty string.
    public func isalpha() throws -> Series { try applying(.isAlpha) }
    public func isalnum() throws -> Series { try applying(.isAlnum) }
    public func isdigit() throws -> Series { try applying(.isDigit) }
    public func isdecimal() throws -> Series { try applying(.isDecimal) }
    public func isnumeric() throws -> Series { try applying(.isNumeric) }
    public func isspace() throws -> Series { try applying(.isSpace) }
    public func islower() throws -> Series { try applying(.isLower) }
    public func isupper() throws -> Series { try applying(.isUpper) }
    public func istitle() throws -> Series { try applying(.isTitle) }

    /// A frame of this series' index with one computed column per (label, function).
    private func frame(_ columns: [(Scalar, StringFunction)]) throws -> DataFrame {
        let fields = series.anchor.schema.allFields
        let named = try columns.map { label, function in try NamedExpr.typed(label: label, expr: .string(series.expr, function), in: fields) }
        return DataFrame(session: series.session, plan: try LogicalPlan(.project(series.anchor, index: .keep, columns: named)))
    }

    /// pandas' rule for `regex=None`: a pattern of more than one character is a regular expression.
    static func isRegex(_ pattern: String?, _ regex: Bool?) -> Bool {
        guard let pattern else { return false }
        return regex ?? (pattern.unicodeScalars.count > 1)
    }
}
