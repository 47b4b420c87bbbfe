#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// "Are both indexes the same sequence?", which pandas asks before aligning (`s1 + s2`,
/// `concat(axis=1)`, `df["c"] = s`): equal indexes pair rows in place, even with repeated
/// labels, while different ones are joined by label. Spark answers it with a join on row
/// positions, reduced to one boolean row.
extension SparkRelationTranslator {
    /// One row, one boolean column: whether `leftKeys` of `left` and `rightKeys` of `right`
    /// (renamed, NaN cleaned to null) hold the same values in the same order, missing equal to
    /// missing. Both sides must be `numbered`.
    mutating func sameKeysFlag(left: SparkJoinSide, leftKeys: [String], right: SparkJoinSide, rightKeys: [String]) throws
        -> (relation: Spark_Connect_Relation, flag: String) {
        guard let lp = left.positions, let rp = right.positions else {
            throw BambooError.invariant("comparing key sequences needs numbered sides")
        }
        let l = project(left.relation, ([lp] + leftKeys).map(SparkExpressions.column))
        let r = project(right.relation, ([rp] + rightKeys).map(SparkExpressions.column))
        let pairs = joined(l, r, type: .fullOuter, on: SparkExpressions.call("==", [SparkExpressions.column(lp), SparkExpressions.column(rp)]))
        let paired = SparkExpressions.and(SparkExpressions.call("isnotnull", [SparkExpressions.column(lp)]),
                                          SparkExpressions.call("isnotnull", [SparkExpressions.column(rp)]))
        let equal = SparkExpressions.and(paired, keysMatch(Array(zip(leftKeys, rightKeys))))
        return flagRow(pairs, SparkExpressions.call("bool_and", [equal]))
    }

    /// `side` with the one-row `flags` relation's columns added to every row.
    func withFlags(_ side: Spark_Connect_Relation, _ flags: Spark_Connect_Relation) -> Spark_Connect_Relation {
        joined(side, flags, type: .cross, on: nil)
    }
}
#endif
