import BambooCore
import BambooPlan

/// The reference backend: runs a plan one node at a time on one thread, exactly as pandas would.
///
/// Simplicity beats speed here: this is the oracle the other backends are compared with, the way
/// swift-nio's `EmbeddedEventLoop` is the deterministic twin of the real one.
///
/// ```swift
/// let result = try await EagerBackend().execute(plan)
/// ```
public struct EagerBackend: Backend {
    public init() {}
    public var name: String { "eager" }

    /// The reference backend runs every node.
    public func unsupportedReason(_ node: LogicalPlan) -> String? {
        if case .fileScan(let scan) = node.node {
            return "The frame reads \(scan.path) where its backend runs; the eager backend reads files with readCSV(path) or readFeather(path) instead."
        }
        return nil
    }

    public func execute(_ plan: LogicalPlan) async throws -> ExecutionResult {
        var labels: [Scalar]? = nil
        let table = try run(plan, labels: &labels)
        return ExecutionResult(
            index: try plan.schema.index.fields.map { try table.column($0.id) },
            columns: try plan.schema.columns.map { try table.column($0.id) },
            rowCount: table.rowCount,
            columnLabels: labels)
    }

    private func run(_ plan: LogicalPlan, labels: inout [Scalar]?) throws -> EagerTable {
        switch plan.node {
        case .source(let data):
            var columns: [FieldID: Column] = [:]
            for (field, column) in zip(data.schema.allFields, data.columns) { columns[field.id] = column }
            return EagerTable(schema: data.schema, columns: columns, rowCount: data.rowCount)

        case .fileScan(let scan):
            throw BambooError(.unsupportedOnBackend, "FileScan of \(scan.path) is not supported on the eager backend; read the file with readCSV(path) instead.")

        case .project(let inputPlan, let indexProjection, let projected):
            let input = try run(inputPlan, labels: &labels)
            var columns: [FieldID: Column] = [:]
            switch indexProjection {
            case .keep:
                for field in inputPlan.schema.index.fields { columns[field.id] = try input.column(field.id) }
            case .range: break
            case .fields(let levels):
                for level in levels { columns[level.field.id] = try input.evaluate(level.expr) }
            }
            for item in projected { columns[item.field.id] = try input.evaluate(item.expr) }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: input.rowCount)

        case .filter(let inputPlan, let predicate):
            let input = try run(inputPlan, labels: &labels)
            let mask = try input.evaluate(predicate)
            guard case .bool(let bits) = mask.values else { throw BambooError.invariant("mask storage is not bool") }
            // pandas treats pd.NA in a boolean mask as False.
            return input.take(bits.indices.filter { bits[$0] && !mask.isMissing($0) })

        case .sort(let inputPlan, let specs):
            let input = try run(inputPlan, labels: &labels)
            let keys = try specs.map { SortKey(try input.evaluate($0.expr), ascending: $0.ascending, missingFirst: $0.missingFirst) }
            return input.take(try StableSort.permutation(keys, count: input.rowCount))

        case .slice(let inputPlan, let start, let stop, let step):
            let input = try run(inputPlan, labels: &labels)
            return input.take(PythonSlice.positions(start: start, stop: stop, step: step, count: input.rowCount))

        case .take(let inputPlan, let positions, let single):
            let input = try run(inputPlan, labels: &labels)
            let n = input.rowCount
            var resolved: [Int] = []
            resolved.reserveCapacity(positions.count)
            for position in positions {
                let p = position < 0 ? position + n : position
                guard p >= 0 && p < n else {
                    throw BambooError(.indexOutOfBounds, single ? "single positional indexer is out-of-bounds" : "positional indexers are out-of-bounds")
                }
                resolved.append(p)
            }
            return input.take(resolved)

        case .maskRows(let inputPlan, let mask, let positional):
            let input = try run(inputPlan, labels: &labels)
            guard mask.count == input.rowCount else {
                if positional { throw BambooError(.indexOutOfBounds, "Boolean index has wrong length: \(mask.count) instead of \(input.rowCount)") }
                throw BambooError(.shapeMismatch, "Item wrong length \(mask.count) instead of \(input.rowCount).")
            }
            return input.take(mask.indices.filter { mask[$0] })

        case .attachColumn(let inputPlan, let field, let values):
            var input = try run(inputPlan, labels: &labels)
            guard values.count == input.rowCount else {
                throw BambooError(.shapeMismatch, "Length of values (\(values.count)) does not match length of index (\(input.rowCount))")
            }
            input.columns[field.id] = values
            input.schema = plan.schema
            return input

        case .rowNumber(let inputPlan, let field):
            var input = try run(inputPlan, labels: &labels)
            input.columns[field.id] = Column(int64: (0..<Int64(input.rowCount)).map { $0 })
            input.schema = plan.schema
            return input

        case .locLabels(let inputPlan, let wanted):
            let input = try run(inputPlan, labels: &labels)
            let levels = try inputPlan.schema.index.fields.map { try input.column($0.id) }
            if levels.count == 1 { return input.take(try LabelLookup.positions(of: wanted, in: levels[0])) }
            return input.take(try LabelLookup.positions(of: wanted, inLevels: levels))

        case .dropLabels(let inputPlan, let dropped, let mustExist):
            let input = try run(inputPlan, labels: &labels)
            let index = try input.column(inputPlan.schema.index.fields[0].id)
            let present = Set(index.scalars)
            let absent = dropped.filter { !present.contains($0) }
            if mustExist && !absent.isEmpty {
                throw BambooError(.keyNotFound, "\"[\(absent.map(\.pythonRepr).joined(separator: ", "))] not found in axis\"")
            }
            let removed = Set(dropped)
            return input.take((0..<input.rowCount).filter { !removed.contains(index.scalar(at: $0)) })

        case .locSlice(let inputPlan, let start, let stop, let step):
            let input = try run(inputPlan, labels: &labels)
            let index = try input.column(inputPlan.schema.index.fields[0].id)
            return input.take(try LabelLookup.slice(start: start, stop: stop, step: step, in: index))

        case .alignColumn(let inputPlan, let sourcePlan, let value, let field, let purpose):
            var input = try run(inputPlan, labels: &labels)
            let source = try run(sourcePlan, labels: &labels)
            let rows = try IndexAlignment.rows(target: try inputPlan.schema.index.fields.map { try input.column($0.id) },
                                               source: try sourcePlan.schema.index.fields.map { try source.column($0.id) }, purpose: purpose)
            input.columns[field.id] = try source.evaluate(value).gatherOptional(rows)
            input.schema = plan.schema
            return input

        case .rowToSeries(let inputPlan, let field):
            let input = try run(inputPlan, labels: &labels)
            guard input.rowCount == 1 else {
                throw BambooError(.invalidArgument, "The label matches \(input.rowCount) rows, so pandas would return a DataFrame here; select with a list (loc[[label]]) to get one.")
            }
            let values = try inputPlan.schema.columns.map { try input.column($0.id).scalar(at: 0) }
            guard let indexField = plan.schema.index.fields.first else { throw BambooError.invariant("row series has an index") }
            let levels = try inputPlan.schema.index.fields.map { try input.column($0.id).scalar(at: 0) }
            let rowLabel: Scalar = levels.count > 1 ? .tuple(levels) : (levels.first ?? .int(0))
            labels = [rowLabel]
            return EagerTable(schema: plan.schema, columns: [
                indexField.id: try Column.build(inputPlan.schema.columns.map(\.label), dtype: indexField.dtype),
                field.id: try Column.build(values, dtype: field.dtype),
            ], rowCount: values.count)

        case .aggregate(let inputPlan, let keys, let aggregations, let sort, let dropna, let observed):
            let input = try run(inputPlan, labels: &labels)
            let keyColumns = try keys.map { try input.evaluate($0.expr) }
            let grouping = try Grouping.make(keys: keyColumns, rowCount: input.rowCount, sort: sort, dropna: dropna, observed: observed)
            var columns: [FieldID: Column] = [:]
            for (key, column) in zip(keys, try grouping.keyValues(keyColumns)) { columns[key.field.id] = column }
            for aggregation in aggregations {
                if let custom = aggregation.custom {
                    columns[aggregation.field.id] = try custom.aggregate(try input.evaluate(aggregation.input), grouping: grouping)
                    continue
                }
                columns[aggregation.field.id] = try aggregation.function.apply(
                    try input.evaluate(aggregation.input), grouping: grouping, options: aggregation.options,
                    labels: try aggregation.labels.map(input.evaluate))
            }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: grouping.groupCount)

