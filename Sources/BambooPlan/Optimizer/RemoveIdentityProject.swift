/// A projection that keeps the index and passes every input column through unchanged, in order,
/// is removed.
public struct RemoveIdentityProject: OptimizerRule {
    public init() {}
    public var name: String { "RemoveIdentityProject" }

    public func rewrite(_ plan: LogicalPlan) throws -> LogicalPlan? {
        guard case .project(let input, .keep, let columns) = plan.node,
              columns.count == input.schema.columns.count else { return nil }
        for (item, field) in zip(columns, input.schema.columns) {
            guard item.field == field, item.expr == .column(field.id) else { return nil }
        }
        return input
    }
}
