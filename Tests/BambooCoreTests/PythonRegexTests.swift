import Testing
@testable import BambooCore

/// Python's `re` meaning on Swift's engine: the dot refuses only `\n` (Swift's refuses every
/// line terminator), unless an inline `s` flag lets it match everything.
@Suite struct PythonRegexTests {
    @Test(arguments: [
        (".", #"[^\n]"#),
        (#"a\.b"#, #"a\.b"#),
        ("[.]x.", #"[.]x[^\n]"#),
        ("[].]", "[].]"),
        ("[^].].", #"[^].][^\n]"#),
        ("(?s).", "(?s)."),
        ("(?is:a.)", "(?is:a.)"),
        ("(?P<s>.)", #"(?P<s>[^\n])"#),
    ])
    func dotsKeepPythonsMeaning(python: String, swift: String) {
        #expect(PythonRegex.pythonDots(python) == swift)
    }

    @Test func dotsMatchEveryLineTerminatorButNewline() throws {
        let regex = try PythonRegex("a.b")
        for terminator in ["\r", "\u{85}", "\u{2028}", "\u{0B}"] {
            #expect(regex.firstMatch(in: "a\(terminator)b") != nil)
        }
        #expect(regex.firstMatch(in: "a\nb") == nil)
        #expect(try PythonRegex("(?s)a.b").firstMatch(in: "a\nb") != nil)
    }
}
