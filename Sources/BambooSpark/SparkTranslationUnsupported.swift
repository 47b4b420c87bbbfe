#if Spark
/// A node or expression the Spark backend cannot translate; `hint` tells the user what to do
/// instead. ``SparkBackend/unsupportedReason(_:)`` returns it, and the `Backend` protocol's
/// `checkSupport` turns it into an `unsupportedOnBackend` error naming the node, before anything
/// runs: an untranslated operation is refused, never approximated.
struct SparkTranslationUnsupported: Error {
    var hint: String
}
#endif
