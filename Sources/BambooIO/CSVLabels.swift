import BambooCore

/// Column labels from a header row, named and de-duplicated as pandas' C parser does.
enum CSVLabels {
    /// pandas' header cleanup (`TextReader._get_header` + `mangle_dupe_names`): an empty name
    /// becomes `Unnamed: <position>`; repeated names get `.1`, `.2`, ... skipping suffixes already
    /// taken (`a,a,a.1` → `a`, `a.2`, `a.1`), named columns first, then the unnamed ones.
    ///
    /// Returns each final label with the header name it came from (pandas applies `dtype` given
    /// for `a` to a renamed `a.1` too).
    static func fromHeader(_ header: [String]) -> [(label: String, original: String)] {
        var names = header.enumerated().map { $0.element.isEmpty ? "Unnamed: \($0.offset)" : $0.element }
        let unnamed = header.indices.filter { header[$0].isEmpty }
        let unnamedSet = Set(unnamed)
        let order = header.indices.filter { !unnamedSet.contains($0) } + unnamed
        let present = Set(names)
        let originals = names
        var counts: [String: Int] = [:]
        for i in order {
            let old = names[i]
            var column = old
            var count = counts[column, default: 0]
            while count > 0 {
                counts[old] = count + 1
                column = "\(old).\(count)"
                if present.contains(column) { count += 1 } else { count = counts[column, default: 0] }
            }
            names[i] = column
            counts[column] = count + 1
        }
        return zip(names, originals).map { (label: $0, original: $1) }
    }

    /// The text `dtype`, `usecols` and `parse_dates` keys are matched against.
    static func key(_ label: Scalar) -> String { label.description }
}
