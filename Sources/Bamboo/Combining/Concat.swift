import BambooCore
import BambooPlan

/// How `concat` combines differing columns (pandas' `join=`).
public enum ConcatJoin: String, Sendable {
    /// Every column of any input; inputs lacking one get missing values there.
    case outer
    /// Only the columns every input has.
    case inner
}

/// Stacks frames' rows (pandas: `pd.concat([df1, df2], join=, ignore_index=)`).
///
/// ```swift
/// let all = try concat([january, february], ignoreIndex: true)
/// ```
/// Columns come in order of first appearance; a column missing from an input is filled with
/// missing values there (int64 becomes float64 and bool object, as in pandas). Index labels are
/// kept (repeats included) unless `ignoreIndex`. `keys` adds an outer index level naming each
/// input's rows; `names` names the index levels, outer first.
public func concat(_ frames: [DataFrame], join: ConcatJoin = .outer, ignoreIndex: Bool = false, sort: Bool = false,
                   verifyIntegrity: Bool = false, keys: [Scalar]? = nil, names: [Scalar]? = nil) throws -> DataFrame {
    let result = try concatenated(frames, join: join, ignoreIndex: ignoreIndex, sort: sort, verifyIntegrity: verifyIntegrity, keys: keys)
    guard let names else { return result }
    let levels = try result.labelledPlan()
    guard names.count <= levels.schema.index.fields.count else {
        throw BambooError(.invalidArgument, "Length of names (\(names.count)) must not exceed the number of index levels (\(levels.schema.index.fields.count)).")
    }
    let renamed = levels.schema.index.fields.enumerated().map { level, field in
        NamedExpr(field: Field(label: level < names.count ? names[level] : field.label, dtype: field.dtype), expr: .column(field.id))
    }
    return try result.with(.project(levels, index: .fields(renamed), columns: levels.schema.columns.map(NamedExpr.passthrough)))
}

func concatenated(_ frames: [DataFrame], join: ConcatJoin, ignoreIndex: Bool, sort: Bool, verifyIntegrity: Bool, keys: [Scalar]?) throws -> DataFrame {
    guard let keys else { return try stackRows(frames, join: join, ignoreIndex: ignoreIndex, sort: sort, verifyIntegrity: verifyIntegrity, numpyBlocks: true) }
    guard !ignoreIndex else { throw BambooError(.invalidArgument, "Cannot set ignore_index=True and specify keys. Either should be used.") }
    guard keys.count == frames.count else {
        throw BambooError(.invalidArgument, "Length of keys (\(keys.count)) does not match the number of objects (\(frames.count)).")
    }
    let stacked = try stackRows(frames, join: join, ignoreIndex: ignoreIndex, sort: sort, verifyIntegrity: verifyIntegrity, numpyBlocks: true)
    guard case .concat(let parts, var spec) = stacked.plan.node else { throw BambooError.invariant("stack builds a Concat node") }
    // pandas' keys= adds an outer level; with ignore_index the inner level is a fresh range.
    spec.keyLevel = Field(label: .none, dtype: Column.infer(keys).dtype)
    spec.keys = keys
    if spec.index.isEmpty {
        let numbered = try parts.map { part -> LogicalPlan in try DataFrame(session: stacked.session, plan: part).resetIndex(drop: true).labelledPlan() }
        spec.index = [Field(label: .none, dtype: .int64)]
        spec.indexSources = numbered.map { [$0.schema.index.fields[0].id] }
        return DataFrame(session: stacked.session, plan: try LogicalPlan(.concat(numbered, spec)))
    }
    return DataFrame(session: stacked.session, plan: try LogicalPlan(.concat(parts, spec)))
}

/// Puts frames side by side, aligned on the index (pandas: `pd.concat([a, b], axis=1, join=)`):
/// the union of labels in order of appearance (`outer`), or the shared ones (`inner`); equal
/// indexes pair row by row. With `ignoreIndex`, the columns are labelled 0, 1, ... `keys` labels
/// each input's columns `(key, label)`, a two-level column index (pandas' `keys=` with `axis=1`).
public func concatColumns(_ frames: [DataFrame], join: ConcatJoin = .outer, ignoreIndex: Bool = false, sort: Bool = false,
                          keys: [Scalar]? = nil) throws -> DataFrame {
    var frames = frames
    if let keys {
        guard keys.count == frames.count else {
            throw BambooError(.invalidArgument, "Length of keys (\(keys.count)) does not match the number of objects (\(frames.count)).")
        }
        frames = try zip(frames, keys).map { frame, key in
            try frame.with(.project(frame.plan, index: .keep, columns: frame.schema.columns.map { field in
                let parts: [Scalar] = if case .tuple(let inner) = field.label { [key] + inner } else { [key, field.label] }
                return NamedExpr(field: Field(label: .tuple(parts), dtype: field.dtype), expr: .column(field.id))
            }))
        }
    }
    guard var result = frames.first else { throw BambooError(.invalidArgument, "No objects to concatenate") }
    for frame in frames.dropFirst() {
        let left = try result.labelledPlan(), right = try frame.labelledPlan()
        guard left.schema.index.fields.count == 1, right.schema.index.fields.count == 1 else {
            throw BambooError(.unsupportedOnBackend, "concat(axis=1) of frames with a MultiIndex is not available yet.")
        }
        let (li, ri) = (left.schema.index.fields[0], right.schema.index.fields[0])
        let columns = left.schema.columns.map { (field: Field(label: $0.label, dtype: $0.dtype), source: JoinSource.left($0.id)) }
            + right.schema.columns.map { (field: Field(label: $0.label, dtype: $0.dtype), source: JoinSource.right($0.id)) }
        var spec = JoinSpec(how: join == .outer ? .outer : .inner, leftKeys: [li.id], rightKeys: [ri.id], columns: columns,
                            indicator: nil, sort: false, validate: nil)
        spec.keepEqualKeysInPlace = true
        spec.outerInAppearanceOrder = !sort
        spec.index = [(Field(label: li.label == ri.label ? li.label : .none, dtype: try DTypePromotion.common([li.dtype, ri.dtype])),
                       .key(left: li.id, right: ri.id))]
        result = DataFrame(session: result.session, plan: try LogicalPlan(.join(left, right, spec)))
    }
    guard ignoreIndex else { return result }
    let labels = result.schema.columns.indices.map { Scalar.int(Int64($0)) }
    return try result.with(.project(result.plan, index: .keep, columns: zip(result.schema.columns, labels).map { field, label in
        NamedExpr(field: Field(label: label, dtype: field.dtype), expr: .column(field.id))
    }))
}

