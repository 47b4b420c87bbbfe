#if Spark
import Bamboo
import BambooPlan
import Synchronization
import Testing

/// Bringing results back from Spark: `toLocalIterator` streams them batch by batch, `collect()`
/// is stopped by the row and byte limits while the batches arrive, and the session's progress
/// observer hears from the server.
@Suite(.enabled(SparkTestServer.skipNote) { await SparkTestServer.shouldRun() })
struct SparkCollectionTests {
    static func session(_ configure: (inout Session.Options) -> Void = { _ in }) throws -> Session {
        var options = Session.Options()
        configure(&options)
        return try Session.spark(SparkTestServer.connectionString, options: options)
    }

    /// `n` rows: x = 0..<n, and a string column so the batches carry more than one buffer.
    static func numbers(_ n: Int, session: Session) throws -> DataFrame {
        try DataFrame(columns: [
            (label: "x", column: Column(int64: (0..<Int64(n)).map { $0 })),
            (label: "s", column: Column(strings: (0..<n).map { $0 % 5 == 0 ? nil : "row \($0)" })),
        ], session: session)
    }

    @Test func toLocalIteratorHandsOverSparksBatchesInOrder() async throws {
        // Spark cuts its Arrow batches at spark.connect.grpc.arrow.maxBatchSize (4 MiB) and
        // 10,000 rows per batch (spark.sql.execution.arrow.maxRecordsPerBatch): several pieces.
        let n = 45_000
        let frame = try Self.numbers(n, session: Self.session { $0.computeMaxRows = 10 })
        let odd = try frame[frame["x"] >= 5].sortValues(by: "x", ascending: false)
        var pieces = 0, expected = Int64(n - 1), labelsInOrder = true, rows = 0
        for try await piece in try odd.toLocalIterator() {
            pieces += 1
            let values = try await piece["x"].toList()
            for value in values {
                guard case .int(let x) = value, x == expected else { Issue.record("got \(value), expected \(expected)"); return }
                expected -= 1
            }
            // The index is the original row labels, which equal x here.
            let labels = try await piece["x"].index().values
            if labels != values { labelsInOrder = false }
            rows += values.count
        }
        #expect(rows == n - 5)
        #expect(pieces > 1, "the result came back in one piece")
        #expect(labelsInOrder)
    }

    @Test func aDefaultRangeIndexContinuesAcrossPieces() async throws {
        let n = 25_000
        let frame = try Self.numbers(n, session: Self.session())
        var labels: [Scalar] = []
        for try await piece in try (frame["x"] * 3).toFrame().toLocalIterator() {
            labels += try await piece.index().values
        }
        #expect(labels == (0..<Int64(n)).map { .int($0) })
    }

    @Test func leavingTheLoopEarlyCancelsTheQuery() async throws {
        let session = try Self.session()
        let frame = try Self.numbers(50_000, session: session)
        var first: [Scalar] = []
        for try await piece in try frame.toLocalIterator() {
            first = try await piece["x"].head(3).toList()
            break
        }
        #expect(first == [.int(0), .int(1), .int(2)])
        // The session is free for the next query at once.
        #expect(try await frame.head(2).len() == 2)
    }

    @Test func whatComesBackIsLocalData() async throws {
        let session = try Self.session()
        let frame = try Self.numbers(10, session: session)
        let local = try await frame[frame["x"] > 4].collect()
        // (x > 4: rows 5...9.)
        #expect(local.session.backendName == "eager")
        // Further work stays in memory, and results of the same session combine.
        let sums = try await frame[["x"]].sum()
        #expect(try await local.merge(try await frame.head(3).collect(), how: .cross).len() == 15)
        #expect(try await sums.toList().first == .int(45))
        #expect { try frame.merge(local, how: .cross) } throws: { error in
            (error as? BambooError)?.code == .invalidArgument && "\(error)".contains("session.local")
        }
    }

    @Test func collectStopsAtTheRowAndByteLimits() async throws {
        let rowsLimited = try Self.numbers(30_000, session: Self.session { $0.computeMaxRows = 1_000 })
        await #expect { try await (rowsLimited["x"] + 1).toFrame().collect() } throws: { error in
            (error as? BambooError)?.code == .limitExceeded && "\(error)".contains("compute.maxRows (1000)")
        }
        #expect(try await (rowsLimited["x"] + 1).toFrame().collect(maxRows: nil).len() == 30_000)

        let bytesLimited = try Self.numbers(30_000, session: Self.session { $0.computeMaxBytes = 50_000 })
        await #expect { try await bytesLimited[bytesLimited["x"] >= 0].collect() } throws: { error in
            (error as? BambooError)?.code == .limitExceeded && "\(error)".contains("compute.maxBytes (50000)")
        }
        #expect(try await bytesLimited[bytesLimited["x"] < 10].collect().len() == 10)
    }

    @Test func theSessionsProgressObserverHearsFromSpark() async throws {
        var session = try Self.session()
        let reports = Mutex<[ExecutionProgress]>([])
        session.progress = { report in reports.withLock { $0.append(report) } }
        // Large enough to run a few seconds on two cores, so the server sends progress.
        let keys = Array(0..<100).map { Scalar.int(Int64($0)) }
        let a = try DataFrame(["a": keys], session: session), b = try DataFrame(["b": keys], session: session)
        let c = try DataFrame(["c": keys], session: session), d = try DataFrame(["d": keys], session: session)
        let wider = try a.merge(b, how: .cross).merge(c, how: .cross).merge(d, how: .cross)
        #expect(try await wider.len() == 100 * 100 * 100 * 100)
        let seen = reports.withLock { $0 }
        #expect(seen.contains { $0.totalTasks > 0 }, "no progress reported")
    }
}
#endif
