import BambooArrow
import BambooCore

/// Reads a Feather (Arrow IPC file) into a frame (pandas: `pd.read_feather`).
///
/// ```swift
/// let sales = try readFeather("sales.feather", columns: ["region", "amount"])
/// ```
/// The `pandas` metadata pyarrow writes restores the index, column labels and nullable dtypes;
/// without it, pyarrow's `to_pandas()` rules apply (ints with nulls become float64, bools with
/// nulls object, date32/date64 `datetime64[ms]`, dictionaries `category`). `columns` selects and
/// orders columns by name; an index level not selected is dropped, as pandas does.
/// pandas/pyarrow compress Feather with LZ4 by default, which Bamboo does not decompress: such a
/// file throws `io` asking for `df.to_feather(path, compression="uncompressed")`. A malformed or
/// truncated file throws `parseError` saying what is wrong.
public func readFeather(_ path: String, columns: [String]? = nil, session: Session = .default) throws -> DataFrame {
    let frame = try ArrowFrame(ArrowFileReader.read(path: path, columns: columns))
    return try DataFrame(arrow: frame, origin: "read_feather('\(path)')", session: session)
}

extension DataFrame {
    init(arrow frame: ArrowFrame, origin: String, session: Session) throws {
        try self.init(columns: frame.columns, index: frame.index, rowCount: frame.rowCount, session: session, origin: origin)
    }
}
