import BambooCore

/// How `concat` stacks its inputs' rows: one output column per field, each taken from a field of
/// every input (or missing values where an input lacks it); the index likewise, unless reset.
public struct ConcatSpec: Sendable, Hashable {
    public var columns: [Field]
    /// Per input, per output column: the field supplying it, or nil for missing values.
    public var sources: [[FieldID?]]
    /// The output index levels, and per input the fields supplying them; empty for `ignore_index`
    /// (a RangeIndex).
    public var index: [Field]
    public var indexSources: [[FieldID]]
    /// pandas' `verify_integrity`: repeated index labels are an error.
    public var verifyIntegrity: Bool
    /// pandas' `keys=`: an outer index level holding each input's key, one key per input.
    public var keyLevel: Field?
    public var keys: [Scalar] = []

    public init(columns: [Field], sources: [[FieldID?]], index: [Field], indexSources: [[FieldID]], verifyIntegrity: Bool = false) {
        self.columns = columns
        self.sources = sources
        self.index = index
        self.indexSources = indexSources
        self.verifyIntegrity = verifyIntegrity
        self.keyLevel = nil
    }
}
