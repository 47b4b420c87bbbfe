#if Spark
import Foundation
import SparkConnectProtocol

/// The undecoded answer of one execution: Spark's schema and the Arrow data exactly as the server
/// sent it, in order. Decoding the Arrow streams into Bamboo columns is BambooArrow's job.
public struct SparkRawResult: Sendable {
    /// The result's schema as Spark states it (a struct type), when the server sent one.
    public var schema: Spark_Connect_DataType?
    /// One complete Arrow IPC stream per Arrow batch message (schema message, record batches,
    /// end-of-stream marker), in the order of the result's rows.
    public var arrowStreams: [Data]
    /// The rows the server said each stream holds, summed.
    public var rowCount: Int64
    /// The server's id for this execution.
    public var operationID: String
    /// How many times the response stream ended early and the client reattached to it.
    public var reattachCount: Int

    public init(schema: Spark_Connect_DataType?, arrowStreams: [Data], rowCount: Int64, operationID: String, reattachCount: Int) {
        self.schema = schema
        self.arrowStreams = arrowStreams
        self.rowCount = rowCount
        self.operationID = operationID
        self.reattachCount = reattachCount
    }
}
#endif
