/// How far a running action has got, as a backend reports it: one value per report, delivered to
/// the session's ``ExecutionOptions/progress`` observer while the action runs.
///
/// The Spark backend reports Spark's stages and tasks as the server streams them; backends that
/// run in one step report nothing. pandas has no counterpart (its actions run in the caller).
///
/// ```swift
/// var spark = try Session.spark("sc://127.0.0.1:15002")
/// spark.progress = { p in print("\(p.completedTasks)/\(p.totalTasks) tasks") }
/// ```
public struct ExecutionProgress: Sendable, Hashable {
    /// One stage of the query (Spark: a stage of tasks between shuffles).
    public struct Stage: Sendable, Hashable {
        public var id: Int64
        public var tasks: Int64
        public var completedTasks: Int64
        public var inputBytesRead: Int64
        public var done: Bool

        public init(id: Int64, tasks: Int64, completedTasks: Int64, inputBytesRead: Int64, done: Bool) {
            self.id = id
            self.tasks = tasks
            self.completedTasks = completedTasks
            self.inputBytesRead = inputBytesRead
            self.done = done
        }
    }

    public var stages: [Stage]
    /// Tasks running right now, over all stages.
    public var inflightTasks: Int64

    public init(stages: [Stage], inflightTasks: Int64) {
        self.stages = stages
        self.inflightTasks = inflightTasks
    }

    public var totalTasks: Int64 { stages.reduce(0) { $0 + $1.tasks } }
    public var completedTasks: Int64 { stages.reduce(0) { $0 + $1.completedTasks } }
    public var inputBytesRead: Int64 { stages.reduce(0) { $0 + $1.inputBytesRead } }
}
