import Bamboo

/// The Bamboo half of every example in Migration/*.md, verbatim (MigrationTests checks that the
/// pages' Swift blocks appear here unchanged, and that each result equals pandas' output).
enum MigrationExamples {
    static let all: [String: @Sendable () async throws -> DataFrame] = [
        "resample-hourly": {
            let df = try DataFrame(columns: [ColumnSpec("t", ["2024-01-01 00:30", "2024-01-01 00:50", "2024-01-01 03:10"], dtype: .datetime(.us, tz: nil)), ColumnSpec("n", [1, 2, 5])])
            let result = try await df.resample("h", on: "t").sum()
            return result
        },
        "to-datetime-fields": {
            let df = try DataFrame(["when": ["01/02/2024 10:30", "29/02/2024 23:59", "not a date"]])
            let when = try toDatetime(df["when"], format: "%d/%m/%Y %H:%M", errors: .coerce)
            var result = try when.toFrame()
            result["month"] = try when.dt.month
            result["weekday"] = try when.dt.dayName()
            return result
        },
        "tz-localize-dst": {
            let s = try Series(["2024-03-31 01:30", "2024-03-31 02:30", "2024-10-27 02:30"], name: "t", dtype: .datetime(.us, tz: nil))
            let result = try s.dt.tzLocalize("Europe/Paris", ambiguous: .nat, nonexistent: .shiftForward).toFrame()
            return result
        },
        "tz-convert-hour": {
            let s = try toDatetime(Series(["2024-03-10T06:30:00Z", "2024-03-10T07:30:00Z"], name: "t"), utc: true)
            let ny = try s.dt.tzConvert("America/New_York")
            var result = try ny.toFrame()
            result["hour"] = try ny.dt.hour
            return result
        },
        "str-clean-and-test": {
            let df = try DataFrame(["name": ["  Ada Lovelace", "grace HOPPER ", nil, "Straße"]])
            var result = try df["name"].str.strip().str.title().rename("clean").toFrame()
            result["upper"] = try df["name"].str.upper()
            result["long"] = try df["name"].str.len() > 10
            return result
        },
        "str-contains-regex": {
            let df = try DataFrame(["email": ["ada@example.com", "bob@test.org", nil, "eve@example.org"], "n": [1, 2, 3, 4]])
            let result = try df[df["email"].str.contains(#"@example\.(com|org)$"#, na: false)]
            return result
        },
        "str-extract": {
            let s = try Series(["ada@example.com", "no address", "bob@test.org"], name: "email")
            let result = try s.str.extract(#"(?P<user>[^@]+)@(?P<domain>.+)"#)
            return result
        },
        "str-split-expand": {
            let s = try Series(["a b c", "d e", nil])
            let result = try await s.str.split(" ", expand: true)
            return result
        },
        "rolling-center": {
            let df = try DataFrame(["v": [1.0, 4.0, nil, 10.0, 12.0, 9.0]])
            let result = try df.rolling(3, minPeriods: 2, center: true).mean()
            return result
        },
        "pivot-table-margins": {
            let sales = try DataFrame(["region": ["N", "S", "N", "S", "N"], "month": ["jan", "jan", "feb", "feb", "feb"], "units": [3, 5, 2, 4, 1]])
            let result = try await sales.pivotTable(values: "units", index: ["region"], columns: "month", aggfunc: "sum", margins: true)
            return result
        },
        "groupby-observed-false": {
            let size = ColumnSpec("size", ["S", "L", "S"], dtype: .category(CategoryType(categories: ["S", "M", "L"])))
            let df = try DataFrame(columns: [size, ColumnSpec("qty", [1, 2, 3])])
            let result = try df.groupby("size", observed: false).sum()
            return result
        },
        "explode-tags": {
            let posts = try DataFrame(["post": [1, 2, 3], "tags": [.list(["swift", "data"]), .list([]), .list(["pandas"])]])
            let result = try posts.explode("tags")
            return result
        },
        "select-and-filter": {
            let df = try DataFrame(["city": ["Oslo", "Lima", "Pune", "Kiev"], "temp": [3.5, 19.0, 31.2, nil]])
            let result = try df[df["temp"] > 10][["city"]]
            return result
        },
        "combined-masks": {
            let df = try DataFrame(["a": [1, 2, 3, 4], "b": ["x", "y", nil, "x"]])
            let result = try df[(df["a"] >= 2) & ~(df["b"] == "y")]
            return result
        },
        "loc-label-slice": {
            let df = try DataFrame(["v": [10, 20, 30, 40]], index: ["a", "b", "c", "d"])
            let result = try df.loc["b"..."c"]
            return result
        },
        "loc-int-label": {
            let df = try DataFrame(["v": ["p", "q", "r", "s"]], index: [3, 2, 1, 0])
            let result = try df.loc[[2]]
            return result
        },
        "iloc-int-position": {
            let df = try DataFrame(["v": ["p", "q", "r", "s"]], index: [3, 2, 1, 0])
            let result = try df.iloc[[2]]
            return result
        },
        "set-column": {
            var df = try DataFrame(["price": [2.5, 4.0], "qty": [3, 5]])
            df["total"] = try df["price"] * df["qty"]
            df["currency"] = Scalar("EUR")
            let result = df
            return result
        },
        "int-with-missing": {
            let df = try DataFrame(["n": [1, nil, 3]])
            let result = try df.assign(["doubled": { try .series($0["n"] * 2) }])
            return result
        },
        "nullable-int": {
            let df = try DataFrame(columns: [ColumnSpec("n", [1, nil, 3], dtype: .nullableInt64)])
            let result = try df.fillna(0)
            return result
        },
        "dropna-thresh": {
            let df = try DataFrame(["a": [1.0, nil, nil, 4.0], "b": ["x", nil, "z", nil], "c": [1, 2, 3, 4]])
            let result = try df.dropna(subset: ["a", "b"], thresh: 2)
            return result
        },
        "sort-na-position": {
            let df = try DataFrame(["k": [2.0, nil, 1.0, 2.0], "v": ["a", "b", "c", "d"]])
            let result = try df.sortValues(by: "k", ascending: false, naPosition: .first)
            return result
        },
        "csv-inference": {
            let text = "id,score,ok,name\n1,1.5,True,ann\n2,,False,\n3,2.25,True,cy\n"
            let result = try readCSV(text: text)
            return result
        },
        "csv-usecols-dtype": {
            let text = "a,b,c\n1,x,2020-01-02\n2,y,2020-03-04\n"
            let result = try readCSV(text: text, options: CSVReadOptions(usecols: ["a", "c"], dtype: ["a": .float64], parseDates: ["c"]))
            return result
        },
        "astype": {
            let df = try DataFrame(["f": [1.9, -1.9, 3.0], "s": ["1", "2", "3"]])
            let result = try df.astype(["f": .int64, "s": .int64])
            return result
        },
        "groupby-sum": {
            let df = try DataFrame(["region": ["N", "S", "N", nil], "units": [3, 5, 2, 7], "price": [1.5, 2.0, nil, 4.0]])
            let result = try df.groupby("region").sum()
            return result
        },
        "groupby-dropna-false": {
            let df = try DataFrame(["k": ["b", nil, "a", "b"], "v": [1, 2, 3, 4]])
            let result = try df.groupby("k", sort: false, dropna: false)["v"].sum().toFrame()
            return result
        },
        "groupby-as-index-false": {
            let df = try DataFrame(["k": ["x", "y", "x", "x"], "j": [1, 1, 2, 1], "v": [1.0, 2.0, 3.0, 5.0]])
            let result = try df.groupby(["k", "j"], asIndex: false)[["v"]].mean()
            return result
        },
        "merge-left": {
            let orders = try DataFrame(["order": [1, 2, 3, 4], "customer": ["c", "a", "z", "a"]])
            let customers = try DataFrame(["customer": ["a", "c"], "city": ["Oslo", "Lima"]])
            let result = try orders.merge(customers, how: .left, on: ["customer"])
            return result
        },
        "merge-outer-indicator": {
            let left = try DataFrame(["k": [2.0, nil, 1.0], "a": ["x", "y", "z"]])
            let right = try DataFrame(["k": [nil, 3.0, 1.0], "b": [10, 20, 30]])
            let result = try left.merge(right, how: .outer, on: ["k"], indicator: true)
            return result
        },
        "concat-rows": {
            let jan = try DataFrame(["day": [1, 2], "sales": [10, 12]])
            let feb = try DataFrame(["day": [1], "sales": [9], "returns": [1]])
            let result = try concat([jan, feb], ignoreIndex: true)
            return result
        },
    ]
}
