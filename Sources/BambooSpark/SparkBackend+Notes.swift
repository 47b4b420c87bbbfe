#if Spark
import BambooCore
import BambooPlan

extension SparkBackend {
    /// Warns about the steps Spark will compute in a single partition.
    ///
    /// A window over the whole frame (`df.cumsum()`, `df.shift()`, `df.rank()`,
    /// `df.rolling(3).sum()`: a `GroupWindow` without keys) has no partition keys, so Spark moves
    /// every row into one task to run it: correct, but as slow as one core on large data.
    /// Grouped windows are partitioned by their keys and are not reported.
    public func notes(for plan: LogicalPlan) -> [String] {
        var notes: [String] = []
        Self.collectNotes(plan, into: &notes)
        var seen = Set<String>()
        return notes.filter { seen.insert($0).inserted }
    }

    private static func collectNotes(_ plan: LogicalPlan, into notes: inout [String]) {
        for input in plan.inputs { collectNotes(input, into: &notes) }
        guard case .groupWindow(_, let keys, let columns, _) = plan.node, keys.isEmpty else { return }
        let names = Array(Set(columns.map(\.function.name))).sorted().joined(separator: ", ")
        notes.append("GroupWindow \(names) over the whole frame runs in a single Spark partition: every row moves to one task. "
            + "Window within groups (groupby) to spread the work, or expect it to be slow on large data.")
    }
}
#endif
