#if Spark
import Foundation
import Testing
@testable import BambooSpark

/// Python patterns rewritten for Java: the rewrite itself (Spark's answers on them are checked by
/// the CompatMatrix `strings-*` cases against pandas).
@Suite struct SparkRegexTests {
    @Test(arguments: [
        ("a.", "(?d)a[^\\n]"),
        ("^[A-Z]", "(?d)^[A-Z]"),
        ("ll|l", "(?d)ll|l"),
        ("(\\w+) (\\w+)", nil),  // checked below: \w is Python's class, not Java's
        ("a{2,}", "(?d)a{2,}"),
        ("a{,3}", "(?d)a{0,3}"),
        ("a{x}", "(?d)a\\{x}"),
        ("[a[&]", "(?d)[a\\[\\&]"),
        ("(?P<first>a)(?P=first)", "(?d)(a)\\1"),
        ("x\\Z", "(?d)x\\z"),
        ("(?i)ab", "(?diu)ab"),
    ] as [(String, String?)])
    func rewrites(python: String, java: String?) throws {
        let regex = try #require(SparkRegex(python: python))
        if let java { #expect(regex.pattern == java) }
    }

    @Test(arguments: ["\\b", "(?s).", "(?x)a b", "\\12", "[\\W]", "[^\\d]", "(?#comment)", "\\q", "[abc"])
    func refusesWhatItCannotKeepExact(python: String) {
        #expect(SparkRegex(python: python) == nil)
    }

    @Test func pythonClassesAreSpelledOut() throws {
        let word = try #require(SparkRegex(python: "\\w"))
        // Python's \w takes letters, digits and "_", but not a combining accent (Java's (?U)\w would).
        #expect(word.pattern.contains("\\x{5F}"))
        #expect(!word.pattern.contains("\\x{301}"))
        #expect(try javaMatches(word.pattern, "é"))
        #expect(try !javaMatches(word.pattern, "\u{301}"))
        let space = try #require(SparkRegex(python: "\\s"))
        #expect(try javaMatches(space.pattern, "\u{3000}"))  // ideographic space is whitespace in Python
    }

    @Test func groupsAreCountedAndNamed() throws {
        let regex = try #require(SparkRegex(python: "(?P<first>[A-Za-z])(?P<second>[a-z])(?:x)(y)"))
        #expect(regex.groupCount == 3)
        #expect(regex.names == ["first": 1, "second": 2])
    }

    @Test(arguments: [
        ("\\2-\\1", 0, "$2-$1"),
        ("\\g<second>!", 0, "$2!"),
        ("<\\1>", 1, "<$2>"),
        ("cost: $5", 0, "cost: \\$\\5"),
        ("a\\\\b", 0, "a\\\\b"),
    ])
    func replacementTemplates(python: String, offset: Int, java: String) throws {
        let regex = try #require(SparkRegex(python: "(?P<first>\\w+) (?P<second>\\w+)"))
        #expect(regex.replacement(python, offset: offset) == java)
    }

    @Test func replacementsNamingMissingGroupsAreRefused() throws {
        let regex = try #require(SparkRegex(python: "(a)"))
        #expect(regex.replacement("\\2") == nil)
        #expect(regex.replacement("\\g<0>", offset: 1) == nil)
        #expect(regex.replacement("\\q") == nil)
    }

    @Test func literalPatternsMatchOnlyThemselves() throws {
        let literal = SparkRegex(literal: "a.b$", caseSensitive: false)
        #expect(try javaMatches(literal.pattern, "xA.B$"))
        #expect(try !javaMatches(literal.pattern, "aXb$"))
        #expect(SparkRegex.literalReplacement("$1\\") == "\\$1\\\\")
    }

    @Test(arguments: [
        ("%Y-%m-%d", "yyyy'-'MM'-'dd"),
        ("%d/%m/%y %H:%M:%S", "dd'/'MM'/'yy' 'HH':'mm':'ss"),
        ("%Y%m%dT%H%M%S.%f", "yyyyMMdd'T'HHmmss'.'SSSSSS"),
        ("%a %b %%", "EEE' 'MMM' %'"),
        ("it's %p", "'it''s 'a"),
    ])
    func strftimeFormatsBecomeSparkPatterns(python: String, spark: String) {
        #expect(SparkDatePattern.pattern(forStrftime: python) == spark)
    }

    @Test(arguments: ["%Z", "%z", "%U", "%c", "%"])
    func strftimeDirectivesWithoutAPatternAreRefused(python: String) {
        #expect(SparkDatePattern.pattern(forStrftime: python) == nil)
    }

    /// Java's engine is not here; NSRegularExpression (ICU) reads these constructs the same way.
    private func javaMatches(_ pattern: String, _ text: String) throws -> Bool {
        var icu = pattern
        for flag in ["(?diu)", "(?d)"] where icu.hasPrefix(flag) {
            icu = (flag == "(?diu)" ? "(?i)" : "") + String(icu.dropFirst(flag.count))
        }
        let regex = try NSRegularExpression(pattern: icu)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
#endif
