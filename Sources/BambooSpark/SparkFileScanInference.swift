#if Spark
import BambooArrow
import BambooCore
import BambooPlan
import SparkConnectProtocol

/// Settles the schema of a file the cluster will read, as pandas would infer it, without
/// bringing the file's rows to the client: one query reads the header (CSV) or the stored schema
/// (Parquet), and one aggregate pass over the file counts, per column, the rows, the missing values
/// and the values that do not parse as int, float or bool. pandas' rules then pick the dtype: int64
/// when every value is an integer and none is missing, float64 when they are numbers (or all
/// missing), bool for True/False without gaps, str otherwise.
struct SparkFileScanInference {
    let client: SparkConnectClient

    func scan(_ request: FileScanRequest) async throws -> FileScan {
        switch request.format {
        case .csv: return try await csv(request)
        case .parquet: return try await parquet(request)
        }
    }

    // MARK: CSV

    private func csv(_ request: FileScanRequest) async throws -> FileScan {
        guard request.separator.utf8.count == 1, request.quote.utf8.count == 1 else {
            throw BambooError(.invalidArgument, "sep and quotechar must be one character each on Spark, got '\(request.separator)' and '\(request.quote)'.")
        }
        // The first line: the column count, and the labels when it is a header.
        let firstLine = try await table(limit(SparkFileRead.csv(path: request.path, separator: request.separator, quote: request.quote,
                                                                header: false, multiline: request.multiline, columnCount: nil), 1))
        let columnCount = firstLine.columns.count
        guard columnCount > 0, firstLine.rowCount > 0 else {
            throw BambooError(.parseError, "No columns to parse from file \(request.path).")
        }
        let labels = try csvLabels(request, firstLine: firstLine)
        let wanted = try selected(labels, usecols: request.usecols, csv: true)
        for name in request.parseDates where !labels.contains(name) {
            throw BambooError(.columnNotFound, "Missing column provided to 'parse_dates': '\(name)'.")
        }

        // One pass: rows, then per column the non-missing values and the failures of each parse.
        let header = request.header
        // One column more than the first line has: a line with more fields fills it (pandas raises).
        let text = SparkFileRead.csv(path: request.path, separator: request.separator, quote: request.quote, header: header,
                                     multiline: request.multiline, columnCount: columnCount + 1)
        var aggregates = [SparkExpressions.call("count", [SparkLiterals.long(1)]),
                          SparkExpressions.call("count", [SparkExpressions.column(SparkFileRead.csvColumnName(columnCount))])]
        var plans: [(position: Int, label: String, tokens: [String], candidates: [DType], explicit: Bool)] = []
        for position in wanted {
            let label = labels[position]
            let tokens = request.naValues + (request.naValuesByColumn[label] ?? [])
            let cleaned = SparkFileRead.cleaned(SparkExpressions.column(SparkFileRead.csvColumnName(position)), naTokens: tokens)
            let candidates: [DType]
            let explicit: Bool
            if let dtype = request.dtype[label] ?? request.defaultDtype {
                candidates = dtype == .string ? [] : [dtype]
                explicit = true
            } else if request.parseDates.contains(label) {
                candidates = [.datetime(.us, tz: nil)]
                explicit = false
            } else {
                candidates = [.int64, .float64, .bool]
                explicit = false
            }
            let raw = SparkExpressions.column(SparkFileRead.csvColumnName(position))
            // Spark reads an empty field as null, whatever the options: count them.
            aggregates.append(SparkExpressions.call("count", [raw]))
            aggregates.append(SparkExpressions.call("count", [cleaned]))
            for dtype in candidates {
                aggregates.append(SparkExpressions.call("count_if", [try SparkFileRead.failsToParse(cleaned, as: dtype)]))
            }
            if case .datetime? = candidates.first {
                // pandas parses dates only when every value has the first one's layout.
                let layout = SparkExpressions.call("regexp_replace", [SparkExpressions.call("trim", [cleaned]), SparkLiterals.string("[0-9]"), SparkLiterals.string("0")])
                aggregates.append(SparkExpressions.call("count", [layout], distinct: true))
            }
            plans.append((position, label, tokens, candidates, explicit))
        }
        let counts = try await counts(aggregate(text, aggregates))
        let rows = counts[0]
        if counts[1] > 0 {
            throw BambooError(.parseError, "Error tokenizing data: \(counts[1]) lines of \(request.path) have more than the \(columnCount) fields of its first line.")
        }
        if rows == 0 {
            throw BambooError(.unsupportedOnBackend, "\(request.path) has no data rows: pandas gives object columns, which the Spark backend does not hold.")
        }
        var cursor = 2
        var fields: [Field] = [], columns: [FileScan.Column] = []
        for plan in plans {
            let nonEmpty = counts[cursor]
            let present = counts[cursor + 1]
            var failures = Array(counts[(cursor + 2)..<(cursor + 2 + plan.candidates.count)])
            cursor += 2 + plan.candidates.count
            if case .datetime? = plan.candidates.first {
                if counts[cursor] > 1 { failures[0] += 1 }
                cursor += 1
            }
            if nonEmpty < rows && !plan.tokens.contains("") {
                throw BambooError(.unsupportedOnBackend, "Column '\(plan.label)' has empty fields, which pandas keeps as empty text without keep_default_na but Spark reads as missing; add \"\" to na_values, or read the file with readCSV(path, session:).")
            }
            let dtype = try csvDType(plan.label, explicit: plan.explicit ? request.dtype[plan.label] ?? request.defaultDtype : nil, candidates: plan.candidates,
                                     failures: failures, present: present, rows: rows, path: request.path)
            fields.append(Field(label: request.header || request.names != nil ? .string(plan.label) : .int(Int64(plan.position)), dtype: dtype))
            columns.append(FileScan.Column(source: String(plan.position), naTokens: plan.tokens, conversion: dtype == .string ? .text : .parse))
        }
        var scan = try FileScan(format: .csv, path: request.path, schema: Schema(index: .range, columns: fields), columns: columns,
                                separator: request.separator, quote: request.quote, header: header, fileColumnCount: columnCount,
                                rowCount: Int(rows))
        scan.multiline = request.multiline
        return scan
    }

