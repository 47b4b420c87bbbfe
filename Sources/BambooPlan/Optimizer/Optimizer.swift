import BambooCore

/// Applies rules bottom-up until nothing changes, checking after every rewrite that the schema
/// (fields, dtypes, index) is exactly what it was: a rule that changes results is a bug.
public struct Optimizer: Sendable {
    public var rules: [any OptimizerRule]

    public static let standard = Optimizer(rules: [CombineProjects(), CombineFilters(), RemoveIdentityProject()])

    public init(rules: [any OptimizerRule]) { self.rules = rules }

    public func optimize(_ plan: LogicalPlan) throws -> LogicalPlan {
        let inputs = try plan.inputs.map(optimize)
        var current = try plan.replacingInputs(inputs)
        var changed = true
        while changed {
            changed = false
            for rule in rules {
                guard let rewritten = try rule.rewrite(current) else { continue }
                guard rewritten.schema == current.schema else {
                    throw BambooError.invariant("optimizer rule \(rule.name) changed the schema from \(current.schema) to \(rewritten.schema)")
                }
                current = rewritten
                changed = true
            }
        }
        return current
    }
}

extension LogicalPlan {
    /// The same node over new inputs (identity when they are the same objects).
    public func replacingInputs(_ newInputs: [LogicalPlan]) throws -> LogicalPlan {
        let old = inputs
        if old.count == newInputs.count && zip(old, newInputs).allSatisfy({ $0 === $1 }) { return self }
        guard let input = newInputs.first else { return self }
        switch node {
        case .source, .fileScan: return self
        case .groupWindow(_, let keys, let columns, let dropna): return try LogicalPlan(.groupWindow(input, keys: keys, columns: columns, dropna: dropna))
        case .markDuplicates(_, let keys, let keep, let field): return try LogicalPlan(.markDuplicates(input, keys: keys, keep: keep, field: field))
        case .valueCounts(_, let keys, let spec, let field): return try LogicalPlan(.valueCounts(input, keys: keys, spec: spec, field: field))
        case .groupSelect(_, let keys, let selection, let dropna): return try LogicalPlan(.groupSelect(input, keys: keys, selection: selection, dropna: dropna))
        case .pivot(_, let spec): return try LogicalPlan(.pivot(input, spec))
        case .explode(_, let columns): return try LogicalPlan(.explode(input, columns: columns))
        case .concat(_, let spec):
            return try LogicalPlan(.concat(newInputs, spec))
        case .join(_, _, let spec):
            guard newInputs.count == 2 else { throw BambooError.invariant("Join has two inputs") }
            return try LogicalPlan(.join(input, newInputs[1], spec))
        case .alignColumn(_, _, let value, let field, let purpose):
            guard newInputs.count == 2 else { throw BambooError.invariant("AlignColumn has two inputs") }
            return try LogicalPlan(.alignColumn(input, source: newInputs[1], value: value, field: field, purpose: purpose))
        case .project(_, let index, let columns): return try LogicalPlan(.project(input, index: index, columns: columns))
        case .filter(_, let predicate): return try LogicalPlan(.filter(input, predicate: predicate))
        case .sort(_, let keys): return try LogicalPlan(.sort(input, keys: keys))
        case .slice(_, let start, let stop, let step): return try LogicalPlan(.slice(input, start: start, stop: stop, step: step))
        case .take(_, let positions, let single): return try LogicalPlan(.take(input, positions: positions, single: single))
        case .maskRows(_, let mask, let positional): return try LogicalPlan(.maskRows(input, mask: mask, positional: positional))
        case .attachColumn(_, let field, let values): return try LogicalPlan(.attachColumn(input, field: field, values: values))
        case .rowNumber(_, let field): return try LogicalPlan(.rowNumber(input, field: field))
        case .locLabels(_, let labels): return try LogicalPlan(.locLabels(input, labels: labels))
        case .dropLabels(_, let labels, let mustExist): return try LogicalPlan(.dropLabels(input, labels: labels, mustExist: mustExist))
        case .locSlice(_, let start, let stop, let step): return try LogicalPlan(.locSlice(input, start: start, stop: stop, step: step))
        case .rowToSeries(_, let field): return try LogicalPlan(.rowToSeries(input, field: field))
        case .aggregate(_, let keys, let aggregations, let sort, let dropna, let observed):
            return try LogicalPlan(.aggregate(input, keys: keys, aggregations: aggregations, sort: sort, dropna: dropna, observed: observed))
        case .reduce(_, let reduction, let skipna, let columns): return try LogicalPlan(.reduce(input, reduction, skipna: skipna, columns: columns))
        }
    }
}
