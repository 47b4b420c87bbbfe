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
/// kept (repeats included) unless `ignoreIndex`.
public func concat(_ frames: [DataFrame], join: ConcatJoin = .outer, ignoreIndex: Bool = false, sort: Bool = false,
                   verifyIntegrity: Bool = false) throws -> DataFrame {
    try stack(frames, join: join, ignoreIndex: ignoreIndex, sort: sort, verifyIntegrity: verifyIntegrity, numpyBlocks: true)
}

/// Stacks frames; `numpyBlocks` picks DataFrame promotion (bool joins numbers) over Series' (object).
func stack(_ given: [DataFrame], join: ConcatJoin, ignoreIndex: Bool, sort: Bool, verifyIntegrity: Bool, numpyBlocks: Bool) throws -> DataFrame {
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
        guard frame.schema.index.fields.count <= 1 else {
            throw BambooError(.unsupportedOnBackend, "concat of frames with a MultiIndex is not available yet; reset_index() first.")
        }
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
    var index: Field?
    var indexSources: [FieldID] = []
    if !ignoreIndex {
        let levels = plans.map { $0.schema.index.fields[0] }
        let names = Set(levels.map(\.label))
        index = Field(label: names.count == 1 ? levels[0].label : .none, dtype: try DTypePromotion.common(levels.map(\.dtype)))
        indexSources = levels.map(\.id)
    }
    let spec = ConcatSpec(columns: columns, sources: sources, index: index, indexSources: indexSources, verifyIntegrity: verifyIntegrity)
    return DataFrame(session: first.session, plan: try LogicalPlan(.concat(plans, spec)))
}

/// Stacks series (pandas: `pd.concat([s1, s2])`); the name survives when all names agree.
public func concat(_ series: [Series], ignoreIndex: Bool = false) throws -> Series {
    let names = Set(series.map(\.name))
    let label: Scalar = names.count == 1 ? series[0].name : .none
    let frames = try series.map { try $0.rename(label).toFrame() }
    return try Series.wrapping(stack(frames, join: .outer, ignoreIndex: ignoreIndex, sort: false, verifyIntegrity: false, numpyBlocks: false))
}
