/// The options of `DataFrame.to_csv` that ``CSVWriter`` understands, in lowerCamelCase.
///
/// ```swift
/// var options = CSVWriteOptions()
/// options.index = false
/// options.naRep = "NULL"
/// // df.to_csv(index=False, na_rep="NULL")
/// ```
public struct CSVWriteOptions: Sendable {
    /// The field separator (pandas `sep`, default `","`).
    public var sep: String = ","
    /// The text written for missing values (pandas `na_rep`, default `""`).
    public var naRep: String = ""
    /// Whether to write the column labels as the first row (pandas `header`).
    public var header: Bool = true
    /// Whether to write the index columns first (pandas `index`).
    public var index: Bool = true
    /// The text ending every row (pandas `lineterminator`, default `"\n"`).
    public var lineTerminator: String = "\n"

    public init(sep: String = ",", naRep: String = "", header: Bool = true, index: Bool = true, lineTerminator: String = "\n") {
        self.sep = sep
        self.naRep = naRep
        self.header = header
        self.index = index
        self.lineTerminator = lineTerminator
    }
}
