import BambooCore
import BambooPlan

/// A value a Series can be combined with: another Series or a Swift scalar.
public protocol SeriesOperand: Sendable {
    /// The operand as an expression over `anchor`'s rows; throws when it belongs to other rows.
    func expression(alignedWith series: Series) throws -> Expr
}

extension Series: SeriesOperand {
    /// Only Series over the same rows combine as expressions; others are aligned first (see `binary`).
    public func expression(alignedWith other: Series) throws -> Expr {
        guard anchor === other.anchor else {
            throw BambooError.invariant("Series of different frames must be aligned before they are combined")
        }
        return expr
    }
}

extension Scalar: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(self) }
}
extension Int: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.int(Int64(self))) }
}
extension Double: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.float(self)) }
}
extension String: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.string(self)) }
}
extension Bool: SeriesOperand {
    public func expression(alignedWith series: Series) throws -> Expr { .literal(.bool(self)) }
}

extension Series {
    /// `self op other` as pandas computes it (dtype rules, NaN, overflow wrap, division by zero).
    public func binary(_ op: BinaryOperator, _ other: some SeriesOperand, reversed: Bool = false) throws -> Series {
        if let series = other as? Series, series.anchor !== anchor {
            return try alignedBinary(op, series, reversed: reversed)
        }
        let rhs = try other.expression(alignedWith: self)
        let result = try derived(reversed ? .binary(op, rhs, expr) : .binary(op, expr, rhs), name: resultName(other))
        return result
    }

    /// `self op other` for Series of different frames: pandas aligns them with an outer join on the
    /// index (the union of labels, sorted, unless both indexes are equal), missing where a side lacks a label.
    func alignedBinary(_ op: BinaryOperator, _ other: Series, reversed: Bool) throws -> Series {
        guard other.session.id == session.id else {
            throw BambooError(.invalidArgument, "The Series belong to different sessions; frames of different sessions cannot be combined.")
        }
        let left = try toFrame(), right = try other.toFrame()
        let (leftPlan, rightPlan) = (try left.labelledPlan(), try right.labelledPlan())
        guard leftPlan.schema.index.fields.count == 1, rightPlan.schema.index.fields.count == 1 else {
            throw BambooError(.unsupportedOnBackend, "Aligning Series with a MultiIndex is not available yet; reset_index() first.")
        }
        let (li, ri) = (leftPlan.schema.index.fields[0], rightPlan.schema.index.fields[0])
        let (lv, rv) = (leftPlan.schema.columns[0], rightPlan.schema.columns[0])
        // pandas joins the indexes with Index.join, which keeps the (Python) left operand's name.
        let indexField = Field(label: reversed ? ri.label : li.label, dtype: try DTypePromotion.common([li.dtype, ri.dtype]))
        let leftValue = Field(label: lv.label, dtype: lv.dtype), rightValue = Field(label: rv.label, dtype: rv.dtype)
        var spec = JoinSpec(how: .outer, leftKeys: [li.id], rightKeys: [ri.id],
                            columns: [(indexField, .key(left: li.id, right: ri.id)), (leftValue, .left(lv.id)), (rightValue, .right(rv.id))],
                            indicator: nil, sort: false, validate: nil)
        spec.keepEqualKeysInPlace = true
        spec.requireEqualKeys = op.isComparison
        let joined = try LogicalPlan(.join(leftPlan, rightPlan, spec))
        let aligned = try LogicalPlan(.project(joined, index: .fields([.passthrough(indexField)]),
                                               columns: [.passthrough(leftValue), .passthrough(rightValue)]))
        let (own, others) = (Expr.column(leftValue.id), Expr.column(rightValue.id))
        let (a, b) = reversed ? (others, own) : (own, others)
        var expr = Expr.binary(op, a, b)
        if (op == .and || op == .or), dtype == .bool, other.dtype == .bool {
            // pandas: a label missing on the left gives False; missing on the right acts as False.
            expr = .binary(.and, .notNull(a), .binary(op, .fillNull(a, .bool(false)), .fillNull(b, .bool(false))))
        }
        return try Series(session: session, anchor: aligned, expr: expr, name: name == other.name ? name : .none)
    }

    /// pandas keeps the name when both sides share it (or the other side is a scalar).
    private func resultName(_ other: some SeriesOperand) -> Scalar {
        if let series = other as? Series { return series.name == name ? name : .none }
        return name
    }

    public static func + (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.add, r) }
    public static func - (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.subtract, r) }
    public static func * (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.multiply, r) }
    public static func / (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.divide, r) }
    public static func % (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.modulo, r) }
    public static func + (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.add, l, reversed: true) }
    public static func - (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.subtract, l, reversed: true) }
    public static func * (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.multiply, l, reversed: true) }
    public static func / (l: some SeriesOperand & ScalarLiteralOperand, r: Series) throws -> Series { try r.binary(.divide, l, reversed: true) }

    /// Floor division (pandas `//`); Swift has no `//` operator.
    public func floorDiv(_ other: some SeriesOperand) throws -> Series { try binary(.floorDivide, other) }
    /// Exponentiation (pandas `**`).
    public func pow(_ other: some SeriesOperand) throws -> Series { try binary(.power, other) }

    public static func == (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.equal, r) }
    public static func != (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.notEqual, r) }
    public static func < (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.less, r) }
    public static func <= (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.lessEqual, r) }
    public static func > (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.greater, r) }
    public static func >= (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.greaterEqual, r) }

    /// Element-wise and (pandas `&`).
    public static func & (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.and, r) }
    /// Element-wise or (pandas `|`).
    public static func | (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.or, r) }
    /// Element-wise exclusive or (pandas `^`).
    public static func ^ (l: Series, r: some SeriesOperand) throws -> Series { try l.binary(.xor, r) }
    /// Logical not (pandas `~`).
    public static prefix func ! (s: Series) throws -> Series { try s.derived(.unary(.not, s.expr)) }
    /// Logical not or bitwise inversion (pandas `~`).
    public static prefix func ~ (s: Series) throws -> Series { try s.derived(.unary(.not, s.expr)) }
    /// Negation (pandas unary `-`).
    public static prefix func - (s: Series) throws -> Series { try s.derived(.unary(.negate, s.expr)) }

    /// Absolute values (pandas `s.abs()`).
    public func abs() throws -> Series { try derived(.unary(.absolute, expr)) }
}

/// Swift scalars usable on the left of an operator (`1 - s`).
public protocol ScalarLiteralOperand {}
extension Int: ScalarLiteralOperand {}
extension Double: ScalarLiteralOperand {}
extension Scalar: ScalarLiteralOperand {}
extension String: ScalarLiteralOperand {}
