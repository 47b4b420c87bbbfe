/// `Project(Project(x))` → one `Project(x)`, substituting the inner expressions into the outer ones.
/// Facade code builds long chains of projections (`assign`, `rename`, `astype`, column sets).
public struct CombineProjects: OptimizerRule {
    public init() {}
    public var name: String { "CombineProjects" }

    public func rewrite(_ plan: LogicalPlan) throws -> LogicalPlan? {
        guard case .project(let inner, let outerIndex, let outerColumns) = plan.node,
              case .project(let source, let innerIndex, let innerColumns) = inner.node else { return nil }
        var substitution: [FieldID: Expr] = [:]
        for item in innerColumns { substitution[item.field.id] = item.expr }
        if case .fields(let levels) = innerIndex { for item in levels { substitution[item.field.id] = item.expr } }
        func merged(_ items: [NamedExpr]) -> [NamedExpr] {
            items.map { NamedExpr(field: $0.field, expr: $0.expr.substituting(substitution)) }
        }
        let index: IndexProjection
        switch outerIndex {
        case .range: index = .range
        case .fields(let levels): index = .fields(merged(levels))
        case .keep:
            switch innerIndex {
            case .keep: index = .keep
            case .range: index = .range
            case .fields(let levels): index = .fields(levels.map { NamedExpr(field: $0.field, expr: $0.expr) })
            }
        }
        return try LogicalPlan(.project(source, index: index, columns: merged(outerColumns)))
    }
}
