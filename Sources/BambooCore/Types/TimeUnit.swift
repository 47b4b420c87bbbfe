/// The resolution of a datetime or timedelta column, as pandas 3 names it (`s`, `ms`, `us`, `ns`).
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case s, ms, us, ns

    /// Ticks of this unit in one second.
    public var ticksPerSecond: Int64 {
        switch self {
        case .s: return 1
        case .ms: return 1_000
        case .us: return 1_000_000
        case .ns: return 1_000_000_000
        }
    }
}
