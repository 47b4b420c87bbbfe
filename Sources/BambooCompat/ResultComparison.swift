import Bamboo

/// One way Bamboo's result differs from pandas'.
public struct Difference: Sendable, CustomStringConvertible {
    /// `kind`, `error`, `values`, `order`, `dtype`, `index`, `labels`, `name`, `type`.
    public let aspect: String
    public let detail: String
    public var description: String { "\(aspect): \(detail)" }
}

/// Compares an encoded result with a golden, aspect by aspect. Floats match within a relative
/// tolerance of 1e-9 (absolute 1e-12); the index's type (RangeIndex vs Index) is not compared,
/// only its labels, dtype and names.
enum ResultComparison {
    static let relativeTolerance = 1e-9
    static let absoluteTolerance = 1e-12

    static func differences(expected: JSON, actual: JSON) -> [Difference] {
        let kind = expected["kind"]?.string ?? "?"
        guard kind == actual["kind"]?.string else {
            return [Difference(aspect: "kind", detail: "pandas gives a \(kind)\(describeError(expected)), Bamboo a \(actual["kind"]?.string ?? "?")\(describeError(actual))")]
        }
        var out: [Difference] = []
        switch kind {
        case "error":
            let pandasType = expected["base"]?.string ?? expected["type"]?.string ?? "?"
            let bambooType = actual["type"]?.string ?? "?"
            if pandasType != bambooType && expected["type"]?.string != bambooType {
                out.append(Difference(aspect: "error", detail: "pandas raises \(expected["type"]?.string ?? "?") (\(pandasType)), Bamboo throws \(actual["code"]?.string ?? bambooType) (\(bambooType))"))
            }
        case "frame":
            let e = expected["columns"]?.array ?? [], a = actual["columns"]?.array ?? []
            let el = e.map { $0["label"] ?? .null }, al = a.map { $0["label"] ?? .null }
            if el != al { out.append(Difference(aspect: "labels", detail: "columns \(JSON.array(el)) vs \(JSON.array(al))")) }
            if e.map({ $0["categories"] }) != a.map({ $0["categories"] }) || e.map({ $0["ordered"] }) != a.map({ $0["ordered"] }) {
                out.append(Difference(aspect: "dtype", detail: "categories \(JSON.array(e.map { $0["categories"] ?? .null })) vs \(JSON.array(a.map { $0["categories"] ?? .null }))"))
            }
            if e.map({ $0["dtype"] }) != a.map({ $0["dtype"] }) {
                out.append(Difference(aspect: "dtype", detail: "\(e.map { $0["dtype"]?.string ?? "?" }) vs \(a.map { $0["dtype"]?.string ?? "?" })"))
            }
            out += index(expected["index"], actual["index"])
            if el == al {
                let ev = e.map { $0["values"]?.array ?? [] }, av = a.map { $0["values"]?.array ?? [] }
                out += values(columns: ev, index: expected["index"], actualColumns: av, actualIndex: actual["index"])
            }
        case "series":
            if expected["name"] != actual["name"] { out.append(Difference(aspect: "name", detail: "\(expected["name"] ?? .null) vs \(actual["name"] ?? .null)")) }
            if expected["dtype"] != actual["dtype"] { out.append(Difference(aspect: "dtype", detail: "\(expected["dtype"] ?? .null) vs \(actual["dtype"] ?? .null)")) }
            if expected["categories"] != actual["categories"] || expected["ordered"] != actual["ordered"] {
                out.append(Difference(aspect: "dtype", detail: "categories \(expected["categories"] ?? .null) vs \(actual["categories"] ?? .null)"))
            }
            out += index(expected["index"], actual["index"])
            out += values(columns: [expected["values"]?.array ?? []], index: expected["index"],
                          actualColumns: [actual["values"]?.array ?? []], actualIndex: actual["index"])
        case "index":
            out += index(expected, actual)
        case "scalar":
            if expected["type"] != actual["type"] { out.append(Difference(aspect: "type", detail: "\(expected["type"] ?? .null) vs \(actual["type"] ?? .null)")) }
            else if !same(expected["value"] ?? .null, actual["value"] ?? .null) {
                out.append(Difference(aspect: "values", detail: "\(expected["value"] ?? .null) vs \(actual["value"] ?? .null)"))
            }
        case "tuple":
            let e = expected["items"]?.array ?? [], a = actual["items"]?.array ?? []
            if e.count != a.count { out.append(Difference(aspect: "values", detail: "\(e.count) items vs \(a.count)")) }
            for (x, y) in zip(e, a) { out += differences(expected: x, actual: y) }
        default:
            if expected != actual { out.append(Difference(aspect: "values", detail: "\(expected) vs \(actual)")) }
        }
        return out
    }

    static func describeError(_ json: JSON) -> String {
        guard json["kind"]?.string == "error" else { return "" }
        return " (\(json["type"]?.string ?? "?"): \(json["message"]?.string ?? ""))"
    }

    static func index(_ expected: JSON?, _ actual: JSON?) -> [Difference] {
        var out: [Difference] = []
        let e = expected?["levels"]?.array ?? [], a = actual?["levels"]?.array ?? []
        if expected?["names"] != actual?["names"] { out.append(Difference(aspect: "index", detail: "names \(expected?["names"] ?? .null) vs \(actual?["names"] ?? .null)")) }
        if e.map({ $0["dtype"] }) != a.map({ $0["dtype"] }) {
            out.append(Difference(aspect: "index", detail: "dtype \(e.map { $0["dtype"]?.string ?? "?" }) vs \(a.map { $0["dtype"]?.string ?? "?" })"))
        }
        return out
    }

    /// Values and index labels row by row; when only the row order differs, says so.
    static func values(columns: [[JSON]], index: JSON?, actualColumns: [[JSON]], actualIndex: JSON?) -> [Difference] {
        let eIndex = index?["levels"]?.array?.map { $0["values"]?.array ?? [] } ?? []
        let aIndex = actualIndex?["levels"]?.array?.map { $0["values"]?.array ?? [] } ?? []
        let eRows = rows(eIndex + columns), aRows = rows(aIndex + actualColumns)
        if eRows.count != aRows.count { return [Difference(aspect: "values", detail: "\(eRows.count) rows vs \(aRows.count)")] }
        let mismatched = zip(eRows, aRows).enumerated().filter { !zip($0.element.0, $0.element.1).allSatisfy(same) }
        guard let first = mismatched.first else { return [] }
        let sortedE = eRows.map { JSON.array($0).description }.sorted(), sortedA = aRows.map { JSON.array($0).description }.sorted()
        if sortedE == sortedA {
            return [Difference(aspect: "order", detail: "same rows in another order (first at row \(first.offset))")]
        }
        return [Difference(aspect: "values", detail: "row \(first.offset): \(JSON.array(first.element.0)) vs \(JSON.array(first.element.1))")]
    }

    static func rows(_ columns: [[JSON]]) -> [[JSON]] {
        let n = columns.first?.count ?? 0
        return (0..<n).map { r in columns.map { r < $0.count ? $0[r] : .null } }
    }

    static func same(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)):
            return x == y || Swift.abs(x - y) <= Swift.max(absoluteTolerance, relativeTolerance * Swift.max(Swift.abs(x), Swift.abs(y)))
        default: return a == b
        }
    }
}
