import Bamboo
import BambooEager
import BambooPlan
import Synchronization
import Testing

/// The backend notes channel: `explain()` lists a backend's notes after the plan, and the
/// session's `diagnostics` handler receives them when an action runs.
@Suite struct BackendNotesTests {
    /// The eager backend, noting every plan it runs.
    struct NotingBackend: Backend {
        let eager = EagerBackend()
        var name: String { "noting" }
        func unsupportedReason(_ node: LogicalPlan) -> String? { eager.unsupportedReason(node) }
        func execute(_ plan: LogicalPlan) async throws -> ExecutionResult { try await eager.execute(plan) }
        func notes(for plan: LogicalPlan) -> [String] { ["\(plan.name) runs slowly here."] }
    }

    @Test func explainShowsNotesAndActionsDeliverThem() async throws {
        let received = Mutex<[String]>([])
        var session = Session(backend: NotingBackend())
        session.diagnostics = { note in received.withLock { $0.append(note) } }
        let df = try DataFrame(["a": [1, 2, 3]], session: session)
        let explained = try df.cumsum().explain()
        #expect(explained.hasSuffix("\nNote: GroupWindow runs slowly here."))
        #expect(received.withLock { $0.isEmpty }, "explain() runs nothing")
        _ = try await df.cumsum().collect()
        #expect(received.withLock { $0 } == ["GroupWindow runs slowly here."])
    }

    @Test func theEagerBackendHasNoNotes() throws {
        let df = try DataFrame(["a": [1, 2, 3]])
        #expect(try !df.cumsum().explain().contains("Note:"))
    }
}
