/// numpy's datetime64/timedelta64 arithmetic, which pandas uses: datetime ± timedelta is a datetime,
/// datetime − datetime and timedelta ± timedelta are timedeltas (in the finer unit), a timedelta
/// scales by a number, and timedelta / timedelta is a float. NaT propagates; overflow is NaT.
enum TemporalArithmetic {
    /// nil when neither side is temporal (ordinary arithmetic applies).
    static func apply(_ op: BinaryOperator, _ l: Column, _ r: Column) throws -> Column? {
        switch (l.dtype, r.dtype, op) {
        case (.datetime(let ul, let tz), .timedelta(let ur), .add), (.datetime(let ul, let tz), .timedelta(let ur), .subtract):
            let unit = finer(ul, ur)
            return try combine(l, r, unit: unit, dtype: .datetime(unit, tz: tz)) { a, b in op == .add ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b) }
        case (.timedelta(let ul), .datetime(let ur, let tz), .add):
            let unit = finer(ul, ur)
            return try combine(l, r, unit: unit, dtype: .datetime(unit, tz: tz)) { $0.addingReportingOverflow($1) }
        case (.datetime(let ul, let tl), .datetime(let ur, let tr), .subtract):
            guard (tl == nil) == (tr == nil) else { throw BambooError(.typeMismatch, "Cannot subtract tz-naive and tz-aware datetime-like objects.") }
            let unit = finer(ul, ur)
            return try combine(l, r, unit: unit, dtype: .timedelta(unit)) { $0.subtractingReportingOverflow($1) }
        case (.timedelta(let ul), .timedelta(let ur), .add), (.timedelta(let ul), .timedelta(let ur), .subtract):
            let unit = finer(ul, ur)
            return try combine(l, r, unit: unit, dtype: .timedelta(unit)) { a, b in op == .add ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b) }
        case (.timedelta(let ul), .timedelta(let ur), .divide):
            let unit = finer(ul, ur)
            let (a, b) = (try ticks(l, unit), try ticks(r, unit))
            return Column(float64: (0..<l.count).map { i in a[i].map { x in b[i].map { Double(x) / Double($0) } ?? .nan } ?? .nan })
        case (.timedelta(let unit), _, .multiply) where r.dtype.isNumeric, (.timedelta(let unit), _, .divide) where r.dtype.isNumeric:
            return try scaled(l, by: r, unit: unit, divide: op == .divide)
        case (_, .timedelta(let unit), .multiply) where l.dtype.isNumeric:
            return try scaled(r, by: l, unit: unit, divide: false)
        default:
            if case .datetime = l.dtype { throw unsupported(op, l, r) }
            if case .datetime = r.dtype { throw unsupported(op, l, r) }
            if case .timedelta = l.dtype { throw unsupported(op, l, r) }
            if case .timedelta = r.dtype { throw unsupported(op, l, r) }
            return nil
        }
    }

    static func unsupported(_ op: BinaryOperator, _ l: Column, _ r: Column) -> BambooError {
        BambooError(.typeMismatch, "unsupported operand type(s) for \(op.rawValue): '\(l.dtype.name)' and '\(r.dtype.name)'")
    }

    static func finer(_ a: TimeUnit, _ b: TimeUnit) -> TimeUnit { a.ticksPerSecond >= b.ticksPerSecond ? a : b }

    /// Each value in `unit` ticks, nil for NaT (or a value that does not fit the finer unit).
    static func ticks(_ column: Column, _ unit: TimeUnit) throws -> [Int64?] {
        guard case .int64(let raw) = column.values else { throw BambooError.invariant("temporal storage") }
        let from: TimeUnit
        switch column.dtype {
        case .datetime(let u, _), .timedelta(let u): from = u
        default: throw BambooError.invariant("temporal dtype")
        }
        let factor = unit.ticksPerSecond / from.ticksPerSecond
        return (0..<column.count).map { i in
            guard !column.isMissing(i) else { return nil }
            let (scaled, overflow) = raw[i].multipliedReportingOverflow(by: factor)
            return overflow ? nil : scaled
        }
    }

    static func combine(_ l: Column, _ r: Column, unit: TimeUnit, dtype: DType, _ f: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)) throws -> Column {
        let (a, b) = (try ticks(l, unit), try ticks(r, unit))
        var out = [Int64](repeating: 0, count: l.count)
        var valid = [Bool](repeating: false, count: l.count)
        for i in 0..<l.count {
            guard let x = a[i], let y = b[i] else { continue }
            let (value, overflow) = f(x, y)
            if !overflow { (out[i], valid[i]) = (value, true) }
        }
        return Column(dtype: dtype, values: .int64(out), validity: Bitmap(valid))
    }

    static func scaled(_ deltas: Column, by numbers: Column, unit: TimeUnit, divide: Bool) throws -> Column {
        let a = try ticks(deltas, unit)
        var out = [Int64](repeating: 0, count: deltas.count)
        var valid = [Bool](repeating: false, count: deltas.count)
        for i in 0..<deltas.count {
            guard let x = a[i], !numbers.isMissing(i), let k = numbers.scalar(at: i).doubleValue else { continue }
            let value = divide ? Double(x) / k : Double(x) * k
            // numpy truncates toward zero when it converts the float product back to ticks.
            guard value.isFinite, abs(value) < 9.2e18 else { continue }
            (out[i], valid[i]) = (Int64(value), true)
        }
        return Column(dtype: .timedelta(unit), values: .int64(out), validity: Bitmap(valid))
    }
}
