#if Spark
import BambooArrow
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// pandas `category` columns on Spark.
///
/// A category column travels to Spark as its values (the categories' value type: `str`,
/// `int64`, `float64`, datetime); Bamboo's schema keeps the categories and `ordered`, and
/// ``SparkResultDecoder`` rebuilds the codes from the values with the plan's categories. That is
/// exact only where the plan knows the categories and the operation means the same on values as
/// on codes: passing through, `isna`/`notna`, `==`/`!=` with a literal, `astype` to known
/// categories or back to the value type, group keys (observed=True) and sort keys (ordered by
/// category position). Everything else touching a category column is refused.
enum SparkCategories {
    static let eagerHint = "or run this step on the eager backend (Session.eager())."

    /// The categories' value dtype when the plan knows them and they are of one Spark-held kind.
    static func valueType(_ dtype: DType) -> DType? {
        guard case .category(let type) = dtype, let categories = type.categories, let first = categories.first else { return nil }
        let value: DType
        switch first {
        case .int: value = .int64
        case .float: value = .float64
        case .string: value = .string
        case .datetime(_, let unit, let zone): value = .datetime(unit, tz: zone)
        default: return nil
        }
        let homogeneous = categories.allSatisfy { category in
            switch (category, value) {
            case (.int, .int64), (.float, .float64), (.string, .string): return true
            case (.datetime(_, let unit, let zone), .datetime(let u, let z)): return unit == u && zone == z
            default: return false
            }
        }
        return homogeneous ? value : nil
    }

    /// Whether the values of `dtype` (a category held as float values) may be NaN in Spark.
    static func holdsFloats(_ dtype: DType) -> Bool { valueType(dtype) == .float64 }

    /// The dtype a category column's values are decoded into before the codes are rebuilt: int
    /// values go through `Int64` so a missing value does not turn the others into floats.
    static func decodingType(_ value: DType) -> DType { value == .int64 ? .nullableInt64 : value }

    /// A category column as a column of its values, for upload.
    static func valuesColumn(_ column: Column, as value: DType) throws -> Column {
        var builder = ColumnBuilder(dtype: value, capacity: column.count)
        for row in 0..<column.count {
            if column.isMissing(row) { builder.appendMissing() } else { try builder.append(column.scalar(at: row)) }
        }
        return builder.finish()
    }

    static let categoryStepHint = "This step on category columns (merge, concat, value_counts, pivot, window functions, label lookups) has no exact Spark translation yet; cast them to their values (astype(str) ...) first \(eagerHint)"

    /// Why a node touching category columns cannot be translated exactly, or nil.
    static func unsupportedHint(_ plan: LogicalPlan) -> String? {
        for field in plan.schema.allFields where field.dtype.isCategory && valueType(field.dtype) == nil {
            return "Column \(field.label.pythonRepr) is a category whose categories depend on the data (astype(\"category\")) or are not str, int, float or datetime values; the Spark backend needs them known to the plan. Give them explicitly (pd.CategoricalDtype(categories)) \(eagerHint)"
        }
        let inputsHoldCategories = plan.inputs.contains { $0.schema.allFields.contains { $0.dtype.isCategory } }
        guard inputsHoldCategories else { return nil }
        switch plan.node {
        case .source, .fileScan, .project, .filter, .sort, .slice, .rowNumber, .reduce, .take, .maskRows, .markDuplicates:
            return nil
        case .aggregate(_, let keys, let aggregations, let sort, _, let observed):
            let categoryKeys = keys.filter { $0.field.dtype.isCategory }
            guard !observed, let first = categoryKeys.first else { return nil }
            // Unobserved categories are added for one category key, in category order; their
            // empty groups take the values of known empty aggregates.
            let emptyKnown = aggregations.allSatisfy { emptyGroupValue($0) != nil }
            if keys.count == 1, sort, emptyKnown { return nil }
            return "groupby(observed=False) on the category key \(first.field.label.pythonRepr) adds groups for unobserved categories; the Spark backend translates that only for one key with sort=True and sum, count, size, nunique, mean, median, min, max, first, last, std, var; use observed=True \(eagerHint)"
        case .groupWindow(let input, _, let columns, _):
            // Category keys partition by their values, which is by their codes when the plan
            // knows the categories; only the window functions must not read category values.
            let fields = input.schema.allFields
            let readsCategories = columns.contains { column in
                switch column.function {
                case .passthrough, .groupNumber: return false
                default: return ((try? ExprTyping.dtype(of: column.input, in: fields))?.isCategory ?? true)
                }
            }
            return readsCategories ? Self.categoryStepHint : nil
        default:
            return categoryStepHint
        }
    }

