import Bamboo
import BambooArrow
import Foundation
import Testing

/// A fresh folder under the system temp directory, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bamboo-arrow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct FeatherFacadeTests {
    static func typedFrame() throws -> DataFrame {
        let paris = "Europe/Paris"
        return try DataFrame(columns: [
            ColumnSpec("i", [1, -2, 3]),
            ColumnSpec("f", [1.5, .float(.nan), -0.25]),
            ColumnSpec("b", [true, false, true]),
            ColumnSpec("s", ["a", nil, "héllo 👋 e\u{301}"]),
            ColumnSpec("I", [1, nil, 3], dtype: .nullableInt64),
            ColumnSpec("I_full", [1, 2, 3], dtype: .nullableInt64),
            ColumnSpec("F", [0.5, nil, 2.0], dtype: .nullableFloat64),
            ColumnSpec("B", [true, nil, false], dtype: .nullableBool),
            ColumnSpec("dt", [.datetime(1_577_872_800_000_000, .us, tz: nil), .nat, .datetime(-500_000, .us, tz: nil)], dtype: .datetime(.us, tz: nil)),
            ColumnSpec("tz", [.datetime(1_585_445_400_000_000_000, .ns, tz: paris), .nat, .datetime(0, .ns, tz: paris)], dtype: .datetime(.ns, tz: paris)),
            ColumnSpec("td", [.timedelta(1_500, .ms), .nat, .timedelta(-3_000, .ms)], dtype: .timedelta(.ms)),
            ColumnSpec("c", ["x", nil, "y"], dtype: .category(CategoryType(categories: ["y", "x", "z"], ordered: true))),
        ], index: IndexSpec(["p", "q", "r"], name: "key"))
    }

    @Test func toFeatherThenReadFeatherKeepsDtypesIndexAndValues() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typed.feather").path
        let frame = try Self.typedFrame()
        try await frame.toFeather(path)
        let back = try readFeather(path)
        #expect(back.dtypes.map(\.label) == frame.dtypes.map(\.label))
        #expect(back.dtypes.map(\.dtype) == frame.dtypes.map(\.dtype))
        #expect(back.indexNames == ["key"])
        #expect(try await back.index().values == ["p", "q", "r"])
        for (label, _) in frame.dtypes {
            let expected = try await frame.values(label)
            let actual = try await back.values(label)
            #expect(actual == expected, "\(label)")
        }
    }

    @Test func aRangeIndexStaysARangeAndOtherIndexesAreKept() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try DataFrame(["n": [3, 1, 2], "s": ["c", "a", "b"]])
        try await plain.toFeather(folder.appendingPathComponent("plain.feather").path)
        let back = try readFeather(folder.appendingPathComponent("plain.feather").path)
        #expect(try await back.index().isRange)
        #expect(back.indexNames == [.none])

        let sorted = try plain.sortValues(by: "n")
        try await sorted.toFeather(folder.appendingPathComponent("sorted.feather").path)
        let sortedBack = try readFeather(folder.appendingPathComponent("sorted.feather").path)
        #expect(try await sortedBack.index().values == [1, 2, 0])
        #expect(sortedBack.indexNames == [.none])
        #expect(try await sortedBack.values("s") == ["a", "b", "c"])
    }

    @Test func columnsPicksColumnsAndKeepsASelectedIndex() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typed.feather").path
        try await Self.typedFrame().toFeather(path)
        let picked = try readFeather(path, columns: ["c", "i"])
        #expect(picked.dtypes.map(\.label) == ["c", "i"])
        #expect(try await picked.index().isRange)
        let withIndex = try readFeather(path, columns: ["i", "key"])
        #expect(withIndex.indexNames == ["key"])
        let error = #expect(throws: BambooError.self) { try readFeather(path, columns: ["nope"]) }
        #expect(error?.code == .columnNotFound)
    }

    @Test func emptyFramesRoundTrip() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.feather").path
        let empty = try DataFrame(columns: [ColumnSpec("a", [], dtype: .int64), ColumnSpec("s", [], dtype: .string)])
        try await empty.toFeather(path)
        let back = try readFeather(path)
        #expect(try await back.len() == 0)
        #expect(back.dtypes.map(\.dtype) == [.int64, .string])
    }

    @Test func fileErrorsAreIOErrors() async throws {
        let missing = #expect(throws: BambooError.self) { try readFeather("/nonexistent/x.feather") }
        #expect(missing?.code == .io)
        let frame = try DataFrame(["a": [1]])
        let unwritable = await #expect(throws: BambooError.self) { try await frame.toFeather("/nonexistent/dir/x.feather") }
        #expect(unwritable?.code == .io)
    }
}
