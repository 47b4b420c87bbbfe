#if Spark
import SparkConnectProtocol

/// Small constructors for Spark Connect expression messages, so translators read like the
/// expressions they build (`SparkExpressions.call("nanvl", [x, nullDouble])`).
///
/// Column references are always Bamboo's own generated names (see ``SparkColumnNames``), never a
/// user's label, and functions are called by Spark's registered names with message arguments:
/// no SQL text is assembled, so no label or value can change the query's meaning.
enum SparkExpressions {
    /// A reference to a column of the input relation (pyspark: `F.col(name)`).
    static func column(_ name: String) -> Spark_Connect_Expression {
        var attribute = Spark_Connect_Expression.UnresolvedAttribute()
        attribute.unparsedIdentifier = name
        var expression = Spark_Connect_Expression()
        expression.unresolvedAttribute = attribute
        return expression
    }

    /// A call of a registered Spark function or operator (`"+"`, `"=="`, `"nanvl"`, `"sum"`, ...).
    static func call(_ name: String, _ arguments: [Spark_Connect_Expression], distinct: Bool = false) -> Spark_Connect_Expression {
        var function = Spark_Connect_Expression.UnresolvedFunction()
        function.functionName = name
        function.arguments = arguments
        function.isDistinct = distinct
        var expression = Spark_Connect_Expression()
        expression.unresolvedFunction = function
        return expression
    }

    /// `expression AS name` (pyspark: `Column.alias`).
    static func alias(_ expression: Spark_Connect_Expression, _ name: String) -> Spark_Connect_Expression {
        var alias = Spark_Connect_Expression.Alias()
        alias.expr = expression
        alias.name = [name]
        var result = Spark_Connect_Expression()
        result.alias = alias
        return result
    }

    /// `CAST(expression AS type)` (pyspark: `Column.cast`).
    static func cast(_ expression: Spark_Connect_Expression, _ type: Spark_Connect_DataType) -> Spark_Connect_Expression {
        var cast = Spark_Connect_Expression.Cast()
        cast.expr = expression
        cast.type = type
        var result = Spark_Connect_Expression()
        result.cast = cast
        return result
    }

    /// `if(condition, then, otherwise)`; Spark evaluates only the branch it takes, so a guarded
    /// division never divides by zero.
    static func when(_ condition: Spark_Connect_Expression, _ then: Spark_Connect_Expression,
                     otherwise: Spark_Connect_Expression) -> Spark_Connect_Expression {
        call("if", [condition, then, otherwise])
    }

    /// A lambda of the variables `names` for Spark's higher-order functions (`transform`,
    /// `aggregate`, ...); the names must not clash with an enclosing lambda's variables.
    static func lambda(_ names: [String], _ body: ([Spark_Connect_Expression]) -> Spark_Connect_Expression) -> Spark_Connect_Expression {
        let variables = names.map { name -> Spark_Connect_Expression.UnresolvedNamedLambdaVariable in
            var variable = Spark_Connect_Expression.UnresolvedNamedLambdaVariable()
            variable.nameParts = [name]
            return variable
        }
        let references = variables.map { variable -> Spark_Connect_Expression in
            var expression = Spark_Connect_Expression()
            expression.unresolvedNamedLambdaVariable = variable
            return expression
        }
        var function = Spark_Connect_Expression.LambdaFunction()
        function.function = body(references)
        function.arguments = variables
        var expression = Spark_Connect_Expression()
        expression.lambdaFunction = function
        return expression
    }

    static func and(_ a: Spark_Connect_Expression, _ b: Spark_Connect_Expression) -> Spark_Connect_Expression { call("and", [a, b]) }
    static func or(_ a: Spark_Connect_Expression, _ b: Spark_Connect_Expression) -> Spark_Connect_Expression { call("or", [a, b]) }
    static func not(_ a: Spark_Connect_Expression) -> Spark_Connect_Expression { call("not", [a]) }

    /// A sort key with an explicit direction and null placement (pyspark: `asc_nulls_first()`, ...).
    static func sortOrder(_ child: Spark_Connect_Expression, ascending: Bool, nullsFirst: Bool) -> Spark_Connect_Expression.SortOrder {
        var order = Spark_Connect_Expression.SortOrder()
        order.child = child
        order.direction = ascending ? .ascending : .descending
        order.nullOrdering = nullsFirst ? .sortNullsFirst : .sortNullsLast
        return order
    }
}
#endif
