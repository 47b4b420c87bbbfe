#if Spark
import SparkConnectProtocol

/// The `OVER (...)` clause of one group window node's Spark window expressions: partitioned by
/// the group keys (none for a whole-frame window), ordered by the input's hidden order columns
/// (pandas' row order, a total order), and framed by rows where an aggregate needs it.
///
/// ```swift
/// let spec = SparkWindowSpec(partition: [keys], order: child.order.map(\.sortOrder))
/// let running = spec.aggregate(SparkExpressions.call("sum", [x]), .running)   // cumsum
/// let previous = spec.ranked(SparkExpressions.call("lag", [x, SparkWindowSpec.integer(1)]))
/// ```
struct SparkWindowSpec {
    var partition: [Spark_Connect_Expression]
    var order: [Spark_Connect_Expression.SortOrder]

    /// Which rows of its partition an aggregate sees, relative to the current row.
    enum Frame: Equatable {
        /// Every row of the partition, whatever the order (`transform`, group sizes).
        case partition
        /// The rows up to and including the current one (`cumsum`, `expanding`).
        case running
        /// Rows from `lower` to `upper` around the current one (negative: before it), nil for
        /// unbounded; pandas' `rolling` windows.
        case rows(lower: Int?, upper: Int?)
        /// The rows whose (single) order key lies from `lower` (a negative literal of the key's
        /// type) before the current row's up to it: time spans.
        case range(lower: Spark_Connect_Expression)
    }

    /// Spark's aggregate functions, the calls ``windowingAggregates(_:_:)`` evaluates over a frame.
    static let aggregateNames: Set<String> = [
        "sum", "count", "min", "max", "avg", "min_by", "max_by", "first", "last", "product",
        "var_pop", "var_samp", "stddev_pop", "stddev_samp", "percentile", "median",
    ]

    /// A ranking or offset function (`row_number`, `rank`, `lag`, ...) over the partition in
    /// `order` (default: pandas' row order); `extraPartition` narrows the partition further.
    func ranked(_ function: Spark_Connect_Expression, order: [Spark_Connect_Expression.SortOrder]? = nil,
                extraPartition: [Spark_Connect_Expression] = []) -> Spark_Connect_Expression {
        var window = Spark_Connect_Expression.Window()
        window.windowFunction = function
        window.partitionSpec = partition + extraPartition
        window.orderSpec = order ?? self.order
        return Self.wrap(window)
    }

    /// An aggregate call evaluated over `frame` of each row's partition.
    func aggregate(_ function: Spark_Connect_Expression, _ frame: Frame) -> Spark_Connect_Expression {
        var window = Spark_Connect_Expression.Window()
        window.windowFunction = function
        window.partitionSpec = partition
        switch frame {
        case .partition:
            break  // without ORDER BY, Spark's frame is the whole partition
        case .running:
            window.orderSpec = order
            window.frameSpec = Self.rowFrame(lower: nil, upper: 0)
        case .rows(let lower, let upper):
            window.orderSpec = order
            window.frameSpec = Self.rowFrame(lower: lower, upper: upper)
        case .range(let lower):
            window.orderSpec = order
            var range = Spark_Connect_Expression.Window.WindowFrame()
            range.frameType = .range
            range.lower.value = lower
            range.upper = Self.boundary(0)
            window.frameSpec = range
        }
        return Self.wrap(window)
    }

    /// `expression` with each aggregate call in it evaluated over `frame`.
    ///
    /// ``SparkAggregateTranslator`` builds aggregates inside ordinary expressions
    /// (`coalesce(sum(x), 0)`, `sum(x) / count(x)`); Spark windows a single aggregate call, so
    /// each call is windowed where it stands and the expression around it stays per row.
    func windowingAggregates(_ expression: Spark_Connect_Expression, _ frame: Frame) -> Spark_Connect_Expression {
        switch expression.exprType {
        case .unresolvedFunction(var function)?:
            if Self.aggregateNames.contains(function.functionName) { return aggregate(expression, frame) }
            function.arguments = function.arguments.map { windowingAggregates($0, frame) }
            var result = expression
            result.unresolvedFunction = function
            return result
        case .cast(var cast)?:
            cast.expr = windowingAggregates(cast.expr, frame)
            var result = expression
            result.cast = cast
            return result
        case .alias(var alias)?:
            alias.expr = windowingAggregates(alias.expr, frame)
            var result = expression
            result.alias = alias
            return result
        default:
            return expression
        }
    }

    /// An `int` literal: Spark takes row-frame bounds and `lag`/`lead` offsets only as `int`.
    static func integer(_ value: Int) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        literal.integer = Int32(clamping: value)
        var expression = Spark_Connect_Expression()
        expression.literal = literal
        return expression
    }

    /// Offsets past this are unbounded: Spark's bounds are `int`, and no partition holds 2^30 rows.
    static let unboundedBeyond = 1 << 30

    private static func rowFrame(lower: Int?, upper: Int?) -> Spark_Connect_Expression.Window.WindowFrame {
        var frame = Spark_Connect_Expression.Window.WindowFrame()
        frame.frameType = .row
        frame.lower = boundary(lower)
        frame.upper = boundary(upper)
        return frame
    }

    private static func boundary(_ offset: Int?) -> Spark_Connect_Expression.Window.WindowFrame.FrameBoundary {
        var boundary = Spark_Connect_Expression.Window.WindowFrame.FrameBoundary()
        if let offset, offset.magnitude <= UInt(unboundedBeyond) {
            if offset == 0 { boundary.currentRow = true } else { boundary.value = integer(offset) }
        } else {
            boundary.unbounded = true
        }
        return boundary
    }

    private static func wrap(_ window: Spark_Connect_Expression.Window) -> Spark_Connect_Expression {
        var expression = Spark_Connect_Expression()
        expression.window = window
        return expression
    }
}
#endif
