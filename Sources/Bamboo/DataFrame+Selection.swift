import BambooCore
import BambooPlan

/// A label naming a column to create or replace: `df["c"] = ...`.
///
/// Reading `df["a"]` throws for an unknown column; Swift setters cannot throw, so assignment goes
/// through this key type instead. Reading through it gives nil for a missing column.
public struct ColumnKey: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public let label: Scalar
    public init(_ label: Scalar) { self.label = label }
    public init(stringLiteral value: String) { label = .string(value) }
    public init(integerLiteral value: Int64) { label = .int(value) }
}

extension DataFrame {
    /// One column as a Series (pandas: `df["a"]`); throws `columnNotFound` with close matches.
    public subscript(_ label: String) -> Series {
        get throws { try column(.string(label)) }
    }

    /// One column by any label (pandas: `df[0]` for an integer label).
    public func column(_ label: Scalar) throws -> Series {
        let matches = schema.positions(of: label)
        guard !matches.isEmpty else { throw schema.notFound(label) }
        guard matches.count == 1 else {
            throw BambooError(.unsupportedOnBackend, "Label \(label.pythonRepr) names \(matches.count) columns, so pandas would return a DataFrame; select with a list (df[[label]]) instead.")
        }
        return try Series(frame: self, position: matches[0])
    }

    /// Several columns, in the order given (pandas: `df[["a", "b"]]`).
    public subscript(_ labels: [Scalar]) -> DataFrame {
        get throws { try selectingColumns(at: columnPositions(labels)) }
    }

    /// Rows where a boolean list is True; its length must match (pandas: `df[[True, False, True]]`).
    public subscript(_ mask: [Bool]) -> DataFrame {
        get throws { try DataFrame(session: session, plan: LogicalPlan(.maskRows(labelledPlan(), mask: mask, positional: false))) }
    }

    /// Rows where `mask` is True (pandas: `df[df["a"] > 1]`).
    public subscript(_ mask: Series) -> DataFrame {
        get throws { try filter(mask) }
    }

    /// Sets or replaces a column (pandas: `df["c"] = s`); assigning a nil `Series?` deletes it
    /// (`del df["c"]`; a literal `nil` is ambiguous with a missing scalar, so use `drop(columns:)`).
    ///
    /// ```swift
    /// df["total"] = try df["price"] * df["qty"]
    /// ```
    /// Swift setters cannot throw: when the value cannot be assigned (e.g. a Series from another
    /// frame) the error is kept and every later use of the frame throws it. Use
    /// `try df.setColumn(...)` to get the error at the assignment itself.
    public subscript(_ key: ColumnKey) -> Series? {
        get { try? column(key.label) }
        set {
            do {
                self = try newValue.map { try setColumn(key.label, $0) } ?? drop(columns: [key.label])
            } catch {
                deferredError = error as? BambooError ?? BambooError(.invalidArgument, "\(error)")
            }
        }
    }

    /// Sets a column to one value repeated (pandas: `df["c"] = 0`); write-only (reads give None).
    public subscript(_ key: ColumnKey) -> Scalar {
        get { .none }
        set {
            do {
                self = try setColumn(key.label, newValue)
            } catch {
                deferredError = error as? BambooError ?? BambooError(.invalidArgument, "\(error)")
            }
        }
    }

    /// Sets or replaces a column, throwing when the value cannot be aligned (pandas: `df[label] = value`).
    /// A Series of another frame is aligned on the index, as pandas does: labels it lacks give
    /// missing values, and repeated labels in it are an error (`cannot reindex ... duplicate labels`).
    public func setColumn(_ label: Scalar, _ value: Series) throws -> DataFrame {
        if value.anchor === plan { return try settingColumn(label, expr: value.expr) }
        let (alignedPlan, field) = try aligning(value, purpose: .assign)
        let assigned = try DataFrame(session: session, plan: alignedPlan).settingColumn(label, expr: .column(field.id), dropping: field.id)
        return try assigned.restoringRangeIndex(like: self)
    }

    /// This frame's rows with `series` (from another frame) matched to them by index label.
    func aligning(_ series: Series, purpose: AlignPurpose) throws -> (plan: LogicalPlan, field: Field) {
        guard series.session.id == session.id else {
            throw BambooError(.invalidArgument, "The Series belongs to another session (backend \(series.session.backendName)); frames of different sessions cannot be combined. A collected result lives in memory (session.local), apart from the session it came from; to use local data on Spark, build a frame from it in the Spark session.")
        }
        let target = try labelledPlan()
        let source = try DataFrame(session: session, plan: series.anchor).labelledPlan()
        let field = Field(label: series.name, dtype: series.dtype)
        return (try LogicalPlan(.alignColumn(target, source: source, value: series.expr, field: field, purpose: purpose)), field)
    }

