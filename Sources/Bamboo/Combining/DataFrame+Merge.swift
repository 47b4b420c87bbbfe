import BambooCore
import BambooPlan

extension DataFrame {
    /// Joins with another frame on key columns (pandas: `df.merge(right, how=, on=, left_on=,
    /// right_on=, suffixes=, indicator=, sort=, validate=)`).
    ///
    /// ```swift
    /// let joined = try orders.merge(customers, how: .left, on: ["customer_id"])
    /// ```
    /// Row order is pandas': `inner` and `left` keep the left rows' order (matches in right order),
    /// `right` the right rows', `outer` sorts the keys, `cross` is left-major. Missing keys match
    /// each other, as in pandas. The result has a RangeIndex.
    public func merge(_ right: DataFrame, how: JoinHow = .inner, on: [Scalar]? = nil, leftOn: [Scalar]? = nil, rightOn: [Scalar]? = nil,
                      leftIndex: Bool = false, rightIndex: Bool = false,
                      suffixes: (String?, String?) = ("_x", "_y"), indicator: MergeIndicator = false, sort: Bool = false,
                      validate: JoinValidation? = nil) throws -> DataFrame {
        try checkDeferred()
        try right.checkDeferred()
        guard right.session.id == session.id else {
            throw BambooError(.invalidArgument, "The right frame belongs to another session; frames of different sessions cannot be merged. A collected result lives in memory (session.local), apart from the session it came from; to use local data on Spark, build a frame from it in the Spark session.")
        }
        if leftIndex || rightIndex {
            if on != nil {
                throw BambooError(.invalidArgument, "Can only pass argument \"on\" OR \"left_index\" and \"right_index\", not a combination of both.")
            }
            if leftIndex && !rightIndex && rightOn == nil { throw BambooError(.invalidArgument, "Must pass right_on or right_index=True") }
            if rightIndex && !leftIndex && leftOn == nil { throw BambooError(.invalidArgument, "Must pass left_on or left_index=True") }
            return try indexMerge(right, how: how, leftOn: leftIndex ? nil : (leftOn ?? on), rightOn: rightIndex ? nil : (rightOn ?? on),
                                  suffixes: suffixes, sort: sort, validate: validate)
        }
        let (leftKeys, rightKeys) = try joinKeys(right, how: how, on: on, leftOn: leftOn, rightOn: rightOn)
        // Key pairs with the same label are written once (coalesced), as pandas does for `on`.
        let shared = Set(zip(leftKeys, rightKeys).filter { $0.label == $1.label }.map { $1.id })
        var columns: [(field: Field, source: JoinSource)] = schema.columns.map { field in
            if let index = leftKeys.firstIndex(where: { $0.id == field.id }), shared.contains(rightKeys[index].id) {
                return (Field(label: field.label, dtype: field.dtype), .key(left: field.id, right: rightKeys[index].id))
            }
            return (Field(label: field.label, dtype: field.dtype), .left(field.id))
        }
        let rightColumns = right.schema.columns.filter { !shared.contains($0.id) }
        columns += rightColumns.map { (Field(label: $0.label, dtype: $0.dtype), .right($0.id)) }
        // Labels present on both sides (other than coalesced keys) get the suffixes.
        let leftLabels = Set(columns.prefix(schema.columns.count).filter { if case .key = $0.source { return false } else { return true } }.map(\.field.label))
        let rightLabels = Set(rightColumns.map(\.label))
        let clashing = leftLabels.intersection(rightLabels)
        if !clashing.isEmpty && (suffixes.0 ?? "").isEmpty && (suffixes.1 ?? "").isEmpty {
            throw BambooError(.invalidArgument, "columns overlap but no suffix specified: \(clashing.map(\.pythonRepr).sorted())")
        }
        var renamed = Set<Int>()
        for i in columns.indices where clashing.contains(columns[i].field.label) {
            let suffix = (i < schema.columns.count ? suffixes.0 : suffixes.1) ?? ""
            columns[i].field.label = .string(columns[i].field.label.description + suffix)
            renamed.insert(i)
        }
        // A suffixed label may land on an existing one (pandas' MergeError).
        let duplicated = renamed.map { columns[$0].field.label }.filter { label in columns.filter { $0.field.label == label }.count > 1 }
        if !duplicated.isEmpty {
            throw BambooError(.invalidArgument, "Passing 'suffixes' which cause duplicate columns {\(duplicated.map(\.pythonRepr).joined(separator: ", "))} is not allowed.")
        }
        var flag: Field?
        if let name = indicator.name {
            guard !columns.contains(where: { $0.field.label == .string(name) }) else {
                throw BambooError(.invalidArgument, "Cannot use name of an existing column for indicator column")
            }
            flag = Field(label: .string(name), dtype: .category(CategoryType(categories: JoinSpec.indicatorCategories)))
        }
        let spec = JoinSpec(how: how, leftKeys: leftKeys.map(\.id), rightKeys: rightKeys.map(\.id), columns: columns,
                            indicator: flag, sort: sort, validate: validate)
        return DataFrame(session: session, plan: try LogicalPlan(.join(plan, right.plan, spec)))
    }

