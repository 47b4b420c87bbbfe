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
    let backend: any Backend
    public var options: Options
    let optimizer: Optimizer

    /// Options in pandas' dotted spelling (`compute.maxRows` ~ a guard pandas does not need).
    public struct Options: Sendable {
        /// The most rows `collect()` brings back unless told otherwise (nil: no limit).
        public var computeMaxRows: Int? = 1_000_000
        /// Rows shown before a printed frame is truncated (pandas `display.max_rows`).
        public var displayMaxRows: Int = 60
        /// Rows shown at each end of a truncated frame (pandas `display.min_rows` / 2).
        public var displayMinRows: Int = 10
        public init() {}
    }

    private static let counter = Atomic<Int>(0)

    public init(backend: any Backend, options: Options = Options()) {
        self.id = Session.counter.wrappingAdd(1, ordering: .relaxed).newValue
        self.backend = backend
        self.options = options
        self.optimizer = .standard
    }

    /// The reference backend: single-threaded, exactly pandas.
    public static func eager(options: Options = Options()) -> Session {
        Session(backend: EagerBackend(), options: options)
    }

    /// The session used when none is given.
    public static let `default` = Session.eager()

    /// The backend's name (`eager`, ...).
    public var backendName: String { backend.name }

    /// Optimizes and runs a plan on the backend.
    func run(_ plan: LogicalPlan) async throws -> ExecutionResult {
        let optimized = try optimizer.optimize(plan)
        try backend.checkSupport(optimized)
        return try await backend.execute(optimized)
    }
}
