/// One rewrite of a plan into an equivalent, cheaper plan. Each rule lives in its own file.
public protocol OptimizerRule: Sendable {
    var name: String { get }
    /// The rewritten node, or nil when the rule does not apply here (inputs are already optimized).
    func rewrite(_ plan: LogicalPlan) throws -> LogicalPlan?
}
