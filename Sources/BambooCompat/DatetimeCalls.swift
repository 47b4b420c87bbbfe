import Bamboo

/// `s.dt.<field>` and `s.dt.<method>(...)` of case files, mapped onto ``DatetimeMethods``.
enum DatetimeCalls {
    static func attribute(_ name: String, _ dt: DatetimeMethods) throws -> CaseValue {
        switch name {
        case "year": return .series(try dt.year)
        case "month": return .series(try dt.month)
        case "day": return .series(try dt.day)
        case "hour": return .series(try dt.hour)
        case "minute": return .series(try dt.minute)
        case "second": return .series(try dt.second)
        case "microsecond": return .series(try dt.microsecond)
        case "nanosecond": return .series(try dt.nanosecond)
        case "dayofweek", "day_of_week", "weekday": return .series(try dt.dayofweek)
        case "dayofyear", "day_of_year": return .series(try dt.dayofyear)
        case "quarter": return .series(try dt.quarter)
        case "days_in_month", "daysinmonth": return .series(try dt.daysInMonth)
        case "is_month_start": return .series(try dt.isMonthStart)
        case "is_month_end": return .series(try dt.isMonthEnd)
        case "is_quarter_start": return .series(try dt.isQuarterStart)
        case "is_quarter_end": return .series(try dt.isQuarterEnd)
        case "is_year_start": return .series(try dt.isYearStart)
        case "is_year_end": return .series(try dt.isYearEnd)
        case "is_leap_year": return .series(try dt.isLeapYear)
        case "date": return .series(try dt.date)
        case "time": return .series(try dt.time)
        case "tz": return .scalar(dt.tz.map(Scalar.string) ?? .none)
        default: throw RunnerGap("Series.dt.\(name) is not mapped to Bamboo")
        }
    }

    static func call(_ name: String, _ dt: DatetimeMethods, _ args: [CaseValue], _ kwargs: [(String, CaseValue)]) throws -> CaseValue {
        let parameters: [String: [String]] = [
            "normalize": [], "floor": ["freq", "ambiguous", "nonexistent"], "ceil": ["freq", "ambiguous", "nonexistent"],
            "round": ["freq", "ambiguous", "nonexistent"], "strftime": ["date_format"], "day_name": ["locale"], "month_name": ["locale"],
            "tz_localize": ["tz", "ambiguous", "nonexistent"], "tz_convert": ["tz"],
        ]
        guard let names = parameters[name] else { throw RunnerGap("Series.dt.\(name) is not mapped to Bamboo") }
        let a = try Arguments("dt.\(name)", args, kwargs, parameters: names)
        for keyword in ["ambiguous", "nonexistent", "locale"] where a.has(keyword) && name != "tz_localize" { throw RunnerGap("dt.\(name)(\(keyword)=) is not supported by Bamboo yet") }
        func text(_ key: String) throws -> String {
            guard let value = try a.string(key) else { throw RunnerGap("dt.\(name) needs \(key)") }
            return value
        }
        switch name {
        case "normalize": return .series(try dt.normalize())
        case "floor": return .series(try dt.floor(text("freq")))
        case "ceil": return .series(try dt.ceil(text("freq")))
        case "round": return .series(try dt.round(text("freq")))
        case "strftime": return .series(try dt.strftime(text("date_format")))
        case "day_name": return .series(try dt.dayName())
        case "month_name": return .series(try dt.monthName())
        case "tz_convert": return .series(try dt.tzConvert(a.string("tz")))
        case "tz_localize":
            let ambiguous: AmbiguousTime
            switch a["ambiguous"] {
            case nil, .scalar(.string("raise"))?: ambiguous = .raise
            case .scalar(.string("NaT"))?: ambiguous = .nat
            case .scalar(.bool(let dst))?: ambiguous = .daylightSaving(dst)
            case .list(let items)? where items.count == 1:
                guard case .scalar(.bool(let dst)) = items[0] else { throw RunnerGap("tz_localize(ambiguous=) list of \(items[0].kind)") }
                ambiguous = .daylightSaving(dst)
            default: throw RunnerGap("tz_localize(ambiguous=) as given is not supported by Bamboo yet")
            }
            guard let nonexistent = NonexistentTime(rawValue: try a.string("nonexistent") ?? "raise") else {
                throw RunnerGap("tz_localize(nonexistent=) as given is not supported by Bamboo yet")
            }
            return .series(try dt.tzLocalize(a.string("tz"), ambiguous: ambiguous, nonexistent: nonexistent))
        default: throw RunnerGap("Series.dt.\(name) is not mapped to Bamboo")
        }
    }
}
