import BambooCore
import Foundation
import Testing
@testable import BambooIO

@Suite("CSVReader matches pandas.read_csv")
struct CSVReaderPandasTests {
    @Test(arguments: readerCases)
    func matchesPandas(_ testCase: ReaderCase) throws {
        let table = try CSVReader.read(text: testCase.csv, options: testCase.options)
        #expect(table.labels.map(\.pythonRepr) == testCase.labels, "\(testCase.pandas)")
        #expect(table.columns.map(\.dtype.name) == testCase.dtypes, "\(testCase.pandas)")
        #expect(table.columns.map(rendered) == testCase.values, "\(testCase.pandas)")
    }

    @Test(arguments: readerErrorCases)
    func rejectsAsPandasDoes(_ testCase: ReaderErrorCase) {
        do {
            let table = try CSVReader.read(text: testCase.csv, options: testCase.options)
            Issue.record("expected \(testCase.code) like pandas' \(testCase.pandasMessage), got \(table.labels)")
        } catch let error as BambooError {
            #expect(error.code == testCase.code, "\(error)")
            #expect(error.message.contains(testCase.contains), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite("CSVReader beyond pandas' cases")
struct CSVReaderTests {
    private func expectError(_ code: BambooError.Code, containing text: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(code) error containing \(text)")
        } catch let error as BambooError {
            #expect(error.code == code, "\(error)")
            #expect(error.message.contains(text), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bamboo-csv-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func docExample() throws {
        let table = try CSVReader.read(text: "a,b\n1,x\n2,\n", options: CSVReadOptions())
        #expect(table.labels == ["a", "b"])
        #expect(table.columns[0].dtype == .int64)
        #expect(table.columns[1].scalars.map(render) == ["'x'", "nan"])
    }

    // pandas 3.1's tokenizer drops a separator that directly follows a blank line ended by a lone
    // "\r" (its EAT_CRNL_NOP state), reading "a,b\r\r,1\r" as a=1, b=NaN. Bamboo reads the row as
    // the "\n" and "\r\n" versions of the same file read: a=NaN, b=1.
    @Test func blankLineBeforeLeadingSeparatorWithCarriageReturns() throws {
        for text in ["a,b\r\r,1\r", "a,b\n\n,1\n", "a,b\r\n\r\n,1\r\n"] {
            let table = try CSVReader.read(text: text)
            #expect(table.columns.map(rendered) == [["nan"], ["1"]], "\(text.debugDescription)")
        }
    }

    @Test func readsFile() throws {
        let path = try temporaryFile(Array("a,b\n1,x\n2,y\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVReader.read(path: path)
        #expect(table.labels == ["a", "b"])
        #expect(table.columns[0].scalars == [1, 2])
        #expect(table.rowCount == 2)
    }

    @Test func missingFileIsIOErrorNamingPath() {
        expectError(.io, containing: "No such file or directory: '/nonexistent/bamboo.csv'") {
            _ = try CSVReader.read(path: "/nonexistent/bamboo.csv")
        }
    }

    @Test func directoryIsIOError() {
        expectError(.io, containing: "Is a directory") {
            _ = try CSVReader.read(path: FileManager.default.temporaryDirectory.path)
        }
    }

    // pandas: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 6: invalid start byte
    @Test(arguments: [
        ([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xFF, 0x0A], "byte 0xff in position 6: invalid start byte (line 2, column 3)"),
        ([0x61, 0x0A, 0xC3, 0x28, 0x0A], "byte 0xc3 in position 2: invalid continuation byte (line 2, column 1)"),
        ([0x61, 0x0A, 0x62, 0x0A, 0x78, 0xE2, 0x82], "byte 0xe2 in position 5: invalid continuation byte (line 3, column 2)"),
        ([0x61, 0x0A, 0xED, 0xA0, 0x80, 0x0A], "byte 0xed in position 2"),  // a UTF-16 surrogate
        ([0x61, 0x0A, 0xC0, 0x80, 0x0A], "byte 0xc0 in position 2: invalid start byte"),  // overlong
    ] as [([UInt8], String)])
    func invalidUTF8IsParseErrorNamingLine(bytes: [UInt8], message: String) throws {
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(.parseError, containing: message) { _ = try CSVReader.read(path: path) }
    }

    @Test func validUTF8FromFileAndBOM() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("é,b\nZoë,1\n😀,2\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVReader.read(path: path)
        #expect(table.labels == ["é", "b"])
        #expect(table.columns[0].scalars == ["Zoë", "😀"])
    }

    @Test func implicitIndexIsRejectedWithExplanation() {
        // pandas would use the first field as the index (a,b → index [1, 4]).
        expectError(.parseError, containing: "Line 2 has 3 fields but there are 2 column names") {
            _ = try CSVReader.read(text: "a,b\n1,2,3\n4,5,6\n")
        }
        expectError(.parseError, containing: "implicit index_col") {
            _ = try CSVReader.read(text: "1,2,3\n3,4\n", options: .with { $0.header = nil; $0.names = ["x", "y"] })
        }
    }

    @Test func unterminatedQuoteNamesLineAndField() {
        expectError(.parseError, containing: "(line 3, field 2)") {
            _ = try CSVReader.read(text: "a,b\n1,2\n3,\"never closed\n4,5\n")
        }
    }

    @Test(arguments: [",,", "", "\n", "\r\n", "ab"])
    func separatorMustBeOneByte(sep: String) {
        expectError(.invalidArgument, containing: "sep must be a single ASCII character") {
            _ = try CSVReader.read(text: "a\n1\n", options: .with { $0.sep = sep })
        }
    }

    @Test func separatorAndQuoteMustDiffer() {
        expectError(.invalidArgument, containing: "must differ") {
            _ = try CSVReader.read(text: "a\n1\n", options: .with { $0.sep = "'"; $0.quotechar = "'" })
        }
    }

    @Test func negativeHeaderIsRejected() {
        expectError(.invalidArgument, containing: "negative integer to header") {
            _ = try CSVReader.read(text: "a\n1\n", options: .with { $0.header = -1 })
        }
    }

    @Test func headerDefaultFollowsNames() {
        var options = CSVReadOptions()
        #expect(options.header == 0)
        options.names = ["x"]
        #expect(options.header == nil)
        options.header = 0
        #expect(options.header == 0)
    }

    @Test func usecolsErrorSuggestsCloseName() {
        do {
            _ = try CSVReader.read(text: "price,qty\n1,2\n", options: .with { $0.usecols = ["prce"] })
            Issue.record("expected an error")
        } catch let error as BambooError {
            #expect(error.code == .invalidArgument)  // pandas raises ValueError here
            #expect(error.suggestions == ["price"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func usecolsByPositionWithoutHeader() throws {
        let table = try CSVReader.read(text: "1,x\n2,y\n", options: .with { $0.header = nil; $0.usecols = ["1"] })
        #expect(table.labels == [1])
        #expect(table.columns[0].scalars == ["x", "y"])
    }

    @Test func bigIntegersStayExactAsText() throws {
        // pandas: uint64 / Python ints; Bamboo has neither, so the digits are kept as str.
        let table = try CSVReader.read(text: "a\n9223372036854775808\n18446744073709551616\n")
        #expect(table.columns[0].dtype == .string)
        #expect(table.columns[0].scalars == ["9223372036854775808", "18446744073709551616"])
    }

    @Test func stringsAreStoredAsBytesWithValidity() throws {
        let table = try CSVReader.read(text: "a\n\"x\"\"y\"\n\nlast\nNA\n")
        guard case .string(let strings) = table.columns[0].values else {
            Issue.record("expected string storage")
            return
        }
        #expect(strings.count == 3)
        #expect(strings[0] == "x\"y")
        #expect(table.columns[0].validity.map { [$0[0], $0[1], $0[2]] } == [true, true, false])
    }

    @Test func manyRowsKeepEveryRow() throws {
        var text = "id,value,name,flag\n"
        for i in 0..<20_000 { text += "\(i),\(Double(i) / 4),\"n,\(i)\",\(i % 2 == 0 ? "True" : "False")\n" }
        let table = try CSVReader.read(text: text)
        #expect(table.rowCount == 20_000)
        #expect(table.columns.map(\.dtype) == [.int64, .float64, .string, .bool])
        #expect(table.columns[1].scalar(at: 19_999) == .float(4999.75))
        #expect(table.columns[2].scalar(at: 123) == "n,123")
    }
}
