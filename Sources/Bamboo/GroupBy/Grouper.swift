import BambooCore
import BambooPlan

/// One grouping instruction for `groupby` (pandas: `pd.Grouper(key=, freq=, closed=, label=)`):
/// a column (`key`), or the time bins of a datetime column or of the datetime index (`freq`).
///
/// ```swift
/// let monthly = try await df.groupby(Grouper(key: "t", freq: "MS")).sum()          // every month, empty ones too
/// let perRegion = try await df.groupby([Grouper(key: "t", freq: "ME"), Grouper(key: "region")]).sum()
/// let weekly = try await indexed.groupby(Grouper(freq: "W")).sum()                    // the datetime index
/// ```
/// `freq` takes the rules of ``DataFrame/resample(_:on:closed:label:)``, with the same defaults for
/// `closed` and `label`. A column given as `key` is left out of the aggregated columns. A plain
/// column key in a list is `Grouper(key: "region")`, pandas' `"region"`.
public struct Grouper: Sendable, Hashable {
    /// The column to group by (or to cut into bins); nil for the index.
    public var key: Scalar?
    /// The bins' rule (`"MS"`, `"W"`, `"15min"`, ...); nil groups by the values themselves.
    public var freq: String?
    /// Which edge of a bin is closed; nil for the rule's default.
    public var closed: BinSide?
    /// Which edge labels a bin; nil for the rule's default.
    public var label: BinSide?

    public init(key: Scalar? = nil, freq: String? = nil, closed: BinSide? = nil, label: BinSide? = nil) {
        self.key = key
        self.freq = freq
        self.closed = closed
        self.label = label
    }
}

extension DataFrame {
    /// Groups rows by ``Grouper``s (pandas: `df.groupby([pd.Grouper(key="t", freq="MS"), "g"])`).
    ///
    /// ```swift
    /// let months = try await df.groupby([Grouper(key: "t", freq: "MS"), Grouper(key: "g")]).sum()
    /// ```
    /// A lone time-bin grouper lists every bin from the first value's to the last's, empty ones
    /// included (a sum of 0, a mean of NaN), as `resample` does; with other keys only the
    /// combinations that occur are listed. As in pandas, a time-bin grouper puts the rows in time
    /// order first, so `first()`, `last()` and windows see them that way. Finding the first and
    /// last value runs an action.
    public func groupby(_ by: [Grouper], sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) async throws -> DataFrameGroupBy {
        try checkDeferred()
        guard !by.isEmpty else { throw BambooError(.invalidArgument, "No group keys passed!") }
        var frame = DataFrame(session: session, plan: try labelledPlan())
        var keys: [Field] = []
        var excluded = Set<FieldID>()
        var binned: [FieldID: DType] = [:]
        for grouper in by {
            let source: Field
            if let key = grouper.key {
                let positions = frame.schema.positions(of: key)
                guard positions.count == 1 else {
                    if positions.isEmpty { throw BambooError(.columnNotFound, "The grouper name \(key) is not found") }
                    throw BambooError(.invalidArgument, "The grouper name \(key.pythonRepr) is not unique.")
                }
                source = frame.schema.columns[positions[0]]
                excluded.insert(source.id)
            } else {
                guard grouper.freq != nil else { throw BambooError(.invalidArgument, "A Grouper needs a key or a freq.") }
                guard frame.schema.index.fields.count == 1, let level = frame.schema.index.fields.first else {
                    throw BambooError(.typeMismatch, "Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'MultiIndex'")
                }
                source = level
            }
            guard let freq = grouper.freq else {
                keys.append(source)
                continue
            }
            guard case .datetime(let unit, let tz) = source.dtype else {
                var kind = "Index"
                if grouper.key == nil, case .range = schema.index { kind = "RangeIndex" }
                throw BambooError(.typeMismatch, "Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of '\(kind)'")
            }
            let bins = try TimeBins(freq, closed: grouper.closed, label: grouper.label)
            // pandas sorts the rows by the times first (stably, NaT first): first/last and windows see them in time order.
            frame = try frame.with(.sort(frame.plan, keys: [SortSpec(expr: .column(source.id), ascending: true, missingFirst: true)]))
            let key = try await bins.key(source, of: frame)
            // The bins become a hidden column of the frame, as a computed groupby key does.
            frame = try frame.settingColumn(.string("__bins\(keys.count)__"), expr: key.expr)
            let added = frame.schema.columns[frame.schema.columns.count - 1]
            keys.append(Field(id: added.id, label: source.label, dtype: added.dtype))
            excluded.insert(added.id)
            binned[added.id] = .datetime(unit, tz: tz)
        }
        let keyIDs = Set(keys.map(\.id))
        let selection = frame.schema.columns.filter { !excluded.contains($0.id) && !keyIDs.contains($0.id) }
        // A lone time-bin key lists every bin (pandas' BinGrouper); with other keys, observed ones only.
        let everyBin = by.count == 1 && !binned.isEmpty
        var groups = DataFrameGroupBy(frame: frame, keys: keys, selection: selection, sort: sort, dropna: dropna, asIndex: asIndex,
                                      observed: everyBin ? false : observed)
        groups.binKeys = binned
        return groups
    }

    /// Groups rows by one ``Grouper`` (pandas: `df.groupby(pd.Grouper(key="t", freq="W"))`), as
    /// the list form does.
    ///
    /// ```swift
    /// let weekly = try await df.groupby(Grouper(key: "t", freq: "W")).sum()
    /// ```
    public func groupby(_ by: Grouper, sort: Bool = true, dropna: Bool = true, asIndex: Bool = true, observed: Bool = true) async throws -> DataFrameGroupBy {
        try await groupby([by], sort: sort, dropna: dropna, asIndex: asIndex, observed: observed)
    }
}
