#if Spark
import BambooCore
import BambooPlan
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
        // Translating the node over data-less sources finds exactly what execution would refuse.
        var translator = SparkRelationTranslator(withData: false)
        do {
            _ = try translator.translate(node)
            return nil
        } catch let unsupported as SparkTranslationUnsupported {
            return unsupported.hint
        } catch {
            return "It could not be translated: \(error)"
        }
    }

    public func execute(_ plan: LogicalPlan) async throws -> ExecutionResult {
        var translator = SparkRelationTranslator()
        let root: Spark_Connect_Relation
        do {
            root = try translator.finalRelation(plan)
        } catch let unsupported as SparkTranslationUnsupported {
            throw BambooError.unsupported(plan.name, on: name, hint: unsupported.hint)
        }
        try await setup.configure(client, Self.sessionConfiguration)
        var sparkPlan = Spark_Connect_Plan()
        sparkPlan.root = root
        let raw: SparkRawResult
        do {
            raw = try await client.executeRaw(sparkPlan)
        } catch {
            // A data-dependent pandas error raised by the plan's own checks (SparkRuntimeCheck).
            throw SparkRuntimeCheck.pandasError(from: error) ?? error
        }
        var isReduction = false
        if case .reduce = plan.node { isReduction = true }
        return try SparkResultDecoder.decode(raw, schema: plan.schema, isReduction: isReduction)
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
