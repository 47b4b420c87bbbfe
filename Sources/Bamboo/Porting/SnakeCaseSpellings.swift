import BambooCore

// pandas' snake_case spellings, unavailable with a rename: the compiler's fix-it turns ported
// code into Bamboo's lowerCamelCase (`df.sort_values(by: "a")` → `df.sortValues(by: "a")`).
// They can never be called, so their bodies are never run.

extension DataFrame {
    @available(*, unavailable, renamed: "sortValues(by:ascending:naPosition:ignoreIndex:)")
    public func sort_values(by: Scalar, ascending: Bool = true, na_position: NAPosition = .last) -> DataFrame { self }
    @available(*, unavailable, renamed: "sortValues(by:ascending:naPosition:ignoreIndex:)")
    public func sort_values(by: [Scalar], ascending: [Bool]? = nil, na_position: NAPosition = .last) -> DataFrame { self }
    @available(*, unavailable, renamed: "sortIndex(ascending:naPosition:)")
    public func sort_index(ascending: Bool = true, na_position: NAPosition = .last) -> DataFrame { self }
    @available(*, unavailable, renamed: "setIndex(_:drop:append:)")
    public func set_index(_ keys: Scalar, drop: Bool = true) -> DataFrame { self }
    @available(*, unavailable, renamed: "setIndex(_:drop:append:)")
    public func set_index(_ keys: [Scalar], drop: Bool = true) -> DataFrame { self }
    @available(*, unavailable, renamed: "resetIndex(drop:)")
    public func reset_index(drop: Bool = false) -> DataFrame { self }
    @available(*, unavailable, renamed: "toCSV(sep:naRep:header:index:)")
    public func to_csv(sep: String = ",", na_rep: String = "", header: Bool = true, index: Bool = true) -> String { "" }
    @available(*, unavailable, renamed: "toFeather(_:)")
    public func to_feather(_ path: String) {}
    @available(*, unavailable, renamed: "dropna(how:subset:thresh:ignoreIndex:)")
    public func dropna(how: DropHow = .any, subset: [Scalar]? = nil, thresh: Int? = nil, ignore_index: Bool) -> DataFrame { self }
}

extension Series {
    @available(*, unavailable, renamed: "sortValues(ascending:naPosition:)")
    public func sort_values(ascending: Bool = true, na_position: NAPosition = .last) -> Series { self }
    @available(*, unavailable, renamed: "sortIndex(ascending:naPosition:)")
    public func sort_index(ascending: Bool = true, na_position: NAPosition = .last) -> Series { self }
    @available(*, unavailable, renamed: "resetIndex(drop:)")
    public func reset_index(drop: Bool) -> Series { self }
    @available(*, unavailable, renamed: "toList()")
    public func tolist() -> [Scalar] { [] }
    @available(*, unavailable, renamed: "toFrame()")
    public func to_frame() -> DataFrame? { nil }
    @available(*, unavailable, renamed: "floorDiv(_:)")
    public func floordiv(_ other: Scalar) -> Series { self }
}

@available(*, unavailable, renamed: "readCSV(_:sep:header:names:usecols:dtype:parseDates:naValues:keepDefaultNa:nrows:skiprows:session:)")
public func read_csv(_ path: String, sep: String = ",", usecols: [String]? = nil, parse_dates: [String] = [], na_values: [String] = [],
                     keep_default_na: Bool = true, nrows: Int? = nil) -> DataFrame? { nil }

@available(*, unavailable, renamed: "readFeather(_:columns:session:)")
public func read_feather(_ path: String, columns: [String]? = nil) -> DataFrame? { nil }
