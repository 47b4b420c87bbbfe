#if Spark
import BambooCore
import Foundation
import GRPCCore
import SparkConnectProtocol
import SwiftProtobuf

/// Turns what gRPC throws into the one error type Bamboo throws.
///
/// Spark raises query errors as a gRPC status whose details hold a `google.rpc.ErrorInfo` with the
/// error class and SQL state; those become ``BambooError/serverErrorClass`` and
/// ``BambooError/sqlState`` of a `backendError`. When the details are missing (older servers,
/// oversized parameters) both are read from the message, which starts with `[ERROR_CLASS]` and
/// names `SQLSTATE: xxxxx`.
enum SparkErrorTranslation {
    static func bambooError(_ error: any Error, calling method: String, at connection: SparkConnectionString,
                            connectTimeout: Duration) -> BambooError {
        if let bamboo = error as? BambooError { return bamboo }
        guard let rpc = error as? RPCError else {
            return BambooError(.backendError, "Spark Connect \(method) to \(connection) failed: \(error).")
        }
        switch rpc.code {
        case .unavailable, .deadlineExceeded:
            // The transport's message names the cause (refused, timed out, no route, TLS).
            let seconds = connectTimeout.components.seconds
            return BambooError(
                .backendError,
                "Could not reach the Spark Connect server at \(connection) (\(method), connect timeout \(seconds) s): "
                    + "\(sentence(rpc)) Check that the server is running (for a local one: Scripts/spark-server start) "
                    + "and that the host, port and use_ssl are right.")
        case .unauthenticated, .permissionDenied:
            return BambooError(
                .backendError,
                "The Spark Connect server at \(connection) refused the call (\(rpc.code)): \(rpc.message). Check the token= of the connection string.")
        default:
            let details = serverDetails(of: rpc)
            return BambooError(.backendError, details.message, serverErrorClass: details.errorClass, sqlState: details.sqlState)
        }
    }

    /// Whether a failed response stream may be resumed by reattaching: the connection dropped, or the
    /// server handed the stream to a newer reattach of the same operation.
    static func isResumable(_ error: any Error) -> Bool {
        guard let rpc = error as? RPCError else { return false }
        switch rpc.code {
        case .unavailable: return true
        case .internalError: return rpc.message.contains("INVALID_CURSOR.DISCONNECTED")
        default: return false
        }
    }

    struct ServerDetails: Equatable {
        var message: String
        var errorClass: String?
        var sqlState: String?
    }

    static func serverDetails(of rpc: RPCError) -> ServerDetails {
        var details = ServerDetails(message: rpc.message, errorClass: nil, sqlState: nil)
        if let bytes = rpc.metadata[binaryValues: "grpc-status-details-bin"].first(where: { _ in true }),
           let status = try? Google_Rpc_Status(serializedBytes: bytes) {
            if !status.message.isEmpty { details.message = status.message }
            for detail in status.details where detail.isA(Google_Rpc_ErrorInfo.self) {
                guard let info = try? Google_Rpc_ErrorInfo(unpackingAny: detail) else { continue }
                details.errorClass = info.metadata["errorClass"].flatMap { $0.isEmpty ? nil : $0 }
                details.sqlState = info.metadata["sqlState"].flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        if details.errorClass == nil { details.errorClass = errorClass(inMessage: details.message) }
        if details.sqlState == nil { details.sqlState = sqlState(inMessage: details.message) }
        return details
    }

    /// `[TABLE_OR_VIEW_NOT_FOUND] The table ...` → `TABLE_OR_VIEW_NOT_FOUND` (also `[A.B]` sub-classes).
    static func errorClass(inMessage message: String) -> String? {
        guard message.hasPrefix("["), let close = message.firstIndex(of: "]") else { return nil }
        let name = message[message.index(after: message.startIndex)..<close]
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
        return !name.isEmpty && name.allSatisfy({ allowed.contains($0) }) ? String(name) : nil
    }

    /// `... SQLSTATE: 42P01; line 1 ...` → `42P01`.
    static func sqlState(inMessage message: String) -> String? {
        guard let marker = message.range(of: "SQLSTATE: ") else { return nil }
        let state = message[marker.upperBound...].prefix { $0.isLetter || $0.isNumber }
        return state.count == 5 ? String(state) : nil
    }

    /// The transport's message and its underlying cause as one sentence.
    private static func sentence(_ rpc: RPCError) -> String {
        var text = rpc.message.hasSuffix(".") ? String(rpc.message.dropLast()) : rpc.message
        if let cause = rpc.cause { text += ": \(cause)" }
        return text + "."
    }
}
#endif
