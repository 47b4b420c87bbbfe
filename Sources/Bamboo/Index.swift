import BambooCore

/// Row or column labels, materialised: pandas' `Index` / `RangeIndex`.
///
/// ```swift
/// let local = try await df.collect()
/// local.index.values        // [0, 1, 2]  (a RangeIndex)
/// df.columns.values         // ["a", "b"]
/// ```
public struct Index: Sendable, CustomStringConvertible, Equatable {
    public enum Storage: Sendable, Equatable {
        /// `RangeIndex(start, stop, step)`: no values stored.
        case range(start: Int, stop: Int, step: Int)
        /// One column of labels per level.
        case labels([Column])
    }

    public let storage: Storage
    /// One name per level (`.none` for unnamed).
    public let names: [Scalar]

    public init(range: Range<Int>, name: Scalar = .none) {
        storage = .range(start: range.lowerBound, stop: range.upperBound, step: 1)
        names = [name]
    }

    /// Labels from one column per level (internal: a level-less index would have no labels).
    init(levels: [Column], names: [Scalar]) {
        storage = .labels(levels)
        self.names = names
    }

    /// Labels from scalars, dtype inferred as pandas infers it.
    public init(_ values: [Scalar], name: Scalar = .none) {
        self.init(levels: [Column.infer(values)], names: [name])
    }

    public var count: Int {
        switch storage {
        case .range(let start, let stop, let step): return max(0, (stop - start + step - (step > 0 ? 1 : -1)) / step)
        case .labels(let levels): return levels.first?.count ?? 0
        }
    }

    public var isRange: Bool { if case .range = storage { return true } else { return false } }

    /// The number of levels (more than one for a MultiIndex).
    public var levelCount: Int { names.count }

    /// The dtype of each level.
    public var dtypes: [DType] {
        switch storage {
        case .range: return [.int64]
        case .labels(let levels): return levels.map(\.dtype)
        }
    }

    /// Labels of the (first) level.
    public var values: [Scalar] { (0..<count).map { label(at: $0) } }

    public func label(at position: Int) -> Scalar {
        switch storage {
        case .range(let start, _, let step): return .int(Int64(start + position * step))
        case .labels(let levels): return levels[0].scalar(at: position)
        }
    }

    /// The index as columns (a RangeIndex becomes int64 values).
    public var levels: [Column] {
        switch storage {
        case .range: return [Column(int64: (0..<count).map { Int64(label(at: $0).doubleValue ?? 0) })]
        case .labels(let levels): return levels
        }
    }

    public var description: String {
        switch storage {
        case .range(let start, let stop, let step):
            return "RangeIndex(start=\(start), stop=\(stop), step=\(step)\(names.first.map { $0 == Scalar.none ? "" : ", name=\($0.pythonRepr)" } ?? ""))"
        case .labels(let levels) where levels.count > 1:
            let tuples = (0..<Swift.min(count, 10)).map { row in "(" + levels.map { $0.scalar(at: row).pythonRepr }.joined(separator: ", ") + ")" }
            return "MultiIndex([\(tuples.joined(separator: ", "))\(count > 10 ? ", ..." : "")], names=[\(names.map(\.pythonRepr).joined(separator: ", "))])"
        case .labels(let levels):
            let shown = values.prefix(10).map(\.pythonRepr).joined(separator: ", ")
            return "Index([\(shown)\(count > 10 ? ", ..." : "")], dtype='\(levels.first?.dtype.name ?? "object")'\(names.first.map { $0 == Scalar.none ? "" : ", name=\($0.pythonRepr)" } ?? ""))"
        }
    }

    public static func == (a: Index, b: Index) -> Bool {
        a.names == b.names && a.count == b.count && a.dtypes == b.dtypes && a.values == b.values
    }
}
