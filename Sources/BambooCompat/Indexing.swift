import Bamboo

/// `obj[key]`, `obj[key] = value`, and the `loc`/`iloc`/`at`/`iat` accessors, mapped to Bamboo.
enum Indexing {
    static func getitem(_ target: CaseValue, _ key: CaseValue) async throws -> CaseValue {
        switch (target, key) {
        case (.frame(let df), .scalar(let label)): return .series(try df.column(label))
        case (.frame(let df), .list):
            if let bits = bools(key) { return .frame(try df[bits]) }
            guard let labels = key.scalars else { throw RunnerGap("getitem with a mixed list") }
            return .frame(try df[labels])
        case (.frame(let df), .series(let mask)): return .frame(try df[mask])
        case (.frame(let df), .slice):
            if let slice = positionSlice(key) { return .frame(try df.iloc[slice]) }
            return .frame(try df.loc[try labelSlice(key)])
        case (.series, .scalar), (.series, .list), (.series, .series):
            return try await access("loc", target, key)
        case (.groupBy(let gb, let asIndex), .scalar(.string(let label))):
            // With as_index=False, pandas' SeriesGroupBy aggregates to frames: Bamboo's list selection does.
            return asIndex ? .seriesGroupBy(try gb[label]) : .groupBy(try gb[[.string(label)]], asIndex: false)
        case (.groupBy(let gb, let asIndex), .list):
            guard let labels = key.scalars else { throw RunnerGap("groupby selection with a mixed list") }
            return .groupBy(try gb[labels], asIndex: asIndex)
        case (.series(let s), .slice):
            if let slice = positionSlice(key) { return .series(try s.iloc[slice]) }
            return .series(try s.loc[try labelSlice(key)])
        case (.strings(let str), .scalar(.int(let position))): return .series(try str.get(Int(position)))
        case (.strings(let str), .slice):
            guard let slice = positionSlice(key) else { throw RunnerGap("str[...] with a non-integer slice") }
            return .series(try str.slice(start: slice.start, stop: slice.stop, step: slice.step))
        default: throw RunnerGap("getitem \(key.kind) on \(target.kind)")
        }
    }

    static func setitem(_ target: CaseValue, _ key: CaseValue, _ value: CaseValue) throws -> CaseValue {
        guard case .frame(var df) = target, case .scalar(let label) = key else { throw RunnerGap("setitem \(key.kind) on \(target.kind)") }
        switch value {
        case .series(let s): df = try df.setColumn(label, s)
        case .scalar(let v): df = try df.setColumn(label, v)
        case .list:
            guard let values = value.scalars else { throw RunnerGap("setitem with a nested list") }
            df = try df.setColumn(label, values: values)
        default: throw RunnerGap("setitem with a \(value.kind) (only Series and scalars map to Bamboo)")
        }
        return .frame(df)
    }

    static func access(_ accessor: String, _ target: CaseValue, _ key: CaseValue) async throws -> CaseValue {
        switch (accessor, target) {
        case ("loc", .frame(let df)), ("at", .frame(let df)):
            if case .tuple(let parts) = key, parts.count == 2 { return try await frameLoc(df, rows: parts[0], columns: parts[1]) }
            return try await frameLoc(df, rows: key, columns: nil)
        case ("iloc", .frame(let df)), ("iat", .frame(let df)):
            if case .tuple(let parts) = key, parts.count == 2 { return try await frameILoc(df, rows: parts[0], columns: parts[1]) }
            return try await frameILoc(df, rows: key, columns: nil)
        case ("loc", .series(let s)), ("at", .series(let s)):
            switch key {
            case .scalar(let label): return .scalar(try await s.loc[label])
            case .list:
                if let bits = bools(key) { return .series(try s.iloc[bits]) }
                guard let labels = key.scalars else { throw RunnerGap("loc with a mixed list") }
                return .series(try s.loc[labels])
            case .slice: return .series(try s.loc[try labelSlice(key)])
            case .series(let mask): return .series(try s.loc[mask])
            default: throw RunnerGap("Series.loc[\(key.kind)]")
            }
        case ("iloc", .series(let s)), ("iat", .series(let s)):
            switch key {
            case .scalar(.int(let i)): return .scalar(try await s.iloc[Int(i)])
            case .list:
                if let bits = bools(key) { return .series(try s.iloc[bits]) }
                return .series(try s.iloc[try positions(key)])
            case .slice:
                guard let slice = positionSlice(key) else { throw BambooError(.typeMismatch, "cannot do positional indexing with these indexers") }
                return .series(try s.iloc[slice])
            default: throw RunnerGap("Series.iloc[\(key.kind)]")
            }
        default: throw RunnerGap("\(accessor) on \(target.kind)")
        }
    }

