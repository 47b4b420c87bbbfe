#if Spark
import Bamboo
import BambooCore
import Testing

/// `str.split` on Spark against the eager backend: Python's whitespace, literal separators that
/// are regex characters to Java, regular expressions, `n`, `expand`, and `get` on the lists.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkTextSplitTests {
    let backend = SparkBackendTests()

    static let text: [String?] = [
        "  a\u{3000}b\tc  ", "1.5.2", "", nil, "x..y.", "a1b22c", "\u{1C}lone\u{85}", "e\u{301} t", "😀.😀",
    ]

    static func series(_ session: Session) throws -> Series {
        try DataFrame(columns: [(label: "s", column: Column(strings: Self.text))], session: session)["s"]
    }

    @Test(arguments: [(nil, -1), (nil, 1), (nil, 2), (".", -1), (".", 1), ("..", -1), (#"\d+"#, -1), (#"\d"#, 1)] as [(String?, Int)])
    func listsAreSplitAsPython(pattern: String?, n: Int) async throws {
        try await backend.expectSame { try Self.series($0).str.split(pattern, n: n).toFrame() }
        try await backend.expectSame { try Self.series($0).str.split(pattern, n: n).str.get(-1).toFrame() }
        try await backend.expectSame { try await Self.series($0).str.split(pattern, n: n, expand: true) }
    }

    @Test func aPatternMatchingEmptyTextFailsNamingTheBackend() async throws {
        let spark = try SparkBackendTests.sparkSession()
        let error = await #expect(throws: BambooError.self) { try await Self.series(spark).str.split(#"\d*"#).collect() }
        #expect(error?.code == .unsupportedOnBackend)
    }
}
#endif
