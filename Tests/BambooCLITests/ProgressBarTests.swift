import Bamboo
@testable import BambooCLI
import Testing

/// The CLI's progress line: what a person watching a Spark job sees.
@Suite struct ProgressBarTests {
    static func stage(_ id: Int64, _ tasks: Int64, done completed: Int64, bytes: Int64 = 0) -> ExecutionProgress.Stage {
        .init(id: id, tasks: tasks, completedTasks: completed, inputBytesRead: bytes, done: completed == tasks)
    }

    @Test func showsTasksStagesAndBytes() {
        let progress = ExecutionProgress(stages: [Self.stage(0, 8, done: 8, bytes: 1_200_000), Self.stage(1, 8, done: 2)], inflightTasks: 2)
        #expect(ProgressBar.line(progress, width: 16) == "[##########......]  10/16 tasks  stage 2 of 2  1.2 MB read")
    }

    @Test func nothingKnownYetIsAnEmptyBar() {
        #expect(ProgressBar.line(ExecutionProgress(stages: [], inflightTasks: 0), width: 4) == "[....]  waiting for Spark to start tasks")
    }

    @Test func aFinishedJobFillsTheBar() {
        let progress = ExecutionProgress(stages: [Self.stage(3, 5, done: 5)], inflightTasks: 0)
        #expect(ProgressBar.line(progress, width: 5) == "[#####]  5/5 tasks  stage 1 of 1")
    }

    @Test(arguments: [(Int64(999), "999 B"), (1_000, "1.0 KB"), (2_500_000_000, "2.5 GB")])
    func bytesReadAreShortAndDecimal(bytes: Int64, text: String) {
        #expect(ProgressBar.byteText(bytes) == text)
    }
}
