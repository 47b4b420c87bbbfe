/// A datetime's civil fields (proleptic Gregorian), from ticks since 1970 in a unit.
struct CivilTime {
    let year: Int64, month: Int64, day: Int64
    let secondOfDay: Int64
    /// Nanoseconds into the second.
    let nanos: Int64
    let daysSinceEpoch: Int64

    init(_ ticks: Int64, unit: TimeUnit) {
        let (days, secondOfDay, fraction) = TemporalFormatter.split(ticks, unit: unit)
        (year, month, day) = TemporalFormatter.civil(fromDays: days)
        self.secondOfDay = secondOfDay
        nanos = fraction * (1_000_000_000 / unit.ticksPerSecond)
        daysSinceEpoch = days
    }

    var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    func field(_ field: TemporalField) -> Int64 {
        switch field {
        case .year: return year
        case .month: return month
        case .day: return day
        case .hour: return secondOfDay / 3600
        case .minute: return secondOfDay / 60 % 60
        case .second: return secondOfDay % 60
        case .microsecond: return nanos / 1000
        case .nanosecond: return nanos % 1000
        // 1970-01-01 was a Thursday; Monday is 0.
        case .dayOfWeek: return ((daysSinceEpoch + 3) % 7 + 7) % 7
        case .dayOfYear: return daysSinceEpoch - (TemporalFormatter.days(year: year, month: 1, day: 1) ?? daysSinceEpoch) + 1
        case .quarter: return (month - 1) / 3 + 1
        case .daysInMonth: return TemporalFormatter.daysInMonth(year: year, month: month)
        }
    }

    func passes(_ test: TemporalTest) -> Bool {
        let lastDay = TemporalFormatter.daysInMonth(year: year, month: month)
        switch test {
        case .isMonthStart: return day == 1
        case .isMonthEnd: return day == lastDay
        case .isQuarterStart: return day == 1 && (month - 1) % 3 == 0
        case .isQuarterEnd: return day == lastDay && month % 3 == 0
        case .isYearStart: return day == 1 && month == 1
        case .isYearEnd: return day == 31 && month == 12
        case .isLeapYear: return isLeapYear
        }
    }

    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// Python's `strftime` for the common directives (`%Y %m %d %H %M %S %f %j %y %I %p %a %A %b %B %%`);
    /// others are kept as written.
    func format(_ pattern: String) -> String {
        func pad(_ v: Int64, _ width: Int) -> String { TemporalFormatter.pad(v, width) }
        var out = ""
        var iterator = pattern.makeIterator()
        while let c = iterator.next() {
            guard c == "%" else { out.append(c); continue }
            guard let directive = iterator.next() else { out.append("%"); break }
            let hour = secondOfDay / 3600
            switch directive {
            case "Y": out += pad(year, 4)
            case "y": out += pad(((year % 100) + 100) % 100, 2)
            case "m": out += pad(month, 2)
            case "d": out += pad(day, 2)
            case "H": out += pad(hour, 2)
            case "I": out += pad(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "M": out += pad(secondOfDay / 60 % 60, 2)
            case "S": out += pad(secondOfDay % 60, 2)
            case "f": out += pad(nanos / 1000, 6)
            case "j": out += pad(field(.dayOfYear), 3)
            case "a": out += String(CivilTime.dayNames[Int(field(.dayOfWeek))].prefix(3))
            case "A": out += CivilTime.dayNames[Int(field(.dayOfWeek))]
            case "b": out += String(CivilTime.monthNames[Int(month) - 1].prefix(3))
            case "B": out += CivilTime.monthNames[Int(month) - 1]
            case "%": out += "%"
            default: out += "%" + String(directive)
            }
        }
        return out
    }
}
