#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// Translates Bamboo expressions into Spark Connect expressions with pandas' semantics.
///
/// pandas | Spark, and what the translation does about the difference:
/// - Float NaN is missing in pandas; Spark keeps NaN as a value (NaN = NaN is true, NaN sorts
///   above every number). Missing tests on float values are `isnull(x) OR isnan(x)`.
/// - Comparisons with a missing operand are False in pandas (`!=` True) for non-nullable
///   dtypes; Spark gives null or compares NaN. They are guarded by the missing test. Nullable
///   dtypes (`Int64`, `boolean`) keep Spark's null propagation, which is pandas' `pd.NA`.
/// - `/` is true division; division by zero is `inf`/`-inf`/`NaN` in pandas and null (or an
///   error under ANSI) in Spark, so a zero divisor is answered by a branch, never divided by.
/// - int64 `+ - *` wrap on overflow in pandas; the backend runs its Spark session with
///   `spark.sql.ansi.enabled=false`, where Spark's long arithmetic wraps the same way.
///
/// Anything else (string methods, Swift closures, `//`, `%`, `**`, most casts) throws
/// ``SparkTranslationUnsupported``.
struct SparkExpressionTranslator {
    /// The fields the expressions read (the input's index and columns).
    let fields: [Field]

    func dtype(_ expr: Expr) throws -> DType { try ExprTyping.dtype(of: expr, in: fields) }

    func translate(_ expr: Expr) throws -> Spark_Connect_Expression {
        switch expr {
        case .column(let id):
            guard let field = fields.first(where: { $0.id == id }) else {
                throw BambooError.invariant("expression refers to \(id), which its input does not have")
            }
            // A category with known categories is its values (see SparkCategories).
            // An object column here was computed by Spark (uploads refuse object columns): `.dt.date`, say.
            if SparkCategories.valueType(field.dtype) == nil, field.dtype != .object {
                try requireSupported(field.dtype, "column \(field.label.pythonRepr)")
            }
            return SparkExpressions.column(SparkColumnNames.field(id))
        case .literal(let value):
            let type = Operand.dtype(of: value)
            guard let literal = SparkLiterals.literal(value, as: type) else {
                throw SparkTranslationUnsupported(hint: "The literal \(value.pythonRepr) has no Spark translation yet.")
            }
            return literal
        case .binary(let op, let a, let b):
            return try binary(op, a, b, result: try dtype(expr))
        case .categoryCodes(let a):
            // Positions count from 0 in pandas, from 1 in Spark's array_position; missing is -1.
            let code = try SparkCategories.code(try translate(a), try dtype(a))
            return SparkExpressions.call("coalesce", [SparkExpressions.call("-", [code, SparkLiterals.long(1)]), SparkLiterals.long(-1)])
        case .unary(let op, let a):
            let type = try dtype(a)
            switch op {
            case .negate where type.isNumeric && type != .bool && type != .nullableBool || type.isTimedelta:
                return SparkExpressions.call("negative", [try translate(a)])
            case .absolute where type.isNumeric && type != .bool && type != .nullableBool || type.isTimedelta:
                return SparkExpressions.call("abs", [try translate(a)])
            case .not where type == .bool || type == .nullableBool:
                return SparkExpressions.not(try translate(a))
            default:
                throw SparkTranslationUnsupported(hint: "The operator \(op.rawValue) on \(type.name) values has no Spark translation yet.")
            }
        case .isNull(let a): return try isMissing(a)
        case .notNull(let a): return SparkExpressions.not(try isMissing(a))
        case .fillNull(let a, let value):
            let result = try dtype(expr)
            // A value of another kind makes pandas' result object only when something is filled,
            // which depends on the data: refused rather than guessed.
            guard Self.fillKeepsDtype(result, value) else {
                throw SparkTranslationUnsupported(hint: "fillna(\(value.pythonRepr)) on \(result.name) values changes the dtype when values are missing; cast the column first (astype) or run on the eager backend.")
            }
            guard !value.isMissing, let filler = SparkLiterals.literal(value, as: result), let type = SparkLiterals.sparkType(result) else {
                throw SparkTranslationUnsupported(hint: "fillna(\(value.pythonRepr)) on \(result.name) values has no Spark translation yet.")
            }
            let source = try dtype(a)
            let input = source == result ? try translate(a) : SparkExpressions.cast(try translate(a), type)
            return SparkExpressions.when(try isMissing(a), filler, otherwise: input)
        case .cast(let a, let target):
            return try cast(a, to: target)
        case .isIn(let a, let values):
            return try isIn(a, values)
        case .string(let a, let function):
            return try string(a, function, result: try dtype(expr))
        case .temporal(let a, let function):
            return try temporal(a, function, result: try dtype(expr))
        default:  // Swift closures, count of present values
            throw SparkTranslationUnsupported(hint: "The expression \(expr) has no Spark translation yet (string and .dt methods, Swift closures and dropna(thresh=) run on the eager backend).")
        }
    }

