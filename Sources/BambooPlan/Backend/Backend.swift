import BambooCore

/// An engine that runs logical plans: `eager` (the reference), later `local` and `spark`.
///
/// A backend receives an optimized plan and returns its rows in pandas' order. It never sees the
/// facade; the facade never sees its internals. Operations it cannot run throw
/// ``BambooError/Code/unsupportedOnBackend`` naming the backend and the operation.
public protocol Backend: Sendable {
    /// Short name used in errors and in the compatibility matrix (`eager`, `local`, `spark`).
    var name: String { get }
    /// Whether this backend runs `node` (its inputs are asked separately); nil when it does, else
    /// a hint for the user (e.g. which backend does).
    func unsupportedReason(_ node: LogicalPlan) -> String?
    /// Runs `plan` to completion.
    func execute(_ plan: LogicalPlan) async throws -> ExecutionResult
    /// Whether plans run in this process, on data in memory (eager, local), rather than on a
    /// server (Spark). Results of a remote backend's actions are kept on an in-process one.
    /// Default: true.
    var runsInProcess: Bool { get }
    /// Runs `plan` to completion within `options`' limits, reporting progress to its observer.
    /// Default: ``execute(_:)``, then the limits are checked on the whole result.
    func execute(_ plan: LogicalPlan, options: ExecutionOptions) async throws -> ExecutionResult
    /// Runs `plan` and hands its result over in pieces of about `batchRows` rows, in order, so a
    /// result larger than memory can be read through (`toLocalIterator`). Only one piece need be
    /// held at a time. Default: the whole result from ``execute(_:)``, cut into pieces.
    func batches(_ plan: LogicalPlan, batchRows: Int, options: ExecutionOptions) -> ResultPieces
    /// Settles the schema of a file this backend will read where it runs (`Session.readCSV` on a
    /// remote session): labels, dtypes as pandas would infer them, row count. Default: throws
    /// `unsupportedOnBackend` (in-process backends parse files in the facade instead).
    func scan(_ request: FileScanRequest) async throws -> FileScan
    /// What the user should know about how this backend will run `plan` that does not change
    /// the answer (e.g. Spark computing a whole-frame window in a single partition): one
    /// sentence per note. `explain()` shows them and the session's `diagnostics` handler
    /// receives them when an action runs the plan. Default: none.
    func notes(for plan: LogicalPlan) -> [String]
}

extension Backend {
    public func notes(for plan: LogicalPlan) -> [String] { [] }

    public var runsInProcess: Bool { true }

    public func scan(_ request: FileScanRequest) async throws -> FileScan {
        throw BambooError(.unsupportedOnBackend, "The \(name) backend does not read files itself; read \(request.path) with readCSV(path) instead.")
    }

    public func execute(_ plan: LogicalPlan, options: ExecutionOptions) async throws -> ExecutionResult {
        let result = try await execute(plan)
        try options.check(rows: result.rowCount, bytes: result.byteCount)
        return result
    }

    public func batches(_ plan: LogicalPlan, batchRows: Int, options: ExecutionOptions) -> ResultPieces {
        let cutter = ResultCutter(batchRows: batchRows) { try await execute(plan, options: ExecutionOptions(progress: options.progress)) }
        return ResultPieces { try await cutter.next() }
    }

    /// Throws `unsupportedOnBackend` naming the first node of `plan` this backend cannot run.
    public func checkSupport(_ plan: LogicalPlan) throws {
        for input in plan.inputs { try checkSupport(input) }
        if let hint = unsupportedReason(plan) {
            throw BambooError.unsupported(plan.name, on: name, hint: hint)
        }
    }
}

/// A plan's result: index columns and data columns as `plan.schema` lays them out.
public struct ExecutionResult: Sendable {
    /// One column per index level; empty when the schema's index is a RangeIndex.
    public var index: [Column]
    public var columns: [Column]
    public var rowCount: Int
    /// Column labels decided by the data (a row turned into a Series takes the row's label); nil
    /// when the schema's labels hold.
    public var columnLabels: [Scalar]?

    public init(index: [Column], columns: [Column], rowCount: Int, columnLabels: [Scalar]? = nil) {
        self.index = index
        self.columns = columns
        self.rowCount = rowCount
        self.columnLabels = columnLabels
    }
}

extension BambooError {
    /// The error a backend throws for an operation it does not run.
    public static func unsupported(_ operation: String, on backend: String, hint: String = "") -> BambooError {
        BambooError(.unsupportedOnBackend, "\(operation) is not supported on the \(backend) backend.\(hint.isEmpty ? "" : " " + hint)")
    }
}
