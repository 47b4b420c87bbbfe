#if Spark
import BambooCore
import Foundation
import Testing
@testable import BambooSpark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dead or silent server is a clear error within the connect timeout, never a hang. No Spark needed.
@Suite struct UnreachableServerTests {
    @Test func aClosedPortFailsFastAndSaysSo() async throws {
        let client = try SparkConnectClient("sc://127.0.0.1:1")
        let started = ContinuousClock.now
        await #expect {
            _ = try await client.sparkVersion()
        } throws: { error in
            guard let error = error as? BambooError else { return false }
            return error.code == .backendError
                && error.message.contains("Could not reach the Spark Connect server at sc://127.0.0.1:1/")
                && error.message.contains("Scripts/spark-server start")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        // executeRaw goes through the same first contact.
        await #expect(throws: BambooError.self) { _ = try await client.executeRaw(.init()) }
        await client.close()
    }

    @Test func aServerThatAcceptsButNeverAnswersTimesOut() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let client = try SparkConnectClient("sc://127.0.0.1:\(listener.port)",
                                            configuration: SparkClientConfiguration(connectTimeout: .seconds(1)))
        let started = ContinuousClock.now
        await #expect {
            _ = try await client.sparkVersion()
        } throws: { error in
            (error as? BambooError)?.message.contains("Could not reach") == true
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(3), "the call took \(elapsed)")
        // Closing must not wait for the connection attempt that will never finish.
        await client.close()
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}

/// A loopback TCP socket that listens and never accepts: the kernel completes the handshake, then
/// nothing ever answers, like a hung server.
final class SilentListener: Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw BambooError(.io, "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            Self.closeSocket(descriptor)
            throw BambooError(.io, "could not listen on 127.0.0.1")
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        Self.closeSocket(descriptor)
    }

    private static func closeSocket(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }
}
#endif
