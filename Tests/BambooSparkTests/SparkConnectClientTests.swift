#if Spark
import BambooArrow
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol
import Synchronization
import Testing
@testable import BambooSpark

/// Against a real server (see SparkTestServer).
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkConnectClientTests {
    static let arrowContinuation = Data([0xFF, 0xFF, 0xFF, 0xFF])

    static func plan(_ relation: Spark_Connect_Relation) -> Spark_Connect_Plan {
        var plan = Spark_Connect_Plan()
        plan.root = relation
        return plan
    }

    static func sql(_ query: String) -> Spark_Connect_Plan {
        var relation = Spark_Connect_Relation()
        relation.sql.query = query
        return plan(relation)
    }

    static func range(_ end: Int64, partitions: Int32 = 2) -> Spark_Connect_Plan {
        var relation = Spark_Connect_Relation()
        relation.range.start = 0
        relation.range.end = end
        relation.range.step = 1
        relation.range.numPartitions = partitions
        return plan(relation)
    }

    @Test func theServerRunsThePinnedSpark() async throws {
        let client = try SparkTestServer.client()
        #expect(try await client.sparkVersion() == "4.3.0")
        await client.close()
    }

    @Test func aRangeComesBackAsArrowStreamsWithEveryRow() async throws {
        let client = try SparkTestServer.client()
        let result = try await client.executeRaw(Self.range(100_000))
        await client.close()
        #expect(result.rowCount == 100_000)
        #expect(!result.arrowStreams.isEmpty)
        for stream in result.arrowStreams {
            #expect(stream.prefix(4) == Self.arrowContinuation, "an Arrow IPC stream starts with the continuation marker")
            // An IPC stream ends with the end-of-stream marker: continuation and a zero length.
            #expect(stream.suffix(8) == Data([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]))
        }
        guard case .struct(let schema)? = result.schema?.kind else {
            Issue.record("no struct schema: \(String(describing: result.schema))")
            return
        }
        #expect(schema.fields.map(\.name) == ["id"])
        if SparkTestServer.expectsReattach {
            #expect(result.reattachCount > 0, "the test server ends streams early, so the client must have reattached")
        }
    }

    @Test func anSQLRelationReturnsItsRows() async throws {
        let client = try SparkTestServer.client()
        let result = try await client.executeRaw(Self.sql("SELECT id, CAST(id AS STRING) AS s FROM range(7)"))
        await client.close()
        #expect(result.rowCount == 7)
        guard case .struct(let schema)? = result.schema?.kind else {
            Issue.record("no struct schema")
            return
        }
        #expect(schema.fields.map(\.name) == ["id", "s"])
        #expect(result.arrowStreams.allSatisfy { $0.prefix(4) == Self.arrowContinuation })
    }

    @Test func anSQLErrorCarriesSparksErrorClassAndSQLState() async throws {
        let client = try SparkTestServer.client()
        do {
            _ = try await client.executeRaw(Self.sql("SELECT * FROM bamboo_no_such_table"))
            Issue.record("the query should have failed")
        } catch let error as BambooError {
            #expect(error.code == .backendError)
            #expect(error.serverErrorClass == "TABLE_OR_VIEW_NOT_FOUND")
            #expect(error.sqlState == "42P01")
            #expect(error.message.contains("bamboo_no_such_table"))
        }
        // The client stays usable after a failed query.
        #expect(try await client.executeRaw(Self.sql("SELECT 1")).rowCount == 1)
        await client.close()
    }

    @Test func ansiErrorsAtRunTimeToo() async throws {
        let client = try SparkTestServer.client()
        await #expect {
            _ = try await client.executeRaw(Self.sql("SELECT 1 / 0"))
        } throws: { error in
            (error as? BambooError)?.serverErrorClass == "DIVIDE_BY_ZERO"
        }
        await client.close()
    }

    @Test func limitsStopTheQueryAtTheFirstBatchOverThem() async throws {
        let client = try SparkTestServer.client()
        defer { Task { await client.close() } }
        await #expect {
            _ = try await client.executeRaw(Self.range(100_000), limits: ExecutionOptions(maxRows: 1_000))
        } throws: { error in
            let message = (error as? BambooError)?.message ?? ""
            return (error as? BambooError)?.code == .limitExceeded && message.contains("at least") && message.contains("compute.maxRows (1000)")
        }
        await #expect {
            _ = try await client.executeRaw(Self.range(100_000), limits: ExecutionOptions(maxBytes: 10_000))
        } throws: { ($0 as? BambooError)?.code == .limitExceeded && "\($0)".contains("compute.maxBytes") }
    }

    @Test func streamedArrowBatchesArriveInOrderAndAreNotKept() async throws {
        let client = try SparkTestServer.client()
        let received = Mutex<[Data]>([])
        let result = try await client.executeRaw(Self.range(100_000), onArrowStream: { stream in received.withLock { $0.append(stream) } })
        await client.close()
        #expect(result.arrowStreams.isEmpty)
        #expect(result.rowCount == 100_000)
        let table = try ArrowStreamReader.read(streams: received.withLock { $0 }.map { [UInt8]($0) })
        #expect(table.columns.first?.scalars == (0..<100_000).map { Scalar.int(Int64($0)) })
    }

    @Test func progressReachesTheObserver() async throws {
        let client = try SparkTestServer.client()
        let seen = ProgressLog()
        // Long enough (a few seconds on 2 cores) for the server's periodic progress report.
        let result = try await client.executeRaw(
            Self.sql("SELECT count(*) FROM range(0, 400000000, 1, 4) WHERE id % 7 = 3"),
            limits: ExecutionOptions(progress: { seen.append($0) }))
        await client.close()
        #expect(result.rowCount == 1)
        let reports = seen.values
        #expect(!reports.isEmpty, "no progress reported")
        #expect(reports.contains { !$0.stages.isEmpty && $0.totalTasks > 0 })
    }

    @Test func aSessionIDFromTheConnectionStringIsUsed() async throws {
        let session = UUID()
        var connection = try SparkConnectionString(SparkTestServer.connectionString)
        connection.sessionID = session
        let client = try SparkConnectClient(connection)
        #expect(client.sessionID == session.uuidString.lowercased())
        #expect(try await client.sparkVersion() == "4.3.0")
        await client.close()
    }
}

/// Progress reports collected from the stream-reading task.
final class ProgressLog: Sendable {
    private let storage = Mutex<[ExecutionProgress]>([])
    func append(_ progress: ExecutionProgress) { storage.withLock { $0.append(progress) } }
    var values: [ExecutionProgress] { storage.withLock { $0 } }
}
#endif
