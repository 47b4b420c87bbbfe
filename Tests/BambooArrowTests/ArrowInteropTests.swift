import Bamboo
import BambooArrow
import Foundation
import Testing

/// The pinned pandas/pyarrow in the repository's `.venv` (Scripts/test-all installs it).
enum PandasVenv {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = root.appendingPathComponent(".venv/bin/python")
    static let script = root.appendingPathComponent("Tests/BambooArrowTests/Fixtures/interop.py")
    static var available: Bool { FileManager.default.isExecutableFile(atPath: python.path) }
    /// Under CI a missing venv is a failure, not a skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Runs `interop.py` with `arguments`; throws with its output when it exits non-zero.
    static func run(_ arguments: [String]) throws {
        guard available else {
            throw BambooError(.io, "CI=true but \(python.path) is missing: run Scripts/test-all to install the pinned pandas and pyarrow.")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BambooError(.io, "interop.py \(arguments.joined(separator: " ")) failed:\n\(text)")
        }
    }
}

@Suite(.enabled(if: PandasVenv.available || PandasVenv.isCI,
                "pandas interop skipped: .venv/bin/python not found; run Scripts/test-all once to install pandas 3.1.1 and pyarrow"))
struct ArrowInteropTests {
    @Test func filesPyarrowWritesReadAsPandasReadsThem() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PandasVenv.run(["write", folder.path])
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        // Every Bamboo dtype, with pandas metadata, from a file and from a stream.
        let typed = try readFeather(path("typed.feather"))
        let category = DType.category(CategoryType(categories: ["y", "x", "z"], ordered: true))
        let expectedDtypes: [DType] = [.int64, .float64, .bool, .string, .nullableInt64, .nullableFloat64, .nullableBool,
                                       .datetime(.us, tz: nil), .datetime(.ns, tz: "Europe/Paris"), .timedelta(.ms), category]
        #expect(typed.dtypes.map(\.label) == ["i", "f", "b", "s", "I", "F", "B", "dt", "tz", "td", "c"])
        #expect(typed.dtypes.map(\.dtype) == expectedDtypes)
        #expect(typed.indexNames == ["key"])
        #expect(try await typed.index().values == ["p", "q", "r"])
        #expect(try await typed.values("s") == ["a", .float(.nan), "héllo 👋 e\u{301}"])
        #expect(try await typed.values("I") == [1, .na, 3])
        #expect(try await typed.values("B") == [true, .na, false])
        #expect(try await typed.values("tz") == [.datetime(1_585_445_400_000_000_000, .ns, tz: "Europe/Paris"), .nat, .datetime(1_609_459_200_000_000_000, .ns, tz: "Europe/Paris")])
        #expect(try await typed.values("td") == [.timedelta(1_500, .ms), .nat, .timedelta(-3_000, .ms)])
        #expect(try await typed.values("c") == ["x", .float(.nan), "y"])
        let streamed = try ArrowFrame(ArrowStreamReader.read(Data(contentsOf: URL(fileURLWithPath: path("typed.arrows")))))
        #expect(streamed.columns.map(\.column) == (try ArrowFrame(ArrowFileReader.read(path: path("typed.feather")))).columns.map(\.column))

        // No pandas metadata: pyarrow's to_pandas() rules.
        for raw in [try ArrowFrame(ArrowFileReader.read(path: path("raw.feather"))),
                    try ArrowFrame(ArrowStreamReader.read(Data(contentsOf: URL(fileURLWithPath: path("raw.arrows")))))] {
            let dtypes = Dictionary(uniqueKeysWithValues: raw.columns.map { ($0.label, $0.column.dtype) })
            #expect(dtypes["i32"] == .float64)
            #expect(dtypes["i8"] == .int64)
            #expect(dtypes["u8"] == .int64)
            #expect(dtypes["u32"] == .float64)
            #expect(dtypes["u64"] == .int64)
            #expect(dtypes["bn"] == .object)
            #expect(dtypes["f32"] == .float64)
            #expect(dtypes["ls"] == .string)
            #expect(dtypes["d32"] == .datetime(.ms, tz: nil))
            #expect(dtypes["d64"] == .datetime(.ms, tz: nil))
            #expect(dtypes["n"] == .object)
            #expect(dtypes["ts"] == .datetime(.s, tz: "UTC"))
            #expect(dtypes["du"] == .timedelta(.ns))
            #expect(dtypes["di"] == .category(CategoryType(categories: [10])))
            #expect(dtypes["li"] == .object)
            #expect(dtypes["lf"] == .object)
            let values = Dictionary(uniqueKeysWithValues: raw.columns.map { ($0.label, $0.column.scalars) })
            #expect(values["i32"] == [1.0, .float(.nan), -3.0])
            #expect(values["i8"] == [-128, 0, 127])
            #expect(values["u32"] == [4_294_967_295.0, 0.0, .float(.nan)])
            #expect(values["u64"] == [.int(Int64.max), 0, 1])
            #expect(values["bn"] == [true, .none, false])
            #expect(values["f32"] == [1.25, .float(.nan), -2.5])
            #expect(values["d32"] == [.datetime(1_577_836_800_000, .ms, tz: nil), .nat, .datetime(-86_400_000, .ms, tz: nil)])
            #expect(values["d64"] == [.datetime(1_577_836_800_000, .ms, tz: nil), .nat, .datetime(86_400_000, .ms, tz: nil)])
            #expect(values["n"] == [.none, .none, .none])
            #expect(values["du"] == [.timedelta(1, .ns), .nat, .timedelta(-1, .ns)])
            #expect(values["di"] == [10, .float(.nan), 10])
            #expect(values["li"] == [.list([.string("a"), .none, .string("é")]), .none, .list([])])
            #expect(values["lf"] == [.list([.float(1.5), .float(.nan)]), .list([]), .none])
            #expect(raw.index == nil)
        }

