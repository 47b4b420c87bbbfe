import Bamboo
import Testing

@Suite struct SmokeTests {
    @Test func filterSortPrint() async throws {
        let df = try DataFrame(["a": [3, 1, 2, nil], "b": ["x", nil, "z", "w"]])
        let out = try df[df["a"] > 1].sortValues(by: "a", ascending: false)
        let local = try await out.collect()
        print(local)
        print(try out.explain())
        #expect(try await local.values("b") == ["x", "z"])
        var d2 = df
        d2["c"] = try df["a"] * 2
        d2["k"] = Scalar.int(7)
        print(try await d2.collect())
        print(try df.loc[1])
        print(try await df.iloc[-1].collect())
        print(try await df.sum())
        #expect(throws: BambooError.self) { try df["nope"] }
        do { _ = try df["aa"] } catch { print(error) }
    }
}