    /// True where pandas' `isna` is True, never null.
    func isMissing(_ expr: Expr) throws -> Spark_Connect_Expression {
        let value = try translate(expr)
        let isNull = SparkExpressions.call("isnull", [value])
        guard SparkLiterals.isFloat(try dtype(expr)) else { return isNull }
        return SparkExpressions.or(isNull, SparkExpressions.call("isnan", [value]))
    }

    /// `expr` with float NaN turned into null, so Spark's aggregates and sorts skip or place it
    /// as pandas does with missing values.
    func cleaned(_ expr: Expr) throws -> Spark_Connect_Expression {
        let value = try translate(expr)
        guard SparkLiterals.isFloat(try dtype(expr)) else { return value }
        return SparkExpressions.call("nanvl", [value, SparkLiterals.null(SparkLiterals.doubleType)])
    }

    private func requireSupported(_ dtype: DType, _ what: String) throws {
        guard SparkLiterals.isSupported(dtype) else {
            throw SparkTranslationUnsupported(hint: "The \(what) has dtype \(dtype.name), which the Spark backend does not handle yet (int64, float64, bool, str, Int64, Float64, boolean, datetime64 with or without a zone, timedelta64).")
        }
    }

    /// Whether pandas' fillna keeps `dtype` when it fills with `value`.
    static func fillKeepsDtype(_ dtype: DType, _ value: Scalar) -> Bool {
        switch (dtype, value) {
        case (.float64, .int), (.float64, .float), (.nullableFloat64, .int), (.nullableFloat64, .float), (.nullableInt64, .int): return true
        case (.nullableInt64, .float(let x)): return x.rounded(.towardZero) == x
        case (.bool, .bool), (.nullableBool, .bool), (.string, .string), (.datetime, .datetime), (.timedelta, .timedelta): return true
        default: return false
        }
    }

    private static func isNumber(_ dtype: DType) -> Bool {
        [.int64, .float64, .nullableInt64, .nullableFloat64].contains(dtype)
    }

    static func comparisonName(_ op: BinaryOperator) -> String? {
        switch op {
        case .equal: return "=="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        default: return nil
        }
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, result: DType) throws -> Spark_Connect_Expression {
        if let compared = try categoryComparison(op, a, b, result: result) { return compared }
        let (left, right) = (try dtype(a), try dtype(b))
        if let temporal = try temporalBinary(op, a, b, left: left, right: right) { return temporal }
        if let dates = try dateComparison(op, a, b) { return dates }
        let unsupported = SparkTranslationUnsupported(
            hint: "\(left.name) \(op.rawValue) \(right.name) has no Spark translation yet.")
        switch op {
        case .add where left == .string && right == .string:
            return SparkExpressions.call("concat", [try translate(a), try translate(b)])  // a missing side gives missing
        case .add, .subtract, .multiply:
            guard Self.isNumber(left), Self.isNumber(right) else { throw unsupported }
            let name = op == .add ? "+" : op == .subtract ? "-" : "*"
            return SparkExpressions.call(name, [try translate(a), try translate(b)])
        case .divide:
            // Nullable dtypes divide by zero differently (pd.NA rules): not translated yet.
            guard [.int64, .float64].contains(left), [.int64, .float64].contains(right) else { throw unsupported }
            let x = SparkExpressions.cast(try translate(a), SparkLiterals.doubleType)
            let y = SparkExpressions.cast(try translate(b), SparkLiterals.doubleType)
            let zero = SparkLiterals.double(0)
            // pandas: x / ±0 is inf with the sign of x times the sign of the zero (Spark prints
            // -0.0 with its sign; its atan2 and signum drop it); 0 / 0 and NaN / 0 are NaN.
            let negativeZero = SparkExpressions.call("startswith", [SparkExpressions.cast(y, SparkLiterals.stringType), SparkLiterals.string("-")])
            let positive = SparkExpressions.not(SparkExpressions.call("==", [SparkExpressions.call(">", [x, zero]), negativeZero]))
            let byZero = SparkExpressions.when(
                SparkExpressions.or(try isMissing(a), SparkExpressions.call("==", [x, zero])), SparkLiterals.double(.nan),
                otherwise: SparkExpressions.when(positive, SparkLiterals.double(.infinity), otherwise: SparkLiterals.double(-.infinity)))
            return SparkExpressions.when(SparkExpressions.call("==", [y, zero]), byZero, otherwise: SparkExpressions.call("/", [x, y]))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let comparable = (Self.isNumber(left) && Self.isNumber(right)) || (left == .string && right == .string)
                || ((left == .bool || left == .nullableBool) && (right == .bool || right == .nullableBool))
            guard comparable else { throw unsupported }
            let x = try translate(a), y = try translate(b)
            let compared = op == .notEqual ? SparkExpressions.not(SparkExpressions.call("==", [x, y]))
                : SparkExpressions.call(Self.comparisonName(op) ?? "==", [x, y])
            // Nullable results keep Spark's null (pandas' pd.NA), but a NaN operand compares as
            // IEEE says (False, True for !=) where Spark orders NaN above every number; plain bool
            // results are False (True for !=) wherever an operand is missing, NaN included.
            if result == .nullableBool {
                let nans = [(a, left, x), (b, right, y)].filter { SparkLiterals.isFloat($0.1) }.map { SparkExpressions.call("isnan", [$0.2]) }
                guard let anyNaN = nans.first.map({ nans.dropFirst().reduce($0, SparkExpressions.or) }) else { return compared }
                let bothPresent = SparkExpressions.and(SparkExpressions.call("isnotnull", [x]), SparkExpressions.call("isnotnull", [y]))
                return SparkExpressions.when(SparkExpressions.and(bothPresent, anyNaN), SparkLiterals.boolean(op == .notEqual), otherwise: compared)
            }
            let anyMissing = SparkExpressions.or(try isMissing(a), try isMissing(b))
            return SparkExpressions.when(anyMissing, SparkLiterals.boolean(op == .notEqual), otherwise: compared)
        case .and, .or, .xor:
            guard left == .bool || left == .nullableBool, right == .bool || right == .nullableBool else { throw unsupported }
            let x = try translate(a), y = try translate(b)
            // Spark's three-valued AND/OR is pandas' Kleene logic for `boolean`.
            switch op {
            case .and: return SparkExpressions.and(x, y)
            case .or: return SparkExpressions.or(x, y)
            default: return SparkExpressions.not(SparkExpressions.call("==", [x, y]))
            }
        case .floorDivide, .modulo:
            // Float results only: an int64 result becomes float64 when a divisor is 0, which
            // depends on the data.
            guard [.int64, .float64].contains(left), [.int64, .float64].contains(right), result == .float64 else { throw unsupported }
            let x = SparkExpressions.cast(try translate(a), SparkLiterals.doubleType)
            let y = SparkExpressions.cast(try translate(b), SparkLiterals.doubleType)
            return op == .modulo ? SparkFloorArithmetic.modulo(x, y)
                : SparkFloorArithmetic.floorDivide(x, y, byZero: try binary(.divide, a, b, result: .float64))
        case .power:
            throw unsupported
        }
    }

