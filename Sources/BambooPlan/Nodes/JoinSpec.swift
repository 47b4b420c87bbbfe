import BambooCore

/// pandas' `merge(how=)`.
public enum JoinHow: String, Sendable, Hashable, CaseIterable {
    case inner, left, right, outer, cross
    /// Left rows with no match (pandas 3's `how="left_anti"`).
    case leftAnti = "left_anti"
    /// Right rows with no match (`how="right_anti"`).
    case rightAnti = "right_anti"
}

/// pandas' `merge(validate=)`: which sides' keys must be unique.
public enum JoinValidation: String, Sendable, Hashable, CaseIterable {
    case oneToOne = "one_to_one", oneToMany = "one_to_many", manyToOne = "many_to_one", manyToMany = "many_to_many"

    /// Any of pandas' spellings (`"1:1"`, `"one_to_one"`, ...).
    public init(pandas text: String) throws {
        switch text {
        case "1:1", "one_to_one": self = .oneToOne
        case "1:m", "one_to_many": self = .oneToMany
        case "m:1", "many_to_one": self = .manyToOne
        case "m:m", "many_to_many": self = .manyToMany
        default:
            throw BambooError(.invalidArgument, "\"\(text)\" is not a valid argument. Valid arguments are:\n- \"1:1\"\n- \"1:m\"\n- \"m:1\"\n- \"m:m\"\n- \"one_to_one\"\n- \"one_to_many\"\n- \"many_to_one\"\n- \"many_to_many\"")
        }
    }
}

/// Where a merged column's values come from.
public enum JoinSource: Sendable, Hashable {
    case left(FieldID)
    case right(FieldID)
    /// A key named in `on`: the left value, or the right one where the row has no left side.
    case key(left: FieldID, right: FieldID)
}

/// Everything a `merge` needs besides its two inputs.
public struct JoinSpec: Sendable, Hashable {
    public var how: JoinHow
    public var leftKeys: [FieldID]
    public var rightKeys: [FieldID]
    public var columns: [(field: Field, source: JoinSource)]
    /// pandas' `indicator=True`: a `_merge` column (left_only / right_only / both).
    public var indicator: Field?
    public var sort: Bool
    public var validate: JoinValidation?
    /// Index alignment (`s1 + s2`): when both sides' keys are the same sequence, rows pair up in
    /// place and nothing is reordered, as pandas skips the join for equal indexes.
    public var keepEqualKeysInPlace: Bool = false
    /// Comparisons of Series (`s1 > s2`): pandas refuses to align them, so unequal keys are an error.
    public var requireEqualKeys: Bool = false
    /// An outer join that keeps keys in order of appearance (left's, then the right's new ones)
    /// instead of sorting them, as `concat(axis=1)` does.
    public var outerInAppearanceOrder: Bool = false
    /// The result's index levels (joins on the index keep one); empty for a RangeIndex.
    public var index: [(field: Field, source: JoinSource)] = []

    public init(how: JoinHow, leftKeys: [FieldID], rightKeys: [FieldID], columns: [(field: Field, source: JoinSource)],
                indicator: Field?, sort: Bool, validate: JoinValidation?) {
        self.how = how
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.columns = columns
        self.indicator = indicator
        self.sort = sort
        self.validate = validate
    }

    public static func == (a: JoinSpec, b: JoinSpec) -> Bool {
        a.how == b.how && a.leftKeys == b.leftKeys && a.rightKeys == b.rightKeys && a.indicator == b.indicator && a.sort == b.sort
            && a.keepEqualKeysInPlace == b.keepEqualKeysInPlace && a.requireEqualKeys == b.requireEqualKeys
            && a.outerInAppearanceOrder == b.outerInAppearanceOrder
            && a.index.map(\.field) == b.index.map(\.field) && a.index.map(\.source) == b.index.map(\.source)
            && a.validate == b.validate && a.columns.map(\.field) == b.columns.map(\.field) && a.columns.map(\.source) == b.columns.map(\.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(how)
        hasher.combine(leftKeys)
        hasher.combine(rightKeys)
        hasher.combine(columns.map(\.field))
    }

    /// The categories of the indicator column, in pandas' order.
    public static let indicatorCategories: [Scalar] = ["left_only", "right_only", "both"]
}