    /// The labels pandas gives the file's columns: the header line's (an empty one is
    /// `Unnamed: i`, a repeated one `a.1`), `names`, or positions.
    private func csvLabels(_ request: FileScanRequest, firstLine: ArrowTable) throws -> [String] {
        let count = firstLine.columns.count
        if let names = request.names {
            guard names.count == count else {
                throw BambooError(.invalidArgument, "names has \(names.count) labels but \(request.path) has \(count) columns; give one label per column.")
            }
            guard Set(names).count == names.count else { throw BambooError(.invalidArgument, "Duplicate names are not allowed.") }
            return names
        }
        guard request.header else { return (0..<count).map(String.init) }
        var seen: [String: Int] = [:]
        return firstLine.columns.enumerated().map { position, column in
            var label: String
            if case .string(let text) = column.scalar(at: 0), !text.isEmpty { label = text } else { label = "Unnamed: \(position)" }
            if let times = seen[label] {
                seen[label] = times + 1
                label = "\(label).\(times)"
            } else {
                seen[label] = 1
            }
            return label
        }
    }

    /// pandas' dtype for a CSV column from the counts of one pass.
    private func csvDType(_ label: String, explicit: DType?, candidates: [DType], failures: [Int64], present: Int64, rows: Int64,
                          path: String) throws -> DType {
        if let explicit {
            if let failed = failures.first, failed > 0 {
                throw BambooError(.castFailed, "Unable to parse \(failed) values of column '\(label)' in \(path) as \(explicit.name).")
            }
            if (explicit == .int64 || explicit == .bool) && present < rows {
                throw BambooError(.castFailed, "Column '\(label)' has missing values, which \(explicit.name) cannot hold; read it as \(explicit == .int64 ? "Int64 or float64" : "boolean").")
            }
            return explicit
        }
        if candidates.count == 1, case .datetime(let unit, _) = candidates[0] {
            if present == 0 { return .datetime(.s, tz: nil) }
            return failures[0] == 0 ? .datetime(unit, tz: nil) : .string
        }
        if present == 0 { return .float64 }
        if failures[0] == 0 { return present == rows ? .int64 : .float64 }
        if failures[1] == 0 { return .float64 }
        if failures[2] == 0 {
            guard present == rows else {
                throw BambooError(.unsupportedOnBackend, "Column '\(label)' holds True/False with missing values, which pandas reads as object; the Spark backend reads it with dtype={\"\(label)\": \"boolean\"}.")
            }
            return .bool
        }
        return .string
    }

    // MARK: Parquet

