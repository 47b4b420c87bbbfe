/// Problems with the suite itself (not with Bamboo's results): malformed files, unknown ids.
public enum CompatError: Error, CustomStringConvertible, Sendable {
    case malformed(String)
    case io(String)

    public var description: String {
        switch self {
        case .malformed(let what): return "malformed CompatMatrix input: \(what)"
        case .io(let what): return "CompatMatrix I/O: \(what)"
        }
    }
}