    static func frameLoc(_ df: DataFrame, rows: CaseValue, columns: CaseValue?) async throws -> CaseValue {
        let rowSelection: RowsSelection?
        switch rows {
        case .scalar: rowSelection = nil
        case .list:
            if let bits = bools(rows) { return try await frameILocRows(df, .mask(bits), columns: columns) }
            guard let labels = rows.scalars else { throw RunnerGap("loc with a mixed list") }
            rowSelection = .labels(labels)
        case .slice: rowSelection = isFullSlice(rows) ? .all : .slice(try labelSlice(rows))
        case .series(let mask): rowSelection = .mask(mask)
        default: throw RunnerGap("loc rows as \(rows.kind)")
        }
        guard let columns else {
            if let rowSelection { return .frame(try df.loc[rowSelection, .all]) }
            guard case .scalar(let label) = rows else { throw RunnerGap("loc") }
            // pandas' loc with a partial key on a MultiIndex is a cross-section (xs).
            if df.indexNames.count > 1 {
                let depth: Int
                if case .tuple(let items) = label { depth = items.count } else { depth = 1 }
                if depth < df.indexNames.count { return .frame(try df.xs(label)) }
            }
            return .series(try df.loc[label])
        }
        switch (rowSelection, columns) {
        case (nil, .scalar(let column)):
            guard case .scalar(let label) = rows else { throw RunnerGap("loc") }
            return .scalar(try await df.loc[label, column])
        case (nil, _):
            guard case .scalar(let label) = rows else { throw RunnerGap("loc") }
            return .series(try df.loc[label, try columnSelection(columns)])
        case (let selection?, .scalar(let column)): return .series(try df.loc[selection, column])
        case (let selection?, _): return .frame(try df.loc[selection, try columnSelection(columns)])
        }
    }

    static func frameILoc(_ df: DataFrame, rows: CaseValue, columns: CaseValue?) async throws -> CaseValue {
        switch rows {
        case .scalar(.int(let i)):
            guard let columns else { return .series(try df.iloc[Int(i)]) }
            if case .scalar(.int(let j)) = columns { return .scalar(try await df.iloc[Int(i), Int(j)]) }
            return .series(try df.iloc[Int(i), try columnPositions(columns)])
        case .list:
            if let bits = bools(rows) { return try await frameILocRows(df, .mask(bits), columns: columns) }
            return try await frameILocRows(df, .positions(try positions(rows)), columns: columns)
        case .slice:
            guard let slice = positionSlice(rows) else { throw BambooError(.typeMismatch, "cannot do positional indexing with these indexers") }
            return try await frameILocRows(df, .slice(slice), columns: columns)
        case .scalar(let other): throw BambooError(.typeMismatch, "Cannot index by location index with a non-integer key: \(other.pythonRepr)")
        default: throw RunnerGap("iloc rows as \(rows.kind)")
        }
    }

    static func frameILocRows(_ df: DataFrame, _ rows: PositionsSelection, columns: CaseValue?) async throws -> CaseValue {
        guard let columns else { return .frame(try df.iloc[rows, .all]) }
        if case .scalar(.int(let j)) = columns { return .series(try df.iloc[rows, Int(j)]) }
        if case .scalar(let label) = columns, case .mask = rows { return .series(try df.loc[.all, label].iloc[maskBits(rows)]) }
        return .frame(try df.iloc[rows, try columnPositions(columns)])
    }

    static func maskBits(_ rows: PositionsSelection) -> [Bool] {
        if case .mask(let bits) = rows { return bits }
        return []
    }

    static func columnSelection(_ value: CaseValue) throws -> ColumnsSelection {
        switch value {
        case .list:
            guard let labels = value.scalars else { throw RunnerGap("columns as a mixed list") }
            return .labels(labels)
        case .slice: return isFullSlice(value) ? .all : .slice(try labelSlice(value))
        default: throw RunnerGap("columns as \(value.kind)")
        }
    }

    static func columnPositions(_ value: CaseValue) throws -> ColumnPositionsSelection {
        switch value {
        case .list: return .positions(try positions(value))
        case .slice:
            guard let slice = positionSlice(value) else { throw BambooError(.typeMismatch, "cannot do positional indexing with these indexers") }
            return .slice(slice)
        default: throw RunnerGap("column positions as \(value.kind)")
        }
    }

    static func positions(_ value: CaseValue) throws -> [Int] {
        guard let items = value.scalars else { throw RunnerGap("positions as \(value.kind)") }
        return try items.map { item in
            guard case .int(let i) = item else { throw BambooError(.indexOutOfBounds, ".iloc requires numeric indexers, got \(item.pythonRepr)") }
            return Int(i)
        }
    }

    static func bools(_ value: CaseValue) -> [Bool]? {
        guard let items = value.scalars, !items.isEmpty else { return nil }
        let bits = items.compactMap { item -> Bool? in if case .bool(let b) = item { return b } else { return nil } }
        return bits.count == items.count ? bits : nil
    }

    static func isFullSlice(_ value: CaseValue) -> Bool {
        if case .slice(nil, nil, nil) = value { return true }
        return false
    }

    static func positionSlice(_ value: CaseValue) -> PositionSlice? {
        guard case .slice(let start, let stop, let step) = value else { return nil }
        func int(_ v: CaseValue?) -> Int?? {
            guard let v else { return .some(nil) }
            if case .scalar(.int(let i)) = v { return .some(Int(i)) }
            if case .scalar(.none) = v { return .some(nil) }
            return nil
        }
        guard let a = int(start), let b = int(stop), let c = int(step) else { return nil }
        return PositionSlice(a, b, step: c ?? 1)
    }

    static func labelSlice(_ value: CaseValue) throws -> LabelSlice {
        guard case .slice(let start, let stop, let step) = value else { throw RunnerGap("not a slice") }
        var stepValue = 1
        if case .scalar(.int(let s))? = step { stepValue = Int(s) }
        return LabelSlice(start?.scalar, stop?.scalar, step: stepValue)
    }
}
