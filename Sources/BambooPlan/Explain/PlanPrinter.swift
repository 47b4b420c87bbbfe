import BambooCore

extension LogicalPlan {
    /// The plan as an indented tree, one node per line, leaves last.
    ///
    /// ```text
    /// Filter (#2 > 1)
    /// └─ Source 3 rows from literal [index: RangeIndex; 'a':int64#2, 'b':str#3]
    /// ```
    public func explain() -> String {
        var lines: [String] = []
        PlanPrinter.append(self, prefix: "", childPrefix: "", into: &lines)
        if !schema.order.isEmpty {
            lines.append("Row order: " + schema.order.map(\.description).joined(separator: ", then "))
        }
        return lines.joined(separator: "\n")
    }
}

enum PlanPrinter {
    static func append(_ plan: LogicalPlan, prefix: String, childPrefix: String, into lines: inout [String]) {
        lines.append(prefix + plan.name + " " + detail(plan))
        let children = plan.inputs
        for (i, child) in children.enumerated() {
            let last = i == children.count - 1
            append(child, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "), into: &lines)
        }
    }

    static func fields(_ fields: [Field]) -> String { fields.map(\.description).joined(separator: ", ") }

    static func named(_ items: [NamedExpr]) -> String {
        items.map { item in
            if case .column(let id) = item.expr, id == item.field.id { return item.field.description }
            return "\(item.field) = \(item.expr)"
        }.joined(separator: ", ")
    }

    static func index(_ schema: Schema) -> String {
        switch schema.index {
        case .range: return "RangeIndex"
        case .fields(let levels): return fields(levels)
        }
    }

    static func detail(_ plan: LogicalPlan) -> String {
        switch plan.node {
        case .source(let data):
            return "\(data.rowCount) rows from \(data.origin) [index: \(index(data.schema)); \(fields(data.schema.columns))]"
        case .fileScan(let scan):
            return "\(scan.format.rawValue) '\(scan.path)' read by the backend [index: RangeIndex; \(fields(scan.schema.columns))]"
        case .project(_, let indexProjection, let columns):
            let indexText: String
            switch indexProjection {
            case .keep: indexText = ""
            case .range: indexText = "index: RangeIndex; "
            case .fields(let levels): indexText = "index: \(named(levels)); "
            }
            return "[\(indexText)\(named(columns))]"
        case .filter(_, let predicate): return predicate.description
        case .sort(_, let keys):
            return keys.map { "\($0.expr) \($0.ascending ? "asc" : "desc") nulls \($0.missingFirst ? "first" : "last")" }
                .joined(separator: ", ") + " (stable)"
        case .slice(_, let start, let stop, let step):
            return "[\(start.map(String.init) ?? ""):\(stop.map(String.init) ?? "")\(step == 1 ? "" : ":\(step)")]"
        case .take(_, let positions, let single):
            return (single ? "row " : "") + "positions \(positions.prefix(10).map(String.init).joined(separator: ", "))\(positions.count > 10 ? ", ..." : "")"
        case .attachColumn(_, let field, let values): return "\(field) (\(values.count) values)"
        case .maskRows(_, let mask, _): return "\(mask.filter { $0 }.count) of \(mask.count)"
        case .rowNumber(_, let field): return field.description
        case .locLabels(_, let labels): return "labels \(labels.prefix(10).map(\.pythonRepr).joined(separator: ", "))"
        case .dropLabels(_, let labels, let mustExist):
            return "labels \(labels.prefix(10).map(\.pythonRepr).joined(separator: ", "))\(mustExist ? "" : " (missing ignored)")"
        case .locSlice(_, let start, let stop, let step):
            return "[\(start?.pythonRepr ?? ""):\(stop?.pythonRepr ?? "")\(step == 1 ? "" : ":\(step)")] (inclusive)"
        case .rowToSeries(_, let field): return field.description
        case .alignColumn(_, _, let value, let field, let purpose): return "\(field) = \(value) by index (\(purpose.rawValue))"
        case .groupWindow(_, let keys, let columns, let dropna):
            return "by [\(keys.map(\.description).joined(separator: ", "))] dropna=\(dropna ? "True" : "False") [\(columns.map { "\($0.field) = \($0.function.name)(\($0.input))" }.joined(separator: ", "))]"
        case .explode(let input, let columns):
            return "[\(fields(input.schema.columns.filter { columns.contains($0.id) }))]"
        case .markDuplicates(_, let keys, let keep, let field):
            return "\(field) by [\(keys.map(\.description).joined(separator: ", "))] keep=\(keep.rawValue)"
        case .valueCounts(_, let keys, let spec, let field):
            return "\(field) by [\(named(keys))] normalize=\(spec.normalize) sort=\(spec.sort) ascending=\(spec.ascending) dropna=\(spec.dropna)"
        case .groupSelect(_, let keys, let selection, _):
            return "\(selection) by [\(keys.map(\.description).joined(separator: ", "))]"
        case .pivot(_, let spec):
            return "index [\(fields(spec.index))] columns \(spec.columns) (\(spec.columnValues.count) values) [\(fields(spec.outputs.map(\.field)))]"
        case .concat(let parts, let spec):
            return "\(parts.count) inputs [\(spec.index.isEmpty ? "index: RangeIndex; " : "")\(fields(spec.columns))]"
        case .join(_, _, let spec):
            let keys = zip(spec.leftKeys, spec.rightKeys).map { "\($0) = \($1)" }.joined(separator: ", ")
            return "\(spec.how.rawValue) on [\(keys)]\(spec.sort ? " sorted" : "")\(spec.validate.map { " validate=\($0.rawValue)" } ?? "") [\(fields(spec.columns.map(\.field)))]"
        case .aggregate(_, let keys, let aggregations, let sort, let dropna, let observed):
            let aggs = aggregations.map { "\($0.field) = \($0.function.rawValue)(\($0.input))" }.joined(separator: ", ")
            return "by [\(named(keys))] sort=\(sort ? "True" : "False") dropna=\(dropna ? "True" : "False")\(observed ? "" : " observed=False") [\(aggs)]"
        case .reduce(_, let reduction, let skipna, let columns):
            return "\(reduction.rawValue)(skipna=\(skipna ? "True" : "False")) [\(named(columns))]"
        }
    }
}
