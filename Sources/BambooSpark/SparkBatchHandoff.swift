#if Spark
import Foundation
import Synchronization

/// A one-slot rendezvous between the task reading Spark's response stream and the consumer of
/// `toLocalIterator`: the reader hands over one Arrow stream and waits until the consumer has
/// taken it before reading on. While it waits, gRPC's flow control holds back the server, so a
/// result larger than memory streams through one batch at a time.
final class SparkBatchHandoff: Sendable {
    private enum State {
        case idle
        case consumerWaiting(CheckedContinuation<Data?, any Error>)
        case producerWaiting(Data, CheckedContinuation<Void, any Error>)
        case finished((any Error)?)
    }

    private let state = Mutex<State>(.idle)

    /// Hands `data` to the consumer; returns once it has been taken. Throws `CancellationError`
    /// when the consumer has gone (``cancel()``) or the calling task is cancelled.
    func send(_ data: Data) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (producer: CheckedContinuation<Void, any Error>) in
                enum Action { case deliver(CheckedContinuation<Data?, any Error>), refuse((any Error)?), wait }
                let action: Action = state.withLock { state in
                    switch state {
                    case .consumerWaiting(let consumer):
                        state = .idle
                        return .deliver(consumer)
                    case .idle:
                        state = .producerWaiting(data, producer)
                        return .wait
                    case .producerWaiting:
                        return .refuse(nil)  // one producer only: a second send is a bug
                    case .finished(let error):
                        return .refuse(error)
                    }
                }
                switch action {
                case .deliver(let consumer):
                    consumer.resume(returning: data)
                    producer.resume()
                case .refuse(let error):
                    producer.resume(throwing: error ?? CancellationError())
                case .wait:
                    break
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next Arrow stream, or nil once the producer has finished.
    func next() async throws -> Data? {
        try await withCheckedThrowingContinuation { (consumer: CheckedContinuation<Data?, any Error>) in
            enum Action { case deliver(Data, CheckedContinuation<Void, any Error>), end((any Error)?), wait }
            let action: Action = state.withLock { state in
                switch state {
                case .producerWaiting(let data, let producer):
                    state = .idle
                    return .deliver(data, producer)
                case .finished(let error):
                    return .end(error)
                case .idle, .consumerWaiting:
                    state = .consumerWaiting(consumer)
                    return .wait
                }
            }
            switch action {
            case .deliver(let data, let producer):
                producer.resume()
                consumer.resume(returning: data)
            case .end(let error):
                if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
            case .wait:
                break
            }
        }
    }

    /// The producer is done: the consumer gets nil (or `error`) after the last stream.
    func finish(_ error: (any Error)? = nil) {
        let consumer: CheckedContinuation<Data?, any Error>? = state.withLock { state in
            if case .finished = state { return nil }
            defer { state = .finished(error) }
            if case .consumerWaiting(let consumer) = state { return consumer }
            return nil
        }
        if let consumer {
            if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
        }
    }

    /// One side has gone: whoever waits on the other stops with `CancellationError`.
    func cancel() {
        enum Waiter { case producer(CheckedContinuation<Void, any Error>), consumer(CheckedContinuation<Data?, any Error>), none }
        let waiter: Waiter = state.withLock { state in
            let waiter: Waiter
            switch state {
            case .producerWaiting(_, let producer): waiter = .producer(producer)
            case .consumerWaiting(let consumer): waiter = .consumer(consumer)
            case .idle, .finished: waiter = .none
            }
            if case .finished = state {} else { state = .finished(CancellationError()) }
            return waiter
        }
        switch waiter {
        case .producer(let producer): producer.resume(throwing: CancellationError())
        case .consumer(let consumer): consumer.resume(throwing: CancellationError())
        case .none: break
        }
    }
}
#endif
