/// Formats doubles as Python does, so CSV output and `astype(str)` match pandas byte for byte.
public enum FloatFormatter {
    /// Python's `repr(float)`: the shortest text that round-trips, fixed notation for decimal
    /// exponents in [-4, 16), scientific (`1e-05`, `1.5e+16`) otherwise.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (negative, digits, exponent) = shortestDigits(value)
        let sign = negative ? "-" : ""
        // `exponent` is the position of the decimal point relative to the digits: value = 0.d1d2... × 10^exponent.
        let sciExponent = exponent - 1
        if sciExponent < -4 || sciExponent >= 16 {
            var mantissa = String(digits.first ?? "0")
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let expSign = sciExponent < 0 ? "-" : "+"
            let magnitude = abs(sciExponent)
            return sign + mantissa + "e" + expSign + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip digits of `value` (no leading/trailing zeros) and the decimal point position.
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        // Swift's description already yields the shortest round-trip digits; only the layout differs.
        var text = value.description
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var exponentAdjust = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentAdjust = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var integerPart = text
        var fractionPart = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = String(text[..<dot])
            fractionPart = String(text[text.index(after: dot)...])
        }
        var digits = integerPart + fractionPart
        var exponent = integerPart.count + exponentAdjust
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); exponent -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        if digits == "0" { exponent = 1 }
        return (negative, digits, exponent)
    }
}
