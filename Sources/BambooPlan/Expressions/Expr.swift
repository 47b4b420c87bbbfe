import BambooCore

/// A row-wise expression over a plan's fields.
///
/// Built by the facade from Series operations (`df["a"] * 2 > df["b"]`); typed by
/// ``ExprTyping`` and evaluated by ``ExprEvaluator`` with the kernels of `BambooCore`.
public indirect enum Expr: Sendable, Hashable, CustomStringConvertible {
    case column(FieldID)
    case literal(Scalar)
    case binary(BinaryOperator, Expr, Expr)
    case unary(UnaryOperator, Expr)
    case isNull(Expr)
    case notNull(Expr)
    case fillNull(Expr, Scalar)
    case cast(Expr, DType)
    /// How many of the expressions are not missing, per row (`dropna(thresh=)`).
    case countNotNull([Expr])
    /// Membership in a list of values (`isin`).
    case isIn(Expr, [Scalar])
    /// A Swift closure applied to each value (`map`/`apply`).
    case map(Expr, UserFunction)
    /// A `.str` method applied to each value.
    case string(Expr, StringFunction)
    /// A `.dt` method applied to each value.
    case temporal(Expr, TemporalFunction)
    /// A category's codes: positions in its categories, -1 where missing (`s.cat.codes`).
    case categoryCodes(Expr)

    /// Fields this expression reads.
    public var fieldIDs: Set<FieldID> {
        switch self {
        case .column(let id): return [id]
        case .literal: return []
        case .binary(_, let a, let b): return a.fieldIDs.union(b.fieldIDs)
        case .unary(_, let a), .isNull(let a), .notNull(let a), .fillNull(let a, _), .cast(let a, _): return a.fieldIDs
        case .countNotNull(let items): return items.reduce(into: []) { $0.formUnion($1.fieldIDs) }
        case .isIn(let a, _), .map(let a, _), .string(let a, _), .temporal(let a, _), .categoryCodes(let a): return a.fieldIDs
        }
    }

    /// Whether a Swift closure is inside (backends that cannot run Swift refuse these).
    public var containsUserFunction: Bool {
        switch self {
        case .map: return true
        case .column, .literal: return false
        case .binary(_, let a, let b): return a.containsUserFunction || b.containsUserFunction
        case .unary(_, let a), .isNull(let a), .notNull(let a), .fillNull(let a, _), .cast(let a, _), .isIn(let a, _), .string(let a, _), .temporal(let a, _),
             .categoryCodes(let a): return a.containsUserFunction
        case .countNotNull(let items): return items.contains { $0.containsUserFunction }
        }
    }

    /// Replaces field references using `substitution` (fields it does not map stay).
    public func substituting(_ substitution: [FieldID: Expr]) -> Expr {
        switch self {
        case .column(let id): return substitution[id] ?? self
        case .literal: return self
        case .binary(let op, let a, let b): return .binary(op, a.substituting(substitution), b.substituting(substitution))
        case .unary(let op, let a): return .unary(op, a.substituting(substitution))
        case .isNull(let a): return .isNull(a.substituting(substitution))
        case .notNull(let a): return .notNull(a.substituting(substitution))
        case .fillNull(let a, let v): return .fillNull(a.substituting(substitution), v)
        case .cast(let a, let t): return .cast(a.substituting(substitution), t)
        case .countNotNull(let items): return .countNotNull(items.map { $0.substituting(substitution) })
        case .isIn(let a, let values): return .isIn(a.substituting(substitution), values)
        case .map(let a, let function): return .map(a.substituting(substitution), function)
        case .string(let a, let function): return .string(a.substituting(substitution), function)
        case .temporal(let a, let function): return .temporal(a.substituting(substitution), function)
        case .categoryCodes(let a): return .categoryCodes(a.substituting(substitution))
        }
    }

    public var description: String {
        switch self {
        case .column(let id): return id.description
        case .literal(let value): return value.pythonRepr
        case .binary(let op, let a, let b): return "(\(a) \(op.rawValue) \(b))"
        case .unary(let op, let a): return "\(op.rawValue)\(a)"
        case .isNull(let a): return "isna(\(a))"
        case .notNull(let a): return "notna(\(a))"
        case .fillNull(let a, let v): return "fillna(\(a), \(v.pythonRepr))"
        case .cast(let a, let t): return "astype(\(a), \(t.name))"
        case .countNotNull(let items): return "count_notna(\(items.map(\.description).joined(separator: ", ")))"
        case .map(let a, let function): return "\(function.name)(\(a)) [Swift closure]"
        case .string(let a, let function): return "str.\(function)(\(a))"
        case .temporal(let a, let function): return "dt.\(function)(\(a))"
        case .categoryCodes(let a): return "cat.codes(\(a))"
        case .isIn(let a, let values): return "isin(\(a), [\(values.prefix(5).map(\.pythonRepr).joined(separator: ", "))\(values.count > 5 ? ", ..." : "")])"
        }
    }
}
