import BambooArrow
import BambooCore
import Testing

/// One column of every dtype, each with a missing value where the dtype can hold one.
func everyDtypeColumns() throws -> [(name: String, column: Column)] {
    let paris = "Europe/Paris"
    return [
        ("int64", Column(int64: [1, -2, Int64.max])),
        ("float64", Column(float64: [1.5, .nan, -0.25])),
        ("bool", Column(bool: [true, false, true])),
        ("str", Column(strings: ["a", nil, "héllo 👋 e\u{301} 日本"])),
        ("Int64", try Column.build([1, nil, .int(Int64.min)], dtype: .nullableInt64)),
        ("Float64", try Column.build([0.5, nil, 2.0], dtype: .nullableFloat64)),
        ("boolean", try Column.build([true, nil, false], dtype: .nullableBool)),
        ("dt_us", try Column.build([.datetime(1_577_872_800_000_000, .us, tz: nil), .nat, .datetime(-500_000, .us, tz: nil)], dtype: .datetime(.us, tz: nil))),
        ("dt_tz", try Column.build([.datetime(1_585_445_400_000_000_000, .ns, tz: paris), .nat, .datetime(0, .ns, tz: paris)], dtype: .datetime(.ns, tz: paris))),
        ("dt_s", try Column.build([.datetime(0, .s, tz: "UTC"), .datetime(86_400, .s, tz: "UTC"), .nat], dtype: .datetime(.s, tz: "UTC"))),
        ("td", try Column.build([.timedelta(1_500, .ms), .nat, .timedelta(-3_000, .ms)], dtype: .timedelta(.ms))),
        ("cat", try Column.build(["x", nil, "y"], dtype: .category(CategoryType(categories: ["y", "x", "z"], ordered: true)))),
        ("cat_int", try Column.build([10, 20, nil], dtype: .category(CategoryType(categories: [20, 10], ordered: false)))),
        ("none", Column(dtype: .object, values: .object([.none, .none, .none]))),
    ]
}

@Suite struct ArrowStreamTests {
    @Test func everyDtypeRoundTripsThroughStreamAndFile() throws {
        let columns = try everyDtypeColumns()
        let table = try ArrowTable(columns: columns)
        for decoded in [try ArrowStreamReader.read(ArrowStreamWriter.write(table)), try ArrowFileReader.read(ArrowFileWriter.write(table))] {
            #expect(decoded.rowCount == 3)
            #expect(decoded.schema.fields.map(\.name) == columns.map(\.name))
            for (name, column) in columns {
                // Arrow has nulls, not NaN: a float64 column with NaN reads back as nulls, which the
                // table keeps as Float64 (ArrowFrame turns them back into float64 for pandas).
                let expected = name == "float64"
                    ? Column(dtype: .nullableFloat64, values: column.values, validity: Bitmap([true, false, true])) : column
                #expect(decoded.column(named: name) == expected, "\(name): \(decoded.column(named: name)?.scalars ?? []) vs \(expected.scalars)")
            }
            #expect(try ArrowFrame(decoded).columns.first { $0.label == "float64" }?.column.dtype == .float64)
        }
    }

    @Test func streamLayoutIsTheIPCFormat() throws {
        let bytes = try ArrowStreamWriter.write(ArrowTable(columns: [("a", Column(int64: [1]))]))
        #expect(Array(bytes.prefix(4)) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Array(bytes.suffix(8)) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        #expect(bytes.count % 8 == 0)
        let file = try ArrowFileWriter.write(ArrowTable(columns: [("a", Column(int64: [1]))]))
        #expect(Array(file.prefix(8)) == Array("ARROW1".utf8) + [0, 0])
        #expect(Array(file.suffix(6)) == Array("ARROW1".utf8))
    }

