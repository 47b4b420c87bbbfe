import Foundation

/// A time zone's UTC offsets, from the system's IANA database (`/usr/share/zoneinfo`, read by
/// Foundation) or a fixed offset (`UTC`, `+05:30`). Converts between UTC instants and wall time,
/// with pandas' choices for wall times that occur twice or never around daylight-saving changes.
public struct TimeZoneRules: Sendable {
    public let name: String
    private let fixedOffset: Int64?
    private let zone: TimeZone?

    /// Throws for a name the database does not know, as pandas' `ZoneInfoNotFoundError` (a KeyError).
    public init(_ name: String) throws {
        self.name = name
        if let offset = TimeZoneRules.fixedOffset(name) {
            fixedOffset = offset
            zone = nil
        } else if let zone = TimeZone(identifier: name) {
            fixedOffset = nil
            self.zone = zone
        } else {
            throw BambooError(.keyNotFound, "'No time zone found with key \(name)'")
        }
    }

    /// Seconds east of UTC at the UTC instant `seconds`.
    public func offset(atUTC seconds: Int64) -> Int64 {
        if let fixedOffset { return fixedOffset }
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The UTC instants (in seconds, earliest first) whose wall time is `wall`: one normally, two in
    /// a repeated hour, none in a skipped one.
    func instants(forWall wall: Int64) -> [Int64] {
        let candidates = Set([offset(atUTC: wall - 86_400), offset(atUTC: wall + 86_400), offset(atUTC: wall)])
        return candidates.map { wall - $0 }.filter { offset(atUTC: $0) == wall - $0 }.sorted()
    }

    /// The first instant at or after `low` whose offset differs from `low`'s (the change inside a gap).
    func transition(between low: Int64, and high: Int64) -> Int64 {
        let before = offset(atUTC: low)
        var (lo, hi) = (low, high)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if offset(atUTC: mid) == before { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// `UTC`, `Z`, `+01:00`, `UTC-05:30`.
    static func fixedOffset(_ name: String) -> Int64? {
        if name == "UTC" || name == "Z" || name == "Etc/UTC" { return 0 }
        var text = Substring(name)
        if text.hasPrefix("UTC") { text = text.dropFirst(3) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, let hours = Int64(parts[0]), let minutes = Int64(parts[1]), hours < 24, minutes < 60 else { return nil }
        let total = hours * 3600 + minutes * 60
        return sign == "-" ? -total : total
    }
}

/// What `tz_localize` does with a wall time that occurs twice (pandas' `ambiguous=`).
public enum AmbiguousTime: Sendable, Hashable {
    case raise, nat
    /// True picks the daylight-saving (earlier) instant, false the standard one.
    case daylightSaving(Bool)
}

/// What `tz_localize` does with a wall time that never occurs (pandas' `nonexistent=`).
public enum NonexistentTime: String, Sendable, Hashable {
    case raise, nat = "NaT", shiftForward = "shift_forward", shiftBackward = "shift_backward"
}
