#if Spark
import BambooCore
import BambooPlan

/// Fields whose plan dtype is `int64` or `bool` but which pandas may hold as `float64` / `object`
/// because a join, an alignment or a concat left some rows without a value (pandas upcasts
/// then: `[1, NaN]` is float64). The plan cannot know the data, and Spark keeps them as
/// `bigint` / `boolean` with nulls.
///
/// The final answer is right either way (the result decoder applies pandas' upcast), and so are
/// row-wise uses whose outcome does not depend on the upcast (passing the column on, missing
/// tests, comparisons, `+ - * /` with int64/float64). Anything else on such a field (sums and
/// other aggregates, nullable-dtype arithmetic, fillna, casts, group keys, label lookups) would
/// give pandas' values with the wrong dtype, and so would any step that may drop rows while
/// keeping such a field (filters, head, label lookups, inner joins): the rows that made pandas
/// upcast may be gone, so the answer no longer shows it. ``unsupportedHint(_:)`` refuses these.
enum SparkMissingRows {
    static let hint = "This step computes on, or drops rows of, an int64 or bool column that a merge, concat or index alignment may have left with missing values (pandas holds it as float64 or object then, depending on the data); the Spark backend does not translate that yet. Run it on the eager backend (Session.eager()), or astype the column to Int64/Float64/boolean first."

    /// Why the Spark backend must refuse `plan`'s node (it computes on such a field), or nil.
    static func unsupportedHint(_ plan: LogicalPlan) -> String? {
        let inputs = plan.inputs
        guard !inputs.isEmpty else { return nil }
        var tainted = Set<FieldID>()
        for input in inputs { tainted.formUnion(Self.fields(input)) }
        guard !tainted.isEmpty else { return nil }
        let fields = inputs.flatMap(\.schema.allFields)
        func reads(_ exprs: [Expr]) -> Bool { exprs.contains { !$0.fieldIDs.isDisjoint(with: tainted) } }
        /// Whether the node may drop rows of `input` while keeping some of its upcast fields:
        /// the values that made pandas upcast may be gone, and Spark's answer would be int64/bool.
        func dropsUpcastRows(_ input: LogicalPlan) -> Bool {
            !Set(input.schema.allFields.map(\.id)).intersection(tainted).isEmpty
        }
        switch plan.node {
        case .source, .fileScan, .concat, .attachColumn, .rowNumber, .explode:
            return nil
        case .slice(let input, _, _, _), .take(let input, _, _), .maskRows(let input, _, _), .filter(let input, _),
             .groupSelect(let input, _, _, _), .locLabels(let input, _), .dropLabels(let input, _, _), .locSlice(let input, _, _, _):
            return dropsUpcastRows(input) ? hint : nil
        case .join(let left, let right, let spec):
            // Left rows all survive a left or outer join, right rows a right or outer join.
            let keepsLeft = spec.how == .left || spec.how == .outer, keepsRight = spec.how == .right || spec.how == .outer
            let leftTainted = Self.fields(left), rightTainted = Self.fields(right)
            let dropped = (spec.columns + spec.index).contains { _, source in
                switch source {
                case .left(let id): return leftTainted.contains(id) && !keepsLeft
                case .right(let id): return rightTainted.contains(id) && !keepsRight
                case .key(let l, let r): return (leftTainted.contains(l) && !keepsLeft) || (rightTainted.contains(r) && !keepsRight)
                }
            }
            return dropped ? hint : nil
        case .alignColumn(let input, let source, let value, _, _):
            // The source's values are reindexed: its upcast rows may be left out.
            let indexes = (input.schema.index.fields + source.schema.index.fields).map(\.id)
            return reads(indexes.map(Expr.column) + [value]) ? hint : nil
        case .project(_, let index, let columns):
            var named = columns
            if case .fields(let levels) = index { named += levels }
            return named.contains { safety($0.expr, tainted, fields) == nil } ? hint : nil
        case .sort(_, let keys):
            return keys.contains { safety($0.expr, tainted, fields) == nil } ? hint : nil
        case .aggregate(_, let keys, let aggregations, _, _, _):
            return reads(keys.map(\.expr) + aggregations.map(\.input) + aggregations.compactMap(\.labels)) ? hint : nil
        case .reduce(_, _, _, let columns):
            return reads(columns.map(\.expr)) ? hint : nil
        case .valueCounts(_, let keys, _, _):
            return reads(keys.map(\.expr)) ? hint : nil
        case .markDuplicates(_, let keys, _, _):
            return reads(keys) ? hint : nil
        default:
            return reads(fields.map { .column($0.id) }) ? hint : nil
        }
    }