        // Dictionary deltas, a zero-row batch, and a replaced dictionary (categories unify as pyarrow's do).
        let deltas = try ArrowStreamReader.read(Data(contentsOf: URL(fileURLWithPath: path("deltas.arrows"))))
        #expect(deltas.rowCount == 5)
        #expect(deltas.column(named: "k")?.dtype == .category(CategoryType(categories: ["a", "b", "c"])))
        #expect(deltas.column(named: "k")?.scalars == ["a", "b", .float(.nan), "c", "a"])
        #expect(deltas.column(named: "v") == Column(int64: [1, 2, 3, 4, 5]))
        let replaced = try ArrowStreamReader.read(Data(contentsOf: URL(fileURLWithPath: path("replaced.arrows"))))
        #expect(replaced.column(named: "k")?.dtype == .category(CategoryType(categories: ["a", "b", "z"])))
        #expect(replaced.column(named: "k")?.scalars == ["a", "b", "z", "a"])

        // Index and label metadata.
        let ranged = try readFeather(path("range.feather"))
        #expect(try await ranged.index().values == [5, 7, 9, 11])
        #expect(ranged.indexNames == ["r"])
        let multi = try readFeather(path("multi.feather"))
        #expect(multi.indexNames == ["k", .none])
        #expect(try await multi.values("a") == [1.5, 2.5])
        let intLabels = try readFeather(path("intlabels.feather"))
        #expect(intLabels.dtypes.map(\.label) == [0, 1])
        let empty = try readFeather(path("empty.feather"))
        #expect(try await empty.len() == 0)
        #expect(empty.dtypes.map(\.dtype) == [.int64, .string])
        let big = try ArrowFileReader.read(path: path("big.feather"))
        #expect(big.rowCount == 100_000)
        #expect(big.column(named: "n")?.scalar(at: 99_999) == 99_999)
        #expect(big.column(named: "s")?.scalar(at: 65_537) == "row65537")

        // pandas' default LZ4 (and ZSTD) bodies: a clear error, never a crash.
        for (file, codec) in [("lz4.feather", "LZ4_FRAME"), ("zstd.feather", "ZSTD")] {
            let error = #expect(throws: BambooError.self) { try readFeather(path(file)) }
            #expect(error?.code == .io)
            #expect(error?.message.contains(codec) == true)
            #expect(error?.message.contains("compression=\"uncompressed\"") == true)
        }
    }

    @Test func filesBambooWritesReadInPandas() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PandasVenv.run(["write", folder.path])
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        // pyarrow's frames, read by Bamboo and written back: pandas must get the same frame.
        try await readFeather(path("typed.feather")).toFeather(path("bamboo_typed.feather"))
        let typed = try ArrowFrame(ArrowFileReader.read(path: path("typed.feather")))
        try Data(ArrowStreamWriter.write(typed.arrowTable())).write(to: URL(fileURLWithPath: path("bamboo_typed.arrows")))
        try await readFeather(path("multi.feather")).toFeather(path("bamboo_multi.feather"))
        try await readFeather(path("intlabels.feather")).toFeather(path("bamboo_intlabels.feather"))
        try await readFeather(path("empty.feather")).toFeather(path("bamboo_empty.feather"))
        // Frames built in Swift.
        try await DataFrame(["n": [1, 2, 3], "o": ["x", nil, "z"]]).toFeather(path("bamboo_range.feather"))
        try await DataFrame(columns: [ColumnSpec("s", ["a", nil], dtype: .object), ColumnSpec("i", [1, nil], dtype: .object),
                                      ColumnSpec("b", [true, nil], dtype: .object), ColumnSpec("n", [nil, nil], dtype: .object)])
            .toFeather(path("bamboo_objects.feather"))
        let rows = 200_000
        try await DataFrame(columns: [ColumnSpec("n", (0..<rows).map { .int(Int64($0)) }), ColumnSpec("s", (0..<rows).map { .string("row\($0)") })])
            .toFeather(path("bamboo_big.feather"))
        try PandasVenv.run(["check", folder.path])
    }
}
