#if Spark
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol

/// Runs Bamboo plans on a Spark Connect server: each plan becomes one Spark relation (protobuf
/// messages, no SQL text), local data travels as Arrow inside the plan, and the result comes back
/// as Arrow in pandas' row order with the plan's dtypes.
///
/// ```swift
/// let backend = try SparkBackend("sc://127.0.0.1:15002")
/// let result = try await backend.execute(plan)   // pandas' answer, computed by Spark
/// ```
///
/// Corresponds to pyspark's `SparkSession.builder.remote(url)` followed by `toPandas()`, with
/// pandas' semantics rather than Spark's: see ``SparkExpressionTranslator`` (NaN, missing
/// values, division by zero) and ``SparkRelationTranslator`` (row order). The backend's server
/// session runs with `spark.sql.ansi.enabled=false` so that int64 arithmetic and sums wrap on
/// overflow as numpy does instead of raising (Spark 4 enables ANSI mode by default), and with
/// `spark.sql.session.timeZone=UTC` so zoned datetimes (UTC instants) read as UTC until a `.dt`
/// method moves them into their column's own zone.
/// Nodes it does not translate are refused before anything runs, through
/// ``unsupportedReason(_:)``.
public struct SparkBackend: Backend {
    public let client: SparkConnectClient
    private let setup: SparkSessionSetup

    /// Session settings the translation relies on.
    static let sessionConfiguration = ["spark.sql.ansi.enabled": "false", "spark.sql.session.timeZone": "UTC"]

    public init(client: SparkConnectClient) {
        self.client = client
        self.setup = SparkSessionSetup()
    }

    /// Parses `connectionString` (`sc://host:port/;token=...`); connects on the first execution.
    public init(_ connectionString: String, configuration: SparkClientConfiguration = SparkClientConfiguration()) throws {
        self.init(client: try SparkConnectClient(connectionString, configuration: configuration))
    }

    public var name: String { "spark" }

    public func unsupportedReason(_ node: LogicalPlan) -> String? {
        // Translating the node over data-less sources finds what execution would refuse (as the
        // root: a pivot below other nodes is refused again when the whole plan is translated).
        var translator = SparkRelationTranslator(withData: false)
        do {
            _ = try translator.finalRelation(node)
            return nil
        } catch let unsupported as SparkTranslationUnsupported {
            return unsupported.hint
        } catch let error as BambooError where error.code != .internalInvariant {
            // pandas' own error for this input (a naive vs zoned `<`, say): running the plan
            // raises it, as pandas would, instead of calling the operation unsupported.
            return nil
        } catch {
            return "It could not be translated: \(error)"
        }
    }

    public var runsInProcess: Bool { false }

    /// Reads the file's header or stored schema and counts, in one pass over the file on the
    /// cluster, what pandas' type inference needs (``SparkFileScanInference``).
    public func scan(_ request: FileScanRequest) async throws -> FileScan {
        try await setup.configure(client, Self.sessionConfiguration)
        return try await SparkFileScanInference(client: client).scan(request)
    }

    public func execute(_ plan: LogicalPlan) async throws -> ExecutionResult {
        try await execute(plan, options: ExecutionOptions())
    }

    public func execute(_ plan: LogicalPlan, options: ExecutionOptions) async throws -> ExecutionResult {
        let sparkPlan = try await prepare(plan)
        let raw = try await run(sparkPlan, limits: options)
        return try SparkResultDecoder.decode(raw, schema: plan.schema, isReduction: Self.isReduction(plan), pivotBlocks: Self.isPivot(plan))
    }

    /// Streams the result batch by batch as Spark sends it (Spark's Arrow batches, not
    /// `batchRows`: Spark sizes them by `spark.connect.grpc.arrow.maxBatchSize`); the next batch
    /// is read from the server only once the consumer has taken this one.
    public func batches(_ plan: LogicalPlan, batchRows: Int, options: ExecutionOptions) -> ResultPieces {
        let handoff = SparkBatchHandoff()
        let producer = Task {
            do {
                let sparkPlan = try await prepare(plan)
                _ = try await run(sparkPlan, limits: ExecutionOptions(progress: options.progress)) { try await handoff.send($0) }
                handoff.finish()
            } catch {
                handoff.finish(error)
            }
        }
        // Dropping the stream (the consumer stopped early) cancels the query.
        let abandon = SparkQueryCancellation(producer: producer, handoff: handoff)
        let schema = plan.schema
        let isReduction = Self.isReduction(plan), isPivot = Self.isPivot(plan)
        return ResultPieces {
            guard let stream = try await abandon.handoff.next() else { return nil }
            let raw = SparkRawResult(schema: nil, arrowStreams: [stream], rowCount: 0, operationID: "", reattachCount: 0)
            return try SparkResultDecoder.decode(raw, schema: schema, isReduction: isReduction, pivotBlocks: isPivot)
        }
    }

    private func prepare(_ plan: LogicalPlan) async throws -> Spark_Connect_Plan {
        var translator = SparkRelationTranslator()
        var sparkPlan = Spark_Connect_Plan()
        do {
            sparkPlan.root = try translator.finalRelation(plan)
        } catch let unsupported as SparkTranslationUnsupported {
            throw BambooError.unsupported(plan.name, on: name, hint: unsupported.hint)
        }
        try await setup.configure(client, Self.sessionConfiguration)
        return sparkPlan
    }

    private func run(_ sparkPlan: Spark_Connect_Plan, limits: ExecutionOptions,
                     onArrowStream: (@Sendable (Data) async throws -> Void)? = nil) async throws -> SparkRawResult {
        do {
            return try await client.executeRaw(sparkPlan, limits: limits, onArrowStream: onArrowStream)
        } catch {
            // A data-dependent pandas error raised by the plan's own checks (SparkRuntimeCheck).
            throw SparkRuntimeCheck.pandasError(from: error) ?? error
        }
    }

    private static func isPivot(_ plan: LogicalPlan) -> Bool {
        if case .pivot = plan.node { return true }
        return false
    }

    private static func isReduction(_ plan: LogicalPlan) -> Bool {
        if case .reduce = plan.node { return true }
        return false
    }
}

/// Cancels a streaming query when its consumer lets go of the stream.
private final class SparkQueryCancellation: Sendable {
    let producer: Task<Void, Never>
    let handoff: SparkBatchHandoff

    init(producer: Task<Void, Never>, handoff: SparkBatchHandoff) {
        self.producer = producer
        self.handoff = handoff
    }

    deinit {
        producer.cancel()
        handoff.cancel()
    }
}

/// Applies the backend's session configuration once per client (before its first execution).
actor SparkSessionSetup {
    private var configured = false

    func configure(_ client: SparkConnectClient, _ pairs: [String: String]) async throws {
        if configured { return }
        try await client.setConfiguration(pairs)
        configured = true
    }
}
#endif
