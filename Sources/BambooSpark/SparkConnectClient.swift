#if Spark
import BambooCore
import BambooPlan
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import SparkConnectProtocol

/// A connection to one Spark Connect server, working in one server session.
///
/// ```swift
/// let client = try SparkConnectClient("sc://127.0.0.1:15002")
/// print(try await client.sparkVersion())                 // "4.3.0"
/// let result = try await client.executeRaw(plan)         // Arrow IPC streams + Spark's schema
/// await client.close()
/// ```
///
/// Every call carries the session id (the connection string's `session_id`, else a new UUID per
/// client), the user context, and the bearer token if any. The first call of a client must reach
/// the server within ``SparkClientConfiguration/connectTimeout``; a dead or unreachable server
/// is a `backendError` saying so, never a hang. Server errors are `backendError`s with Spark's
/// error class and SQL state.
public actor SparkConnectClient {
    public nonisolated let connection: SparkConnectionString
    public nonisolated let configuration: SparkClientConfiguration
    /// The server session this client works in.
    public nonisolated let sessionID: String

    private nonisolated let grpc: GRPCClient<HTTP2ClientTransport.Posix>
    private nonisolated let service: Spark_Connect_SparkConnectService.Client<HTTP2ClientTransport.Posix>
    private nonisolated let metadata: Metadata
    private nonisolated let userContext: Spark_Connect_UserContext
    private nonisolated let clientType: String
    /// Runs the transport's connection loop for the client's lifetime (gRPC needs one running task).
    private let connections: Task<Void, Never>
    /// The server's own id of the session, sent back so that a restarted server (which lost the
    /// session) is reported instead of silently starting an empty one.
    private var serverSideSessionID: String?
    private var cachedSparkVersion: String?

    public init(_ connection: SparkConnectionString, configuration: SparkClientConfiguration = SparkClientConfiguration()) throws {
        self.connection = connection
        self.configuration = configuration
        self.sessionID = (connection.sessionID ?? UUID()).uuidString.lowercased()
        self.metadata = connection.requestMetadata
        var userContext = Spark_Connect_UserContext()
        // Spark's clients default the user to the login name; the server keys sessions by (user, session).
        userContext.userID = connection.userID ?? ProcessInfo.processInfo.environment["USER"] ?? ""
        self.userContext = userContext
        self.clientType = connection.userAgent ?? configuration.clientType
        let grpc = GRPCClient(transport: try connection.makeTransport(configuration))
        self.grpc = grpc
        self.service = Spark_Connect_SparkConnectService.Client(wrapping: grpc)
        // runConnections only throws when the transport fails while shutting down or was already
        // started; calls made meanwhile fail with their own error, which is what callers see.
        self.connections = Task { try? await grpc.runConnections() }
    }

    /// Parses `connectionString` (see ``SparkConnectionString``) and connects lazily, on the first call.
    public init(_ connectionString: String, configuration: SparkClientConfiguration = SparkClientConfiguration()) throws {
        try self.init(SparkConnectionString(connectionString), configuration: configuration)
    }

    deinit {
        // No call can be running once the client is gone, so nothing is lost by cancelling; a
        // graceful shutdown alone would leave a connection attempt to a silent server running forever.
        grpc.beginGracefulShutdown()
        connections.cancel()
    }

    /// Stops accepting calls, lets running ones finish, and closes the connection.
    ///
    /// Bounded: a connection attempt to a server that accepted TCP but never answers does not end
    /// by itself, so past the connect timeout the connection is torn down.
    public func close() async {
        grpc.beginGracefulShutdown()
        let connections = self.connections
        let timeout = configuration.connectTimeout
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            connections.cancel()
        }
        await connections.value
        watchdog.cancel()
    }

    /// The server's Spark version, e.g. "4.3.0". The first call also proves the server is reachable,
    /// so it is bounded by the connect timeout.
    public func sparkVersion() async throws -> String {
        if let cachedSparkVersion { return cachedSparkVersion }
        var request = Spark_Connect_AnalyzePlanRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = clientType
        if let serverSideSessionID { request.clientObservedServerSideSessionID = serverSideSessionID }
        request.sparkVersion = Spark_Connect_AnalyzePlanRequest.SparkVersion()
        let response: Spark_Connect_AnalyzePlanResponse
        do {
            response = try await service.analyzePlan(request, metadata: metadata, options: callOptions(timeout: configuration.connectTimeout))
        } catch {
            throw translate(error, calling: "AnalyzePlan")
        }
        remember(serverSideSessionID: response.serverSideSessionID)
        guard case .sparkVersion(let version)? = response.result else {
            throw BambooError(.backendError, "The Spark Connect server at \(connection) answered a version request without a version.")
        }
        cachedSparkVersion = version.version
        return version.version
    }

    /// Sets configuration values of this client's server session (pyspark: `spark.conf.set(key, value)`).
    /// Bounded by the connect timeout like every short call.
    ///
    /// ```swift
    /// try await client.setConfiguration(["spark.sql.ansi.enabled": "false"])
    /// ```
    public func setConfiguration(_ pairs: [String: String]) async throws {
        _ = try await sparkVersion()  // first contact, bounded by the connect timeout
        var request = Spark_Connect_ConfigRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = clientType
        if let serverSideSessionID { request.clientObservedServerSideSessionID = serverSideSessionID }
        var set = Spark_Connect_ConfigRequest.Set()
        set.pairs = pairs.sorted { $0.key < $1.key }.map { key, value in
            var pair = Spark_Connect_KeyValue()
            pair.key = key
            pair.value = value
            return pair
        }
        request.operation.set = set
        let response: Spark_Connect_ConfigResponse
        do {
            response = try await service.config(request, metadata: metadata, options: callOptions(timeout: configuration.connectTimeout))
        } catch {
            throw translate(error, calling: "Config")
        }
        remember(serverSideSessionID: response.serverSideSessionID)
    }

    /// Runs `plan` and returns its schema and Arrow data undecoded, in order.
    ///
    /// The execution is reattachable: when the response stream ends before the server's
    /// `ResultComplete` (servers end long streams on purpose; networks drop them), the client
    /// reattaches and continues after the last response it received. At the end it releases the
    /// execution so the server can free its buffers. Progress messages go to `limits.progress`, on
    /// the task that reads the stream.
    ///
    /// `limits` are checked as batches arrive: the first batch over `maxRows` or `maxBytes` stops
    /// the query (`limitExceeded`). With `onArrowStream`, each complete Arrow stream is handed
    /// over as it arrives instead of being kept (the result's `arrowStreams` is then empty); the
    /// response stream is not read further until the handler returns, so gRPC's flow control holds
    /// back the server while the consumer is busy.
    public func executeRaw(_ plan: Spark_Connect_Plan, limits: ExecutionOptions = ExecutionOptions(),
                           onArrowStream: (@Sendable (Data) async throws -> Void)? = nil) async throws -> SparkRawResult {
        let reader = StreamReader(limits: limits, onArrowStream: onArrowStream)
        _ = try await sparkVersion()  // first contact, bounded by the connect timeout
        let operationID = UUID().uuidString.lowercased()
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = clientType
        request.operationID = operationID
        if let serverSideSessionID { request.clientObservedServerSideSessionID = serverSideSessionID }
        request.plan = plan
        var reattachable = Spark_Connect_ExecutePlanRequest.RequestOption()
        reattachable.reattachOptions.reattachable = true
        request.requestOptions = [reattachable]

        var accumulator = ExecutionResponseAccumulator(operationID: operationID)
        var reattachCount = 0
        do {
            var outcome = await executeStream(request, from: accumulator, reader: reader)
            accumulator = outcome.accumulator
            // Before the first response the server may not know the operation: nothing to resume.
            if let failure = outcome.failure, accumulator.lastResponseID == nil || !SparkErrorTranslation.isResumable(failure) {
                throw failure
            }
            var fruitlessReattaches = 0
            while !accumulator.resultComplete {
                let resumeAfter = accumulator.lastResponseID
                reattachCount += 1
                outcome = await reattachStream(operationID: operationID, after: resumeAfter, from: accumulator, reader: reader)
                accumulator = outcome.accumulator
                if let failure = outcome.failure, !SparkErrorTranslation.isResumable(failure) { throw failure }
                if accumulator.lastResponseID != resumeAfter || accumulator.resultComplete {
                    fruitlessReattaches = 0
                    continue
                }
                fruitlessReattaches += 1
                guard fruitlessReattaches <= configuration.maxReattachAttempts else {
                    let cause = outcome.failure.map { ": \($0)" } ?? ""
                    throw BambooError(
                        .backendError,
                        "The result stream of operation \(operationID) on \(connection) kept ending without new data "
                            + "(\(configuration.maxReattachAttempts) reattaches in a row)\(cause).")
                }
                // A short, growing pause so a server that is restarting is not hammered.
                try await Task.sleep(for: .milliseconds(200 * fruitlessReattaches))
            }
        } catch {
            await release(operationID: operationID)
            throw translate(error, calling: "ExecutePlan")
        }
        remember(serverSideSessionID: accumulator.serverSideSessionID ?? "")
        await release(operationID: operationID)
        return SparkRawResult(schema: accumulator.schema, arrowStreams: accumulator.arrowStreams, rowCount: accumulator.rowCount,
                              operationID: operationID, reattachCount: reattachCount)
    }

    /// What one response stream delivered, and the error that ended it early, if one did.
    private struct StreamOutcome: Sendable {
        var accumulator: ExecutionResponseAccumulator
        var failure: (any Error)?
    }

    private func executeStream(_ request: Spark_Connect_ExecutePlanRequest, from start: ExecutionResponseAccumulator,
                               reader: StreamReader) async -> StreamOutcome {
        do {
            return try await service.executePlan(request, metadata: metadata, options: callOptions(timeout: nil),
                                                 onResponse: Self.collect(into: start, reader: reader))
        } catch {
            return StreamOutcome(accumulator: start, failure: error)
        }
    }

    private func reattachStream(operationID: String, after lastResponseID: String?, from start: ExecutionResponseAccumulator,
                                reader: StreamReader) async -> StreamOutcome {
        var request = Spark_Connect_ReattachExecuteRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = clientType
        request.operationID = operationID
        if let serverSideSessionID { request.clientObservedServerSideSessionID = serverSideSessionID }
        if let lastResponseID { request.lastResponseID = lastResponseID }
        do {
            return try await service.reattachExecute(request, metadata: metadata, options: callOptions(timeout: nil),
                                                     onResponse: Self.collect(into: start, reader: reader))
        } catch {
            return StreamOutcome(accumulator: start, failure: error)
        }
    }

    /// What reading a response stream does besides collecting it.
    private struct StreamReader: Sendable {
        var limits: ExecutionOptions
        var onArrowStream: (@Sendable (Data) async throws -> Void)?
    }

    /// Reads a response stream into a copy of `start`, keeping what arrived even when the stream fails.
    private static func collect(into start: ExecutionResponseAccumulator, reader: StreamReader)
        -> @Sendable (StreamingClientResponse<Spark_Connect_ExecutePlanResponse>) async throws -> StreamOutcome
    {
        { response in
            var accumulator = start
            do {
                for try await message in response.messages {
                    if let progress = try accumulator.consume(message) { reader.limits.progress?(progress) }
                    try reader.limits.check(rows: Int(accumulator.rowCount), bytes: accumulator.byteCount, partial: true)
                    if let handOver = reader.onArrowStream {
                        for stream in accumulator.takeArrowStreams() { try await handOver(stream) }
                    }
                }
                return StreamOutcome(accumulator: accumulator, failure: nil)
            } catch {
                return StreamOutcome(accumulator: accumulator, failure: error)
            }
        }
    }

    /// Tells the server it may drop the operation's results. Failures are ignored on purpose: the
    /// answer is already complete (or already failed), and the server releases abandoned operations
    /// itself after its detach timeout; the call is bounded so a vanished server cannot hold us.
    private func release(operationID: String) async {
        var request = Spark_Connect_ReleaseExecuteRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = clientType
        request.operationID = operationID
        if let serverSideSessionID { request.clientObservedServerSideSessionID = serverSideSessionID }
        request.releaseAll = Spark_Connect_ReleaseExecuteRequest.ReleaseAll()
        _ = try? await service.releaseExecute(request, metadata: metadata, options: callOptions(timeout: configuration.connectTimeout))
    }

    /// Calls fail at once when the connection cannot be made (no waiting for the server to appear),
    /// and accept Arrow batches up to the configured size.
    private nonisolated func callOptions(timeout: Duration?) -> CallOptions {
        var options = CallOptions.defaults
        options.waitForReady = false
        options.timeout = timeout
        options.maxResponseMessageBytes = configuration.maxResponseMessageBytes
        return options
    }

    private func remember(serverSideSessionID id: String) {
        if !id.isEmpty { serverSideSessionID = id }
    }

    private nonisolated func translate(_ error: any Error, calling method: String) -> any Error {
        if error is CancellationError { return error }
        return SparkErrorTranslation.bambooError(error, calling: method, at: connection, connectTimeout: configuration.connectTimeout)
    }
}
#endif
