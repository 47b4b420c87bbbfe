/// Sample skewness and excess kurtosis with pandas' bias corrections (`skew()`, `kurt()`).
enum Moments {
    enum Shape { case skewness, kurtosis }

    /// NaN below 3 (skew) or 4 (kurt) values; 0 when the values do not vary, as pandas returns.
    static func shape(_ shape: Shape, of values: [Double]) -> Double {
        let n = Double(values.count)
        guard values.count >= (shape == .skewness ? 3 : 4) else { return .nan }
        let mean = values.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for x in values {
            let d = x - mean
            m2 += d * d
            m3 += d * d * d
            m4 += d * d * d * d
        }
        // A sum of squares this small is rounding noise: pandas treats it as no variation.
        guard m2 >= 1e-14 else { return 0 }
        switch shape {
        case .skewness:
            return (n * (n - 1).squareRoot() / (n - 2)) * (m3 / (m2 * m2.squareRoot()))
        case .kurtosis:
            let adjustment = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
            return n * (n + 1) * (n - 1) * m4 / ((n - 2) * (n - 3) * m2 * m2) - adjustment
        }
    }
}
