import Bamboo

/// `s.str.<method>(...)` calls of case files, mapped onto ``StringMethods``.
enum StringCalls {
    static let parameters: [String: [String]] = [
        "lower": [], "upper": [], "title": [], "capitalize": [], "swapcase": [], "len": [],
        "strip": ["to_strip"], "lstrip": ["to_strip"], "rstrip": ["to_strip"],
        "contains": ["pat", "case", "flags", "na", "regex"], "startswith": ["pat", "na"], "endswith": ["pat", "na"],
        "replace": ["pat", "repl", "n", "case", "flags", "regex"], "get": ["i"], "slice": ["start", "stop", "step"],
        "pad": ["width", "side", "fillchar"], "zfill": ["width"], "find": ["sub", "start", "end"], "count": ["pat", "flags"],
        "split": ["pat", "n", "expand", "regex"], "extract": ["pat", "flags", "expand"], "cat": ["others", "sep", "na_rep", "join"],
        "isalpha": [], "isalnum": [], "isdigit": [], "isdecimal": [], "isnumeric": [], "isspace": [], "islower": [], "isupper": [], "istitle": [],
    ]

    static func call(_ name: String, _ str: StringMethods, _ args: [CaseValue], _ kwargs: [(String, CaseValue)]) async throws -> CaseValue {
        guard let parameters = parameters[name] else { throw RunnerGap("Series.str.\(name) is not mapped to Bamboo") }
        let a = try Arguments("str.\(name)", args, kwargs, parameters: parameters)
        if a.has("flags") { throw RunnerGap("str.\(name)(flags=) is not supported by Bamboo yet") }
        func text(_ key: String) throws -> String {
            guard let value = try a.string(key) else { throw RunnerGap("str.\(name) needs \(key)") }
            return value
        }
        switch name {
        case "lower": return .series(try str.lower())
        case "upper": return .series(try str.upper())
        case "title": return .series(try str.title())
        case "capitalize": return .series(try str.capitalize())
        case "swapcase": return .series(try str.swapcase())
        case "len": return .series(try str.len())
        case "strip": return .series(try str.strip(a.string("to_strip")))
        case "lstrip": return .series(try str.lstrip(a.string("to_strip")))
        case "rstrip": return .series(try str.rstrip(a.string("to_strip")))
        case "contains":
            return .series(try str.contains(text("pat"), caseSensitive: a.bool("case", default: true), regex: a.bool("regex", default: true),
                                            na: a.given("na")))
        case "startswith", "endswith":
            let patterns: [String]
            if case .scalar(.string(let single))? = a["pat"] { patterns = [single] } else if case .scalar(.tuple(let items))? = a["pat"] {
                patterns = items.compactMap { if case .string(let t) = $0 { t } else { nil } }
            } else {
                guard let items = a["pat"]?.scalars else { throw RunnerGap("str.\(name) pattern") }
                patterns = items.compactMap { if case .string(let t) = $0 { t } else { nil } }
            }
            let na = try a.given("na")
            return .series(name == "startswith" ? try str.startswith(patterns, na: na) : try str.endswith(patterns, na: na))
        case "replace":
            let caseSensitive = try a.scalar("case").flatMap { if case .bool(let b) = $0 { b } else { nil } } ?? true
            return .series(try str.replace(text("pat"), text("repl"), n: a.int("n") ?? -1, caseSensitive: caseSensitive,
                                           regex: a.bool("regex", default: false)))
        case "get": return .series(try str.get(a.int("i") ?? 0))
        case "slice": return .series(try str.slice(start: a.int("start"), stop: a.int("stop"), step: a.int("step") ?? 1))
        case "pad":
            let side: StringFunction.PadSide = switch try a.string("side") ?? "left" {
            case "left": .left
            case "right": .right
            case "both": .both
            default: throw BambooError(.invalidArgument, "Invalid side")
            }
            let fill = try a.string("fillchar") ?? " "
            guard fill.unicodeScalars.count == 1, let character = fill.first else { throw BambooError(.typeMismatch, "fillchar must be a character, not str") }
            return .series(try str.pad(a.int("width") ?? 0, side: side, fillchar: character))
        case "zfill": return .series(try str.zfill(a.int("width") ?? 0))
        case "find": return .series(try str.find(text("sub"), start: a.int("start") ?? 0, end: a.int("end")))
        case "count": return .series(try str.count(text("pat")))
        case "split":
            let regex = try a.scalar("regex").flatMap { if case .bool(let b) = $0 { b } else { nil } }
            let n = try a.int("n") ?? -1
            if try a.bool("expand", default: false) { return .frame(try await str.split(a.string("pat"), n: n, regex: regex, expand: true)) }
            return .series(try str.split(a.string("pat"), n: n, regex: regex))
        case "extract":
            let frame = try str.extract(text("pat"))
            // expand=False with one group is a Series named by the group, or by the Series when unnamed.
            if try !a.bool("expand", default: true), frame.columns.count == 1 {
                let column = try frame.iloc[.all, 0]
                if case .int = column.name { return .series(try column.rename(str.name)) }
                return .series(column)
            }
            return .frame(frame)
        case "cat":
            let sep = try a.string("sep") ?? ""
            if case .series(let others)? = a["others"] { return .series(try str.cat(others, sep: sep, naRep: a.string("na_rep"))) }
            return .scalar(.string(try await str.cat(sep: sep, naRep: a.string("na_rep"))))
        case "isalpha": return .series(try str.isalpha())
        case "isalnum": return .series(try str.isalnum())
        case "isdigit": return .series(try str.isdigit())
        case "isdecimal": return .series(try str.isdecimal())
        case "isnumeric": return .series(try str.isnumeric())
        case "isspace": return .series(try str.isspace())
        case "islower": return .series(try str.islower())
        case "isupper": return .series(try str.isupper())
        case "istitle": return .series(try str.istitle())
        default: throw RunnerGap("Series.str.\(name) is not mapped to Bamboo")
        }
    }
}
