/// A result handed over piece by piece (``Backend/batches(_:batchRows:options:)``): each call of
/// ``next`` runs until the next piece is ready and returns it, nil after the last. One consumer
/// at a time; a backend may fetch the next piece only when asked, which is what lets a result
/// larger than memory stream through.
public struct ResultPieces: Sendable {
    public let next: @Sendable () async throws -> ExecutionResult?

    public init(next: @escaping @Sendable () async throws -> ExecutionResult?) {
        self.next = next
    }
}

/// Runs a whole result on the first request, then hands it over in pieces of `batchRows` rows:
/// the default for backends that compute in memory anyway.
actor ResultCutter {
    private let batchRows: Int
    private let compute: @Sendable () async throws -> ExecutionResult
    private var result: ExecutionResult?
    private var position = 0

    init(batchRows: Int, compute: @escaping @Sendable () async throws -> ExecutionResult) {
        self.batchRows = max(1, batchRows)
        self.compute = compute
    }

    func next() async throws -> ExecutionResult? {
        if result == nil { result = try await compute() }
        guard let result, position < result.rowCount else { return nil }
        let end = min(result.rowCount, position + batchRows)
        defer { position = end }
        return result.rows(position..<end)
    }
}
