import BambooCore
import Testing
@testable import BambooIO

@Suite("CSVWriter matches DataFrame.to_csv")
struct CSVWriterTests {
    @Test(arguments: writerCases)
    func matchesPandas(_ testCase: WriterCase) throws {
        let text = CSVWriter.write(
            labels: testCase.labels, columns: try testCase.columns(), indexNames: testCase.indexNames,
            indexColumns: try testCase.indexColumns(), options: testCase.options)
        #expect(text == testCase.expected, "\(testCase.pandas)")
    }

    @Test(arguments: roundTripCases)
    func readThenWriteMatchesPandas(_ testCase: RoundTripCase) throws {
        let table = try CSVReader.read(text: testCase.csv, options: testCase.read)
        let index = Column(int64: (0..<Int64(table.rowCount)).map { $0 })
        let text = CSVWriter.write(
            labels: table.labels, columns: table.columns, indexNames: [nil], indexColumns: [index],
            options: testCase.write)
        #expect(text == testCase.expected, "\(testCase.pandas)")
    }

    @Test func writtenTextReadsBackToTheSameColumns() throws {
        let columns = [
            Column(int64: [1, -2, 3]),
            Column(float64: [0.1, .nan, 1e-300]),
            Column(strings: ["a,b", nil, "line\nbreak \"quoted\""]),
            Column(bool: [true, false, true]),
        ]
        let text = CSVWriter.write(labels: ["i", "f", "s", "b"], columns: columns, options: .with { $0.index = false })
        let table = try CSVReader.read(text: text)
        #expect(table.labels == ["i", "f", "s", "b"])
        for (read, written) in zip(table.columns, columns) {
            #expect(read.dtype == written.dtype)
            #expect(read.scalars == written.scalars)
        }
    }

    // CPython's csv writer quotes a bare "\r" since gh-67044 (3.11.9, 3.12.3, 3.13), so current pandas
    // writes "cr\rx" quoted (pandas GH#10018). The reference venv runs Python 3.11.7, which predates the
    // fix and leaves it unquoted, a field read_csv then splits into two rows. Bamboo follows the fix.
    @Test func carriageReturnIsQuoted() {
        let text = CSVWriter.write(labels: ["a"], columns: [Column(strings: ["cr\rx"])], options: .with { $0.index = false })
        #expect(text == "a\n\"cr\rx\"\n")
    }

    @Test func docExample() {
        let text = CSVWriter.write(
            labels: ["a", "b"], columns: [Column(int64: [1, 2]), Column(float64: [0.1, .nan])],
            indexNames: [nil], indexColumns: [Column(int64: [0, 1])], options: CSVWriteOptions())
        #expect(text == ",a,b\n0,1,0.1\n1,2,\n")
    }

    @Test func shortestColumnBoundsTheRows() {
        let text = CSVWriter.write(
            labels: ["a", "b"], columns: [Column(int64: [1, 2, 3]), Column(int64: [4])], options: .with { $0.index = false })
        #expect(text == "a,b\n1,4\n")
    }

    @Test func multiCharacterSeparator() {
        let text = CSVWriter.write(
            labels: ["a", "b"], columns: [Column(strings: ["x:y", "x::y"]), Column(int64: [1, 2])],
            options: .with { $0.index = false; $0.sep = "::" })
        #expect(text == "a::b\nx:y::1\n\"x::y\"::2\n")
    }
}
