import BambooCore
import BambooPlan

/// A two-dimensional, labelled table: pandas' `DataFrame`, built lazily.
///
/// Transformations (`df[...]`, `sortValues`, `assign`, ...) validate at once and return a new
/// frame holding a bigger plan; nothing runs until an action (`collect()`, `len()`, `show()`,
/// `toCSV`) executes the plan on the session's backend.
///
/// ```swift
/// let df = DataFrame(["city": ["Oslo", "Lima", "Pune"], "temp": [3.5, 19.0, 31.2]])
/// let warm = try df[df["temp"] > 10].sortValues(by: "temp", ascending: false)
/// print(try await warm.collect())
/// ```
public struct DataFrame: Sendable {
    public let session: Session
    let plan: LogicalPlan
    /// Set when an assignment through `df[key] = value` failed (Swift setters cannot throw): every
    /// later transformation or action throws it, so the failure is never silent.
    var deferredError: BambooError?

    init(session: Session, plan: LogicalPlan) {
        self.session = session
        self.plan = plan
    }

    /// Throws the error of a failed assignment, if any.
    func checkDeferred() throws {
        if let deferredError { throw deferredError }
    }

    var schema: Schema { plan.schema }

    /// Column labels, known without running anything (pandas: `df.columns`).
    public var columns: Index { Index(schema.columns.map(\.label)) }

    /// Each column's dtype, by label, in column order (pandas: `df.dtypes`).
    public var dtypes: [(label: Scalar, dtype: DType)] { schema.columns.map { ($0.label, $0.dtype) } }

    /// Names of the index levels (pandas: `df.index.names`).
    public var indexNames: [Scalar] {
        switch schema.index {
        case .range: return [.none]
        case .fields(let fields): return fields.map(\.label)
        }
    }

    /// The plan as text, then the backend's notes about running it (pandas has no equivalent;
    /// Spark's `explain()`).
    public func explain(optimized: Bool = true) throws -> String {
        try session.explain(plan, optimized: optimized)
    }

    /// A frame over the same session with a new plan node.
    func with(_ node: LogicalPlan.Node) throws -> DataFrame {
        try checkDeferred()
        return DataFrame(session: session, plan: try LogicalPlan(node))
    }

    /// This frame's plan with its RangeIndex turned into real int64 labels, needed before rows are
    /// filtered, sorted or sliced (a RangeIndex costs nothing until then).
    func labelledPlan() throws -> LogicalPlan {
        try checkDeferred()
        guard case .range = schema.index else { return plan }
        let position = Field(label: .none, dtype: .int64)
        let numbered = try LogicalPlan(.rowNumber(plan, field: position))
        return try LogicalPlan(.project(numbered, index: .fields([.passthrough(position)]),
                                        columns: schema.columns.map(NamedExpr.passthrough)))
    }

    /// Keeps the columns at `positions`, in that order.
    func selectingColumns(at positions: [Int]) throws -> DataFrame {
        try with(.project(plan, index: .keep, columns: positions.map { NamedExpr.passthrough(schema.columns[$0]) }))
    }

    /// Positions of each label, in the order asked; unknown labels are a KeyError as in pandas.
    func columnPositions(_ labels: [Scalar]) throws -> [Int] {
        var positions: [Int] = []
        var missing: [Scalar] = []
        for label in labels {
            let found = schema.positions(of: label)
            if found.isEmpty { missing.append(label) }
            positions += found
        }
        if missing.count == 1 { throw schema.notFound(missing[0]) }
        if !missing.isEmpty {
            let close = missing.flatMap { ClosestNames.rank($0.description, among: schema.columns.map(\.label.description)) }
            throw BambooError(.columnNotFound, "\"\(missing.count == labels.count ? "None of [Index([\(missing.map(\.pythonRepr).joined(separator: ", "))])] are in the [columns]" : "[\(missing.map(\.pythonRepr).joined(separator: ", "))] not in index")\"", suggestions: close)
        }
        return positions
    }
}