    @Test func multipleBatchesConcatenate() throws {
        let n = 1_000
        let columns: [(name: String, column: Column)] = [
            ("n", Column(int64: (0..<Int64(n)).map { $0 })),
            ("s", Column(strings: (0..<n).map { $0 % 7 == 0 ? nil : "v\($0)" })),
            ("b", try Column.build((0..<n).map { $0 % 5 == 0 ? nil : .bool($0 % 2 == 0) }, dtype: .nullableBool)),
            ("c", try Column.build((0..<n).map { $0 % 3 == 0 ? "a" : "b" }, dtype: .category(CategoryType(categories: ["a", "b"])))),
        ]
        let table = try ArrowTable(columns: columns)
        for rows in [1, 7, 64, 333, 999, 1_000, 5_000] {
            let stream = try ArrowStreamReader.read(ArrowStreamWriter.write(table, maxRowsPerBatch: rows))
            let file = try ArrowFileReader.read(ArrowFileWriter.write(table, maxRowsPerBatch: rows))
            for decoded in [stream, file] {
                #expect(decoded.rowCount == n)
                for (name, column) in columns { #expect(decoded.column(named: name) == column, "\(name) with \(rows) rows per batch") }
            }
        }
    }

    @Test func severalStreamsReadAsOneTable() throws {
        let first = try ArrowStreamWriter.write(ArrowTable(columns: [("a", Column(int64: [1, 2]))]))
        let second = try ArrowStreamWriter.write(ArrowTable(columns: [("a", Column(int64: [3]))]))
        let table = try ArrowStreamReader.read(streams: [first, second])
        #expect(table.column(named: "a") == Column(int64: [1, 2, 3]))
        let other = try ArrowStreamWriter.write(ArrowTable(columns: [("b", Column(int64: [3]))]))
        #expect(throws: BambooError.self) { try ArrowStreamReader.read(streams: [first, other]) }
    }

    @Test func emptyTablesAndZeroRowBatches() throws {
        let columns: [(name: String, column: Column)] = [
            ("i", Column(int64: [])), ("s", Column(strings: [])), ("f", Column(float64: [])),
            ("c", try Column.build([], dtype: .category(CategoryType(categories: ["a"])))),
            ("t", try Column.build([], dtype: .datetime(.ns, tz: "UTC"))),
        ]
        let table = try ArrowTable(columns: columns)
        for decoded in [try ArrowStreamReader.read(ArrowStreamWriter.write(table)), try ArrowFileReader.read(ArrowFileWriter.write(table))] {
            #expect(decoded.rowCount == 0)
            for (name, column) in columns { #expect(decoded.column(named: name) == column, "\(name)") }
        }
        let noColumns = try ArrowTable(schema: ArrowSchema(fields: []), columns: [], rowCount: 0)
        #expect(try ArrowStreamReader.read(ArrowStreamWriter.write(noColumns)).columns.isEmpty)
    }

    @Test func columnsSelectsAndOrdersFields() throws {
        let table = try ArrowTable(columns: try everyDtypeColumns())
        let bytes = try ArrowStreamWriter.write(table)
        let picked = try ArrowStreamReader.read(bytes, columns: ["td", "str"])
        #expect(picked.schema.fields.map(\.name) == ["td", "str"])
        #expect(picked.columns[1] == Column(strings: ["a", nil, "héllo 👋 e\u{301} 日本"]))
        let error = #expect(throws: BambooError.self) { try ArrowStreamReader.read(bytes, columns: ["strr"]) }
        #expect(error?.code == .columnNotFound)
        #expect(error?.suggestions.first == "str")
    }

    @Test func unicodeStringsKeepTheirBytes() throws {
        let texts: [String?] = ["", "emoji 🧑‍🚀🇳🇴", "e\u{301}", "\u{0}nul", nil, String(repeating: "ß", count: 1_000)]
        let decoded = try ArrowStreamReader.read(ArrowStreamWriter.write(ArrowTable(columns: [("t", Column(strings: texts))])))
        guard case .string(let strings) = decoded.columns[0].values else { Issue.record("not a string column"); return }
        for (i, text) in texts.enumerated() where text != nil {
            #expect(strings[i].utf8.elementsEqual(text?.utf8 ?? "".utf8))
        }
        #expect(decoded.columns[0].isMissing(4))
    }

    @Test func objectColumnsOfOneKindWrite() throws {
        let mixedNumbers = Column(dtype: .object, values: .object([1, 2.5, .none]))
        let table = try ArrowTable(columns: [("m", mixedNumbers)])
        #expect(table.schema.fields[0].type == .floatingPoint(.double))
        let mixed = Column(dtype: .object, values: .object([1, "a"]))
        let error = #expect(throws: BambooError.self) { try ArrowTable(columns: [("m", mixed)]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.message.contains("'m'") == true)
    }
}
