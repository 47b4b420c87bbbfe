#if Spark
import BambooCore
import SparkConnectProtocol

/// pandas errors that depend on the data (`merge(validate=)`, unalignable masks, duplicate
/// labels, `concat(verify_integrity=)`, comparing differently-labelled Series), raised by Spark
/// while it runs the plan and turned back into pandas' error on the client.
///
/// The check is Spark's `raise_error` with the pandas message between two markers; the server
/// reports it as a `USER_RAISED_EXCEPTION` whose message still holds the markers, so
/// ``pandasError(from:)`` can tell a pandas error from any other server failure.
enum SparkRuntimeCheck {
    static let marker = "[bamboo-pandas-error]"

    /// An expression that fails the query with `message` (pandas' `ValueError`) when evaluated.
    static func failure(_ message: String) -> Spark_Connect_Expression {
        SparkExpressions.call("raise_error", [SparkLiterals.string(marker + message + marker)])
    }

    /// The pandas error a failed query stands for, or nil when it is not one of these checks.
    static func pandasError(from error: any Error) -> BambooError? {
        guard let bamboo = error as? BambooError, bamboo.code == .backendError,
              let start = bamboo.message.range(of: marker) else { return nil }
        let rest = bamboo.message[start.upperBound...]
        guard let end = rest.range(of: marker) else { return nil }
        let text = String(rest[..<end.lowerBound])
        // A check raising another pandas error (KeyError, IndexError) names its code first: "{keyNotFound}...".
        for code in [BambooError.Code.keyNotFound, .indexOutOfBounds, .shapeMismatch, .typeMismatch, .unsupportedOnBackend] where text.hasPrefix("{\(code)}") {
            return BambooError(code, String(text.dropFirst("{\(code)}".count)))
        }
        return BambooError(.invalidArgument, text)
    }
}

extension SparkRelationTranslator {
    /// `relation` unchanged, except that running it fails with the message of the first of
    /// `checks` whose boolean column of the one-row relation `flags` is not true.
    ///
    /// The check is a union with the (always empty) rows of `flags` filtered by the failing
    /// expression, so Spark evaluates it however few rows `relation` has, and cannot prune it
    /// as an unused column.
    mutating func enforcing(_ relation: Spark_Connect_Relation, _ flags: Spark_Connect_Relation,
                            checks: [(flag: String, message: String)]) -> Spark_Connect_Relation {
        var filter = Spark_Connect_Filter()
        filter.input = flags
        // if(flag1, if(flag2, false, fail2), fail1): no row passes; a false flag raises its message.
        filter.condition = checks.reversed().reduce(SparkLiterals.boolean(false)) { passed, check in
            SparkExpressions.when(
                SparkExpressions.call("coalesce", [SparkExpressions.column(check.flag), SparkLiterals.boolean(false)]),
                passed, otherwise: SparkExpressions.call("isnull", [SparkRuntimeCheck.failure(check.message)]))
        }
        var failing = Spark_Connect_Relation()
        failing.filter = filter
        // The check contributes no columns: one untyped null column (never matched by name, and
        // without rows) keeps the union by name valid.
        let emptyColumn = nextHiddenName()
        failing = project(failing, [SparkExpressions.alias(SparkLiterals.null(SparkLiterals.nullType), emptyColumn)])
        return unionByName(relation, failing)
    }

    /// One row with one boolean column: `expression`, an aggregate over `input` (true when the
    /// input has no rows).
    mutating func flagRow(_ input: Spark_Connect_Relation, _ expression: Spark_Connect_Expression) -> (relation: Spark_Connect_Relation, flag: String) {
        let name = nextHiddenName()
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = input
        aggregate.groupType = .groupby
        aggregate.aggregateExpressions = [SparkExpressions.alias(SparkExpressions.call("coalesce", [expression, SparkLiterals.boolean(true)]), name)]
        var relation = Spark_Connect_Relation()
        relation.aggregate = aggregate
        return (relation, name)
    }
}
#endif
