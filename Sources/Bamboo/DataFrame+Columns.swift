import BambooCore
import BambooPlan

extension DataFrame {
    /// Renames columns; labels not in the frame are ignored, as in pandas
    /// (pandas: `df.rename(columns={"a": "x"})`).
    public func rename(columns mapping: [Scalar: Scalar], errors: ErrorHandling = .ignore) throws -> DataFrame {
        let unknown = mapping.keys.filter { schema.positions(of: $0).isEmpty }
        if errors == .raise, !unknown.isEmpty {
            throw BambooError(.columnNotFound, "\(unknown.map(\.pythonRepr).sorted()) not found in axis",
                              suggestions: unknown.flatMap { ClosestNames.rank($0.description, among: schema.columns.map(\.label.description)) })
        }
        let renamed = schema.columns.map { field in
            NamedExpr(field: Field(id: mapping[field.label] == nil ? field.id : .make(), label: mapping[field.label] ?? field.label, dtype: field.dtype),
                      expr: .column(field.id))
        }
        return try with(.project(plan, index: .keep, columns: renamed))
    }

    /// Removes columns (pandas: `df.drop(columns=[...])`); unknown labels throw unless
    /// `errors: .ignore`.
    public func drop(columns labels: [Scalar], errors: ErrorHandling = .raise) throws -> DataFrame {
        let unknown = labels.filter { schema.positions(of: $0).isEmpty }
        if errors == .raise, !unknown.isEmpty {
            throw BambooError(.columnNotFound, "\"[\(unknown.map(\.pythonRepr).joined(separator: ", "))] not found in axis\"",
                              suggestions: unknown.flatMap { ClosestNames.rank($0.description, among: schema.columns.map(\.label.description)) })
        }
        let dropped = Set(labels)
        return try selectingColumns(at: schema.columns.indices.filter { !dropped.contains(schema.columns[$0].label) })
    }

    /// Removes rows by index label (pandas: `df.drop(index=[...])`).
    public func drop(index labels: [Scalar], errors: ErrorHandling = .raise) throws -> DataFrame {
        DataFrame(session: session, plan: try LogicalPlan(.dropLabels(labelledPlan(), labels: labels, mustExist: errors == .raise)))
    }

    /// Casts every column (pandas: `df.astype("float64")`).
    public func astype(_ dtype: DType) throws -> DataFrame {
        try astype(Dictionary(schema.columns.map { ($0.label, dtype) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Casts the named columns (pandas: `df.astype({"a": "int64"})`); unknown labels are a KeyError.
    public func astype(_ dtypes: [Scalar: DType]) throws -> DataFrame {
        for label in dtypes.keys where schema.positions(of: label).isEmpty {
            throw BambooError(.columnNotFound, "Only a column name can be used for the key in a dtype mappings argument. \(label.pythonRepr) not found in columns.")
        }
        let fields = schema.allFields
        let columns = try schema.columns.map { field -> NamedExpr in
            guard let target = dtypes[field.label] else { return .passthrough(field) }
            return try NamedExpr.typed(label: field.label, expr: .cast(.column(field.id), target), in: fields)
        }
        return try with(.project(plan, index: .keep, columns: columns))
    }
}

/// pandas' `errors="raise" | "ignore"`.
public enum ErrorHandling: String, Sendable {
    case raise, ignore
}
