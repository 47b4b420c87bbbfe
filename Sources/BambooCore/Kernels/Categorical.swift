extension Column {
    /// Encodes values as a categorical (pandas: `astype("category")`): the categories are the
    /// given ones, or the distinct present values sorted as pandas sorts them; values outside the
    /// categories become missing, as pandas does.
    func encodedAsCategory(_ type: CategoryType) throws -> Column {
        var categories = type.categories ?? []
        if type.categories == nil {
            var seen = Set<Scalar>()
            for i in 0..<count where !isMissing(i) {
                let value = scalar(at: i)
                if seen.insert(value).inserted { categories.append(value) }
            }
            categories = Column.sortedCategories(categories)
        }
        var lookup: [Scalar: Int64] = [:]
        for (code, category) in categories.enumerated() { lookup[category] = Int64(code) }
        var codes = [Int64](repeating: -1, count: count)
        var valid = [Bool](repeating: false, count: count)
        for i in 0..<count where !isMissing(i) {
            if let code = lookup[scalar(at: i)] { codes[i] = code; valid[i] = true }
        }
        return Column(dtype: .category(CategoryType(categories: categories, ordered: type.ordered)), values: .int64(codes), validity: Bitmap(valid))
    }

    /// pandas' `safe_sort` of inferred categories: numbers first (in order), then strings (in
    /// code point order); other kinds keep their first-seen order after them.
    public static func sortedCategories(_ values: [Scalar]) -> [Scalar] {
        let numbers = values.filter { $0.doubleValue != nil }.sorted { (Comparison.order($0, $1) ?? 0) < 0 }
        let strings = values.filter { if case .string = $0 { return true } else { return false } }
            .sorted { (Comparison.order($0, $1) ?? 0) < 0 }
        let others = values.filter { value in
            if case .string = value { return false }
            return value.doubleValue == nil
        }
        return numbers + strings + others
    }
}
