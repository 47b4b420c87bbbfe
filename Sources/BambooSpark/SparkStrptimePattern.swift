#if Spark
/// A Python `strptime` format (as ``DatetimeText`` reads it) as one anchored Java regular
/// expression whose groups hold the fields, for `pd.to_datetime(s, format=...)` on Spark.
///
/// ``DatetimeText`` reads each directive greedily and never goes back: `%H` takes up to two
/// digits, `%f` up to nine, `%b` a month's three letters, `%B` its full name. The
/// pattern says the same with possessive quantifiers and atomic groups, so Java's matcher,
/// which would otherwise backtrack into an earlier field, accepts exactly the same texts.
/// Range checks (hour below 24, a real calendar day) are left to the expression that reads
/// the groups.
///
/// ```swift
/// let pattern = SparkStrptimePattern(format: "%d/%m/%Y %H:%M")
/// pattern?.regex    // ^([0-9]{1,2}+)\x{2F}([0-9]{1,2}+)\x{2F}([0-9]{1,4}+)\x{20}([0-9]{1,2}+)\x{3A}([0-9]{1,2}+)\z
/// pattern?.fields   // [.day, .month, .year, .hour24, .minute]
/// ```
struct SparkStrptimePattern: Equatable {
    /// What one group of ``regex`` holds.
    enum Field: Equatable {
        case year, shortYear, month, monthName, day, hour24, hour12, minute, second, fraction, meridiem, offset
    }

    let regex: String
    let fields: [Field]

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// nil when the format uses a directive ``DatetimeText`` does not read.
    init?(format: String) {
        var regex = "^"
        var fields: [Field] = []
        var scalars = format.unicodeScalars[...]
        func digits(_ most: Int) -> String { "([0-9]{1,\(most)}+)" }
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "%" else {
                regex += Self.literal(c)
                continue
            }
            guard let directive = scalars.first else { return nil }
            scalars = scalars.dropFirst()
            switch directive {
            case "Y": regex += digits(4); fields.append(.year)
            case "y": regex += digits(2); fields.append(.shortYear)
            case "m": regex += digits(2); fields.append(.month)
            case "d": regex += digits(2); fields.append(.day)
            case "H": regex += digits(2); fields.append(.hour24)
            case "I": regex += digits(2); fields.append(.hour12)
            case "M": regex += digits(2); fields.append(.minute)
            case "S": regex += digits(2); fields.append(.second)
            case "f": regex += digits(9); fields.append(.fraction)
            case "p": regex += "([aApP][mM])"; fields.append(.meridiem)
            case "b":
                regex += "((?>(?i:" + Self.monthNames.map { $0.prefix(3) }.joined(separator: "|") + ")))"
                fields.append(.monthName)
            case "B":
                regex += "((?>(?i:" + Self.monthNames.joined(separator: "|") + ")))"
                fields.append(.monthName)
            case "z": regex += "((?>Z|[+-][0-9]{2}+:?+[0-9]{2}+))"; fields.append(.offset)
            case "%": regex += Self.literal("%")
            default: return nil
            }
        }
        self.regex = regex + "\\z"
        self.fields = fields
    }

    /// The layouts pandas guesses without a format (``DatetimeText``'s ISO list) as one pattern:
    /// a date, then optionally a time (minutes, seconds, a fraction) and an offset.
    static let iso = SparkStrptimePattern(
        regex: "^([0-9]{1,4}+)-([0-9]{1,2}+)-([0-9]{1,2}+)(?:[ T]([0-9]{1,2}+):([0-9]{1,2}+)(?::([0-9]{1,2}+)(?:\\.([0-9]{1,9}+))?+)?+((?>Z|[+-][0-9]{2}+:?+[0-9]{2}+))?+)?+\\z",
        fields: [.year, .month, .day, .hour24, .minute, .second, .fraction, .offset])

    private init(regex: String, fields: [Field]) {
        self.regex = regex
        self.fields = fields
    }

    /// One character matched as itself, whatever it means to Java.
    private static func literal(_ c: Unicode.Scalar) -> String {
        c.properties.isAlphabetic && c.isASCII || ("0"..."9").contains(c) ? String(c) : "\\x{" + String(c.value, radix: 16, uppercase: true) + "}"
    }
}
#endif
