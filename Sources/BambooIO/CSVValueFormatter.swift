import BambooCore
import Foundation

/// Writes one column's values as `DataFrame.to_csv` prints them.
///
/// - ints plain, floats as Python's `repr` (`0.1`, `1e-05`, `1e+16`), bools `True`/`False`;
/// - datetimes as a date alone when every value is midnight, otherwise with the time and as many
///   fractional digits (0, 3, 6 or 9) as the column needs; zone-aware values also get `+HH:MM`;
/// - timedeltas as `N days` when every value is whole days, otherwise `N days HH:MM:SS[.ffffff]`
///   (negative values as `-1 days +23:59:59`);
/// - categories as their values would be written (`astype(object)`), object values by their
///   Python `str`; missing values as `naRep`.
final class CSVValueFormatter {
    private enum Kind {
        case int64([Int64])
        case float64([Double])
        case bool([Bool])
        case string(StringArray)
        case object([Scalar])
        case datetime([Int64], unit: TimeUnit, dateOnly: Bool, digits: Int, zone: CSVZone?)
        case timedelta([Int64], unit: TimeUnit, wholeDays: Bool, digits: Int)
        /// Codes into the categories' text, formatted as a column of the categories.
        case category([Int64], texts: [[UInt8]])
    }

    private let column: Column
    private let kind: Kind

    init(_ column: Column) {
        self.column = column
        switch (column.values, column.dtype) {
        case (.int64(let ticks), .datetime(let unit, let tz)):
            let present = (0..<ticks.count).lazy.filter { !column.isMissing($0) }.map { ticks[$0] }
            let dayTicks = 86_400 * unit.ticksPerSecond
            let dateOnly = tz == nil && present.allSatisfy { $0 % dayTicks == 0 }
            kind = .datetime(
                ticks, unit: unit, dateOnly: dateOnly, digits: Self.fractionDigits(present, unit: unit),
                zone: tz.map(CSVZone.init))
        case (.int64(let ticks), .timedelta(let unit)):
            let present = (0..<ticks.count).lazy.filter { !column.isMissing($0) }.map { ticks[$0] }
            let dayTicks = 86_400 * unit.ticksPerSecond
            let wholeDays = present.allSatisfy { $0 % dayTicks == 0 }
            let perSecond = unit.ticksPerSecond
            var digits = 0
            if present.contains(where: { $0 % perSecond != 0 }) {
                digits = unit == .ns && present.contains(where: { $0 % 1000 != 0 }) ? 9 : 6
            }
            kind = .timedelta(ticks, unit: unit, wholeDays: wholeDays, digits: digits)
        case (.int64(let codes), .category(let type)):
            let categories = Self.categoryColumn(type.categories ?? [])
            let formatter = CSVValueFormatter(categories)
            kind = .category(codes, texts: (0..<categories.count).map { row in
                var text: [UInt8] = []
                formatter.append(row, naRep: [], into: &text)
                return text
            })
        case (.int64(let values), _): kind = .int64(values)
        case (.float64(let values), _): kind = .float64(values)
        case (.bool(let values), _): kind = .bool(values)
        case (.string(let values), _): kind = .string(values)
        case (.object(let values), _): kind = .object(values)
        }
    }

    /// The categories as one column, so they are formatted together (dates alone when all are midnight).
    private static func categoryColumn(_ categories: [Scalar]) -> Column {
        if case .datetime(_, let unit, let tz)? = categories.first {
            var ticks: [Int64] = []
            for category in categories {
                guard case .datetime(let value, unit, tz) = category else { return Column.infer(categories) }
                ticks.append(value)
            }
            return Column(dtype: .datetime(unit, tz: tz), values: .int64(ticks))
        }
        if case .timedelta(_, let unit)? = categories.first {
            var ticks: [Int64] = []
            for category in categories {
                guard case .timedelta(let value, unit) = category else { return Column.infer(categories) }
                ticks.append(value)
            }
            return Column(dtype: .timedelta(unit), values: .int64(ticks))
        }
        return Column.infer(categories)
    }

    /// The fractional digits (0, 3, 6, 9) that show every value exactly.
    private static func fractionDigits<S: Sequence>(_ ticks: S, unit: TimeUnit) -> Int where S.Element == Int64 {
        let perSecond = unit.ticksPerSecond
        var digits = 0
        for value in ticks {
            var fraction = value % perSecond
            if fraction == 0 { continue }
            if fraction < 0 { fraction += perSecond }
            // Scale the fraction to nanoseconds and find the coarsest of ms/us/ns that holds it.
            let nanos = fraction * (1_000_000_000 / perSecond)
            let needed = nanos % 1_000_000 == 0 ? 3 : (nanos % 1000 == 0 ? 6 : 9)
            digits = max(digits, needed)
            if digits == 9 { break }
        }
        return digits
    }

