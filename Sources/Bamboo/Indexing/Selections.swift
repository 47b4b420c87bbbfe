import BambooCore

/// A label slice, both ends included (pandas: `df.loc["b":"d"]`, `df.loc["b":"d":2]`).
///
/// Swift's `"b"..."d"` also works where the bounds are in order; this type accepts any bounds,
/// as Python slices do.
public struct LabelSlice: Sendable, Hashable {
    public var start: Scalar?
    public var stop: Scalar?
    public var step: Int

    public init(_ start: Scalar? = nil, _ stop: Scalar? = nil, step: Int = 1) {
        self.start = start
        self.stop = stop
        self.step = step
    }
}

/// A position slice with Python semantics (pandas: `df.iloc[1:5:2]`, `df.iloc[-3:]`).
public struct PositionSlice: Sendable, Hashable {
    public var start: Int?
    public var stop: Int?
    public var step: Int

    public init(_ start: Int? = nil, _ stop: Int? = nil, step: Int = 1) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }
}

/// Rows chosen by label: a list, a slice, or a boolean mask (pandas `loc` row keys other than one label).
public enum RowsSelection: Sendable, ExpressibleByArrayLiteral {
    case labels([Scalar])
    case slice(LabelSlice)
    case mask(Series)
    /// Every row (pandas: `:`).
    case all

    public init(arrayLiteral elements: Scalar...) { self = .labels(elements) }
}

/// Columns chosen by label: a list, a slice, or all (pandas `loc` column keys other than one label).
public enum ColumnsSelection: Sendable, ExpressibleByArrayLiteral {
    case labels([Scalar])
    case slice(LabelSlice)
    case all

    public init(arrayLiteral elements: Scalar...) { self = .labels(elements) }
}

/// Rows chosen by position: a list, a slice, or a boolean list (pandas `iloc` row keys other than one position).
public enum PositionsSelection: Sendable, ExpressibleByArrayLiteral {
    case positions([Int])
    case slice(PositionSlice)
    case mask([Bool])
    case all

    public init(arrayLiteral elements: Int...) { self = .positions(elements) }
}

/// Columns chosen by position.
public enum ColumnPositionsSelection: Sendable, ExpressibleByArrayLiteral {
    case positions([Int])
    case slice(PositionSlice)
    case all

    public init(arrayLiteral elements: Int...) { self = .positions(elements) }
}
