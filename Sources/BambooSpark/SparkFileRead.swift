#if Spark
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// The Spark relations that read a file where the cluster runs (`Read.DataSource`), and the
/// expressions that turn CSV text into pandas' dtypes. Shared by the schema inference
/// (``SparkFileScanInference``) and the plan translation, so both read the file the same way.
///
/// CSV columns are read as text under Bamboo's own names (`c0`, `c1`, ...: the header line is
/// skipped, never used as Spark names), so no label from the file reaches Spark; Parquet columns
/// are selected by their stored names, quoted as identifiers.
enum SparkFileRead {
    /// pandas' true and false spellings in CSV (C parser).
    static let trueTokens = ["True", "TRUE", "true"]
    static let falseTokens = ["False", "FALSE", "false"]
    /// An integer as pandas' C parser reads one.
    static let integerPattern = "^[+-]?[0-9]+$"
    /// A decimal or scientific number; `inf`/`infinity` are matched separately.
    static let floatPattern = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$"
    static let infinityTokens = ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]

    static func csvColumnName(_ position: Int) -> String { "c\(position)" }

    /// Every line of the CSV file as `columnCount` text columns, the first line skipped when it is
    /// a header. Quotes double to escape themselves, as pandas reads them.
    static func csv(path: String, separator: String, quote: String, header: Bool, multiline: Bool, columnCount: Int?) -> Spark_Connect_Relation {
        var source = Spark_Connect_Read.DataSource()
        source.format = "csv"
        source.paths = [path]
        source.options = [
            "header": header ? "true" : "false", "sep": separator, "quote": quote, "escape": quote,
            "inferSchema": "false", "mode": "PERMISSIVE", "enforceSchema": "true", "multiLine": multiline ? "true" : "false",
        ]
        if let columnCount {
            source.schema = (0..<columnCount).map { "\(csvColumnName($0)) STRING" }.joined(separator: ", ")
        }
        var read = Spark_Connect_Read()
        read.dataSource = source
        var relation = Spark_Connect_Relation()
        relation.read = read
        return relation
    }

    static func parquet(path: String) -> Spark_Connect_Relation {
        var source = Spark_Connect_Read.DataSource()
        source.format = "parquet"
        source.paths = [path]
        var read = Spark_Connect_Read()
        read.dataSource = source
        var relation = Spark_Connect_Relation()
        relation.read = read
        return relation
    }

    /// A stored Parquet column by name, quoted so dots and backticks in it are just characters.
    static func storedColumn(_ name: String) -> Spark_Connect_Expression {
        SparkExpressions.column("`" + name.replacingOccurrences(of: "`", with: "``") + "`")
    }

    /// Whether `text` is one of `tokens` (never null: a missing field is "").
    static func isAny(_ text: Spark_Connect_Expression, of tokens: [String]) -> Spark_Connect_Expression {
        guard !tokens.isEmpty else { return SparkLiterals.boolean(false) }
        return SparkExpressions.call("coalesce", [SparkExpressions.call("in", [text] + tokens.map(SparkLiterals.string)), SparkLiterals.boolean(false)])
    }

    /// `text` with pandas' missing tokens as null.
    static func cleaned(_ text: Spark_Connect_Expression, naTokens: [String]) -> Spark_Connect_Expression {
        SparkExpressions.when(isAny(text, of: naTokens), SparkLiterals.null(SparkLiterals.stringType), otherwise: text)
    }

    /// CSV text (missing already null) parsed as `dtype`.
    static func parse(_ text: Spark_Connect_Expression, as dtype: DType) throws -> Spark_Connect_Expression {
        switch dtype {
        case .string:
            return text
        case .int64, .nullableInt64:
            return SparkExpressions.cast(SparkExpressions.call("trim", [text]), SparkLiterals.longType)
        case .float64, .nullableFloat64:
            return SparkExpressions.cast(SparkExpressions.call("trim", [text]), SparkLiterals.doubleType)
        case .bool, .nullableBool:
            return SparkExpressions.when(isAny(text, of: trueTokens), SparkLiterals.boolean(true),
                                         otherwise: SparkExpressions.when(isAny(text, of: falseTokens), SparkLiterals.boolean(false),
                                                                          otherwise: SparkLiterals.null(SparkLiterals.booleanType)))
        case .datetime(_, tz: nil):
            return SparkExpressions.cast(text, SparkLiterals.timestampNtzType)
        default:
            throw BambooError(.unsupportedOnBackend, "Reading a CSV column as \(dtype.name) on Spark is not supported; read it as str and convert it with astype or toDatetime.")
        }
    }

    /// Whether non-missing `text` fails to parse as `dtype` (the inference counts these).
    static func failsToParse(_ text: Spark_Connect_Expression, as dtype: DType) throws -> Spark_Connect_Expression {
        let parsed = try parse(text, as: dtype)
        let unparsed = SparkExpressions.and(SparkExpressions.call("isnotnull", [text]), SparkExpressions.call("isnull", [parsed]))
        switch dtype {
        case .int64, .nullableInt64:
            return SparkExpressions.or(unparsed, SparkExpressions.not(SparkExpressions.call("coalesce", [
                SparkExpressions.call("rlike", [SparkExpressions.call("trim", [text]), SparkLiterals.string(integerPattern)]), SparkLiterals.boolean(true)])))
        case .float64, .nullableFloat64:
            let trimmed = SparkExpressions.call("trim", [text])
            let number = SparkExpressions.or(SparkExpressions.call("rlike", [trimmed, SparkLiterals.string(floatPattern)]),
                                             isAny(SparkExpressions.call("lower", [trimmed]), of: infinityTokens))
            return SparkExpressions.or(unparsed, SparkExpressions.not(SparkExpressions.call("coalesce", [number, SparkLiterals.boolean(true)])))
        default:
            return unparsed
        }
    }
}
#endif