    private func cast(_ a: Expr, to target: DType) throws -> Spark_Connect_Expression {
        let source = try dtype(a)
        if source == target { return try translate(a) }
        if let converted = try categoryCast(a, to: target) { return converted }
        // Only casts whose values Spark and numpy compute alike, and that cannot fail.
        switch (source, target) {
        case (.int64, .float64), (.bool, .float64), (.bool, .int64), (.int64, .nullableInt64), (.bool, .nullableBool),
             (.int64, .nullableFloat64), (.nullableInt64, .nullableFloat64):
            guard let type = SparkLiterals.sparkType(target) else { break }
            return SparkExpressions.cast(try translate(a), type)
        case (.int64, .string), (.nullableInt64, .string):
            return SparkExpressions.cast(try translate(a), SparkLiterals.stringType)  // decimal digits, as Python's str()
        case (.bool, .string), (.nullableBool, .string):
            let x = try translate(a)  // Python spells them True and False
            return SparkExpressions.when(SparkExpressions.call("isnull", [x]), SparkLiterals.null(SparkLiterals.stringType),
                                         otherwise: SparkExpressions.when(x, SparkLiterals.string("True"), otherwise: SparkLiterals.string("False")))
        default: break
        }
        throw SparkTranslationUnsupported(hint: "astype(\(target.name)) from \(source.name) has no Spark translation yet.")
    }

    private func isIn(_ a: Expr, _ values: [Scalar]) throws -> Spark_Connect_Expression {
        let type = try dtype(a)
        try requireSupported(type, "isin operand")
        let present = try values.filter { !$0.isMissing }.map { value -> Spark_Connect_Expression in
            guard let literal = SparkLiterals.literal(value, as: type) else {
                throw SparkTranslationUnsupported(hint: "isin with \(value.pythonRepr) on \(type.name) values has no Spark translation yet.")
            }
            return literal
        }
        // pandas: which missing marker finds a missing value depends on the dtype.
        let missingMatches = Column.isinMatchesMissing(dtype: type, values: values)
        let member = present.isEmpty ? SparkLiterals.boolean(false)
            : SparkExpressions.call("coalesce", [SparkExpressions.call("in", [try translate(a)] + present), SparkLiterals.boolean(false)])
        return SparkExpressions.when(try isMissing(a), SparkLiterals.boolean(missingMatches), otherwise: member)
    }
}
#endif
