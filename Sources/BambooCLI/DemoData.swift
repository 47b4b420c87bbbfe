import Foundation

/// A reproducible sales data set written as CSV, with the blemishes real exports have
/// (missing prices, returns as negative units, a few unknown regions).
enum DemoData {
    static func csv(rows: Int, seed: UInt64 = 42) -> String {
        var rng = SplitMix64(seed: seed)
        let regions = ["North", "South", "East", "West", ""]
        let products = ["apples", "pears", "plums", "figs", "kiwis", "limes"]
        var lines = ["order_id,region,product,units,unit_price,day"]
        lines.reserveCapacity(rows + 1)
        for i in 0..<rows {
            let region = regions[Int(rng.next() % 100) < 3 ? 4 : Int(rng.next() % 4)]
            let product = products[Int(rng.next() % UInt64(products.count))]
            let units = Int(rng.next() % 40) - 4
            let price = rng.next() % 50 == 0 ? "" : String(format: "%.2f", 0.5 + Double(rng.next() % 1000) / 100)
            let day = String(format: "2026-%02d-%02d", 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28))
            lines.append("\(100_000 + i),\(region),\(product),\(units),\(price),\(day)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A small, fast, seedable generator (Steele et al.), so the demo data never changes.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
