extension Column {
    /// Applies a `.str` method to every value (pandas: `s.str.<method>(...)`), with pandas 3's
    /// result dtypes: strings stay `str` (`object` for an object column), counts are int64 (float64
    /// once a value is missing), predicates are bool (a missing value gives `na`, else False for
    /// `str` and None for `object`). Non-string values of an object column give missing results.
    public func applying(_ function: StringFunction) throws -> Column {
        // A category of strings: the method runs on its values, as pandas maps it over the
        // categories; text results are object (NaN where missing).
        if dtype.isStringCategory {
            let result = try astype(.string).applying(function)
            guard result.dtype == .string else { return result }
            return Column(dtype: .object, values: .object((0..<result.count).map { result.isMissing($0) ? .float(.nan) : result.scalar(at: $0) }))
        }
        guard dtype == .string || dtype == .object else {
            throw BambooError(.typeMismatch, "Can only use .str accessor with string values!")
        }
        // pandas 3's str dtype runs Arrow's kernels (simple per-code-point case mapping, Unicode
        // categories for the predicates); an object column runs Python's str methods.
        let compiled = try StringFunctionRunner(function, arrowSemantics: dtype == .string)
        var results: [Scalar] = []
        results.reserveCapacity(count)
        for row in 0..<count {
            // pandas' .str also reaches into list cells for get and len (`s.str.split(",").str.get(0)`).
            if case .list(let items) = scalar(at: row) {
                switch function {
                case .get(let position):
                    let index = position < 0 ? position + items.count : position
                    results.append(items.indices.contains(index) ? items[index] : .float(.nan))
                    continue
                case .length:
                    results.append(.int(Int64(items.count)))
                    continue
                default: break
                }
            }
            guard !isMissing(row), case .string(let text) = scalar(at: row) else {
                // An object column keeps its own missing marker (None or NaN), as Python's str methods do.
                let marker = scalar(at: row)
                results.append(dtype == .object && marker.isMissing && !function.isPredicate && !function.isNumericResult
                    ? marker : compiled.missingResult(objectInput: dtype == .object))
                continue
            }
            results.append(try compiled.run(text))
        }
        if function.isNumericResult {
            return results.contains(where: \.isMissing)
                ? Column(float64: results.map { $0.doubleValue ?? .nan }) : Column(int64: results.map { if case .int(let v) = $0 { v } else { 0 } })
        }
        if function.isPredicate {
            if results.allSatisfy({ if case .bool = $0 { true } else { false } }) { return Column(bool: results.map { $0 == .bool(true) }) }
            return Column(dtype: .object, values: .object(results))
        }
        if case .split = function { return Column(dtype: .object, values: .object(results)) }
        // pandas infers an object result's dtype: nothing but NaN is float64.
        if dtype == .object, !results.isEmpty, results.allSatisfy({ if case .float(let x) = $0 { x.isNaN } else { false } }) {
            return Column(float64: results.map { _ in .nan })
        }
        return try Column.build(results, dtype: dtype)
    }
}

/// One string function, with its regular expression compiled once for the whole column.
struct StringFunctionRunner {
    let function: StringFunction
    let regex: PythonRegex?
    let arrow: Bool

    init(_ function: StringFunction, arrowSemantics: Bool) throws {
        self.function = function
        self.arrow = arrowSemantics
        switch function {
        case .contains(let pattern, let caseSensitive, true, _): regex = try PythonRegex(pattern, caseSensitive: caseSensitive)
        case .contains(let pattern, false, false, _): regex = try PythonRegex(RegexEscaping.escape(pattern), caseSensitive: false)
        case .replace(let pattern, let replacement, _, let caseSensitive, let isRegex) where isRegex || !caseSensitive:
            let compiled = try PythonRegex(isRegex ? pattern : RegexEscaping.escape(pattern), caseSensitive: caseSensitive)
            if isRegex { try compiled.checkReferences(in: replacement) }
            regex = compiled
        case .count(let pattern): regex = try PythonRegex(pattern)
        case .split(let pattern?, _, true), .splitPart(let pattern?, _, true, _): regex = try PythonRegex(pattern)
        case .split("", _, false), .splitPart("", _, false, _): throw BambooError(.invalidArgument, "empty separator")
        case .extract(let pattern, _, let caseSensitive): regex = try PythonRegex(pattern, caseSensitive: caseSensitive)
        default: regex = nil
        }
    }

    /// The result for a missing (or non-string) value.
    func missingResult(objectInput: Bool) -> Scalar {
        switch function {
        case .contains(_, _, _, let na?), .startsWith(_, let na?), .endsWith(_, let na?): return na
        default: break
        }
        if function.isPredicate { return objectInput ? .none : .bool(false) }
        if function.isNumericResult { return .float(.nan) }
        return objectInput ? .none : .float(.nan)
    }

