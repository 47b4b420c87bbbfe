import BambooCore

/// Computes a node's output schema from its inputs', throwing the error pandas would raise at
/// call time (unknown field, bad dtype) so transformations fail at once, not at `collect()`.
enum SchemaInference {
    static func schema(of node: LogicalPlan.Node) throws -> Schema {
        var schema = try shape(of: node)
        schema.order = order(of: node)
        return schema
    }

    /// The row order a node produces: most keep their input's; sorts put their keys first and keep
    /// the input order as the tie-breaker (stable); explicit selections impose their own.
    static func order(of node: LogicalPlan.Node) -> [OrderKey] {
        switch node {
        case .source(let data): return [.sourcePosition(origin: data.origin)]
        case .fileScan(let scan): return [.sourcePosition(origin: scan.origin)]
        case .sort(let input, let keys):
            return keys.map { OrderKey.expression($0.expr, ascending: $0.ascending, missingFirst: $0.missingFirst) } + input.schema.order
        case .take(let input, let positions, _):
            return [.selection("positions \(positions.prefix(5).map(String.init).joined(separator: ", "))\(positions.count > 5 ? ", ..." : "")")] + input.schema.order
        case .locLabels(let input, let labels):
            return [.selection("labels \(labels.prefix(5).map(\.pythonRepr).joined(separator: ", "))\(labels.count > 5 ? ", ..." : "")")] + input.schema.order
        case .reduce, .rowToSeries: return []
        case .concat(let parts, _): return [.selection("inputs one after another")] + (parts.first?.schema.order ?? [])
        case .pivot(_, let spec): return spec.index.map { OrderKey.expression(.column($0.id), ascending: true, missingFirst: false) }
        case .groupWindow(let input, _, _, _), .groupSelect(let input, _, _, _), .markDuplicates(let input, _, _, _), .explode(let input, _):
            return input.schema.order
        case .valueCounts(_, _, let spec, let field):
            return spec.sort ? [.expression(.column(field.id), ascending: spec.ascending, missingFirst: false), .selection("first appearance")]
                : [.selection("first appearance of each value")]
        case .join(let left, let right, let spec):
            switch spec.how {
            case .inner, .left: return [.selection("left rows, then their matches")] + left.schema.order
            case .right: return [.selection("right rows, then their matches")] + right.schema.order
            case .outer: return spec.leftKeys.map { OrderKey.expression(.column($0), ascending: true, missingFirst: false) }
            case .leftAnti: return left.schema.order
            case .rightAnti: return right.schema.order
            case .cross: return left.schema.order + right.schema.order
            }
        case .aggregate(_, let keys, _, let sort, _, _):
            return sort ? keys.map { OrderKey.expression(.column($0.field.id), ascending: true, missingFirst: false) }
                : [.selection("first appearance of each group")]
        case .alignColumn(let input, _, _, _, _): return input.schema.order
        case .project(let input, _, _), .filter(let input, _), .slice(let input, _, _, _), .maskRows(let input, _, _),
             .attachColumn(let input, _, _), .rowNumber(let input, _), .dropLabels(let input, _, _), .locSlice(let input, _, _, _):
            return input.schema.order
        }
    }