    private func parquet(_ request: FileScanRequest) async throws -> FileScan {
        let stored = try await raw(limit(SparkFileRead.parquet(path: request.path), 0)).schema
        guard case .struct(let structure)? = stored?.kind else {
            throw BambooError(.backendError, "Spark did not describe the columns of \(request.path).")
        }
        let names = structure.fields.map(\.name)
        let wanted = try selected(names, usecols: request.usecols)
        // Missing values turn pandas' int64 into float64 and bool into object: count them.
        var aggregates = [SparkExpressions.call("count", [SparkLiterals.long(1)])]
        var counted: [Int: Int] = [:]
        for position in wanted {
            switch structure.fields[position].dataType.kind {
            case .long?, .integer?, .short?, .byte?, .boolean?:
                counted[position] = aggregates.count
                aggregates.append(SparkExpressions.call("count", [SparkFileRead.storedColumn(names[position])]))
            default: break
            }
        }
        let counts = try await counts(aggregate(SparkFileRead.parquet(path: request.path), aggregates))
        let rows = counts[0]
        var fields: [Field] = []
        for position in wanted {
            let name = names[position]
            let complete = counted[position].map { counts[$0] == rows } ?? true
            let dtype: DType
            switch structure.fields[position].dataType.kind {
            case .long?, .integer?, .short?, .byte?: dtype = complete ? .int64 : .float64
            case .double?, .float?: dtype = .float64
            case .boolean?:
                guard complete else {
                    throw BambooError(.unsupportedOnBackend, "Column '\(name)' holds booleans with missing values, which pandas reads as object; the Spark backend does not read it yet.")
                }
                dtype = .bool
            case .string?: dtype = .string
            case .timestamp?: dtype = .datetime(.us, tz: "UTC")
            case .timestampNtz?: dtype = .datetime(.us, tz: nil)
            default:
                throw BambooError(.unsupportedOnBackend, "Column '\(name)' of \(request.path) has a Parquet type the Spark backend does not read yet; select other columns with columns: [...].")
            }
            fields.append(Field(label: .string(name), dtype: dtype))
        }
        return try FileScan(format: .parquet, path: request.path, schema: Schema(index: .range, columns: fields),
                            columns: wanted.map { FileScan.Column(source: names[$0], naTokens: [], conversion: .stored) },
                            fileColumnCount: names.count, rowCount: Int(rows))
    }

    // MARK: Queries

    /// The positions of `usecols` in file order. pandas' read_csv raises ValueError for a label
    /// the file lacks (`invalidArgument` here), read_parquet a KeyError (`columnNotFound`).
    private func selected(_ labels: [String], usecols: [String]?, csv: Bool = false) throws -> [Int] {
        guard let usecols else { return Array(labels.indices) }
        let missing = usecols.filter { !labels.contains($0) }
        if csv, !missing.isEmpty {
            let listed = missing.map { Scalar.string($0).pythonRepr }.joined(separator: ", ")
            throw BambooError(.invalidArgument, "Usecols do not match columns, columns expected but not found: [\(listed)]. The file has \(labels.count) column(s).",
                              suggestions: missing.count == 1 ? ClosestNames.rank(missing[0], among: labels) : [])
        }
        if let label = missing.first { throw BambooError.columnNotFound(label, available: labels) }
        return labels.indices.filter { usecols.contains(labels[$0]) }
    }

    private func limit(_ input: Spark_Connect_Relation, _ n: Int32) -> Spark_Connect_Relation {
        var limit = Spark_Connect_Limit()
        limit.input = input
        limit.limit = n
        var relation = Spark_Connect_Relation()
        relation.limit = limit
        return relation
    }

    private func aggregate(_ input: Spark_Connect_Relation, _ expressions: [Spark_Connect_Expression]) -> Spark_Connect_Relation {
        var aggregate = Spark_Connect_Aggregate()
        aggregate.input = input
        aggregate.groupType = .groupby
        aggregate.aggregateExpressions = expressions.enumerated().map { SparkExpressions.alias($0.element, "s\($0.offset)") }
        var relation = Spark_Connect_Relation()
        relation.aggregate = aggregate
        return relation
    }

    private func raw(_ relation: Spark_Connect_Relation) async throws -> SparkRawResult {
        var plan = Spark_Connect_Plan()
        plan.root = relation
        do {
            return try await client.executeRaw(plan)
        } catch let error as BambooError where error.code == .backendError && (error.serverErrorClass ?? "").hasPrefix("PATH_NOT_FOUND") {
            throw BambooError(.io, "The Spark cluster cannot see the file: \(error.message) Give a path its executors can read (a shared file system, HDFS, S3, ...), or read a local file with readCSV(path) and let Bamboo upload it.")
        }
    }

    private func table(_ relation: Spark_Connect_Relation) async throws -> ArrowTable {
        let result = try await raw(relation)
        return try ArrowStreamReader.read(streams: result.arrowStreams.map { [UInt8]($0) })
    }

    /// The single row of an aggregate of counts.
    private func counts(_ relation: Spark_Connect_Relation) async throws -> [Int64] {
        let result = try await table(relation)
        guard result.rowCount == 1 else { throw BambooError.invariant("a count query returned \(result.rowCount) rows") }
        return try result.columns.map { column in
            guard case .int(let value) = column.scalar(at: 0) else { throw BambooError.invariant("a count query returned \(column.scalar(at: 0))") }
            return value
        }
    }
}
#endif