    /// Appends row `row`'s text (`naRep` when missing).
    func append(_ row: Int, naRep: [UInt8], into out: inout [UInt8]) {
        if case .object(let values) = kind {
            let value = values[row]
            if value.isMissing { out.append(contentsOf: naRep) } else { out.append(contentsOf: value.description.utf8) }
            return
        }
        if column.isMissing(row) {
            out.append(contentsOf: naRep)
            return
        }
        switch kind {
        case .int64(let values): Self.appendInteger(values[row], into: &out)
        case .float64(let values): out.append(contentsOf: FloatFormatter.repr(values[row]).utf8)
        case .bool(let values): out.append(contentsOf: values[row] ? Self.trueText : Self.falseText)
        case .string(let values):
            let start = values.offsets[row], end = values.offsets[row + 1]
            values.bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        case .object: break
        case .datetime(let ticks, let unit, let dateOnly, let digits, let zone):
            Self.appendDatetime(ticks[row], unit: unit, dateOnly: dateOnly, digits: digits, zone: zone, into: &out)
        case .timedelta(let ticks, let unit, let wholeDays, let digits):
            Self.appendTimedelta(ticks[row], unit: unit, wholeDays: wholeDays, digits: digits, into: &out)
        case .category(let codes, let texts):
            let code = Int(codes[row])
            out.append(contentsOf: code >= 0 && code < texts.count ? texts[code] : naRep)
        }
    }

    private static let trueText = Array("True".utf8)
    private static let falseText = Array("False".utf8)

    static func appendInteger(_ value: Int64, into out: inout [UInt8]) {
        if value == 0 { out.append(48); return }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(45) }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// `value` in decimal, zero-padded to `width`.
    private static func appendPadded(_ value: Int64, width: Int, into out: inout [UInt8]) {
        var text = Array(String(value.magnitude).utf8)
        if text.count < width { text.insert(contentsOf: repeatElement(48, count: width - text.count), at: 0) }
        if value < 0 { out.append(45) }
        out.append(contentsOf: text)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b, r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, r)
    }

    private static func appendFraction(_ fraction: Int64, unit: TimeUnit, digits: Int, into out: inout [UInt8]) {
        guard digits > 0 else { return }
        let nanos = fraction * (1_000_000_000 / unit.ticksPerSecond)
        var divisor: Int64 = 1
        for _ in 0..<(9 - digits) { divisor *= 10 }
        out.append(46)
        appendPadded(nanos / divisor, width: digits, into: &out)
    }

    private static func appendDatetime(
        _ ticks: Int64, unit: TimeUnit, dateOnly: Bool, digits: Int, zone: CSVZone?, into out: inout [UInt8]
    ) {
        let (utcSeconds, fraction) = floorDivide(ticks, unit.ticksPerSecond)
        let offset = zone?.offsetSeconds(atUTC: utcSeconds) ?? 0
        let (days, secondOfDay) = floorDivide(utcSeconds &+ offset, 86_400)
        let (year, month, day) = TemporalFormatter.civil(fromDays: days)
        appendPadded(year, width: 4, into: &out)
        out.append(45)
        appendPadded(month, width: 2, into: &out)
        out.append(45)
        appendPadded(day, width: 2, into: &out)
        if dateOnly { return }
        out.append(32)
        appendClock(secondOfDay, into: &out)
        appendFraction(fraction, unit: unit, digits: digits, into: &out)
        if zone != nil {
            out.append(offset < 0 ? 45 : 43)
            let minutes = abs(offset) / 60
            appendPadded(minutes / 60, width: 2, into: &out)
            out.append(58)
            appendPadded(minutes % 60, width: 2, into: &out)
        }
    }

    private static func appendClock(_ secondOfDay: Int64, into out: inout [UInt8]) {
        appendPadded(secondOfDay / 3600, width: 2, into: &out)
        out.append(58)
        appendPadded(secondOfDay / 60 % 60, width: 2, into: &out)
        out.append(58)
        appendPadded(secondOfDay % 60, width: 2, into: &out)
    }

    private static func appendTimedelta(_ ticks: Int64, unit: TimeUnit, wholeDays: Bool, digits: Int, into out: inout [UInt8]) {
        let (seconds, fraction) = floorDivide(ticks, unit.ticksPerSecond)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        appendInteger(days, into: &out)
        out.append(contentsOf: " days".utf8)
        if wholeDays { return }
        out.append(contentsOf: ticks < 0 ? " +".utf8 : " ".utf8)
        appendClock(secondOfDay, into: &out)
        appendFraction(fraction, unit: unit, digits: digits, into: &out)
    }
}

/// A column's time zone, for the `+HH:MM` offset `to_csv` prints after zone-aware datetimes.
/// Ticks of zone-aware columns are UTC instants (as in pandas); the wall time printed is local.
struct CSVZone {
    private let fixedOffset: Int64?
    private let zone: TimeZone?

    init(_ name: String) {
        if let offset = CSVZone.parseFixedOffset(name) {
            fixedOffset = offset
            zone = nil
        } else {
            fixedOffset = nil
            zone = TimeZone(identifier: name)
        }
    }

    func offsetSeconds(atUTC seconds: Int64) -> Int64 {
        if let fixedOffset { return fixedOffset }
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// `UTC`, `+01:00`, `UTC+01:00`, `-05:30`.
    private static func parseFixedOffset(_ name: String) -> Int64? {
        if name == "UTC" || name == "Z" { return 0 }
        var text = Substring(name)
        if text.hasPrefix("UTC") { text = text.dropFirst(3) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, let hours = Int64(parts[0]), let minutes = Int64(parts[1]) else { return nil }
        let total = hours * 3600 + minutes * 60
        return sign == "-" ? -total : total
    }
}
