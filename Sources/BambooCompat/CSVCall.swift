import Bamboo
import Foundation


/// `pd.read_csv` and `to_csv` keyword arguments mapped to Bamboo's options.
enum CSVCall {
    static let supported = ["sep", "header", "names", "usecols", "dtype", "parse_dates", "na_values", "keep_default_na", "nrows", "skiprows", "quotechar"]

    /// On a remote session (Spark) the text is written to a file the server reads itself
    /// (`Session.readCSV`), so the cluster's reader is what the case checks.
    static func read(_ text: String, kwargs: [(String, CaseValue)], session: Session, scratchFolder: URL) async throws -> DataFrame {
        let options = try options(kwargs)
        guard session.isRemote else { return try readCSV(text: text, options: options, session: session) }
        try FileManager.default.createDirectory(at: scratchFolder, withIntermediateDirectories: true)
        let path = scratchFolder.appendingPathComponent("input-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try await session.readCSV(path, options: options)
    }

    static func options(_ kwargs: [(String, CaseValue)]) throws -> CSVReadOptions {
        var options = CSVReadOptions()
        for (name, value) in kwargs {
            switch name {
            case "sep": options.sep = try string(value, name)
            case "header":
                if case .scalar(.none) = value { options.header = nil } else { options.header = Int(try int(value, name)) }
            case "names": options.names = try strings(value, name)
            case "usecols":
                if let positions = try? ints(value, name) { options.usecolPositions = positions } else { options.usecols = try strings(value, name) }
            case "dtype":
                if case .scalar(.string(let all)) = value { options.defaultDtype = try DType(parsing: all); continue }
                guard case .dict(let pairs) = value else { throw RunnerGap("read_csv(dtype=) as \(value.kind)") }
                for (key, dtypeName) in pairs {
                    guard case .scalar(.string(let column)) = key, case .scalar(.string(let text)) = dtypeName else { continue }
                    options.dtype[column] = try DType(parsing: text)
                }
            case "parse_dates": options.parseDates = try strings(value, name)
            case "na_values":
                if case .dict(let pairs) = value {
                    for (key, tokens) in pairs {
                        guard case .scalar(.string(let column)) = key else { continue }
                        options.naValuesByColumn[column] = try (try? strings(tokens, name)) ?? [string(tokens, name)]
                    }
                } else {
                    options.naValues = try (try? strings(value, name)) ?? [string(value, name)]
                }
            case "keep_default_na":
                guard case .scalar(.bool(let b)) = value else { throw RunnerGap("keep_default_na as \(value.kind)") }
                options.keepDefaultNa = b
            case "nrows": options.nrows = Int(try int(value, name))
            case "skiprows":
                if case .scalar(.int(let n)) = value { options.skiprows = Array(0..<max(0, Int(n))) } else { options.skiprows = try ints(value, name) }
            case "quotechar": options.quotechar = try string(value, name)
            default: throw RunnerGap("read_csv(\(name)=) is not supported by Bamboo yet")
            }
        }
        return options
    }

    static func write(_ df: DataFrame, _ a: Arguments) async throws -> String {
        try await df.toCSV(sep: a.string("sep") ?? ",", naRep: a.string("na_rep") ?? "", header: a.bool("header", default: true),
                           index: a.bool("index", default: true))
    }

    static func string(_ value: CaseValue, _ name: String) throws -> String {
        guard case .scalar(.string(let s)) = value else { throw RunnerGap("read_csv(\(name)=) as \(value.kind)") }
        return s
    }

    static func int(_ value: CaseValue, _ name: String) throws -> Int64 {
        guard case .scalar(.int(let i)) = value else { throw RunnerGap("read_csv(\(name)=) as \(value.kind)") }
        return i
    }

    static func strings(_ value: CaseValue, _ name: String) throws -> [String] {
        guard let items = value.scalars else { throw RunnerGap("read_csv(\(name)=) as \(value.kind)") }
        return try items.map { item in
            guard case .string(let s) = item else { throw RunnerGap("read_csv(\(name)=) with a non-string item") }
            return s
        }
    }

    static func ints(_ value: CaseValue, _ name: String) throws -> [Int] {
        guard let items = value.scalars else { throw RunnerGap("read_csv(\(name)=) as \(value.kind)") }
        return try items.map { item in
            guard case .int(let i) = item else { throw RunnerGap("read_csv(\(name)=) with a non-integer item") }
            return Int(i)
        }
    }
}
