import BambooCore

/// Why a column is aligned onto another frame's index, which decides what a missing label means.
public enum AlignPurpose: String, Sendable, Hashable {
    /// A boolean mask (`df[mask]`): every row's label must be in the mask (pandas' IndexingError).
    case mask
    /// An assigned column (`df["c"] = s`): absent labels give missing values.
    case assign
}
