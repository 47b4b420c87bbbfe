import Testing
@testable import BambooCore

/// Python's `str` methods at their edges: an empty pattern, which once looped forever.
@Suite struct PythonTextTests {
    @Test(arguments: [
        ("ab", -1, "-a-b-"), ("", -1, "-"), ("ab", 1, "-ab"), ("ab", 0, "ab"), ("e\u{301}", -1, "-e-\u{301}-"),
    ])
    func replacingTheEmptyStringInsertsBetweenCodePoints(text: String, count: Int, expected: String) {
        #expect(PythonText.insertingEverywhere("-", into: text, count: count) == expected)
    }

    @Test func splittingOnAnEmptySeparatorIsPandasError() throws {
        #expect(PythonText.split("abc", separator: "", limit: -1) == ["abc"])
        let column = Column(strings: ["abc", nil])
        let error = #expect(throws: BambooError.self) { try column.applying(.split(pattern: "", limit: -1, regex: false)) }
        #expect(error?.message == "empty separator")
        #expect(try column.applying(.replace(pattern: "", replacement: "-", count: -1, caseSensitive: true, regex: false)).scalars == ["-a-b-c-", .float(.nan)])
    }
}