    /// A merge where one or both sides join on their index (`left_index` / `right_index`). Both
    /// indexes: the result is indexed by the coalesced key; a column against the other side's
    /// index: the result keeps the left rows' index labels.
    func indexMerge(_ right: DataFrame, how: JoinHow, leftOn: [Scalar]?, rightOn: [Scalar]?, suffixes: (String?, String?),
                    sort: Bool, validate: JoinValidation?) throws -> DataFrame {
        guard how != .cross else { throw BambooError(.invalidArgument, "Can not pass on, right_on, left_on or set right_index=True or left_index=True") }
        let leftPlan = try labelledPlan(), rightPlan = try right.labelledPlan()
        let leftLevels = leftPlan.schema.index.fields, rightLevels = rightPlan.schema.index.fields
        let leftKeys = try leftOn.map { try $0.map { try schema.column($0) } } ?? leftLevels
        let rightKeys = try rightOn.map { try $0.map { try right.schema.column($0) } } ?? rightLevels
        guard leftKeys.count == rightKeys.count else {
            throw BambooError(.invalidArgument, "len(left_on) must equal the number of levels in the index of \"right\"")
        }
        // A column matched against the other side's index takes that index's value where it has no row.
        var columns: [(field: Field, source: JoinSource)] = schema.columns.map { field in
            if rightOn == nil, leftOn != nil, let k = leftKeys.firstIndex(where: { $0.id == field.id }) {
                return (Field(label: field.label, dtype: field.dtype), .key(left: field.id, right: rightKeys[k].id))
            }
            return (Field(label: field.label, dtype: field.dtype), .left(field.id))
        } + right.schema.columns.map { field in
            if leftOn == nil, rightOn != nil, let k = rightKeys.firstIndex(where: { $0.id == field.id }) {
                return (Field(label: field.label, dtype: field.dtype), .key(left: leftKeys[k].id, right: field.id))
            }
            return (Field(label: field.label, dtype: field.dtype), .right(field.id))
        }
        let clashing = Set(schema.columns.map(\.label)).intersection(right.schema.columns.map(\.label))
        if !clashing.isEmpty && (suffixes.0 ?? "").isEmpty && (suffixes.1 ?? "").isEmpty {
            throw BambooError(.invalidArgument, "columns overlap but no suffix specified: \(clashing.map(\.pythonRepr).sorted())")
        }
        for i in columns.indices where clashing.contains(columns[i].field.label) {
            columns[i].field.label = .string(columns[i].field.label.description + ((i < schema.columns.count ? suffixes.0 : suffixes.1) ?? ""))
        }
        var spec = JoinSpec(how: how, leftKeys: leftKeys.map(\.id), rightKeys: rightKeys.map(\.id), columns: columns,
                            indicator: nil, sort: sort, validate: validate)
        if leftOn == nil && rightOn == nil {
            // Index.join keeps the name of the side whose order wins: the right's for how=right.
            // Left/right joins keep that side's index dtype; inner/outer take the common one.
            spec.index = zip(leftLevels, rightLevels).map { l, r in
                let dtype: DType
                switch how {
                case .left, .leftAnti: dtype = l.dtype
                case .right, .rightAnti: dtype = r.dtype
                default: dtype = (try? DTypePromotion.common([l.dtype, r.dtype])) ?? .object
                }
                return (Field(label: how == .right || how == .rightAnti ? r.label : l.label, dtype: dtype), .key(left: l.id, right: r.id))
            }
        } else if rightOn == nil {
            spec.index = leftLevels.map { (Field(label: $0.label, dtype: $0.dtype), .left($0.id)) }
        } else {
            spec.index = rightLevels.map { (Field(label: $0.label, dtype: $0.dtype), .right($0.id)) }
        }
        return DataFrame(session: session, plan: try LogicalPlan(.join(leftPlan, rightPlan, spec)))
    }

