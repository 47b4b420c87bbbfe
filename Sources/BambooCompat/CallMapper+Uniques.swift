import Bamboo

/// Arguments of duplicated/drop_duplicates and isin.
extension CallMapper {
    /// pandas' `keep="first" | "last" | False`.
    static func keep(_ a: Arguments) throws -> DuplicateKeep {
        switch a["keep"] {
        case nil, .scalar(.string("first"))?: return .first
        case .scalar(.string("last"))?: return .last
        case .scalar(.bool(false))?: return .none
        default: throw BambooError(.invalidArgument, "keep must be either \"first\", \"last\" or False")
        }
    }

    /// `isin`'s values: a list (pandas raises TypeError for anything else).
    static func members(_ a: Arguments) throws -> [Scalar] {
        guard let values = a["values"] else { throw RunnerGap("isin without values") }
        guard let items = values.scalars else {
            throw BambooError(.typeMismatch, "only list-like objects are allowed to be passed to isin(), you passed a `\(values.kind)`")
        }
        return items
    }
}