    /// Category position (1-based) of a value expression, null for a missing value: pandas sorts
    /// categories by their order, not by value.
    static func code(_ value: Spark_Connect_Expression, _ dtype: DType) throws -> Spark_Connect_Expression {
        guard case .category(let type) = dtype, let categories = type.categories, let categoryValue = valueType(dtype) else {
            throw SparkTranslationUnsupported(hint: "Sorting by a category whose categories are not known to the plan has no Spark translation; \(eagerHint)")
        }
        let literals = try categories.map { try literal($0, as: categoryValue) }
        return SparkExpressions.call("array_position", [SparkExpressions.call("array", literals), value])
    }

    /// A category as a Spark literal of its value type.
    static func literal(_ category: Scalar, as value: DType) throws -> Spark_Connect_Expression {
        // Datetimes of any unit become microseconds (nil when a value is finer: no exact literal).
        guard let literal = SparkLiterals.literal(category, as: value) else {
            throw SparkTranslationUnsupported(hint: "The category \(category.pythonRepr) has no Spark literal; \(eagerHint)")
        }
        return literal
    }
}

extension SparkExpressionTranslator {
    /// A sort key: category position for a category, else the value with NaN as null.
    func sortKey(_ expr: Expr) throws -> Spark_Connect_Expression {
        let type = try dtype(expr)
        guard type.isCategory else { return try cleaned(expr) }
        return try SparkCategories.code(try cleaned(expr), type)
    }

    /// `==`/`!=` between a category and a literal (pandas compares the values: False, True for
    /// `!=`, where the value is missing); nil when neither side is a category.
    /// An ordered categorical against a literal category: by category position, as pandas
    /// compares (a literal that is not a category is pandas' TypeError); missing is False.
    private func orderedComparison(_ op: BinaryOperator, _ a: Expr, _ b: Expr, left: DType, right: DType,
                                   missing: Spark_Connect_Expression, _ refused: SparkTranslationUnsupported) throws -> Spark_Connect_Expression {
        let flipped = !left.isCategory
        let (column, other, dtype) = flipped ? (b, a, right) : (a, b, left)
        guard case .category(let type) = dtype, let categories = type.categories, case .literal(let value) = other, !value.isMissing else { throw refused }
        guard type.ordered else { throw BambooError(.typeMismatch, "Unordered Categoricals can only compare equality or not") }
        guard let position = categories.firstIndex(of: value) else {
            throw BambooError(.typeMismatch, "Cannot compare a Categorical for op \(op.rawValue) with a scalar, which is not a category.")
        }
        let mirrored: BinaryOperator
        switch op {
        case .less: mirrored = flipped ? .greater : .less
        case .lessEqual: mirrored = flipped ? .greaterEqual : .lessEqual
        case .greater: mirrored = flipped ? .less : .greater
        default: mirrored = flipped ? .lessEqual : .greaterEqual
        }
        guard let name = Self.comparisonName(mirrored) else { throw refused }
        let code = try SparkCategories.code(try translate(column), dtype)
        let compared = SparkExpressions.call(name, [code, SparkLiterals.long(Int64(position) + 1)])
        return SparkExpressions.when(missing, SparkLiterals.boolean(false), otherwise: compared)
    }

