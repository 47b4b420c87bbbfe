#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Parses numbers and booleans straight from a field's bytes, with the grammar of pandas' C parser
/// (`str_to_int64`, `precise_xstrtod`, `to_boolean`): surrounding ASCII whitespace is allowed, `_`
/// separators and hex are not, `inf`/`infinity` (any case, optional sign) are floats.
enum CSVNumberParsing {
    enum IntResult: Equatable {
        case value(Int64)
        /// Only digits, but outside Int64 (pandas reads these as uint64 or Python ints).
        case overflow
        case invalid
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    /// The field without surrounding ASCII whitespace, as `start..<end` offsets.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> IntResult {
        var (i, end) = trimmed(bytes)
        guard i < end else { return .invalid }
        var negative = false
        if bytes[i] == 45 || bytes[i] == 43 { negative = bytes[i] == 45; i += 1 }
        guard i < end else { return .invalid }
        var value: Int64 = 0
        var overflow = false
        while i < end {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return .invalid }
            if !overflow {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(digit)) : m.addingReportingOverflow(Int64(digit))
                if o1 || o2 { overflow = true } else { value = s }
            }
            i += 1
        }
        return overflow ? .overflow : .value(value)
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static func parseFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let (start, end) = trimmed(bytes)
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == 45 || bytes[i] == 43 { negative = bytes[i] == 45; i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var decimalExponent = 0
        while i < end, bytes[i] &- 48 < 10 {
            let digit = bytes[i] &- 48
            digits += 1
            if significant < 19 {
                if significant > 0 || digit != 0 { mantissa = mantissa * 10 + UInt64(digit); significant += 1 }
            } else {
                significant += 1
                decimalExponent += 1
            }
            i += 1
        }
        if i < end, bytes[i] == 46 {
            i += 1
            while i < end, bytes[i] &- 48 < 10 {
                let digit = bytes[i] &- 48
                digits += 1
                if significant < 19 {
                    if significant > 0 || digit != 0 { mantissa = mantissa * 10 + UInt64(digit); significant += 1 }
                    decimalExponent -= 1
                } else {
                    significant += 1
                }
                i += 1
            }
        }
        guard digits > 0 else { return parseInfinity(bytes) }
        if i < end, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            var exponentNegative = false
            if i < end, bytes[i] == 45 || bytes[i] == 43 { exponentNegative = bytes[i] == 45; i += 1 }
            var exponent = 0
            var exponentDigits = 0
            while i < end, bytes[i] &- 48 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[i] &- 48) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard i == end else { return nil }
        // Clinger's fast path: exact when the mantissa and the power of ten are both exact doubles.
        if significant <= 19, mantissa <= 1 << 53, decimalExponent >= -22, decimalExponent <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 { value /= exactPowers[-decimalExponent] } else { value *= exactPowers[decimalExponent] }
            return negative ? -value : value
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        return correctlyRounded(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Long or extreme inputs (17+ digits, large exponents): C's correctly rounded `strtod` in the
    /// "C" locale, on a NUL-terminated copy in a stack buffer. The grammar was already checked.
    private static func correctlyRounded(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for i in 0..<text.count { base[i] = CChar(bitPattern: text[i]) }
            base[text.count] = 0
            return CLocaleNumbers.parse(base)
        }
    }

    /// pandas accepts `inf`, `+inf`, `-inf`, `infinity`, `+infinity`, `-infinity` in any case, without spaces.
    private static func parseInfinity(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == 45 || bytes[i] == 43 { negative = bytes[i] == 45; i += 1 }
        let rest = bytes.count - i
        guard rest == 3 || rest == 8 else { return nil }
        let word: [UInt8] = Array("infinity".utf8)
        for k in 0..<rest where bytes[i + k] | 0x20 != word[k] { return nil }
        return negative ? -.infinity : .infinity
    }

    /// `True`/`False` in any letter case, with nothing around them (pandas' bool inference).
    static func parseBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count == 4, matchesCaseInsensitive(bytes, "true") { return true }
        if bytes.count == 5, matchesCaseInsensitive(bytes, "false") { return false }
        return nil
    }

    private static func matchesCaseInsensitive(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let pointer = word.utf8Start
        for k in 0..<bytes.count where bytes[k] | 0x20 != pointer[k] { return false }
        return true
    }

    /// Whether `bytes` equal `text` exactly.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: [UInt8]) -> Bool {
        guard bytes.count == text.count else { return false }
        for k in 0..<text.count where bytes[k] != text[k] { return false }
        return true
    }
}

/// `strtod` that ignores the process locale: if a `setlocale` elsewhere made the decimal point
/// something other than `.`, the text is rewritten to that point before parsing.
private enum CLocaleNumbers {
    static func parse(_ text: UnsafeMutablePointer<CChar>) -> Double {
        if let point = localeconv()?.pointee.decimal_point?.pointee, point != 46 {
            var p = text
            while p.pointee != 0 {
                if p.pointee == 46 { p.pointee = point }
                p += 1
            }
        }
        return cStrtod(text)
    }
}

private func cStrtod(_ text: UnsafePointer<CChar>) -> Double { strtod(text, nil) }
