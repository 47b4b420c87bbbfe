extension Column {
    /// Converts to `target` with pandas' `astype` rules and errors.
    ///
    /// ```swift
    /// try Column(float64: [1.9, -1.9]).astype(.int64)   // [1, -1] (truncates toward zero)
    /// try Column(float64: [1, .nan]).astype(.int64)     // throws castFailed (IntCastingNaNError)
    /// try Column(float64: [1, .nan]).astype(.nullableInt64)  // [1, <NA>]
    /// ```
    public func astype(_ target: DType) throws -> Column {
        if target == dtype { return self }
        if case .category(let type) = target {
            // astype("category") on a categorical keeps it; otherwise encode the values.
            if case .category = dtype, type.categories == nil { return self }
            return try encodedAsCategory(type)
        }
        switch (values, target) {
        case (.int64(let v), .float64) where dtype == .int64:
            return Column(float64: v.map { Double($0) })
        case (.float64(let v), .int64) where dtype == .float64:
            var out = [Int64](repeating: 0, count: v.count)
            for i in 0..<v.count {
                let x = v[i]
                guard x.isFinite else {
                    throw BambooError(.castFailed, "Cannot convert non-finite values (NA or inf) to integer. Replace or remove non-finite values or cast to an integer type that supports these values (e.g. 'Int64')")
                }
                // numpy's float→int64 cast of out-of-range values is undefined; pandas yields Int64.min there.
                out[i] = x >= 9.223372036854775807e18 || x < -9.223372036854775808e18 ? Int64.min : Int64(x)
            }
            return Column(int64: out)
        case (.bool(let v), .int64) where dtype == .bool:
            return Column(int64: v.map { $0 ? 1 : 0 })
        case (.bool(let v), .float64) where dtype == .bool:
            return Column(float64: v.map { $0 ? 1 : 0 })
        case (.int64(let v), .bool) where dtype == .int64:
            return Column(bool: v.map { $0 != 0 })
        case (.float64(let v), .bool) where dtype == .float64:
            return Column(bool: v.map { $0 != 0 })  // NaN != 0, so NaN → True as in numpy
        default:
            return try castThroughScalars(target)
        }
    }

    private func castThroughScalars(_ target: DType) throws -> Column {
        var builder = ColumnBuilder(dtype: target, capacity: count)
        for i in 0..<count {
            let scalar = scalar(at: i)
            if scalar.isMissing {
                switch target {
                case .int64:
                    if case .nullableInt64 = dtype { throw BambooError(.castFailed, "cannot convert NA to integer") }
                    throw BambooError(.castFailed, "Cannot convert non-finite values (NA or inf) to integer. Replace or remove non-finite values or cast to an integer type that supports these values (e.g. 'Int64')")
                case .bool:
                    if dtype.usesNA { throw BambooError(.castFailed, "cannot convert float NaN to bool") }
                    if dtype == .string || dtype == .object { builder.appendBool(scalar != Scalar.none) } else { builder.appendBool(true) }
                case .float64:
                    if dtype == .object && scalar == .na {
                        throw BambooError(.typeMismatch, "float() argument must be a string or a real number, not 'NAType'")
                    }
                    builder.appendFloat(.nan)
                case .object: builder.appendObject(dtype == .string ? .float(.nan) : scalar)
                default: builder.appendMissing()
                }
                continue
            }
            try builder.append(Column.convert(scalar, to: target, from: dtype))
        }
        return builder.finish()
    }

    /// Converts one present value to the scalar kind `target` stores.
    static func convert(_ scalar: Scalar, to target: DType, from source: DType) throws -> Scalar {
        switch target {
        case .object: return scalar
        case .string: return .string(scalar.description)
        case .int64, .nullableInt64:
            switch scalar {
            case .int: return scalar
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let x):
                if target == .nullableInt64 && x.rounded(.towardZero) != x {
                    throw BambooError(.typeMismatch, "cannot safely cast non-equivalent float64 to int64")
                }
                guard x.isFinite else { throw BambooError(.castFailed, "Cannot convert non-finite values (NA or inf) to integer") }
                guard x >= -9.223372036854775808e18 && x < 9.223372036854775807e18 else {
                    throw BambooError(.castFailed, "Python int too large to convert to C long: \(FloatFormatter.repr(x)) does not fit int64")
                }
                return .int(Int64(x))
            case .string(let text):
                guard let value = PythonNumberParser.int(text) else {
                    throw BambooError(.castFailed, "invalid literal for int() with base 10: \(scalar.pythonRepr)")
                }
                return .int(value)
            case .datetime(let v, _, _), .timedelta(let v, _): return .int(v)
            default: break
            }
        case .float64, .nullableFloat64:
            switch scalar {
            case .int(let v): return .float(Double(v))
            case .float: return scalar
            case .bool(let b): return .float(b ? 1 : 0)
            case .string(let text):
                guard let value = PythonNumberParser.float(text) else {
                    throw BambooError(.castFailed, "could not convert string to float: \(scalar.pythonRepr)")
                }
                return .float(value)
            default: break
            }
        case .bool, .nullableBool:
            switch scalar {
            case .bool: return scalar
            case .int(let v):
                if target == .nullableBool && v != 0 && v != 1 { throw BambooError(.typeMismatch, "Need to pass bool-like values") }
                return .bool(v != 0)
            case .float(let v): return .bool(v != 0)
            case .string(let text):
                if target == .nullableBool {
                    switch text.lowercased() {
                    case "true", "1", "1.0": return .bool(true)
                    case "false", "0", "0.0": return .bool(false)
                    default: throw BambooError(.castFailed, "Need to pass bool-like values")
                    }
                }
                return .bool(!text.isEmpty)
            default: break
            }
        case .datetime(let unit, let tz):
            switch scalar {
            case .datetime(let ticks, let u, _): return .datetime(try rescale(ticks, from: u, to: unit), unit, tz: tz)
            case .string(let text):
                guard let parsed = ISODateParser.parse(text, unit: unit) else {
                    throw BambooError(.castFailed, "Unknown datetime string format, unable to parse: \(text)")
                }
                // A zoned dtype reads the text as wall time in that zone (pandas localizes it).
                guard let tz else { return .datetime(parsed, unit, tz: nil) }
                let local = Column(dtype: .datetime(unit, tz: nil), values: .int64([parsed]))
                return try local.localized(to: tz).scalar(at: 0)
            case .int(let v): return .datetime(v, unit, tz: tz)
            default: break
            }
        case .category:
            return scalar
        case .timedelta(let unit):
            switch scalar {
            case .timedelta(let ticks, let u): return .timedelta(try rescale(ticks, from: u, to: unit), unit)
            case .int(let v): return .timedelta(v, unit)
            default: break
            }
        }
        throw BambooError(.typeMismatch, "Cannot cast \(source.name) value \(scalar.pythonRepr) to dtype \(target.name).")
    }

    static func rescale(_ ticks: Int64, from: TimeUnit, to: TimeUnit) throws -> Int64 {
        if from == to { return ticks }
        if to.ticksPerSecond > from.ticksPerSecond {
            let (value, overflow) = ticks.multipliedReportingOverflow(by: to.ticksPerSecond / from.ticksPerSecond)
            if overflow { throw BambooError(.castFailed, "Out of bounds for \(to.rawValue) resolution: \(ticks) \(from.rawValue)") }
            return value
        }
        let factor = from.ticksPerSecond / to.ticksPerSecond
        return ticks >= 0 ? ticks / factor : -((-ticks + factor - 1) / factor)
    }
}

/// Parses numbers as Python's `int()` and `float()` read text.
public enum PythonNumberParser {
    public static func int(_ text: String) -> Int64? {
        var body = Substring(text).trimmingPythonSpace()
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber, let last = body.last, last != "_" else { return nil }
        var value: Int64 = 0
        var previousUnderscore = false
        for ch in body {
            if ch == "_" { if previousUnderscore { return nil }; previousUnderscore = true; continue }
            previousUnderscore = false
            guard let digit = ch.wholeNumberValue, ch.isASCII else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(digit)) : m.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }

    public static func float(_ text: String) -> Double? {
        let body = String(Substring(text).trimmingPythonSpace()).replacingUnderscoresBetweenDigits()
        switch body.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(body)
    }
}

extension Substring {
    func trimmingPythonSpace() -> Substring {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        return drop(while: space).reversed().drop(while: space).reversed().reduce(into: Substring()) { $0.append($1) }
    }
}

extension String {
    func replacingUnderscoresBetweenDigits() -> String {
        guard contains("_") else { return self }
        let chars = Array(self)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if ch == "_", i > 0, i + 1 < chars.count, chars[i - 1].isNumber, chars[i + 1].isNumber { continue }
            out.append(ch)
        }
        return out
    }
}