    /// Puts back a RangeIndex that `labelledPlan()` numbered, when `original` had one and the rows
    /// are unchanged in number and order (as after an alignment).
    func restoringRangeIndex(like original: DataFrame) throws -> DataFrame {
        guard case .range = original.schema.index else { return self }
        return try with(.project(plan, index: .range, columns: schema.columns.map(NamedExpr.passthrough)))
    }

    /// Sets or replaces a column with values, one per row in order (pandas: `df["c"] = [1, 2, 3]`);
    /// a different count throws `shapeMismatch` when the plan runs.
    public func setColumn(_ label: Scalar, values: [Scalar], dtype: DType? = nil) throws -> DataFrame {
        let column = try dtype.map { try Column.build(values, dtype: $0) } ?? Column.infer(values)
        let field = Field(label: label, dtype: column.dtype)
        let attached = try with(.attachColumn(plan, field: field, values: column))
        return try attached.settingColumn(label, expr: .column(field.id), dropping: field.id)
    }

    /// Sets or replaces a column with one repeated value.
    public func setColumn(_ label: Scalar, _ value: Scalar) throws -> DataFrame {
        try settingColumn(label, expr: .literal(value))
    }

    func settingColumn(_ label: Scalar, expr: Expr, dropping helper: FieldID? = nil) throws -> DataFrame {
        let fields = schema.allFields
        var columns = schema.columns.filter { $0.id != helper }.map(NamedExpr.passthrough)
        let named = try NamedExpr.typed(label: label, expr: expr, in: fields)
        let positions = columns.indices.filter { columns[$0].field.label == label }
        if positions.isEmpty {
            columns.append(named)
        } else {
            for p in positions { columns[p] = NamedExpr.typed(label: label, expr: expr, in: fields, keeping: named.field.dtype) }
        }
        return try with(.project(plan, index: .keep, columns: columns))
    }

    /// Adds or replaces columns, in order, each computed from the frame built so far
    /// (pandas: `df.assign(c=..., d=...)`).
    ///
    /// ```swift
    /// let out = try df.assign(["double": { try $0["a"] * 2 }, "flag": { _ in .literal(true) }])
    /// ```
    public func assign(_ columns: KeyValuePairs<String, @Sendable (DataFrame) throws -> AssignedValue>) throws -> DataFrame {
        var frame = self
        for (label, make) in columns {
            switch try make(frame) {
            case .series(let series): frame = try frame.setColumn(.string(label), series)
            case .literal(let value): frame = try frame.setColumn(.string(label), value)
            }
        }
        return frame
    }

    /// The first `n` rows; negative `n` drops the last `-n` (pandas: `df.head(n)`).
    public func head(_ n: Int = 5) throws -> DataFrame {
        try DataFrame(session: session, plan: LogicalPlan(.slice(labelledPlan(), start: n < 0 ? nil : 0, stop: n, step: 1)))
    }

    /// The last `n` rows; negative `n` drops the first `-n` (pandas: `df.tail(n)`).
    public func tail(_ n: Int = 5) throws -> DataFrame {
        let start: Int? = n == 0 ? nil : -n
        let stop: Int? = n == 0 ? 0 : nil
        return try DataFrame(session: session, plan: LogicalPlan(.slice(labelledPlan(), start: n < 0 ? -n : start, stop: stop, step: 1)))
    }

    /// Rows where `mask` is True. A mask from another frame is first aligned on the index, as
    /// pandas reindexes it; a row whose label the mask lacks is an error, as in pandas.
    public func filter(_ mask: Series) throws -> DataFrame {
        guard mask.dtype == .bool || mask.dtype == .nullableBool else {
            throw BambooError(.typeMismatch, "A boolean mask must have dtype bool, not \(mask.dtype.name). Compare first, e.g. df[df[\"a\"] > 0].")
        }
        if mask.anchor === plan {
            // The mask's expression refers to this frame's fields, which numbering rows keeps.
            return try DataFrame(session: session, plan: LogicalPlan(.filter(labelledPlan(), predicate: mask.expr)))
        }
        let (alignedPlan, field) = try aligning(mask, purpose: .mask)
        let filtered = try LogicalPlan(.filter(alignedPlan, predicate: .column(field.id)))
        return try with(.project(filtered, index: .keep, columns: schema.columns.map(NamedExpr.passthrough)))
    }
}

/// A value for ``DataFrame/assign(_:)``: a Series of the frame, or a literal repeated.
public enum AssignedValue: Sendable {
    case series(Series)
    case literal(Scalar)
}

extension NamedExpr {
    /// Re-typed with an identity of its own (each duplicate label gets its own field).
    static func typed(label: Scalar, expr: Expr, in fields: [Field], keeping dtype: DType) -> NamedExpr {
        NamedExpr(field: Field(label: label, dtype: dtype), expr: expr)
    }
}
