#if Spark
import BambooCore
import BambooPlan
import Foundation
import SparkConnectProtocol
import Testing
@testable import BambooSpark

@Suite struct ExecutionResponseAccumulatorTests {
    static func batch(_ id: String, start: Int64, rows: Int64, data: [UInt8], chunk: (index: Int64, of: Int64)? = nil)
        -> Spark_Connect_ExecutePlanResponse
    {
        var response = Spark_Connect_ExecutePlanResponse()
        response.operationID = "op"
        response.responseID = id
        var arrow = Spark_Connect_ExecutePlanResponse.ArrowBatch()
        arrow.startOffset = start
        arrow.rowCount = rows
        arrow.data = Data(data)
        if let chunk {
            arrow.chunkIndex = chunk.index
            arrow.numChunksInBatch = chunk.of
        }
        response.arrowBatch = arrow
        return response
    }

    @Test func keepsBatchesInOrderAndTheLastResponseID() throws {
        var accumulator = ExecutionResponseAccumulator(operationID: "op")
        _ = try accumulator.consume(Self.batch("r1", start: 0, rows: 10, data: [1]))
        _ = try accumulator.consume(Self.batch("r2", start: 10, rows: 5, data: [2]))
        #expect(accumulator.arrowStreams == [Data([1]), Data([2])])
        #expect(accumulator.rowCount == 15)
        #expect(accumulator.lastResponseID == "r2")
        #expect(!accumulator.resultComplete)
        var complete = Spark_Connect_ExecutePlanResponse()
        complete.responseID = "r3"
        complete.resultComplete = Spark_Connect_ExecutePlanResponse.ResultComplete()
        _ = try accumulator.consume(complete)
        #expect(accumulator.resultComplete)
        #expect(accumulator.lastResponseID == "r3")
    }

    @Test func joinsTheChunksOfOneBatch() throws {
        var accumulator = ExecutionResponseAccumulator(operationID: "op")
        _ = try accumulator.consume(Self.batch("r1", start: 0, rows: 4, data: [1, 2], chunk: (0, 2)))
        #expect(accumulator.arrowStreams.isEmpty)
        _ = try accumulator.consume(Self.batch("r2", start: 0, rows: 4, data: [3], chunk: (1, 2)))
        #expect(accumulator.arrowStreams == [Data([1, 2, 3])])
        #expect(accumulator.rowCount == 4)
    }

    @Test func aGapOrARepeatIsAnErrorNotAWrongAnswer() throws {
        var accumulator = ExecutionResponseAccumulator(operationID: "op")
        _ = try accumulator.consume(Self.batch("r1", start: 0, rows: 10, data: [1]))
        #expect(throws: BambooError.self) { try accumulator.consume(Self.batch("r2", start: 0, rows: 10, data: [1])) }
        #expect(throws: BambooError.self) { try accumulator.consume(Self.batch("r2", start: 20, rows: 10, data: [1])) }
    }

    @Test func reportsProgressAndRejectsAnotherOperation() throws {
        var accumulator = ExecutionResponseAccumulator(operationID: "op")
        var response = Spark_Connect_ExecutePlanResponse()
        var stage = Spark_Connect_ExecutePlanResponse.ExecutionProgress.StageInfo()
        stage.stageID = 3
        stage.numTasks = 4
        stage.numCompletedTasks = 1
        stage.inputBytesRead = 100
        response.executionProgress.stages = [stage]
        response.executionProgress.numInflightTasks = 2
        let progress = try accumulator.consume(response)
        #expect(progress == ExecutionProgress(
            stages: [.init(id: 3, tasks: 4, completedTasks: 1, inputBytesRead: 100, done: false)], inflightTasks: 2))
        response.operationID = "other"
        #expect(throws: BambooError.self) { try accumulator.consume(response) }
    }
}
#endif
