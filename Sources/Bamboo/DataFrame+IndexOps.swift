import BambooCore
import BambooPlan

extension DataFrame {
    /// Uses columns as the index (pandas: `df.set_index(keys, drop=)`).
    ///
    /// ```swift
    /// try df.setIndex("id")
    /// ```
    public func setIndex(_ keys: [Scalar], drop: Bool = true, append: Bool = false) throws -> DataFrame {
        var levels: [NamedExpr] = []
        var missing: [Scalar] = []
        for key in keys {
            let positions = schema.positions(of: key)
            guard let position = positions.first else { missing.append(key); continue }
            let field = schema.columns[position]
            levels.append(NamedExpr(field: Field(label: field.label, dtype: field.dtype), expr: .column(field.id)))
        }
        if !missing.isEmpty {
            throw BambooError(.columnNotFound, "\"None of [\(missing.map(\.pythonRepr).joined(separator: ", "))] are in the columns\"",
                              suggestions: missing.flatMap { ClosestNames.rank($0.description, among: schema.columns.map(\.label.description)) })
        }
        let base = append ? try labelledPlan() : plan
        let existing = append ? base.schema.index.fields.map(NamedExpr.passthrough) : []
        let dropped = Set(keys)
        let columns = schema.columns.filter { !drop || !dropped.contains($0.label) }.map(NamedExpr.passthrough)
        return try with(.project(base, index: .fields(existing + levels), columns: columns))
    }

    public func setIndex(_ key: Scalar, drop: Bool = true, append: Bool = false) throws -> DataFrame {
        try setIndex([key], drop: drop, append: append)
    }

    /// Index levels chosen by name or position (pandas' `level=`).
    func indexLevels(_ selectors: [Scalar], in fields: [Field]) throws -> [Int] {
        try selectors.map { selector in
            if let position = fields.firstIndex(where: { $0.label == selector && selector != Scalar.none }) { return position }
            if case .int(let i) = selector, i >= 0, Int(i) < fields.count { return Int(i) }
            if case .int(let i) = selector {
                throw BambooError(.indexOutOfBounds, "Too many levels: Index has only \(fields.count) levels, not \(i + 1)")
            }
            throw BambooError(.keyNotFound, "Level \(selector.description) not found")
        }
    }

    /// Removes index levels, by name or position (pandas: `df.droplevel(level)`); at least one must remain.
    public func droplevel(_ level: [Scalar]) throws -> DataFrame {
        let labelled = try labelledPlan()
        let levels = labelled.schema.index.fields
        let dropped = Set(try indexLevels(level, in: levels))
        guard dropped.count < levels.count else {
            throw BambooError(.invalidArgument, "Cannot remove \(dropped.count) levels from an index with \(levels.count) levels: at least one level must be left.")
        }
        let kept = levels.indices.filter { !dropped.contains($0) }.map { NamedExpr.passthrough(levels[$0]) }
        return DataFrame(session: session, plan: try LogicalPlan(.project(labelled, index: .fields(kept), columns: schema.columns.map(NamedExpr.passthrough))))
    }

    /// Swaps two index levels (pandas: `df.swaplevel(i, j)`; by default the last two).
    public func swaplevel(_ i: Scalar = -2, _ j: Scalar = -1) throws -> DataFrame {
        let labelled = try labelledPlan()
        let levels = labelled.schema.index.fields
        func position(_ selector: Scalar) throws -> Int {
            if case .int(let p) = selector, p < 0, Int(p) + levels.count >= 0 { return Int(p) + levels.count }
            return try indexLevels([selector], in: levels)[0]
        }
        var order = Array(levels.indices)
        order.swapAt(try position(i), try position(j))
        return DataFrame(session: session, plan: try LogicalPlan(.project(labelled, index: .fields(order.map { .passthrough(levels[$0]) }),
                                                                          columns: schema.columns.map(NamedExpr.passthrough))))
    }

    /// Moves the index into columns and restores a RangeIndex (pandas: `df.reset_index(drop=)`).
    /// An unnamed level becomes column `index` (or `level_0` when `index` is taken), as in pandas.
    /// With `level`, only those levels move; the others stay as the index.
    public func resetIndex(level: [Scalar]? = nil, drop: Bool = false) throws -> DataFrame {
        let labelled = try labelledPlan()
        let allLevels = labelled.schema.index.fields
        let chosen = try level.map { Set(try indexLevels($0, in: allLevels)) } ?? Set(allLevels.indices)
        let kept = allLevels.indices.filter { !chosen.contains($0) }.map { NamedExpr.passthrough(allLevels[$0]) }
        let keptIndex: IndexProjection = kept.isEmpty ? .range : .fields(kept)
        if drop { return DataFrame(session: session, plan: try LogicalPlan(.project(labelled, index: keptIndex, columns: schema.columns.map(NamedExpr.passthrough)))) }
        let levels = allLevels.indices.filter { chosen.contains($0) }.map { allLevels[$0] }
        let taken = Set(schema.columns.map(\.label))
        var moved: [NamedExpr] = []
        for (i, level) in levels.enumerated() {
            var label = level.label
            if label == Scalar.none {
                let position = allLevels.firstIndex { $0.id == level.id } ?? i
                label = allLevels.count == 1 ? (taken.contains("index") ? "level_0" : "index") : .string("level_\(position)")
            }
            if taken.contains(label) {
                throw BambooError(.invalidArgument, "cannot insert \(label.description), already exists")
            }
            moved.append(NamedExpr(field: Field(label: label, dtype: level.dtype), expr: .column(level.id)))
        }
        return DataFrame(session: session, plan: try LogicalPlan(.project(labelled, index: keptIndex, columns: moved + schema.columns.map(NamedExpr.passthrough))))
    }
}
