#if Spark
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol

/// Collects the responses of one execution across its original stream and every reattached one.
///
/// It remembers the id of the last response so a reattach resumes right after it, and checks
/// that Arrow batches arrive contiguously (each batch's start offset is the rows received so
/// far), so a reattach that skipped or repeated data is an error instead of a wrong answer.
struct ExecutionResponseAccumulator: Sendable {
    let operationID: String
    private(set) var schema: Spark_Connect_DataType?
    private(set) var arrowStreams: [Data] = []
    private(set) var rowCount: Int64 = 0
    /// Arrow bytes received so far, the measure `compute.maxBytes` limits.
    private(set) var byteCount = 0
    private(set) var lastResponseID: String?
    private(set) var resultComplete = false
    private(set) var serverSideSessionID: String?
    /// The pieces of an Arrow batch the server split into chunks, until its last chunk arrives.
    private var pendingChunks = Data()

    init(operationID: String) {
        self.operationID = operationID
    }

    /// Takes one response; returns the progress it reported, if any.
    mutating func consume(_ response: Spark_Connect_ExecutePlanResponse) throws -> ExecutionProgress? {
        if !response.operationID.isEmpty, response.operationID != operationID {
            throw BambooError.invariant("Spark answered for operation \(response.operationID) while executing \(operationID)")
        }
        if !response.responseID.isEmpty { lastResponseID = response.responseID }
        if !response.serverSideSessionID.isEmpty { serverSideSessionID = response.serverSideSessionID }
        if response.hasSchema { schema = response.schema }

        switch response.responseType {
        case .arrowBatch(let batch):
            try append(batch)
        case .resultComplete:
            guard pendingChunks.isEmpty else {
                throw BambooError(.backendError, "Spark ended the result in the middle of a chunked Arrow batch.")
            }
            resultComplete = true
        case .executionProgress(let progress):
            return ExecutionProgress(
                stages: progress.stages.map {
                    ExecutionProgress.Stage(id: $0.stageID, tasks: $0.numTasks, completedTasks: $0.numCompletedTasks,
                                                 inputBytesRead: $0.inputBytesRead, done: $0.done)
                },
                inflightTasks: progress.numInflightTasks)
        default:
            // Metrics, observed metrics and command results carry nothing executeRaw returns.
            break
        }
        return nil
    }

    private mutating func append(_ batch: Spark_Connect_ExecutePlanResponse.ArrowBatch) throws {
        let chunked = batch.hasNumChunksInBatch && batch.numChunksInBatch > 1
        let firstPiece = !chunked || batch.chunkIndex == 0
        if firstPiece, batch.hasStartOffset, batch.startOffset != rowCount {
            throw BambooError(
                .backendError,
                "Spark sent an Arrow batch starting at row \(batch.startOffset) after \(rowCount) rows; the result stream lost or repeated data.")
        }
        byteCount += batch.data.count
        guard chunked else {
            arrowStreams.append(batch.data)
            rowCount += batch.rowCount
            return
        }
        pendingChunks.append(batch.data)
        if batch.chunkIndex == batch.numChunksInBatch - 1 {
            arrowStreams.append(pendingChunks)
            rowCount += batch.rowCount
            pendingChunks = Data()
        }
    }

    /// Hands over the complete Arrow streams received so far and forgets them (streaming
    /// consumers hold one batch at a time; the counts keep running).
    mutating func takeArrowStreams() -> [Data] {
        defer { arrowStreams = [] }
        return arrowStreams
    }
}
#endif
