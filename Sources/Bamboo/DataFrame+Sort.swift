import BambooCore
import BambooPlan

/// Where missing values go in a sort (pandas' `na_position`).
public enum NAPosition: String, Sendable {
    case first, last
}

extension DataFrame {
    /// Sorts rows by columns, stably (pandas: `df.sort_values(by=, ascending=, na_position=)`).
    ///
    /// ```swift
    /// try df.sortValues(by: ["k", "v"], ascending: [true, false], naPosition: .first)
    /// ```
    /// Bamboo always sorts stably: ties keep their order, which is pandas' `kind="stable"` and one
    /// valid outcome of its default unstable quicksort.
    public func sortValues(by labels: [Scalar], ascending: [Bool]? = nil, naPosition: NAPosition = .last, ignoreIndex: Bool = false) throws -> DataFrame {
        let directions = ascending ?? Array(repeating: true, count: labels.count)
        guard directions.count == labels.count else {
            throw BambooError(.invalidArgument, "Length of ascending (\(directions.count)) != length of by (\(labels.count))")
        }
        var keys: [SortSpec] = []
        for (label, up) in zip(labels, directions) {
            let positions = schema.positions(of: label)
            guard positions.count == 1 else {
                if positions.isEmpty { throw schema.notFound(label) }
                throw BambooError(.invalidArgument, "The column label \(label.pythonRepr) is not unique.")
            }
            keys.append(SortSpec(expr: .column(schema.columns[positions[0]].id), ascending: up, missingFirst: naPosition == .first))
        }
        let sorted = DataFrame(session: session, plan: try LogicalPlan(.sort(labelledPlan(), keys: keys)))
        return ignoreIndex ? try sorted.resetIndex(drop: true) : sorted
    }

    public func sortValues(by label: Scalar, ascending: Bool = true, naPosition: NAPosition = .last, ignoreIndex: Bool = false) throws -> DataFrame {
        try sortValues(by: [label], ascending: [ascending], naPosition: naPosition, ignoreIndex: ignoreIndex)
    }

    /// Sorts rows by the index (pandas: `df.sort_index(ascending=, na_position=)`).
    public func sortIndex(ascending: Bool = true, naPosition: NAPosition = .last) throws -> DataFrame {
        try sortIndex(level: nil, ascending: nil, sortRemaining: true, naPosition: naPosition, allAscending: ascending)
    }

    /// Sorts rows by some index levels, by name or position, each with its own direction
    /// (pandas: `df.sort_index(level=, ascending=[...], sort_remaining=)`); with `sortRemaining`
    /// the other levels break ties, in order.
    public func sortIndex(level: [Scalar]? = nil, ascending: [Bool]?, sortRemaining: Bool = true, naPosition: NAPosition = .last) throws -> DataFrame {
        try sortIndex(level: level, ascending: ascending, sortRemaining: sortRemaining, naPosition: naPosition, allAscending: true)
    }

    func sortIndex(level: [Scalar]?, ascending: [Bool]?, sortRemaining: Bool, naPosition: NAPosition, allAscending: Bool) throws -> DataFrame {
        let labelled = try labelledPlan()
        let fields = labelled.schema.index.fields
        var order = try level.map { try indexLevels($0, in: fields) } ?? Array(fields.indices)
        let directions = ascending ?? Array(repeating: allAscending, count: order.count)
        guard directions.count == order.count else {
            throw BambooError(.invalidArgument, "given ascending length (\(directions.count)) and level length (\(order.count)) do not match")
        }
        var keys = zip(order, directions).map { SortSpec(expr: .column(fields[$0].id), ascending: $1, missingFirst: naPosition == .first) }
        if sortRemaining && level != nil {
            let rest = fields.indices.filter { !order.contains($0) }
            keys += rest.map { SortSpec(expr: .column(fields[$0].id), ascending: directions.first ?? true, missingFirst: naPosition == .first) }
            order += rest
        }
        return DataFrame(session: session, plan: try LogicalPlan(.sort(labelled, keys: keys)))
    }
}