    func run(_ text: String) throws -> Scalar {
        switch function {
        case .lower: return .string(arrow ? ArrowText.lower(text) : text.lowercased())
        case .upper: return .string(arrow ? ArrowText.upper(text) : text.uppercased())
        case .title: return .string(arrow ? ArrowText.title(text) : PythonText.title(text))
        case .capitalize: return .string(arrow ? ArrowText.capitalize(text) : PythonText.capitalize(text))
        case .swapcase: return .string(arrow ? ArrowText.swapcase(text) : PythonText.swapcase(text))
        case .strip(let side, let characters): return .string(PythonText.strip(text, side: side, characters: characters))
        case .length: return .int(Int64(text.unicodeScalars.count))
        case .contains(let pattern, let caseSensitive, let isRegex, _):
            if !isRegex && caseSensitive { return .bool(PythonText.find(text, pattern, start: 0, end: nil) >= 0) }
            return .bool(regex?.firstMatch(in: text) != nil)
        case .startsWith(let prefixes, _):
            return .bool(prefixes.contains { text.unicodeScalars.starts(with: $0.unicodeScalars) })
        case .endsWith(let suffixes, _):
            return .bool(suffixes.contains { text.unicodeScalars.reversed().starts(with: $0.unicodeScalars.reversed()) })
        case .replace(let pattern, let replacement, let count, _, _):
            if let regex { return .string(regex.replace(in: text, with: function.isRegexReplace ? replacement : RegexEscaping.escapeTemplate(replacement), count: count)) }
            if pattern.isEmpty { return .string(PythonText.insertingEverywhere(replacement, into: text, count: count)) }
            return .string(PythonText.split(text, separator: pattern, limit: count).joined(separator: replacement))
        case .get(let position):
            let chars = PythonText.scalars(text)
            let index = position < 0 ? position + chars.count : position
            return chars.indices.contains(index) ? .string(String(chars[index])) : .float(.nan)
        case .slice(let start, let stop, let step):
            let chars = PythonText.scalars(text)
            return .string(PythonText.string(PythonSlice.positions(start: start, stop: stop, step: step, count: chars.count).map { chars[$0] }))
        case .pad(let width, let side, let fill): return .string(PythonText.pad(text, width: width, side: side, fill: fill))
        case .zfill(let width): return .string(PythonText.zfill(text, width: width))
        case .find(let substring, let start, let end): return .int(Int64(PythonText.find(text, substring, start: start, end: end)))
        case .count: return .int(Int64(regex?.matches(in: text).count ?? 0))
        case .split(let pattern, let limit, _): return .list(split(text, pattern: pattern, limit: limit).map(Scalar.string))
        case .splitPart(let pattern, let limit, _, let index):
            let parts = split(text, pattern: pattern, limit: limit)
            return index < parts.count ? .string(parts[index]) : .float(.nan)
        case .extract(_, let group, _):
            guard let match = regex?.firstMatch(in: text), group < match.output.count, let value = match.output[group].substring else { return .float(.nan) }
            return .string(String(value))
        case .isAlpha: return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(PythonText.isAlpha))
        case .isAlnum:
            let numeric = arrow ? ArrowText.isNumeric : PythonText.isNumeric
            return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy { PythonText.isAlpha($0) || numeric($0) })
        case .isDigit: return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(arrow ? ArrowText.isDigit : PythonText.isDigit))
        case .isDecimal: return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(arrow ? ArrowText.isDecimal : PythonText.isDecimal))
        case .isNumeric: return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(arrow ? ArrowText.isNumeric : PythonText.isNumeric))
        case .isSpace: return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(PythonText.isSpace))
        case .isLower: return .bool(PythonText.hasOnlyCase(text, upper: false))
        case .isUpper: return .bool(PythonText.hasOnlyCase(text, upper: true))
        case .isTitle: return .bool(PythonText.isTitle(text))
        }
    }

    private func split(_ text: String, pattern: String?, limit: Int) -> [String] {
        guard let pattern else { return PythonText.splitOnWhitespace(text, limit: limit) }
        if let regex { return regex.split(text, limit: limit) }
        return PythonText.split(text, separator: pattern, limit: limit)
    }
}

extension StringFunction {
    var isRegexReplace: Bool {
        if case .replace(_, _, _, _, true) = self { return true }
        return false
    }
}

/// Escapes text for use as a literal inside a regular expression or a replacement template.
enum RegexEscaping {
    static func escape(_ literal: String) -> String {
        var out = ""
        for c in literal.unicodeScalars {
            if "\\^$.|?*+()[]{}".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    static func escapeTemplate(_ literal: String) -> String {
        var out = ""
        for c in literal.unicodeScalars {
            if c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
