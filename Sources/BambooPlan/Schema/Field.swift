import BambooCore
import Synchronization

/// The internal identity of a column in a plan, independent of its pandas label (labels may repeat).
public struct FieldID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    private static let counter = Atomic<Int>(0)

    /// A fresh identity never used before in this process.
    public static func make() -> FieldID {
        FieldID(raw: counter.wrappingAdd(1, ordering: .relaxed).newValue)
    }

    public static func < (a: FieldID, b: FieldID) -> Bool { a.raw < b.raw }
    public var description: String { "#\(raw)" }
}

/// A column or index level of a plan's output: identity, pandas label, dtype.
public struct Field: Hashable, Sendable, CustomStringConvertible {
    public let id: FieldID
    /// The column label, or the index level's name (`.none` for an unnamed level).
    public var label: Scalar
    public var dtype: DType

    public init(id: FieldID = .make(), label: Scalar, dtype: DType) {
        self.id = id
        self.label = label
        self.dtype = dtype
    }

    public var description: String { "\(label.pythonRepr):\(dtype.name)\(id)" }
}
