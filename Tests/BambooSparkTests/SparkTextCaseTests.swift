#if Spark
import Bamboo
import BambooCore
import Testing

/// Case mapping on Spark against the eager backend (pandas' `str` dtype rules, code point by
/// code point), on the characters whose Java mapping is longer or depends on context.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkTextCaseTests {
    let backend = SparkBackendTests()

    static let text: [String?] = [
        "straße", "İstanbul", "ΟΔΟΣ ΟΔΟΣ", "ŉ and ǰ", "ﬁne ﬂow", "ǆemal ǅ", "e\u{301}té", "😀 smile", "", nil, "MiXeD 123 wORDS",
    ]

    @Test(arguments: ["upper", "lower", "title", "capitalize", "swapcase"])
    func mapsCodePointByCodePointAsPandasStrDtype(method: String) async throws {
        try await backend.expectSame { session in
            let s = try DataFrame(columns: [(label: "s", column: Column(strings: Self.text))], session: session)["s"].str
            let mapped: Series
            switch method {
            case "upper": mapped = try s.upper()
            case "lower": mapped = try s.lower()
            case "title": mapped = try s.title()
            case "capitalize": mapped = try s.capitalize()
            default: mapped = try s.swapcase()
            }
            return try mapped.toFrame()
        }
    }
}
#endif
