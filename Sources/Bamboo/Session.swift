import BambooCore
import BambooEager
import BambooPlan
import Synchronization

/// Where plans run, and the options that govern running them.
///
/// ```swift
/// let session = Session.eager()
/// let df = DataFrame(["a": [1, 2, 3]], session: session)
/// let local = try await df.collect()
/// ```
///
/// pandas has no sessions; `Session.default` (the eager backend until the local one lands) is used
/// wherever none is given, so ported code needs none.
public struct Session: Sendable {
    /// Distinguishes sessions: frames of different sessions cannot be combined.
    let id: Int
    /// The id of ``local``: results of this session's actions can be combined with each other.
    private let localID: Int
    let backend: any Backend
    public var options: Options
    let optimizer: Optimizer
    /// Receives the backend's notes about each plan an action runs (``Backend/notes(for:)``),
    /// e.g. the Spark backend warning that a whole-frame `cumsum` runs in one partition; nil
    /// ignores them (`explain()` shows them either way). pandas has no such channel: its
    /// operations have no hidden costs of this kind.
    ///
    /// ```swift
    /// var spark = try Session.spark("sc://127.0.0.1:15002")
    /// spark.diagnostics = { note in print("bamboo:", note) }
    /// ```
    public var diagnostics: (@Sendable (String) -> Void)?
    /// Receives progress reports while an action runs (Spark: its stages and tasks, as the server
    /// streams them); nil ignores them. The CLI draws its progress bar from these.
    ///
    /// ```swift
    /// var spark = try Session.spark("sc://127.0.0.1:15002")
    /// spark.progress = { p in print("\(p.completedTasks)/\(p.totalTasks) tasks") }
    /// ```
    public var progress: (@Sendable (ExecutionProgress) -> Void)?

    /// Options in pandas' dotted spelling (`compute.maxRows` ~ a guard pandas does not need).
    public struct Options: Sendable {
        /// The most rows `collect()` brings back unless told otherwise (nil: no limit).
        public var computeMaxRows: Int? = 1_000_000
        /// The most bytes `collect()` brings back (nil: no limit); Spark results count their Arrow
        /// bytes as they arrive and stop the query once over it.
        public var computeMaxBytes: Int? = 2 << 30
        /// Rows shown before a printed frame is truncated (pandas `display.max_rows`).
        public var displayMaxRows: Int = 60
        /// Rows shown at each end of a truncated frame (pandas `display.min_rows` / 2).
        public var displayMinRows: Int = 10
        public init() {}
    }

    private static let counter = Atomic<Int>(0)

    public init(backend: any Backend, options: Options = Options()) {
        self.init(id: Session.counter.wrappingAdd(1, ordering: .relaxed).newValue,
                  localID: Session.counter.wrappingAdd(1, ordering: .relaxed).newValue, backend: backend, options: options)
    }

    private init(id: Int, localID: Int, backend: any Backend, options: Options) {
        self.id = id
        self.localID = localID
        self.backend = backend
        self.options = options
        self.optimizer = .standard
    }

    /// Where the results of this session's actions live: in memory, run by the eager backend
    /// (this session itself when it is in-process). What `collect()` or `toLocalIterator()`
    /// brings back from Spark is local data, as `toPandas()` gives a pandas frame: working on it
    /// further does not go back to the cluster. To send local data to Spark, build a frame from
    /// it in the Spark session.
    public var local: Session {
        if backend.runsInProcess { return self }
        var local = Session(id: localID, localID: localID, backend: EagerBackend(), options: options)
        local.diagnostics = diagnostics
        return local
    }

    /// The reference backend: single-threaded, exactly pandas.
    public static func eager(options: Options = Options()) -> Session {
        Session(backend: EagerBackend(), options: options)
    }

    /// The session used when none is given.
    public static let `default` = Session.eager()

    /// The backend's name (`eager`, ...).
    public var backendName: String { backend.name }

    /// Whether plans run on a server (Spark) rather than in this process.
    public var isRemote: Bool { !backend.runsInProcess }

    /// Optimizes and runs a plan on the backend, bringing back at most `maxRows` rows and
    /// `options.computeMaxBytes` bytes.
    func run(_ plan: LogicalPlan, maxRows: Int? = nil) async throws -> ExecutionResult {
        let optimized = try prepare(plan)
        let limits = ExecutionOptions(maxRows: maxRows, maxBytes: options.computeMaxBytes, progress: progress)
        let result = try await backend.execute(optimized, options: limits)
        try limits.check(rows: result.rowCount, bytes: result.byteCount)
        return result
    }

    /// Optimizes and runs a plan, handing its result over in pieces of about `batchRows` rows.
    func batches(_ plan: LogicalPlan, batchRows: Int) throws -> ResultPieces {
        backend.batches(try prepare(plan), batchRows: batchRows, options: ExecutionOptions(progress: progress))
    }

    private func prepare(_ plan: LogicalPlan) throws -> LogicalPlan {
        let optimized = try optimizer.optimize(plan)
        try backend.checkSupport(optimized)
        if let diagnostics { backend.notes(for: optimized).forEach(diagnostics) }
        return optimized
    }

    /// `plan` as text (optimized unless told otherwise), followed by the backend's notes about
    /// running it, one `Note:` line each.
    func explain(_ plan: LogicalPlan, optimized: Bool) throws -> String {
        let shown = optimized ? try optimizer.optimize(plan) : plan
        return ([shown.explain()] + backend.notes(for: shown).map { "Note: " + $0 }).joined(separator: "\n")
    }
}
