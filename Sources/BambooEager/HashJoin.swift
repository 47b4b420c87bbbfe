import BambooCore
import BambooPlan

/// pandas' `merge` on key columns: which left and right rows pair up, in pandas' row order.
enum HashJoin {
    /// One output row: a left row, a right row, or both.
    typealias Pair = (left: Int?, right: Int?)

    /// The merged table: pairs rows, orders them (`sort`), and gathers every output column.
    static func execute(left: EagerTable, right: EagerTable, spec: JoinSpec, schema: Schema) throws -> EagerTable {
        let leftKeys = try spec.leftKeys.map(left.column), rightKeys = try spec.rightKeys.map(right.column)
        var rows: [Pair]
        if spec.keepEqualKeysInPlace && leftKeys == rightKeys {
            rows = (0..<left.rowCount).map { ($0, $0) }
        } else if spec.requireEqualKeys {
            throw BambooError(.invalidArgument, "Can only compare identically-labeled Series objects")
        } else {
            rows = try pairs(left: leftKeys, leftCount: left.rowCount, right: rightKeys, rightCount: right.rowCount, how: spec.how, validate: spec.validate,
                             sortOuter: !spec.outerInAppearanceOrder)
        }
        /// A key named in `on`: the left value, or the right one where the row has no left side.
        func coalesced(_ l: FieldID, _ r: FieldID) throws -> Column {
            let leftKey = try left.column(l), rightKey = try right.column(r)
            if rows.allSatisfy({ $0.left != nil }) { return leftKey.take(rows.compactMap(\.left)) }
            // Every row has at least one side, so the key is never missing for lack of a match.
            let values = rows.map { row in row.left.map(leftKey.scalar(at:)) ?? row.right.map(rightKey.scalar(at:)) ?? .none }
            return try Column.build(values, dtype: DTypePromotion.common([leftKey.dtype, rightKey.dtype]))
        }
        if spec.sort && spec.how != .outer && spec.how != .cross {
            // pandas' sort=True orders the result by the join keys, stably.
            let keys = try zip(spec.leftKeys, spec.rightKeys).map { SortKey(try coalesced($0, $1)) }
            rows = try StableSort.permutation(keys, count: rows.count).map { rows[$0] }
        }
        var columns: [FieldID: Column] = [:]
        for (field, source) in spec.columns + spec.index {
            switch source {
            case .left(let id): columns[field.id] = try left.column(id).gatherOptional(rows.map(\.left))
            case .right(let id): columns[field.id] = try right.column(id).gatherOptional(rows.map(\.right))
            case .key(let l, let r): columns[field.id] = try coalesced(l, r)
            }
        }
        // An index built from both sides takes their common dtype (pandas' Index.join).
        for (field, source) in spec.index {
            if case .key = source, let column = columns[field.id], column.dtype != field.dtype, column.count > 0 {
                columns[field.id] = try column.astype(field.dtype)
            }
        }
        if let indicator = spec.indicator {
            let states: [Scalar] = rows.map { $0.left == nil ? "right_only" : ($0.right == nil ? "left_only" : "both") }
            columns[indicator.id] = try Column.build(states, dtype: indicator.dtype)
        }
        return EagerTable(schema: schema, columns: columns, rowCount: rows.count)
    }

    /// The key of a row as scalars; every missing marker is one key, since pandas matches NaN with NaN.
    static func key(_ columns: [Column], _ row: Int) -> [Scalar] {
        columns.map { $0.isMissing(row) ? .float(.nan) : $0.scalar(at: row) }
    }

