import BambooCore
import Foundation

/// The JSON pandas keeps under the schema metadata key `pandas` (pyarrow's `Table.from_pandas`
/// writes it): which fields are index levels, each column's original label and pandas dtype.
///
/// ```json
/// {"index_columns": [{"kind": "range", "name": null, "start": 0, "stop": 3, "step": 1}],
///  "column_indexes": [{"name": null, "field_name": null, "pandas_type": "unicode", ...}],
///  "columns": [{"name": "a", "field_name": "a", "pandas_type": "int64", "numpy_type": "Int64", "metadata": null}], ...}
/// ```
struct PandasMetadata: Sendable {
    static let key = "pandas"

    enum IndexColumn: Sendable, Equatable {
        /// A field holding one index level.
        case field(String)
        /// A RangeIndex, stored as its parameters instead of values.
        case range(name: String?, start: Int, stop: Int, step: Int)
    }

    struct Entry: Sendable {
        var name: String?
        var fieldName: String
        var pandasType: String
        var numpyType: String
        /// The entry's `metadata` object, already as JSON text (or `null`).
        var metadataJSON: String = "null"
    }

    var indexColumns: [IndexColumn]
    /// `pandas_type` of the column labels (`unicode`, `int64`, ...).
    var columnLabelsType: String
    var columns: [Entry]

    init(indexColumns: [IndexColumn], columnLabelsType: String, columns: [Entry]) {
        self.indexColumns = indexColumns
        self.columnLabelsType = columnLabelsType
        self.columns = columns
    }

    /// Parses the JSON; throws `parseError` when it is not pandas metadata.
    init(json: String) throws {
        func invalid(_ what: String) -> BambooError {
            BambooError(.parseError, "The schema's pandas metadata is not valid: \(what).")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)), let root = object as? [String: Any] else {
            throw invalid("it is not a JSON object")
        }
        indexColumns = try (root["index_columns"] as? [Any] ?? []).map { item in
            if let name = item as? String { return .field(name) }
            guard let range = item as? [String: Any], range["kind"] as? String == "range",
                  let start = range["start"] as? Int, let stop = range["stop"] as? Int, let step = range["step"] as? Int, step != 0 else {
                throw invalid("an index_columns entry is neither a field name nor a range")
            }
            return .range(name: range["name"] as? String, start: start, stop: stop, step: step)
        }
        let labels = (root["column_indexes"] as? [[String: Any]])?.first
        columnLabelsType = labels?["pandas_type"] as? String ?? "unicode"
        columns = (root["columns"] as? [[String: Any]] ?? []).compactMap { entry in
            guard let fieldName = entry["field_name"] as? String ?? entry["name"] as? String else { return nil }
            return Entry(name: entry["name"] as? String, fieldName: fieldName, pandasType: entry["pandas_type"] as? String ?? "",
                         numpyType: entry["numpy_type"] as? String ?? "")
        }
    }

    func entry(forField name: String) -> Entry? { columns.first { $0.fieldName == name } }

    /// The JSON text, with every key pyarrow writes (pyarrow's reader indexes some without defaults).
    var json: String {
        let index = indexColumns.map { column -> String in
            switch column {
            case .field(let name): return Self.quote(name)
            case .range(let name, let start, let stop, let step):
                return "{\"kind\": \"range\", \"name\": \(name.map(Self.quote) ?? "null"), \"start\": \(start), \"stop\": \(stop), \"step\": \(step)}"
            }
        }
        let labelsNumpy = columnLabelsType == "int64" ? "int64" : "str"
        let labelsMetadata = columnLabelsType == "unicode" ? "{\"encoding\": \"UTF-8\"}" : "null"
        let entries = columns.map { entry in
            "{\"name\": \(entry.name.map(Self.quote) ?? "null"), \"field_name\": \(Self.quote(entry.fieldName)), "
                + "\"pandas_type\": \(Self.quote(entry.pandasType)), \"numpy_type\": \(Self.quote(entry.numpyType)), \"metadata\": \(entry.metadataJSON)}"
        }
        return "{\"index_columns\": [\(index.joined(separator: ", "))], "
            + "\"column_indexes\": [{\"name\": null, \"field_name\": null, \"pandas_type\": \(Self.quote(columnLabelsType)), \"numpy_type\": \"\(labelsNumpy)\", \"metadata\": \(labelsMetadata)}], "
            + "\"columns\": [\(entries.joined(separator: ", "))], \"attributes\": {}, "
            + "\"creator\": {\"library\": \"bamboo\", \"version\": \"0\"}, \"pandas_version\": \"3.1.1\"}"
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `pandas_type`, `numpy_type` and `metadata` for a column of `dtype`, as pyarrow writes them.
    /// `writable` is the dtype actually stored (an object column's inferred one).
    static func describe(_ dtype: DType, writable: DType) -> (pandasType: String, numpyType: String, metadataJSON: String) {
        switch dtype {
        case .int64: return ("int64", "int64", "null")
        case .float64: return ("float64", "float64", "null")
        case .bool: return ("bool", "bool", "null")
        case .string: return ("object", "str", "null")
        case .nullableInt64: return ("int64", "Int64", "null")
        case .nullableFloat64: return ("float64", "Float64", "null")
        case .nullableBool: return ("bool", "boolean", "null")
        case .datetime(let unit, nil): return ("datetime", "datetime64[\(unit.rawValue)]", "null")
        case .datetime(let unit, let tz?): return ("datetimetz", "datetime64[\(unit.rawValue)]", "{\"timezone\": \(quote(tz))}")
        case .timedelta(let unit): return ("object", "timedelta64[\(unit.rawValue)]", "null")
        case .category(let type):
            let count = type.categories?.count ?? 0
            let codes = count <= Int(Int8.max) ? "int8" : count <= Int(Int16.max) ? "int16" : "int32"
            return ("categorical", codes, "{\"num_categories\": \(count), \"ordered\": \(type.ordered)}")
        case .object:
            let pandasType: String
            switch writable {
            case .string: pandasType = "unicode"
            case .int64, .nullableInt64: pandasType = "int64"
            case .float64: pandasType = "float64"
            case .bool, .nullableBool: pandasType = "bool"
            case .datetime: pandasType = "datetime"
            default: pandasType = writable == .object ? "empty" : "object"
            }
            return (pandasType, "object", "null")
        }
    }
}
