import BambooCore

/// The columns of a CSV read: their labels (from `names`, the header row, or positions), which of
/// them `usecols` keeps, and the keys `dtype` is looked up with.
struct CSVLayout {
    /// Every column's label, in file order.
    let labels: [Scalar]
    /// The text `dtype`, `usecols` and `parse_dates` keys are matched against, per column.
    let keys: [String]
    /// Per column, the keys to look `dtype` up with: the label, then the header name a renamed
    /// duplicate came from (pandas applies `dtype` given for `a` to `a.1` too).
    let dtypeKeys: [[String]]
    /// The positions `usecols` keeps, in file order.
    let selected: [Int]

    init(options: CSVReadOptions, headerNames: [String]?, firstFieldCount: Int?) throws {
        if let names = options.names {
            guard Set(names).count == names.count else {
                throw BambooError(.invalidArgument, "Duplicate names are not allowed.")
            }
            labels = names.map { .string($0) }
            dtypeKeys = names.map { [$0] }
        } else if let headerNames {
            let cleaned = CSVLayout.cleanHeader(headerNames)
            labels = cleaned.map { .string($0.label) }
            dtypeKeys = cleaned.map { $0.label == $0.original ? [$0.label] : [$0.label, $0.original] }
        } else if let firstFieldCount {
            labels = (0..<firstFieldCount).map { .int(Int64($0)) }
            dtypeKeys = (0..<firstFieldCount).map { ["\($0)"] }
        } else {
            throw BambooError(.parseError, "No columns to parse from file")
        }
        keys = labels.map(\.description)
        if let positions = options.usecolPositions {
            let width = keys.count
            let outside = positions.filter { $0 < 0 || $0 >= width }
            guard outside.isEmpty else {
                throw BambooError(.parseError, "Defining usecols with out-of-bounds indices is not allowed. \(outside) are out of bounds.")
            }
            selected = Array(Set(positions)).sorted()
        } else {
            selected = try CSVLayout.select(options.usecols, keys: keys)
        }
        let selectedKeys = selected.map { keys[$0] }
        for name in options.parseDates where !selectedKeys.contains(name) {
            throw BambooError(
                .invalidArgument, "Missing column provided to 'parse_dates': '\(name)'",
                suggestions: ClosestNames.rank(name, among: selectedKeys))
        }
    }

    /// pandas' check, once rows are read, that `names` are not more than the table is wide (the widest
    /// of the header and the rows). pandas 3.1 makes it when there is a header row or usecols.
    static func checkNames(_ options: CSVReadOptions, headerFieldCount: Int?, widestRow: Int, rowCount: Int) throws {
        guard let names = options.names, rowCount > 0, headerFieldCount != nil || options.usecols != nil || options.usecolPositions != nil else { return }
        let width = max(headerFieldCount ?? 0, widestRow)
        if names.count > width {
            throw BambooError(
                .parseError,
                "Too many columns specified: expected \(names.count) and found \(width). Pass at most \(width) names\(headerFieldCount == nil ? "" : ", or header=nil to read the header row as data").")
        }
    }

    /// `usecols`: the positions of the named columns, in the file's order; unknown names are an error.
    private static func select(_ usecols: [String]?, keys: [String]) throws -> [Int] {
        guard let usecols else { return Array(keys.indices) }
        let available = Set(keys)
        var missing: [String] = []
        for name in usecols where !available.contains(name) && !missing.contains(name) { missing.append(name) }
        guard missing.isEmpty else {
            let listed = missing.map { Scalar.string($0).pythonRepr }.joined(separator: ", ")
            let columns = keys.prefix(8).map { Scalar.string($0).pythonRepr }.joined(separator: ", ")
            throw BambooError(
                .invalidArgument,
                "Usecols do not match columns, columns expected but not found: [\(listed)]. The file has \(keys.count) column(s): \(columns)\(keys.count > 8 ? ", ..." : "").",
                suggestions: missing.count == 1 ? ClosestNames.rank(missing[0], among: keys) : [])
        }
        let wanted = Set(usecols)
        return keys.indices.filter { wanted.contains(keys[$0]) }
    }

    /// pandas' header cleanup (`TextReader._get_header` + `mangle_dupe_names`): an empty name
    /// becomes `Unnamed: <position>`; repeated names get `.1`, `.2`, ... skipping suffixes already
    /// taken (`a,a,a.1` → `a`, `a.2`, `a.1`), named columns first, then the unnamed ones.
    /// Returns each final label with the header name it came from.
    static func cleanHeader(_ header: [String]) -> [(label: String, original: String)] {
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
}
