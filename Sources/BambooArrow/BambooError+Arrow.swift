import BambooCore

extension BambooError {
    /// Arrow bytes that do not follow the format (truncated, bad offsets, bad magic).
    static func malformedArrow(_ what: String) -> BambooError {
        BambooError(.parseError, "Malformed Arrow data: \(what). The file or stream is truncated or was not written by an Arrow writer.")
    }

    /// Valid Arrow data using a feature Bamboo does not read.
    static func unsupportedArrow(_ what: String) -> BambooError {
        BambooError(.io, "Unsupported Arrow data: \(what).")
    }
}
