#if Spark
import Testing
@testable import BambooSpark

/// Python slices as OFFSET/LIMIT without the row count (no server needed).
@Suite struct SparkSliceTests {
    @Test func boundsFromTheStartAreAnOffsetAndALimit() {
        #expect(SparkSlice(start: nil, stop: 5, step: 1) == SparkSlice(offset: 0, count: 5, fromEnd: false))   // head(5)
        #expect(SparkSlice(start: 2, stop: 5, step: 1) == SparkSlice(offset: 2, count: 3, fromEnd: false))
        #expect(SparkSlice(start: 5, stop: 2, step: 1) == SparkSlice(offset: 5, count: 0, fromEnd: false))
        #expect(SparkSlice(start: 3, stop: nil, step: 1) == SparkSlice(offset: 3, count: nil, fromEnd: false))
    }

    @Test func boundsFromTheEndReadTheRowsReversed() {
        #expect(SparkSlice(start: -3, stop: nil, step: 1) == SparkSlice(offset: 0, count: 3, fromEnd: true))  // tail(3)
        #expect(SparkSlice(start: -5, stop: -2, step: 1) == SparkSlice(offset: 2, count: 3, fromEnd: true))
        #expect(SparkSlice(start: Int.min, stop: nil, step: 1) == SparkSlice(offset: 0, count: Int.max, fromEnd: true))
    }

    @Test func slicesThatNeedTheRowCountAreRefused() {
        #expect(SparkSlice(start: 2, stop: -1, step: 1) == nil)
        #expect(SparkSlice(start: -2, stop: 3, step: 1) == nil)
        #expect(SparkSlice(start: nil, stop: nil, step: 2) == nil)
    }
}
#endif