    /// The fields of `plan`'s output that may hold missing values pandas would upcast.
    static func fields(_ plan: LogicalPlan) -> Set<FieldID> {
        let upcast: (Field) -> Bool = { $0.dtype == .int64 || $0.dtype == .bool }
        let output = Set(plan.schema.allFields.filter(upcast).map(\.id))
        let inherited = plan.inputs.reduce(into: Set<FieldID>()) { $0.formUnion(fields($1)) }
        switch plan.node {
        case .source, .fileScan:
            return []
        case .join(_, _, let spec):
            let leftMayLack = [.right, .outer, .rightAnti].contains(spec.how)
            let rightMayLack = [.left, .outer, .leftAnti].contains(spec.how)
            var result = Set<FieldID>()
            for (field, source) in spec.columns + spec.index where upcast(field) {
                switch source {
                case .left(let id): if leftMayLack || inherited.contains(id) { result.insert(field.id) }
                case .right(let id): if rightMayLack || inherited.contains(id) { result.insert(field.id) }
                case .key(let l, let r): if inherited.contains(l) || inherited.contains(r) { result.insert(field.id) }
                }
            }
            return result
        case .alignColumn(_, _, _, let field, let purpose):
            // A mask must cover every label (pandas raises otherwise), so it has no missing values.
            return inherited.intersection(output).union(upcast(field) && purpose == .assign ? [field.id] : [])
        case .concat(_, let spec):
            var result = Set<FieldID>()
            for (c, field) in spec.columns.enumerated() where upcast(field) {
                if spec.sources.contains(where: { c < $0.count && ($0[c] == nil || $0[c].map(inherited.contains) == true) }) { result.insert(field.id) }
            }
            for (level, field) in spec.index.enumerated() where upcast(field) {
                if spec.indexSources.contains(where: { level < $0.count && inherited.contains($0[level]) }) { result.insert(field.id) }
            }
            return result
        case .project(let input, let index, let columns):
            var named = columns
            if case .fields(let levels) = index { named += levels }
            if case .keep = index { named += input.schema.index.fields.map(NamedExpr.passthrough) }
            let fields = input.schema.allFields
            return Set(named.filter { upcast($0.field) && safety($0.expr, inherited, fields) == true }.map(\.field.id))
        default:
            return inherited.intersection(output)
        }
    }

    /// Whether `expr` over `fields` is computed alike on an upcast or a plain column: nil when
    /// not, otherwise whether its result may itself need the upcast.
    static func safety(_ expr: Expr, _ tainted: Set<FieldID>, _ fields: [Field]) -> Bool? {
        guard !expr.fieldIDs.isDisjoint(with: tainted) else { return false }
        let dtype: (Expr) -> DType? = { try? ExprTyping.dtype(of: $0, in: fields) }
        let plain: (DType?) -> Bool = { $0 == .int64 || $0 == .float64 }
        switch expr {
        case .column(let id): return tainted.contains(id)
        case .isNull(let a), .notNull(let a): return safety(a, tainted, fields) == nil ? nil : false
        case .cast(let a, let target):
            // pandas' float64 / object column casts to these as Spark's nullable column does.
            let source = dtype(a)
            let alike = (source == .int64 && [.float64, .nullableFloat64, .nullableInt64].contains(target)) || (source == .bool && target == .nullableBool)
            return alike && safety(a, tainted, fields) != nil ? false : nil
        case .binary(let op, let a, let b) where op == .and || op == .or || op == .xor:
            // Series `&`/`|` fill missing booleans with False first (fillna(False) of the object
            // column pandas has), which computes alike on a bool column with nulls.
            func operand(_ e: Expr) -> Bool {
                if case .fillNull(let inner, .bool) = e { return safety(inner, tainted, fields) != nil }
                return safety(e, tainted, fields) == false
            }
            return operand(a) && operand(b) ? false : nil
        case .binary(let op, let a, let b):
            guard let x = safety(a, tainted, fields), let y = safety(b, tainted, fields),
                  plain(dtype(a)), plain(dtype(b)) else { return nil }
            switch op {
            case .add, .subtract, .multiply: return (x || y) && dtype(expr) == .int64
            case .divide, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return false
            default: return nil
            }
        default:
            return nil
        }
    }
}
#endif