    func categoryComparison(_ op: BinaryOperator, _ a: Expr, _ b: Expr, result: DType) throws -> Spark_Connect_Expression? {
        let (left, right) = (try dtype(a), try dtype(b))
        guard left.isCategory || right.isCategory else { return nil }
        let refused = SparkTranslationUnsupported(hint: "\(left.name) \(op.rawValue) \(right.name) has no Spark translation yet (== and != between a category and a literal do); \(SparkCategories.eagerHint)")
        let missing = SparkExpressions.or(try isMissing(a), try isMissing(b))
        func guarded(_ matched: Spark_Connect_Expression) -> Spark_Connect_Expression {
            let compared = op == .notEqual ? SparkExpressions.not(matched) : matched
            return SparkExpressions.when(missing, SparkLiterals.boolean(op == .notEqual), otherwise: compared)
        }
        if op != .equal, op != .notEqual, result == .bool, left.isCategory != right.isCategory {
            return try orderedComparison(op, a, b, left: left, right: right, missing: missing, refused)
        }
        guard op == .equal || op == .notEqual, result == .bool else { throw refused }
        // Two categories of the same dtype compare their values.
        if left.isCategory, right.isCategory {
            guard left == right, SparkCategories.valueType(left) != nil else { throw refused }
            return guarded(SparkExpressions.call("==", [try translate(a), try translate(b)]))
        }
        let (column, other) = left.isCategory ? (a, b) : (b, a)
        guard case .literal(let value) = other, !value.isMissing, let valueType = SparkCategories.valueType(left.isCategory ? left : right) else { throw refused }
        let x = try translate(column)
        switch (valueType, value) {
        case (.datetime, .datetime):
            return guarded(SparkExpressions.call("==", [x, try SparkCategories.literal(value, as: valueType)]))
        case (.int64, .float(let number)):
            return guarded(SparkExpressions.call("==", [SparkExpressions.cast(x, SparkLiterals.doubleType), SparkLiterals.double(number)]))
        case (.int64, .int), (.float64, .int), (.float64, .float), (.string, .string):
            guard let literal = SparkLiterals.literal(value, as: valueType) else { throw refused }
            return guarded(SparkExpressions.call("==", [x, literal]))
        case (.int64, .string), (.float64, .string), (.string, .int), (.string, .float), (.datetime, .string), (.datetime, .int), (.datetime, .float):
            // A value of another kind is never a category: pandas answers False (True for !=) everywhere.
            return SparkLiterals.boolean(op == .notEqual)
        default:
            throw refused
        }
    }

    /// `astype` into or out of a category; nil when neither side is a category.
    ///
    /// Into known categories: values not among them become missing, as pandas does. Out of a
    /// category: to its value type only (str, float64, datetime), which keeps the values; int
    /// categories are refused since pandas raises when one is missing.
    func categoryCast(_ a: Expr, to target: DType) throws -> Spark_Connect_Expression? {
        let source = try dtype(a)
        guard source.isCategory || target.isCategory else { return nil }
        let refused = SparkTranslationUnsupported(hint: "astype(\(target.name)) from \(source.name) has no exact Spark translation (the categories must be known to the plan and the values keep their type); \(SparkCategories.eagerHint)")
        if source.isCategory, !target.isCategory {
            // astype("category") never changes the values: the cast out reads the values cast in.
            if case .cast(let inner, .category(let inferred)) = a, inferred.categories == nil, !(try dtype(inner)).isCategory {
                return try translate(.cast(inner, target))
            }
            guard let value = SparkCategories.valueType(source) else { throw refused }
            switch (value, target) {
            case (.int64, .float64): return SparkExpressions.cast(try translate(a), SparkLiterals.doubleType)
            case (.int64, .string): return SparkExpressions.cast(try translate(a), SparkLiterals.stringType)  // str(int) as Spark prints it
            case (.float64, .float64), (.string, .string): return try translate(a)
            case (.datetime, .datetime) where value == target: return try translate(a)
            default: throw refused  // int64 raises on a missing value in pandas; other conversions format or parse differently
            }
        }
        guard case .category(let wanted) = target else { throw refused }
        if source.isCategory, wanted.categories == nil { return try translate(a) }  // astype("category") keeps a category
        guard let value = SparkCategories.valueType(target), let categories = wanted.categories else { throw refused }
        let from = SparkCategories.valueType(source) ?? source
        guard from == value, let type = SparkLiterals.sparkType(value) else { throw refused }
        let x = try cleaned(a)
        let literals = try categories.map { try SparkCategories.literal($0, as: value) }
        let member = SparkExpressions.call("coalesce", [SparkExpressions.call("in", [x] + literals), SparkLiterals.boolean(false)])
        return SparkExpressions.when(member, x, otherwise: SparkLiterals.null(type))
    }
}

extension SparkCategories {
    /// What an aggregate gives for an empty group (an unobserved category), or nil when not
    /// translated: `.some(nil)` is missing.
    static func emptyGroupValue(_ aggregation: Aggregation) -> Scalar?? {
        guard aggregation.custom == nil, aggregation.labels == nil else { return nil }
        switch aggregation.function {
        case .sum, .count, .size, .nunique: return .some(.int(0))
        case .mean, .median, .min, .max, .first, .last, .std, .var: return .some(nil)
        default: return nil
        }
    }

