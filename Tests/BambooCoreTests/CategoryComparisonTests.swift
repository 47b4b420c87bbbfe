import Testing
@testable import BambooCore

/// Ordered categoricals compare by category position, as pandas does, not by value.
@Suite struct CategoryComparisonTests {
    static let sizes = CategoryType(categories: ["S", "M", "L", "XL"], ordered: true)
    /// M, XL, missing, S, L as codes.
    static let column = Column(dtype: .category(sizes), values: .int64([1, 3, -1, 0, 2]), validity: Bitmap([true, true, false, true, true]))

    @Test func orderComparisonsUseCategoryPositions() throws {
        let m = Column(strings: Array(repeating: "M", count: 5))
        #expect(try Comparison.apply(.greater, Self.column, m).scalars == [false, true, false, false, true])
        #expect(try Comparison.apply(.lessEqual, Self.column, m).scalars == [true, false, false, true, false])
        // The scalar on the left mirrors the order.
        #expect(try Comparison.apply(.less, m, Self.column).scalars == [false, true, false, false, true])
    }

    @Test func aValueOutsideTheCategoriesIsPandasTypeError() {
        let other = Column(strings: Array(repeating: "XXL", count: 5))
        let error = #expect(throws: BambooError.self) { try Comparison.apply(.greater, Self.column, other) }
        #expect(error?.code == .typeMismatch)
    }
}
