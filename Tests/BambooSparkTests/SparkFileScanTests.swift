#if Spark
import Bamboo
import BambooPlan
import BambooSpark
import Foundation
import SparkConnectProtocol
import Testing

/// Files read by the cluster (`Session.readCSV`/`readParquet` on Spark): the same dtypes, labels,
/// values and row order as pandas' reader (the eager session's `readCSV`), without the rows
/// passing through the client.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkFileScanTests {
    static func session() throws -> Session { try Session.spark(SparkTestServer.connectionString) }

    /// A folder the test server can read (it runs on this machine).
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bamboo-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, in folder: URL, name: String = "data.csv") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func expectSameFrame(_ spark: DataFrame, _ eager: DataFrame, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (a, b) = (try await spark.collect(), try await eager.collect())
        #expect(a.dtypes.map(\.dtype) == b.dtypes.map(\.dtype), sourceLocation: sourceLocation)
        #expect(a.dtypes.map(\.label) == b.dtypes.map(\.label), sourceLocation: sourceLocation)
        #expect(a.description == b.description, sourceLocation: sourceLocation)
    }

    @Test func typesAreInferredAsPandasInfersThem() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(#"""
            id,price,qty,ok,name,code,empty
            1,2.5,3,True,apple,007,
            2,NA,4,false,,010,
            3,1e3,,TRUE,"pear, ripe",x1,
            4,-inf,7,False,"say ""hi""",5,

            5,.5,8,true,null,6,
            """#, in: folder)
        let spark = try await Self.session().readCSV(path)
        #expect(spark.dtypes.map(\.dtype) == [.int64, .float64, .float64, .bool, .string, .string, .float64])
        try await expectSameFrame(spark, try readCSV(path))
    }

    @Test func optionsSelectNameParseAndType() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write("a;b;day;c\n1;x;2024-01-05;1.5\n2;y;2024-02-29 10:30:00;\n3;;2024-03-01;2\n", in: folder)
        let session = try Self.session()
        try await expectSameFrame(
            try await session.readCSV(path, sep: ";", usecols: ["a", "day", "c"], dtype: ["a": .float64], parseDates: ["day"]),
            try readCSV(path, sep: ";", usecols: ["a", "day", "c"], dtype: ["a": .float64], parseDates: ["day"]))
        try await expectSameFrame(
            try await session.readCSV(path, sep: ";", header: nil, names: ["w", "x", "y", "z"]),
            try readCSV(path, sep: ";", header: nil, names: ["w", "x", "y", "z"]))
        try await expectSameFrame(try await session.readCSV(path, sep: ";", header: nil), try readCSV(path, sep: ";", header: nil))
        try await expectSameFrame(try await session.readCSV(path, sep: ";", naValues: ["x", ""], keepDefaultNa: false),
                                  try readCSV(path, sep: ";", naValues: ["x", ""], keepDefaultNa: false))
        // pandas keeps empty fields as "" here; Spark cannot tell them from missing, so it refuses.
        await #expect { try await session.readCSV(path, sep: ";", naValues: ["x"], keepDefaultNa: false) } throws: {
            ($0 as? BambooError)?.code == .unsupportedOnBackend && "\($0)".contains("empty fields")
        }
    }

    @Test func aLargeFileKeepsItsOrderThroughFiltersSortsAndHead() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "k,v,s\n"
        for i in 0..<60_000 { text += "\(i % 7),\((i * 7919) % 10_007),s\(i % 13)\n" }
        let path = try Self.write(text, in: folder)
        func pipeline(_ frame: DataFrame) throws -> DataFrame {
            let kept = try frame[frame["k"] != 3]
            return try kept.sortValues(by: "v").head(25)
        }
        let spark = try await Self.session().readCSV(path)
        try await expectSameFrame(try pipeline(spark), try pipeline(try readCSV(path)))
        #expect(try await spark.len() == 60_000)
        try await expectSameFrame(try spark.tail(5), try readCSV(path).tail(5))
        try await expectSameFrame(try spark.groupby("s").sum(), try readCSV(path).groupby("s").sum())
    }

    @Test func quotedFieldsSpanningLinesNeedMultiline() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write("note,n\n\"two\nlines\",1\nplain,2\n", in: folder)
        try await expectSameFrame(try await Self.session().readCSV(path, multiline: true), try readCSV(path))
    }

    @Test func mistakesAreNamed() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write("price,qty\n1,2\n", in: folder)
        let session = try Self.session()
        await #expect { try await session.readCSV(path, usecols: ["prce"]) } throws: { error in
            (error as? BambooError)?.code == .invalidArgument && (error as? BambooError)?.suggestions == ["price"]
        }
        await #expect { try await session.readCSV(folder.appendingPathComponent("nope.csv").path) } throws: { error in
            (error as? BambooError)?.code == .io && "\(error)".contains("cannot see the file")
        }
        await #expect { try await session.readCSV(path, dtype: ["qty": .bool]) } throws: { ($0 as? BambooError)?.code == .castFailed }
        let ragged = try Self.write("a,b\n1,2\n3,4,5\n", in: folder, name: "ragged.csv")
        await #expect { try await session.readCSV(ragged) } throws: { ($0 as? BambooError)?.code == .parseError }
        await #expect { try await session.readCSV(path, options: { var o = CSVReadOptions(); o.nrows = 1; return o }()) } throws: {
            ($0 as? BambooError)?.code == .unsupportedOnBackend && "\($0)".contains("nrows")
        }
    }

    @Test func parquetWrittenBySparkReadsBackInOrder() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("events.parquet").path
        // Spark writes the file (Bamboo has no Parquet writer): ids 0..<5000 in one file, a
        // nullable int, a string with a dot and a backtick in its name.
        let client = try SparkTestServer.client()
        var relation = Spark_Connect_Relation()
        relation.sql.query = """
            INSERT OVERWRITE DIRECTORY '\(target)' USING parquet
            SELECT /*+ COALESCE(1) */ id, CASE WHEN id % 10 = 0 THEN NULL ELSE id * 2 END AS maybe,
                   CAST(id % 3 AS STRING) AS `odd.na``me`, id % 2 = 0 AS even, id / 4 AS ratio
            FROM range(0, 5000) ORDER BY id
            """
        var plan = Spark_Connect_Plan()
        plan.root = relation
        _ = try await client.executeRaw(plan)
        await client.close()

        let session = try Self.session()
        let events = try await session.readParquet(target)
        #expect(events.dtypes.map(\.dtype) == [.int64, .float64, .string, .bool, .float64])
        #expect(events.dtypes.map(\.label) == ["id", "maybe", "odd.na`me", "even", "ratio"])
        let head = try await events.head(3).collect()
        #expect(try await head.values("maybe").map(\.pythonRepr) == ["nan", "2.0", "4.0"])
        #expect(try await events["id"].toList() == (0..<5000).map { .int(Int64($0)) })
        let picked = try await session.readParquet(target, columns: ["ratio", "id"])
        #expect(picked.dtypes.map(\.label) == ["id", "ratio"])
        await #expect { try await session.readParquet(target, columns: ["idd"]) } throws: { ($0 as? BambooError)?.code == .columnNotFound }
    }
}
#endif
