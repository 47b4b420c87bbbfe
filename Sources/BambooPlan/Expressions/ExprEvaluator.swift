import BambooCore

/// Evaluates expressions over columns with Core's kernels. Also types them: evaluating over
/// zero-row columns yields the output dtype (and any TypeError) with the very code that runs
/// later, so the schema and the data cannot disagree.
public enum ExprEvaluator {
    public static func evaluate(_ expr: Expr, count: Int, column: (FieldID) throws -> Column) throws -> Column {
        func eval(_ e: Expr) throws -> Column { try evaluate(e, count: count, column: column) }
        func operand(_ e: Expr) throws -> Operand {
            if case .literal(let value) = e { return .scalar(value) }
            return .column(try eval(e))
        }
        switch expr {
        case .column(let id): return try column(id)
        case .literal(let value): return Column.constant(value, count: count)
        case .binary(let op, let a, let b): return try Kernels.binary(op, operand(a), operand(b), count: count)
        case .unary(let op, let a): return try Kernels.unary(op, eval(a))
        case .isNull(let a): return try eval(a).isna()
        case .notNull(let a): return try eval(a).notna()
        case .fillNull(let a, let value): return try eval(a).fillna(value)
        case .cast(let a, let target): return try eval(a).astype(target)
        case .isIn(let a, let values): return try eval(a).isin(values)
        case .string(let a, let function): return try eval(a).applying(function)
        case .temporal(let a, let function): return try eval(a).applying(function)
        case .categoryCodes(let a):
            let column = try eval(a)
            guard case .category = column.dtype, case .int64(let codes) = column.values else {
                throw BambooError(.typeMismatch, "Can only use .cat accessor with a 'category' dtype")
            }
            return Column(int64: codes.indices.map { column.isMissing($0) ? -1 : codes[$0] })
        case .map(let a, let function):
            // No rows: the declared dtype (the closure is never typed by calling it).
            if count == 0 { _ = try eval(a); return Column.allMissing(function.dtype, count: 0) }
            return try function.map(eval(a))
        case .countNotNull(let items):
            var counts = [Int64](repeating: 0, count: count)
            for item in items {
                let c = try eval(item)
                for i in 0..<count where !c.isMissing(i) { counts[i] += 1 }
            }
            return Column(int64: counts)
        }
    }
}

/// The dtype of an expression over a schema, found by evaluating it on empty columns.
public enum ExprTyping {
    public static func dtype(of expr: Expr, in fields: [Field]) throws -> DType {
        try ExprEvaluator.evaluate(expr, count: 0) { id in
            guard let field = fields.first(where: { $0.id == id }) else {
                throw BambooError.invariant("expression refers to \(id), which its input does not have")
            }
            return Column.allMissing(field.dtype, count: 0)
        }.dtype
    }
}