    /// Joins another frame on the index (pandas: `df.join(other, on=, how=, lsuffix=, rsuffix=, suffixes=, sort=)`);
    /// with `on`, these columns of this frame are matched against `other`'s index.
    ///
    /// ```swift
    /// let joined = try orders.join(customers, on: ["customer"], suffixes: (nil, "_customer"))
    /// ```
    /// Overlapping column names need a suffix: `lsuffix`/`rsuffix`, or pandas 3.1's `suffixes`
    /// (a nil suffix leaves that side's names as they are); not both.
    public func join(_ other: DataFrame, on: [Scalar]? = nil, how: JoinHow = .left, lsuffix: String = "", rsuffix: String = "",
                     suffixes: (String?, String?)? = nil, sort: Bool = false) throws -> DataFrame {
        var pair = (lsuffix, rsuffix)
        if let suffixes {
            guard lsuffix.isEmpty && rsuffix.isEmpty else {
                throw BambooError(.invalidArgument, "Cannot specify both 'suffixes' and 'lsuffix'/'rsuffix'.")
            }
            pair = (suffixes.0 ?? "", suffixes.1 ?? "")
        }
        return try merge(other, how: how, leftOn: on, leftIndex: on == nil, rightIndex: true, suffixes: pair, sort: sort)
    }

    /// The key fields on each side, with pandas' rules and errors for `on` / `left_on` / `right_on`.
    func joinKeys(_ right: DataFrame, how: JoinHow, on: [Scalar]?, leftOn: [Scalar]?, rightOn: [Scalar]?) throws -> ([Field], [Field]) {
        if how == .cross {
            guard on == nil, leftOn == nil, rightOn == nil else {
                throw BambooError(.invalidArgument, "Can not pass on, right_on, left_on or set right_index=True or left_index=True")
            }
            return ([], [])
        }
        if on != nil && (leftOn != nil || rightOn != nil) {
            throw BambooError(.invalidArgument, "Can only pass argument \"on\" OR \"left_on\" and \"right_on\", not a combination of both.")
        }
        let leftLabels: [Scalar], rightLabels: [Scalar]
        if let on {
            (leftLabels, rightLabels) = (on, on)
        } else if let leftOn, let rightOn {
            guard leftOn.count == rightOn.count else { throw BambooError(.invalidArgument, "len(right_on) must equal len(left_on)") }
            (leftLabels, rightLabels) = (leftOn, rightOn)
        } else if leftOn != nil || rightOn != nil {
            throw BambooError(.invalidArgument, "Must pass \(leftOn == nil ? "\"left_on\" OR \"left_index\"" : "\"right_on\" OR \"right_index\"") as well")
        } else {
            let rightSet = Set(right.schema.columns.map(\.label))
            let common = schema.columns.map(\.label).filter { rightSet.contains($0) }
            guard !common.isEmpty else {
                throw BambooError(.invalidArgument, "No common columns to perform merge on. Merge options: left_on=None, right_on=None, left_index=False, right_index=False")
            }
            (leftLabels, rightLabels) = (common, common)
        }
        let leftKeys = try leftLabels.map { try schema.column($0) }, rightKeys = try rightLabels.map { try right.schema.column($0) }
        for (l, r) in zip(leftKeys, rightKeys) where !DataFrame.comparableKeys(l.dtype, r.dtype) {
            throw BambooError(.invalidArgument, "You are trying to merge on \(l.dtype.name) and \(r.dtype.name) columns for key \(l.label.pythonRepr). If you wish to proceed you should use pd.concat")
        }
        return (leftKeys, rightKeys)
    }

    /// pandas refuses to match numbers with strings (object keys may hold anything).
    static func comparableKeys(_ a: DType, _ b: DType) -> Bool {
        let numeric = a.isNumeric && b.isNumeric
        let text = a == .string && b == .string
        return numeric || text || a == b || a == .object || b == .object || (a.isNumeric == b.isNumeric && a != .string && b != .string)
    }
}

/// pandas' `merge(indicator=)`: `true` adds a `_merge` column, a string names it.
public struct MergeIndicator: Sendable, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral {
    /// The column's name, or nil for no indicator.
    public let name: String?
    public init(booleanLiteral value: Bool) { name = value ? "_merge" : nil }
    public init(stringLiteral value: String) { name = value }
}

/// Joins two frames (pandas: `pd.merge(left, right, ...)`); see ``DataFrame/merge(_:how:on:leftOn:rightOn:suffixes:indicator:sort:validate:)``.
public func merge(_ left: DataFrame, _ right: DataFrame, how: JoinHow = .inner, on: [Scalar]? = nil, leftOn: [Scalar]? = nil,
                  rightOn: [Scalar]? = nil, suffixes: (String?, String?) = ("_x", "_y"), indicator: MergeIndicator = false, sort: Bool = false,
                  validate: JoinValidation? = nil) throws -> DataFrame {
    try left.merge(right, how: how, on: on, leftOn: leftOn, rightOn: rightOn, suffixes: suffixes, indicator: indicator, sort: sort, validate: validate)
}
