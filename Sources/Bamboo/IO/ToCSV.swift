import BambooCore
import BambooIO
import Foundation

extension DataFrame {
    /// Runs the plan and returns the rows as CSV text, byte for byte what pandas writes
    /// (pandas: `df.to_csv()` with no path).
    ///
    /// ```swift
    /// let text = try await df.toCSV(index: false)
    /// ```
    public func toCSV(sep: String = ",", naRep: String = "", header: Bool = true, index: Bool = true) async throws -> String {
        let local = try await collect(maxRows: nil)
        guard let data = local.materialised else { throw BambooError.invariant("collect() returned a lazy frame") }
        var options = CSVWriteOptions()
        options.sep = sep
        options.naRep = naRep
        options.header = header
        options.index = index
        return CSVWriter.write(labels: schema.columns.map(\.label), columns: data.columns,
                               indexNames: local.indexNames.map { $0 == Scalar.none ? Optional<Scalar>.none : $0 },
                               indexColumns: data.index.levels, options: options)
    }

    /// Writes the rows to a CSV file (pandas: `df.to_csv(path)`).
    public func toCSV(path: String, sep: String = ",", naRep: String = "", header: Bool = true, index: Bool = true) async throws {
        let text = try await toCSV(sep: sep, naRep: naRep, header: header, index: index)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw BambooError(.io, "Cannot write '\(path)': \(error.localizedDescription). Check that the folder exists and is writable.")
        }
    }
}
