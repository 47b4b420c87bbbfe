#if Spark
/// How a ``SparkConnectClient`` talks to its server, beyond what the connection string says.
public struct SparkClientConfiguration: Sendable, Hashable {
    /// How long the first call may take to reach the server (TCP, TLS, HTTP/2 and a first answer).
    /// A dead or unreachable server fails within this bound instead of hanging; once connected,
    /// queries may run as long as they need.
    public var connectTimeout: Duration
    /// How many reattaches in a row may bring no new response before an execution gives up. The
    /// server ends long response streams on purpose and networks drop them; each time the client
    /// reattaches where it stopped, and a reattach that makes progress resets the count.
    public var maxReattachAttempts: Int
    /// The largest single response message accepted. Spark sends Arrow batches of up to
    /// `spark.connect.grpc.arrow.maxBatchSize` (4 MiB by default) plus framing.
    public var maxResponseMessageBytes: Int
    /// A PEM file of certificates to trust instead of the system's roots, for servers with a
    /// private certificate authority. Used only when the connection string asks for TLS.
    public var trustedCertificatesPEMFile: String?
    /// Sent as the request's client type unless the connection string has `user_agent`.
    public var clientType: String

    public init(connectTimeout: Duration = .seconds(10), maxReattachAttempts: Int = 5,
                maxResponseMessageBytes: Int = 128 * 1024 * 1024, trustedCertificatesPEMFile: String? = nil,
                clientType: String = "bamboo-swift") {
        self.connectTimeout = connectTimeout
        self.maxReattachAttempts = maxReattachAttempts
        self.maxResponseMessageBytes = maxResponseMessageBytes
        self.trustedCertificatesPEMFile = trustedCertificatesPEMFile
        self.clientType = clientType
    }
}
#endif