    /// The known categories of `dtype` as a local relation of (value, position) columns.
    static func categoriesRelation(_ dtype: DType, valueName: String, codeName: String) throws -> Spark_Connect_Relation {
        guard case .category(let type) = dtype, let categories = type.categories, let value = valueType(dtype) else {
            throw SparkTranslationUnsupported(hint: "groupby(observed=False) needs the categories known to the plan; \(eagerHint)")
        }
        var builder = ColumnBuilder(dtype: value, capacity: categories.count)
        for category in categories { try builder.append(category) }
        var values = builder.finish()
        if case .datetime(let unit, let zone) = value, unit != .us || zone != nil {
            values = try values.astype(.datetime(.us, tz: zone == nil ? nil : "UTC"))  // as SparkSourceUpload sends them
        }
        var local = Spark_Connect_LocalRelation()
        local.data = try ArrowStreamWriter.writeData(try ArrowTable(columns: [(valueName, values), (codeName, Column(int64: categories.indices.map { Int64($0) }))]))
        var relation = Spark_Connect_Relation()
        relation.localRelation = local
        return relation
    }
}

extension SparkRelationTranslator {
    /// pandas' `observed=False` for one category key: the aggregated groups full-outer-joined with
    /// all categories (the missing-key group of dropna=False matches none and stays, last), empty
    /// groups filled as pandas fills them, ordered by category position.
    mutating func withUnobservedCategories(_ aggregated: Spark_Connect_Relation, key: NamedExpr, aggregations: [Aggregation]) throws -> (Spark_Connect_Relation, [SparkOrderColumn]) {
        let (valueName, codeName) = (nextHiddenName(), nextHiddenName())
        let keyName = SparkColumnNames.field(key.field.id)
        var join = Spark_Connect_Join()
        join.left = try SparkCategories.categoriesRelation(key.field.dtype, valueName: valueName, codeName: codeName)
        join.right = aggregated
        join.joinType = .fullOuter
        join.joinCondition = SparkExpressions.call("==", [SparkExpressions.column(valueName), SparkExpressions.column(keyName)])
        var joined = Spark_Connect_Relation()
        joined.join = join
        var replaced = [(keyName, SparkExpressions.call("coalesce", [SparkExpressions.column(valueName), SparkExpressions.column(keyName)]))]
        for aggregation in aggregations {
            guard let empty = SparkCategories.emptyGroupValue(aggregation) else {
                throw SparkTranslationUnsupported(hint: "groupby(observed=False) with \(aggregation.function.rawValue) has no Spark translation yet; \(SparkCategories.eagerHint)")
            }
            guard let empty else { continue }  // missing: the outer join's null is it
            let name = SparkColumnNames.field(aggregation.field.id)
            guard let filler = SparkLiterals.literal(empty, as: aggregation.field.dtype) else {
                throw SparkTranslationUnsupported(hint: "groupby(observed=False) with \(aggregation.function.rawValue) giving \(aggregation.field.dtype.name) has no Spark translation yet; \(SparkCategories.eagerHint)")
            }
            replaced.append((name, SparkExpressions.call("coalesce", [SparkExpressions.column(name), filler])))
        }
        let codeOrder = SparkOrderColumn(name: codeName, ascending: true, nullsFirst: false, nullable: true)
        return (withColumns(joined, replaced), [codeOrder])
    }

    /// pandas' order of groups for `sort=True`: by key, category keys by category position, the
    /// missing-key group last. Adds the category positions to `relation` as hidden columns.
    mutating func groupOrder(_ relation: Spark_Connect_Relation, keys: [NamedExpr], aggregations: [Aggregation], observed: Bool) throws -> (Spark_Connect_Relation, [SparkOrderColumn]) {
        if !observed, keys.count == 1, let key = keys.first, key.field.dtype.isCategory {
            return try withUnobservedCategories(relation, key: key, aggregations: aggregations)
        }
        var added: [(String, Spark_Connect_Expression)] = []
        var order: [SparkOrderColumn] = []
        for key in keys {
            var name = SparkColumnNames.field(key.field.id)
            if key.field.dtype.isCategory {
                let code = nextHiddenName()
                added.append((code, try SparkCategories.code(SparkExpressions.column(name), key.field.dtype)))
                name = code
            }
            order.append(SparkOrderColumn(name: name, ascending: true, nullsFirst: false, nullable: true))
        }
        return (withColumns(relation, added), order)
    }
}
#endif
