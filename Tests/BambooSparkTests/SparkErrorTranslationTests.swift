#if Spark
import BambooCore
import GRPCCore
import SparkConnectProtocol
import SwiftProtobuf
import Testing
@testable import BambooSpark

@Suite struct SparkErrorTranslationTests {
    let connection = SparkConnectionString(host: "127.0.0.1", port: 15002)

    @Test func readsErrorClassAndSQLStateFromTheStatusDetails() throws {
        var info = Google_Rpc_ErrorInfo()
        info.reason = "org.apache.spark.sql.AnalysisException"
        info.metadata = ["errorClass": "TABLE_OR_VIEW_NOT_FOUND", "sqlState": "42P01"]
        var status = Google_Rpc_Status()
        status.code = 13
        status.message = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `t` cannot be found."
        status.details = [try Google_Protobuf_Any(message: info)]
        var metadata = Metadata()
        metadata.addBinary(try status.serializedBytes(), forKey: "grpc-status-details-bin")
        let rpc = RPCError(code: .internalError, message: status.message, metadata: metadata)
        let error = SparkErrorTranslation.bambooError(rpc, calling: "ExecutePlan", at: connection, connectTimeout: .seconds(10))
        #expect(error.code == .backendError)
        #expect(error.serverErrorClass == "TABLE_OR_VIEW_NOT_FOUND")
        #expect(error.sqlState == "42P01")
        #expect(error.message == status.message)
    }

    @Test func fallsBackToTheMessage() {
        let rpc = RPCError(code: .internalError,
                           message: "[DIVIDE_BY_ZERO] Division by zero. Use `try_divide`. SQLSTATE: 22012; line 1 pos 7")
        let error = SparkErrorTranslation.bambooError(rpc, calling: "ExecutePlan", at: connection, connectTimeout: .seconds(10))
        #expect(error.serverErrorClass == "DIVIDE_BY_ZERO")
        #expect(error.sqlState == "22012")
        #expect(SparkErrorTranslation.errorClass(inMessage: "[INVALID_HANDLE.OPERATION_NOT_FOUND] x") == "INVALID_HANDLE.OPERATION_NOT_FOUND")
        #expect(SparkErrorTranslation.errorClass(inMessage: "no class here") == nil)
        #expect(SparkErrorTranslation.sqlState(inMessage: "SQLSTATE: 4") == nil)
    }

    @Test func anUnreachableServerSaysHowToStartOne() {
        let rpc = RPCError(code: .unavailable, message: "connection refused")
        let error = SparkErrorTranslation.bambooError(rpc, calling: "AnalyzePlan", at: connection, connectTimeout: .seconds(10))
        #expect(error.code == .backendError)
        #expect(error.message.contains("Could not reach the Spark Connect server at sc://127.0.0.1:15002/"))
        #expect(error.message.contains("Scripts/spark-server start"))
        #expect(SparkErrorTranslation.isResumable(rpc))
        #expect(!SparkErrorTranslation.isResumable(RPCError(code: .internalError, message: "[DIVIDE_BY_ZERO] x")))
    }
}
#endif
