import BambooArrow
import BambooCore

extension DataFrame {
    /// Runs the plan and writes the rows to a Feather v2 file (pandas: `df.to_feather(path)`).
    ///
    /// ```swift
    /// try await df.toFeather("result.feather")   // then in Python: pd.read_feather("result.feather")
    /// ```
    /// The file is uncompressed and carries pyarrow's `pandas` metadata, so `pandas.read_feather`
    /// restores the index (a RangeIndex as its parameters, other levels as `__index_level_0__`-style
    /// or named columns), the column labels and every dtype (`Int64`, `boolean`, `category`,
    /// `datetime64[unit, tz]`, ...). An `object` column must hold one kind of value; MultiIndex or
    /// duplicate column labels throw `invalidArgument`.
    public func toFeather(_ path: String) async throws {
        let local = try await collect(maxRows: nil)
        guard let data = local.materialised else { throw BambooError.invariant("collect() returned a lazy frame") }
        let labels = schema.columns.map(\.label)
        let index: [(column: Column, name: Scalar)]? = data.index.isRange
            ? nil : Array(zip(data.index.levels, data.index.names)).map { (column: $0.0, name: $0.1) }
        let frame = ArrowFrame(columns: Array(zip(labels, data.columns)).map { (label: $0.0, column: $0.1) },
                               index: index, rowCount: data.index.count)
        try ArrowFileWriter.write(frame.arrowTable(), path: path)
    }
}
