#if Spark
/// Python `strftime` formats as Spark datetime patterns (Java `DateTimeFormatter` letters), for
/// `dt.strftime` on Spark.
///
/// Only directives whose output Spark writes identically in the C locale are mapped; any other
/// (`%Z`, `%z`, `%U`, `%c`, ...) makes the format untranslatable. Text between directives is
/// quoted (`'T'`), since every ASCII letter is a pattern letter in Java.
enum SparkDatePattern {
    static let directives: [Character: String] = [
        "Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "H": "HH", "I": "hh", "M": "mm", "S": "ss",
        "f": "SSSSSS", "p": "a", "a": "EEE", "A": "EEEE", "b": "MMM", "B": "MMMM", "j": "DDD",
    ]

    /// The Spark pattern for `format`, or nil when a directive has none.
    static func pattern(forStrftime format: String) -> String? {
        var pattern = ""
        var literal = ""
        func flushLiteral() {
            guard !literal.isEmpty else { return }
            pattern += "'" + literal + "'"
            literal = ""
        }
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { literal += character == "'" ? "''" : String(character); continue }
            guard let directive = characters.next() else { return nil }
            if directive == "%" { literal.append("%"); continue }
            guard let letters = directives[directive] else { return nil }
            flushLiteral()
            pattern += letters
        }
        flushLiteral()
        return pattern
    }
}
#endif