        case .groupWindow(let inputPlan, let keys, let windows, let dropna):
            let input = try run(inputPlan, labels: &labels)
            let grouping = try Grouping.make(keys: try keys.map(input.evaluate), rowCount: input.rowCount, sort: false, dropna: dropna)
            var columns: [FieldID: Column] = [:]
            for field in inputPlan.schema.index.fields { columns[field.id] = try input.column(field.id) }
            for window in windows {
                columns[window.field.id] = try window.function.apply(try input.evaluate(window.input), grouping: grouping,
                                                                     times: try window.times.map(input.evaluate))
            }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: input.rowCount)

        case .explode(let inputPlan, let columns):
            var output = try Explosion.execute(try run(inputPlan, labels: &labels), columns: columns)
            output.schema = plan.schema
            return output

        case .markDuplicates(let inputPlan, let keys, let keep, let field):
            var input = try run(inputPlan, labels: &labels)
            let grouping = try Grouping.make(keys: try keys.map(input.evaluate), rowCount: input.rowCount, sort: false, dropna: false, markersDistinct: true)
            var seen = [Int](repeating: 0, count: grouping.groupCount)
            for group in grouping.groupOfRow { seen[group] += 1 }
            var marks = [Bool](repeating: false, count: input.rowCount)
            var passed = [Int](repeating: 0, count: grouping.groupCount)
            for (row, group) in grouping.groupOfRow.enumerated() {
                passed[group] += 1
                switch keep {
                case .first: marks[row] = passed[group] > 1
                case .last: marks[row] = passed[group] < seen[group]
                case .none: marks[row] = seen[group] > 1
                }
            }
            input.columns[field.id] = Column(bool: marks)
            input.schema = plan.schema
            return input

        case .valueCounts(let inputPlan, let keys, let spec, let field):
            let input = try run(inputPlan, labels: &labels)
            let keyColumns = try keys.map { try input.evaluate($0.expr) }
            let grouping = try Grouping.make(keys: keyColumns, rowCount: input.rowCount, sort: false, dropna: spec.dropna, markersDistinct: true)
            var counts = [Int64](repeating: 0, count: grouping.groupCount)
            for group in grouping.groupOfRow where group >= 0 { counts[group] += 1 }
            var order = Array(0..<grouping.groupCount)
            if spec.sort {
                order = try StableSort.permutation([SortKey(Column(int64: counts), ascending: spec.ascending)], count: counts.count)
            }
            let total = counts.reduce(0, +)
            let values: Column = spec.normalize
                ? Column(float64: order.map { total == 0 ? .nan : Double(counts[$0]) / Double(total) })
                : Column(int64: order.map { counts[$0] })
            var columns: [FieldID: Column] = [field.id: try values.astype(field.dtype)]
            for (key, column) in zip(keys, try grouping.keyValues(keyColumns)) { columns[key.field.id] = column.take(order) }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: order.count)

        case .groupSelect(let inputPlan, let keys, let selection, let dropna):
            let input = try run(inputPlan, labels: &labels)
            let grouping = try Grouping.make(keys: try keys.map(input.evaluate), rowCount: input.rowCount, sort: false, dropna: dropna)
            var members = [[Int]](repeating: [], count: grouping.groupCount)
            for (row, group) in grouping.groupOfRow.enumerated() where group >= 0 { members[group].append(row) }
            var keep = [Bool](repeating: false, count: input.rowCount)
            for rows in members {
                let count = rows.count
                let chosen: [Int]
                switch selection {
                case .head(let n): chosen = Array(rows.prefix(n >= 0 ? n : Swift.max(0, count + n)))
                case .tail(let n): chosen = Array(rows.suffix(n >= 0 ? n : Swift.max(0, count + n)))
                case .nth(let positions): chosen = positions.compactMap { p in let q = p < 0 ? p + count : p; return q >= 0 && q < count ? rows[q] : nil }
                }
                for row in chosen { keep[row] = true }
            }
            return input.take(keep.indices.filter { keep[$0] })

        case .pivot(let inputPlan, let spec):
            let input = try run(inputPlan, labels: &labels)
            let keyColumns = try spec.index.map { try input.column($0.id) }
            let grouping = try Grouping.make(keys: keyColumns, rowCount: input.rowCount, sort: true, dropna: false)
            let columnKey = try input.column(spec.columns)
            var cellRow: [[Scalar: Int]] = Array(repeating: [:], count: grouping.groupCount)
            for row in 0..<input.rowCount {
                let group = grouping.groupOfRow[row]
                let key = columnKey.isMissing(row) ? Scalar.float(.nan) : columnKey.scalar(at: row)
                guard cellRow[group].updateValue(row, forKey: key) == nil else {
                    throw BambooError(.invalidArgument, "Index contains duplicate entries, cannot reshape")
                }
            }
            var columns: [FieldID: Column] = [:]
            for (field, column) in zip(spec.index, try grouping.keyValues(keyColumns)) { columns[field.id] = column }
            // pandas spreads each value column as one block: a missing cell anywhere upcasts all of them.
            let blocksWithGaps = Set(spec.outputs.filter { output in cellRow.contains { $0[output.key] == nil } }.map(\.value))
            for output in spec.outputs {
                let values = try input.column(output.value)
                let gathered = try values.gatherOptional(cellRow.map { $0[output.key] })
                let upcast: DType? = blocksWithGaps.contains(output.value) && !values.dtype.canHoldMissing ? (values.dtype == .int64 ? .float64 : .object) : nil
                columns[output.field.id] = try upcast.map { try gathered.astype($0) } ?? gathered
            }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: grouping.groupCount)

        case .concat(let partPlans, let spec):
            let parts = try partPlans.map { try run($0, labels: &labels) }
            var columns: [FieldID: Column] = [:]
            for (c, field) in spec.columns.enumerated() {
                columns[field.id] = try Column.concatenate(try zip(parts, spec.sources).map { part, sources in
                    guard let id = sources[c] else { return Column.allMissing(field.dtype, count: part.rowCount) }
                    return try part.column(id).astype(field.dtype)
                })
            }
            var levels: [Column] = []
            for (level, field) in spec.index.enumerated() {
                levels.append(try Column.concatenate(try zip(parts, spec.indexSources).map { try $0.column($1[level]).astype(field.dtype) }))
                columns[field.id] = levels[level]
            }
            if spec.verifyIntegrity, let first = levels.first {
                var seen = Set<Scalar>(), repeated: [Scalar] = []
                for row in 0..<first.count {
                    let label: Scalar = levels.count == 1 ? first.scalar(at: row) : .tuple(levels.map { $0.scalar(at: row) })
                    if !seen.insert(label).inserted && !repeated.contains(label) { repeated.append(label) }
                }
                if !repeated.isEmpty {
                    throw BambooError(.invalidArgument, "Indexes have overlapping values: Index([\(repeated.map(\.pythonRepr).joined(separator: ", "))], dtype='\(levels.count == 1 ? first.dtype.name : "object")')")
                }
            }
            if let keyLevel = spec.keyLevel {
                let repeated = zip(parts, spec.keys).flatMap { part, key in Array(repeating: key, count: part.rowCount) }
                columns[keyLevel.id] = try Column.build(repeated, dtype: keyLevel.dtype)
            }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: parts.reduce(0) { $0 + $1.rowCount })

        case .join(let leftPlan, let rightPlan, let spec):
            let left = try run(leftPlan, labels: &labels)
            let right = try run(rightPlan, labels: &labels)
            return try HashJoin.execute(left: left, right: right, spec: spec, schema: plan.schema)

        case .reduce(let inputPlan, let reduction, let skipna, let items):
            let input = try run(inputPlan, labels: &labels)
            var columns: [FieldID: Column] = [:]
            for item in items {
                let value = try reduction.apply(try input.evaluate(item.expr), skipna: skipna)
                // min/max of nothing is NaN even for int64 (pandas returns a float then).
                let dtype = value.isMissing && !item.field.dtype.canHoldMissing ? Column.infer([value]).dtype : item.field.dtype
                columns[item.field.id] = try Column.build([value], dtype: dtype)
            }
            return EagerTable(schema: plan.schema, columns: columns, rowCount: 1)
        }
    }
}
