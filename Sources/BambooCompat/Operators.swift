import Bamboo

/// Python operators between case values, mapped to Bamboo's operators.
enum Operators {
    static func binaryOperator(_ text: String) throws -> BinaryOperator {
        if let op = BinaryOperator(rawValue: text) { return op }
        throw CompatError.malformed("unknown operator \(text)")
    }

    static func binary(_ text: String, _ lhs: CaseValue, _ rhs: CaseValue, reversed: Bool) throws -> CaseValue {
        let op = try binaryOperator(text)
        switch (lhs, rhs) {
        case (.series(let s), .scalar(let v)): return .series(try s.binary(op, v, reversed: reversed))
        case (.series(let s), .series(let t)): return .series(reversed ? try t.binary(op, s) : try s.binary(op, t))
        case (.frame(let df), .scalar(let v)): return .frame(try df.binary(op, v, reversed: reversed))
        default: throw RunnerGap("\(lhs.kind) \(text) \(rhs.kind) is not mapped to Bamboo")
        }
    }

    static func unary(_ text: String, _ value: CaseValue) throws -> CaseValue {
        switch (text, value) {
        case ("~", .series(let s)): return .series(try ~s)
        case ("-", .series(let s)): return .series(try -s)
        case ("~", .frame(let df)): return .frame(try ~df)
        case ("-", .frame(let df)): return .frame(try -df)
        default: throw RunnerGap("unary \(text) on \(value.kind)")
        }
    }
}