/// Stacks frames; `numpyBlocks` picks DataFrame promotion (bool joins numbers) over Series' (object).
func stackRows(_ given: [DataFrame], join: ConcatJoin, ignoreIndex: Bool, sort: Bool, verifyIntegrity: Bool, numpyBlocks: Bool) throws -> DataFrame {
    guard !given.isEmpty else { throw BambooError(.invalidArgument, "No objects to concatenate") }
    // pandas skips a frame with no columns and no rows (`pd.DataFrame()`).
    let frames = given.filter { frame in
        guard case .source(let data) = frame.plan.node else { return true }
        return !(data.rowCount == 0 && data.schema.columns.isEmpty)
    }
    guard let first = frames.first ?? given.first else { throw BambooError(.invalidArgument, "No objects to concatenate") }
    for frame in frames {
        try frame.checkDeferred()
        guard frame.session.id == first.session.id else {
            throw BambooError(.invalidArgument, "The frames belong to different sessions; frames of different sessions cannot be concatenated.")
        }
    }
    let levelCount = try frames.map { try $0.labelledPlan().schema.index.fields.count }
    guard ignoreIndex || Set(levelCount).count <= 1 else {
        throw BambooError(.unsupportedOnBackend, "concat of frames whose indexes have different numbers of levels is not available yet; reset_index() first.")
    }
    let plans = try frames.map { ignoreIndex ? $0.plan : try $0.labelledPlan() }
    // Output labels: union in order of first appearance, or the labels every input has.
    var labels: [Scalar] = []
    for frame in frames { for field in frame.schema.columns where !labels.contains(field.label) { labels.append(field.label) } }
    if join == .inner { labels = labels.filter { label in frames.allSatisfy { !$0.schema.positions(of: label).isEmpty } } }
    if sort && join == .outer && !frames.allSatisfy({ $0.schema.columns.map(\.label) == labels }) {
        labels = Column.sortedCategories(labels)
    }
    var columns: [Field] = []
    var sources = [[FieldID?]](repeating: [], count: frames.count)
    for label in labels {
        let parts = frames.map { frame in frame.schema.positions(of: label).first.map { frame.schema.columns[$0] } }
        let dtype = try DTypePromotion.stacked(parts.compactMap { $0?.dtype }, someAbsent: parts.contains { $0 == nil }, numpyBlocks: numpyBlocks)
        columns.append(Field(label: label, dtype: dtype))
        for (i, part) in parts.enumerated() { sources[i].append(part?.id) }
    }
    var index: [Field] = []
    var indexSources: [[FieldID]] = []
    if !ignoreIndex, let first = plans.first {
        // Per level, pandas keeps a name all inputs share and promotes the dtypes.
        index = try first.schema.index.fields.indices.map { level in
            let fields = plans.map { $0.schema.index.fields[level] }
            let names = Set(fields.map(\.label))
            return Field(label: names.count == 1 ? fields[0].label : .none, dtype: try DTypePromotion.common(fields.map(\.dtype)))
        }
        indexSources = plans.map { $0.schema.index.fields.map(\.id) }
    }
    let spec = ConcatSpec(columns: columns, sources: sources, index: index, indexSources: indexSources, verifyIntegrity: verifyIntegrity)
    return DataFrame(session: first.session, plan: try LogicalPlan(.concat(plans, spec)))
}

/// Stacks series (pandas: `pd.concat([s1, s2], keys=)`); the name survives when all names agree.
public func concat(_ series: [Series], ignoreIndex: Bool = false, keys: [Scalar]? = nil) throws -> Series {
    let names = Set(series.map(\.name))
    let label: Scalar = names.count == 1 ? series[0].name : .none
    let frames = try series.map { try $0.rename(label).toFrame() }
    if keys != nil { return try Series.wrapping(concat(frames, ignoreIndex: ignoreIndex, keys: keys)) }
    return try Series.wrapping(stackRows(frames, join: .outer, ignoreIndex: ignoreIndex, sort: false, verifyIntegrity: false, numpyBlocks: false))
}