    static func shape(of node: LogicalPlan.Node) throws -> Schema {
        switch node {
        case .source(let data):
            return data.schema
        case .fileScan(let scan):
            return scan.schema
        case .project(let input, let indexProjection, let columns):
            let fields = input.schema.allFields
            let index: IndexSchema
            switch indexProjection {
            case .keep: index = input.schema.index
            case .range: index = .range
            case .fields(let levels): index = .fields(try levels.map { try typed($0, in: fields) })
            }
            return Schema(index: index, columns: try columns.map { try typed($0, in: fields) })
        case .filter(let input, let predicate):
            try requireLabelledRows(input, "Filter")
            let dtype = try ExprTyping.dtype(of: predicate, in: input.schema.allFields)
            guard dtype == .bool || dtype == .nullableBool else {
                throw BambooError(.typeMismatch, "A boolean mask must have dtype bool or boolean, not \(dtype.name). Compare the column to a value first, e.g. df[\"a\"] > 0.")
            }
            return input.schema
        case .sort(let input, let keys):
            try requireLabelledRows(input, "Sort")
            for key in keys { _ = try ExprTyping.dtype(of: key.expr, in: input.schema.allFields) }
            return input.schema
        case .slice(let input, _, _, let step):
            try requireLabelledRows(input, "Slice")
            guard step != 0 else { throw BambooError(.invalidArgument, "slice step cannot be zero") }
            return input.schema
        case .attachColumn(let input, let field, let values):
            guard field.dtype == values.dtype else { throw BambooError.invariant("attached column dtype") }
            return Schema(index: input.schema.index, columns: input.schema.columns + [field])
        case .take(let input, _, _), .maskRows(let input, _, _):
            try requireLabelledRows(input, "Take")
            return input.schema
        case .rowNumber(let input, let field):
            guard field.dtype == .int64 else { throw BambooError.invariant("row numbers are int64") }
            return Schema(index: input.schema.index, columns: input.schema.columns + [field])
        case .locLabels(let input, _):
            try requireLabelledRows(input, "Label lookup")
            return input.schema
        case .locSlice(let input, _, _, _), .dropLabels(let input, _, _):
            try requireLabelledRows(input, "Label lookup")
            guard input.schema.index.fields.count == 1 else {
                throw BambooError(.unsupportedOnBackend, "Label lookup on a MultiIndex is not available yet; reset_index() first.")
            }
            return input.schema
        case .alignColumn(let input, let source, let value, let field, _):
            try requireLabelledRows(input, "Alignment")
            try requireLabelledRows(source, "Alignment")
            guard input.schema.index.fields.count == source.schema.index.fields.count else {
                throw BambooError(.unsupportedOnBackend, "Aligning indexes with different numbers of levels is not available yet; reset_index() first.")
            }
            let dtype = try ExprTyping.dtype(of: value, in: source.schema.allFields)
            guard dtype == field.dtype else { throw BambooError.invariant("aligned field dtype \(field.dtype) != \(dtype)") }
            return Schema(index: input.schema.index, columns: input.schema.columns + [field])
        case .rowToSeries(let input, let field):
            let labels = input.schema.columns.map(\.label)
            let labelType = Column.infer(labels).dtype
            let expected = try DTypePromotion.common(input.schema.columns.map(\.dtype))
            guard field.dtype == expected else { throw BambooError.invariant("row series dtype \(field.dtype) != \(expected)") }
            return Schema(index: .fields([Field(label: .none, dtype: labelType == .float64 && labels.isEmpty ? .object : labelType)]), columns: [field])
        case .groupWindow(let input, let keys, let columns, _):
            let fields = input.schema.allFields
            for key in keys { _ = try ExprTyping.dtype(of: key, in: fields) }
            return Schema(index: input.schema.index, columns: try columns.map { column in
                // A time-based window measures its span on datetimes (pandas' error otherwise).
                if let times = column.times {
                    guard case .datetime = try ExprTyping.dtype(of: times, in: fields) else {
                        throw BambooError(.invalidArgument, "window must be an integer 0 or greater")
                    }
                }
                let dtype = try column.function.resultDType(for: ExprTyping.dtype(of: column.input, in: fields))
                guard dtype == column.field.dtype else { throw BambooError.invariant("window column \(column.field) gives \(dtype)") }
                return column.field
            })
        case .explode(let input, let columns):
            try requireLabelledRows(input, "Explode")
            let ids = Set(input.schema.columns.map(\.id))
            guard !columns.isEmpty, columns.allSatisfy(ids.contains) else { throw BambooError.invariant("explode columns not in input") }
            return input.schema
        case .markDuplicates(let input, let keys, _, let field):
            for key in keys { _ = try ExprTyping.dtype(of: key, in: input.schema.allFields) }
            guard field.dtype == .bool else { throw BambooError.invariant("duplicate marks are bool") }
            return Schema(index: input.schema.index, columns: input.schema.columns + [field])
        case .valueCounts(let input, let keys, _, let field):
            let levels = try keys.map { try typed($0, in: input.schema.allFields) }
            return Schema(index: .fields(levels), columns: [field])
        case .groupSelect(let input, let keys, _, _):
            try requireLabelledRows(input, "Group selection")
            for key in keys { _ = try ExprTyping.dtype(of: key, in: input.schema.allFields) }
            return input.schema
        case .pivot(let input, let spec):
            let ids = Set(input.schema.allFields.map(\.id))
            guard spec.index.allSatisfy({ ids.contains($0.id) }), ids.contains(spec.columns), spec.outputs.allSatisfy({ ids.contains($0.value) }) else {
                throw BambooError.invariant("pivot fields not in its input")
            }
            return Schema(index: .fields(spec.index), columns: spec.outputs.map(\.field))
        case .concat(let parts, let spec):
            guard spec.sources.count == parts.count, spec.index.isEmpty || spec.indexSources.count == parts.count,
                  spec.indexSources.allSatisfy({ $0.count == spec.index.count }) else {
                throw BambooError.invariant("concat sources do not match its inputs")
            }
            for (part, sources) in zip(parts, spec.sources) {
                let ids = Set(part.schema.allFields.map(\.id))
                guard sources.count == spec.columns.count, sources.allSatisfy({ $0.map(ids.contains) ?? true }) else {
                    throw BambooError.invariant("concat source fields not in input")
                }
            }
            if let keyLevel = spec.keyLevel {
                guard spec.keys.count == parts.count else { throw BambooError.invariant("one concat key per input") }
                return Schema(index: .fields([keyLevel] + spec.index), columns: spec.columns)
            }
            return Schema(index: spec.index.isEmpty ? .range : .fields(spec.index), columns: spec.columns)
        case .join(let left, let right, let spec):
            let leftFields = Set(left.schema.allFields.map(\.id)), rightFields = Set(right.schema.allFields.map(\.id))
            for (field, source) in spec.columns + spec.index {
                switch source {
                case .left(let id): guard leftFields.contains(id) else { throw BambooError.invariant("join column \(field) not in left") }
                case .right(let id): guard rightFields.contains(id) else { throw BambooError.invariant("join column \(field) not in right") }
                case .key(let l, let r): guard leftFields.contains(l), rightFields.contains(r) else { throw BambooError.invariant("join key \(field)") }
                }
            }
            guard spec.leftKeys.count == spec.rightKeys.count, spec.how == .cross || !spec.leftKeys.isEmpty else {
                throw BambooError(.invalidArgument, "len(right_on) must equal len(left_on), and a merge needs keys unless how='cross'.")
            }
            return Schema(index: spec.index.isEmpty ? .range : .fields(spec.index.map(\.field)),
                          columns: spec.columns.map(\.field) + (spec.indicator.map { [$0] } ?? []))
        case .aggregate(let input, let keys, let aggregations, _, _, _):
            let fields = input.schema.allFields
            let levels = try keys.map { try typed($0, in: fields) }
            let columns = try aggregations.map { aggregation -> Field in
                var dtype = try aggregation.function.resultDType(for: ExprTyping.dtype(of: aggregation.input, in: fields), options: aggregation.options)
                // idxmin/idxmax return labels of the index level they were given.
                if let labels = aggregation.labels { dtype = try ExprTyping.dtype(of: labels, in: fields) }
                if let custom = aggregation.custom { dtype = custom.dtype }
                guard dtype == aggregation.field.dtype else { throw BambooError.invariant("aggregation \(aggregation.field) gives \(dtype)") }
                return aggregation.field
            }
            return Schema(index: .fields(levels), columns: columns)
        case .reduce(let input, let reduction, _, let columns):
            let fields = input.schema.allFields
            return Schema(index: .range, columns: try columns.map { named in
                let inputType = try ExprTyping.dtype(of: named.expr, in: fields)
                let dtype = try reduction.resultDType(for: inputType)
                guard dtype == named.field.dtype else { throw BambooError.invariant("reduce field dtype \(named.field.dtype) != \(dtype)") }
                return named.field
            })
        }
    }

    /// Checks the field's declared dtype against the expression's inferred one.
    static func typed(_ named: NamedExpr, in fields: [Field]) throws -> Field {
        let dtype = try ExprTyping.dtype(of: named.expr, in: fields)
        guard dtype == named.field.dtype else {
            throw BambooError.invariant("field \(named.field) declared \(named.field.dtype.name) but its expression gives \(dtype.name)")
        }
        return named.field
    }

    /// Row-subsetting nodes need real labels: a RangeIndex must be numbered first (`RowNumber`).
    static func requireLabelledRows(_ input: LogicalPlan, _ what: String) throws {
        if case .range = input.schema.index {
            throw BambooError.invariant("\(what) over a RangeIndex must number its rows first")
        }
    }
}

extension NamedExpr {
    /// A field computed by `expr`, typed against `fields` (throws pandas' TypeError for bad operands).
    public static func typed(label: Scalar, expr: Expr, in fields: [Field], id: FieldID = .make()) throws -> NamedExpr {
        NamedExpr(field: Field(id: id, label: label, dtype: try ExprTyping.dtype(of: expr, in: fields)), expr: expr)
    }
}
