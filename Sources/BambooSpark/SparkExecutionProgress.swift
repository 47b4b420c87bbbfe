#if Spark
/// What the server reported about a running execution: one value per progress message, delivered
/// to the observer passed to ``SparkConnectClient/executeRaw(_:onProgress:)``.
public struct SparkExecutionProgress: Sendable, Hashable {
    /// One Spark stage of the query.
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
#endif
