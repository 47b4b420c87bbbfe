import Bamboo
import Foundation
import Synchronization

/// A one-line progress bar on standard error, drawn from a session's progress reports
/// (``Session/progress``): Spark's tasks done out of all tasks seen, with stages and bytes read.
///
/// Reports arrive on the task reading the server's stream, possibly several a second; the line is
/// redrawn in place (carriage return) at most every 100 ms, and cleared by ``finish()`` so the
/// result prints on a clean line. On a terminal only: piped output stays free of control text.
final class ProgressBar: Sendable {
    private struct State {
        var lastDrawn: ContinuousClock.Instant?
        var lineLength = 0
    }

    private let state = Mutex(State())
    private let width: Int

    init(width: Int = 30) {
        self.width = width
    }

    /// Whether standard error is a terminal, where a redrawn line makes sense.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Draws `progress`, unless the last line was drawn under 100 ms ago.
    func report(_ progress: ExecutionProgress) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if let last = state.lastDrawn, now - last < .milliseconds(100) { return nil }
            state.lastDrawn = now
            let text = Self.line(progress, width: width)
            // Pad with spaces to cover a longer previous line.
            let padded = text.padding(toLength: max(text.count, state.lineLength), withPad: " ", startingAt: 0)
            state.lineLength = text.count
            return "\r" + padded
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line, if one was drawn.
    func finish() {
        let length = state.withLock { state in
            defer { state = State() }
            return state.lineLength
        }
        guard length > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: length) + "\r").utf8))
    }

    /// `[#########.....................]  312/1040 tasks  stage 3 of 4  1.2 MB read`
    static func line(_ progress: ExecutionProgress, width: Int) -> String {
        let total = max(progress.totalTasks, 0), done = min(max(progress.completedTasks, 0), total)
        // Before Spark has planned any stage (parsing, uploading, optimizing).
        if total == 0 { return "[\(String(repeating: ".", count: width))]  waiting for Spark to start tasks" }
        let filled = total == 0 ? 0 : Int(Double(done) / Double(total) * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let stagesDone = progress.stages.filter(\.done).count
        let stage = progress.stages.isEmpty ? "" : "  stage \(min(stagesDone + 1, progress.stages.count)) of \(progress.stages.count)"
        let bytes = progress.inputBytesRead > 0 ? "  \(byteText(progress.inputBytesRead)) read" : ""
        return "[\(bar)]  \(done)/\(total) tasks\(stage)\(bytes)"
    }

    static func byteText(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
