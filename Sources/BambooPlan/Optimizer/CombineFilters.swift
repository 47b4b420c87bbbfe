/// `Filter(Filter(x, p), q)` → `Filter(x, p & q)`: masks are row-wise, so the conjunction keeps
/// exactly the rows both keep, in the same order.
public struct CombineFilters: OptimizerRule {
    public init() {}
    public var name: String { "CombineFilters" }

    public func rewrite(_ plan: LogicalPlan) throws -> LogicalPlan? {
        guard case .filter(let inner, let outer) = plan.node,
              case .filter(let source, let first) = inner.node else { return nil }
        // Kleene `&` with NA would keep different rows than two filters; only plain bool masks combine.
        let fields = source.schema.allFields
        guard try ExprTyping.dtype(of: first, in: fields) == .bool,
              try ExprTyping.dtype(of: outer, in: inner.schema.allFields) == .bool else { return nil }
        return try LogicalPlan(.filter(source, predicate: .binary(.and, first, outer)))
    }
}
