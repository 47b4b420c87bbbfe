extension Column: Equatable {
    /// Same dtype and the same values, missing equal to missing (as `DataFrame.equals` compares).
    public static func == (a: Column, b: Column) -> Bool {
        a.dtype == b.dtype && a.count == b.count && (0..<a.count).allSatisfy { a.scalar(at: $0) == b.scalar(at: $0) }
    }
}