    static func pairs(left: [Column], leftCount: Int, right: [Column], rightCount: Int, how: JoinHow,
                      validate: JoinValidation?, sortOuter: Bool = true) throws -> [Pair] {
        if how == .cross {
            return (0..<leftCount).flatMap { l in (0..<rightCount).map { r in (Optional(l), Optional(r)) } }
        }
        var rightRows: [[Scalar]: [Int]] = [:]
        for r in 0..<rightCount { rightRows[key(right, r), default: []].append(r) }
        var leftRows: [[Scalar]: [Int]] = [:]
        for l in 0..<leftCount { leftRows[key(left, l), default: []].append(l) }
        try check(validate, leftRows: leftRows, rightRows: rightRows)

        switch how {
        case .leftAnti:
            return (0..<leftCount).filter { rightRows[key(left, $0)] == nil }.map { (Optional($0), nil) }
        case .rightAnti:
            return (0..<rightCount).filter { leftRows[key(right, $0)] == nil }.map { (nil, Optional($0)) }
        case .inner, .left:
            var out: [Pair] = []
            for l in 0..<leftCount {
                if let matches = rightRows[key(left, l)] {
                    for r in matches { out.append((l, r)) }
                } else if how == .left {
                    out.append((l, nil))
                }
            }
            return out
        case .right:
            var out: [Pair] = []
            for r in 0..<rightCount {
                if let matches = leftRows[key(right, r)] {
                    for l in matches { out.append((l, r)) }
                } else {
                    out.append((nil, r))
                }
            }
            return out
        case .outer:
            // Every distinct key once, sorted (missing last), then its left × right rows.
            var keys: [[Scalar]] = []
            var seen = Set<[Scalar]>()
            for l in 0..<leftCount { let k = key(left, l); if seen.insert(k).inserted { keys.append(k) } }
            for r in 0..<rightCount { let k = key(right, r); if seen.insert(k).inserted { keys.append(k) } }
            let order = sortOuter ? try sortedKeyOrder(keys) : Array(keys.indices)
            var out: [Pair] = []
            for index in order {
                let k = keys[index]
                let ls = leftRows[k] ?? [], rs = rightRows[k] ?? []
                if ls.isEmpty { for r in rs { out.append((nil, r)) } }
                else if rs.isEmpty { for l in ls { out.append((l, nil)) } }
                else { for l in ls { for r in rs { out.append((l, r)) } } }
            }
            return out
        case .cross:
            return []
        }
    }

    /// Positions of `keys` in ascending order as pandas' `safe_sort` orders mixed keys: missing
    /// last, numbers before strings before anything else; stable.
    static func sortedKeyOrder(_ keys: [[Scalar]]) throws -> [Int] {
        func rank(_ value: Scalar) -> Int {
            if value.isMissing { return 3 }
            if value.doubleValue != nil { return 0 }
            if case .string = value { return 1 }
            return 2
        }
        func less(_ a: [Scalar], _ b: [Scalar]) -> Bool {
            for (x, y) in zip(a, b) {
                let rx = rank(x), ry = rank(y)
                if rx != ry { return rx < ry }
                if let order = LabelLookup.orderOf(x, y), order != 0 { return order < 0 }
            }
            return false
        }
        return keys.indices.sorted { less(keys[$0], keys[$1]) || (!less(keys[$1], keys[$0]) && $0 < $1) }
    }

    static func check(_ validate: JoinValidation?, leftRows: [[Scalar]: [Int]], rightRows: [[Scalar]: [Int]]) throws {
        guard let validate else { return }
        let leftUnique = leftRows.values.allSatisfy { $0.count == 1 }
        let rightUnique = rightRows.values.allSatisfy { $0.count == 1 }
        switch validate {
        case .oneToOne:
            if !leftUnique { throw BambooError(.invalidArgument, "Merge keys are not unique in left dataset; not a one-to-one merge") }
            if !rightUnique { throw BambooError(.invalidArgument, "Merge keys are not unique in right dataset; not a one-to-one merge") }
        case .oneToMany:
            if !leftUnique { throw BambooError(.invalidArgument, "Merge keys are not unique in left dataset; not a one-to-many merge") }
        case .manyToOne:
            if !rightUnique { throw BambooError(.invalidArgument, "Merge keys are not unique in right dataset; not a many-to-one merge") }
        case .manyToMany:
            break
        }
    }
}
