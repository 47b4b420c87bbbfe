import BambooCore

/// Decodes one field's arrays, batch after batch, straight into the typed storage of one Bamboo
/// column (no intermediate per-batch columns).
///
/// The column keeps everything Arrow said: an int column with nulls becomes `Int64`, a bool column
/// with nulls `boolean`, a float column with nulls `Float64` (NaN in the null slots). ``ArrowFrame``
/// then applies pandas' `to_pandas` rules.
struct ArrowColumnAccumulator {
    let field: ArrowField
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var strings = StringArray()
    /// Created at the first null; until then every row is valid.
    private var valid: [Bool]?
    private(set) var count = 0
    private var categories: [Scalar] = []
    private var categoryCodes: [Scalar: Int64] = [:]
    /// Dictionary position → category code, for the dictionary version it was built from.
    private var remap: [Int64] = []
    private var remapVersion = -1
    /// A list field's items (its one child, decoded like a column) and each row's span of them.
    private var items: [ArrowColumnAccumulator] = []
    private var itemRanges: [Range<Int>] = []

    static let maximumNullRows = 1 << 28

    /// Refuses, by name, a column whose type Bamboo cannot hold.
    init(field: ArrowField) throws {
        self.field = field
        switch field.type {
        case .unsupported(let name, _):
            throw BambooError(.typeMismatch, "Column '\(field.name)' has Arrow type \(name), which Bamboo does not read. Leave it out with columns: [...].")
        case .floatingPoint(.half):
            throw BambooError(.typeMismatch, "Column '\(field.name)' has Arrow type halffloat (float16), which Bamboo does not read. Cast it to float32 or float64 before writing, or leave it out with columns: [...].")
        case .list:
            guard field.children.count == 1, field.dictionary == nil else {
                throw BambooError.malformedArrow("list field '\(field.name)' has \(field.children.count) child fields; a list has one")
            }
            let child = field.children[0]
            if case .unsupported(let name, _) = child.type {
                throw BambooError(.typeMismatch, "Column '\(field.name)' holds lists of Arrow type \(name), which Bamboo does not read. Leave it out with columns: [...].")
            }
            items = [try ArrowColumnAccumulator(field: child)]
        default: break
        }
    }

    // MARK: Decoding one batch

    /// Appends the next array of this field from `cursor`'s batch; `isItem`: the items of a list,
    /// whose length is the lists' total rather than the batch's.
    mutating func append(from cursor: inout ArrowBatchCursor, bytes: [UInt8], dictionary: ArrowDictionary?, isItem: Bool = false) throws {
        let name = field.name
        let (length, nullCount) = try cursor.node(for: name)
        // Checked before any work: a wrong length must not size an allocation.
        guard isItem || length == cursor.header.length else {
            throw BambooError.malformedArrow("field '\(name)' has \(length) values in a batch of \(cursor.header.length) rows")
        }
        if case .null = field.type, field.dictionary == nil {
            // No bytes back these rows, so the body cannot bound them; the object column can.
            guard count + length <= Self.maximumNullRows else {
                throw BambooError(.limitExceeded, "Column '\(name)' has Arrow type null and more than \(Self.maximumNullRows) rows; Bamboo stores it as an object column. Leave it out with columns: [...].")
            }
            count += length
            return
        }
        let validity = try cursor.buffer(for: name)
        let values = try cursor.buffer(for: name)
        let data: Range<Int>? = (field.dictionary == nil && (field.type == .utf8 || field.type == .largeUtf8))
            ? try cursor.buffer(for: name) : nil
        let rowsBefore = count
        try bytes.withUnsafeBytes { raw in
            try appendValidity(raw, validity, length: length, nullCount: nullCount)
            if let encoding = field.dictionary {
                guard let dictionary else {
                    throw BambooError.malformedArrow("field '\(name)' uses dictionary \(encoding.id), which no dictionary batch defined before the record batch")
                }
                try appendIndices(raw, values, length: length, encoding: encoding, dictionary: dictionary, firstRow: rowsBefore)
                return
            }
            switch field.type {
            case .int(let bits, let signed):
                try appendIntegers(raw, values, length: length, bits: bits, signed: signed, scale: 1, firstRow: rowsBefore)
            case .date(.day):
                try appendIntegers(raw, values, length: length, bits: 32, signed: true, scale: 86_400_000, firstRow: rowsBefore)
            case .date(.millisecond), .timestamp, .duration:
                try appendIntegers(raw, values, length: length, bits: 64, signed: true, scale: 1, firstRow: rowsBefore)
            case .floatingPoint(let precision):
                try appendFloats(raw, values, length: length, single: precision == .single, firstRow: rowsBefore)
            case .bool:
                try appendBools(raw, values, length: length)
            case .utf8, .largeUtf8:
                try appendStrings(raw, offsets: values, data: data ?? values, length: length, wide: field.type == .largeUtf8, firstRow: rowsBefore)
            case .list:
                try appendItemRanges(raw, offsets: values, length: length)
            case .null, .unsupported:
                break
            }
        }
        count += length
        if case .list = field.type {
            let itemsBefore = items[0].count
            try items[0].append(from: &cursor, bytes: bytes, dictionary: nil, isItem: true)
            let added = items[0].count - itemsBefore
            // Offsets were checked against each other; the item array must hold what they reach.
            guard let last = itemRanges.last, rowsBefore < itemRanges.count else { return }
            guard last.upperBound <= added else {
                throw BambooError.malformedArrow("list field '\(name)' has offsets up to \(last.upperBound) but \(added) items")
            }
            for row in rowsBefore..<itemRanges.count {
                itemRanges[row] = itemRanges[row].lowerBound + itemsBefore..<itemRanges[row].upperBound + itemsBefore
            }
        }
    }

    /// Each list's span of items in this batch's item array, from the int32 offsets.
    private mutating func appendItemRanges(_ raw: UnsafeRawBufferPointer, offsets: Range<Int>, length: Int) throws {
        guard length > 0 else { return }
        try checkSize(offsets, (length + 1) * 4, "offsets")
        func offset(_ i: Int) -> Int { Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offsets.lowerBound + i * 4, as: Int32.self))) }
        var start = offset(0)
        guard start >= 0 else { throw BambooError.malformedArrow("list field '\(field.name)' has a negative offset") }
        itemRanges.reserveGrowing(count + length)
        for i in 0..<length {
            let end = offset(i + 1)
            guard end >= start else {
                throw BambooError.malformedArrow("list field '\(field.name)' has offsets \(start)..<\(end) at row \(i), which go backwards")
            }
            itemRanges.append(start..<end)
            start = end
        }
    }

    private func isValid(_ row: Int) -> Bool { valid?[row] ?? true }

    private mutating func appendValidity(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int, nullCount: Int) throws {
        guard nullCount > 0 else {
            if valid != nil { valid?.append(contentsOf: repeatElement(true, count: length)) }
            return
        }
        guard range.count >= (length + 7) / 8 else {
            throw BambooError.malformedArrow("the validity bitmap of field '\(field.name)' has \(range.count) bytes for \(length) rows")
        }
        if valid == nil { valid = [Bool](repeating: true, count: count) }
        valid?.reserveGrowing(count + length)
        let base = range.lowerBound
        for i in 0..<length {
            valid?.append(raw[base + (i >> 3)] & (1 << UInt8(i & 7)) != 0)
        }
    }

    private func checkSize(_ range: Range<Int>, _ needed: Int, _ what: String) throws {
        guard range.count >= needed else {
            throw BambooError.malformedArrow("the \(what) buffer of field '\(field.name)' has \(range.count) bytes; \(needed) are needed")
        }
    }

    private mutating func appendIntegers(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int, bits: Int, signed: Bool,
                                         scale: Int64, firstRow: Int) throws {
        try checkSize(range, length * bits / 8, "values")
        ints.reserveGrowing(count + length)
        switch (bits, signed) {
        case (8, true): try widen(Int8.self, raw, range.lowerBound, length, scale, firstRow)
        case (16, true): try widen(Int16.self, raw, range.lowerBound, length, scale, firstRow)
        case (32, true): try widen(Int32.self, raw, range.lowerBound, length, scale, firstRow)
        case (64, true): try widen(Int64.self, raw, range.lowerBound, length, scale, firstRow)
        case (8, false): try widen(UInt8.self, raw, range.lowerBound, length, scale, firstRow)
        case (16, false): try widen(UInt16.self, raw, range.lowerBound, length, scale, firstRow)
        case (32, false): try widen(UInt32.self, raw, range.lowerBound, length, scale, firstRow)
        default: try widen(UInt64.self, raw, range.lowerBound, length, scale, firstRow)
        }
    }

    private mutating func widen<T: FixedWidthInteger>(_: T.Type, _ raw: UnsafeRawBufferPointer, _ base: Int, _ length: Int,
                                                      _ scale: Int64, _ firstRow: Int) throws {
        let size = MemoryLayout<T>.size
        for i in 0..<length {
            let value = T(littleEndian: raw.loadUnaligned(fromByteOffset: base + i * size, as: T.self))
            if let wide = Int64(exactly: value) {
                ints.append(wide &* scale)
            } else if isValid(firstRow + i) {
                throw BambooError(.castFailed, "Column '\(field.name)' (uint64) holds \(value), larger than int64 can hold; Bamboo stores integers as int64.")
            } else {
                ints.append(0)
            }
        }
    }

    private mutating func appendFloats(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int, single: Bool, firstRow: Int) throws {
        try checkSize(range, length * (single ? 4 : 8), "values")
        floats.reserveGrowing(count + length)
        let base = range.lowerBound
        for i in 0..<length {
            let value = single
                ? Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + i * 4, as: UInt32.self))))
                : Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: base + i * 8, as: UInt64.self)))
            // float64 columns mark missing with NaN: a null slot's bytes are meaningless.
            floats.append(isValid(firstRow + i) ? value : .nan)
        }
    }

    private mutating func appendBools(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int) throws {
        try checkSize(range, (length + 7) / 8, "values")
        bools.reserveGrowing(count + length)
        let base = range.lowerBound
        for i in 0..<length { bools.append(raw[base + (i >> 3)] & (1 << UInt8(i & 7)) != 0) }
    }

    private mutating func appendStrings(_ raw: UnsafeRawBufferPointer, offsets: Range<Int>, data: Range<Int>, length: Int,
                                        wide: Bool, firstRow: Int) throws {
        guard length > 0 else { return }  // a zero-length array may have an empty offsets buffer
        let width = wide ? 8 : 4
        try checkSize(offsets, (length + 1) * width, "offsets")
        func offset(_ i: Int) -> Int {
            wide ? Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offsets.lowerBound + i * 8, as: Int64.self)))
                 : Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offsets.lowerBound + i * 4, as: Int32.self)))
        }
        let dataCount = data.count
        var start = offset(0)
        guard start >= 0, start <= dataCount else {
            throw BambooError.malformedArrow("field '\(field.name)' has string offset \(start) outside its \(dataCount)-byte data buffer")
        }
        for i in 0..<length {
            let end = offset(i + 1)
            guard end >= start, end <= dataCount else {
                throw BambooError.malformedArrow("field '\(field.name)' has string offsets \(start)..<\(end) at row \(i), outside its \(dataCount)-byte data buffer")
            }
            if isValid(firstRow + i) {
                strings.append(utf8: UnsafeRawBufferPointer(rebasing: raw[data.lowerBound + start..<data.lowerBound + end]))
            } else {
                strings.appendEmpty()
            }
            start = end
        }
    }

    private mutating func appendIndices(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int, encoding: ArrowDictionaryEncoding,
                                        dictionary: ArrowDictionary, firstRow: Int) throws {
        if remapVersion != dictionary.version {
            // Categories accumulate across dictionary replacements, so every batch maps onto one list.
            remap = dictionary.values.map { value in
                if value.isMissing { return -1 }
                if let code = categoryCodes[value] { return code }
                let code = Int64(categories.count)
                categories.append(value)
                categoryCodes[value] = code
                return code
            }
            remapVersion = dictionary.version
        }
        let start = ints.count
        try appendIntegers(raw, range, length: length, bits: encoding.indexBitWidth, signed: encoding.indexSigned, scale: 1, firstRow: firstRow)
        let size = remap.count
        let fieldName = field.name
        let validBefore = valid
        try remap.withUnsafeBufferPointer { remap in
            try ints.withUnsafeMutableBufferPointer { codes in
                for i in start..<codes.count {
                    let row = firstRow + i - start
                    guard validBefore?[row] ?? true else { codes[i] = -1; continue }
                    let index = codes[i]
                    guard index >= 0, index < size else {
                        throw BambooError.malformedArrow("field '\(fieldName)' has dictionary index \(index) at row \(row); the dictionary holds \(size) values")
                    }
                    codes[i] = remap[Int(index)]
                }
            }
        }
        // A null inside the dictionary makes the row missing too.
        if remap.contains(-1) {
            for i in start..<ints.count where ints[i] < 0 && isValid(firstRow + i - start) {
                if self.valid == nil { self.valid = [Bool](repeating: true, count: count + length) }
                self.valid?[firstRow + i - start] = false
            }
        }
    }

    // MARK: The column

    func finish() -> Column {
        let validity = valid.map(Bitmap.init)
        let hasNulls = valid?.contains(false) ?? false
        if field.dictionary != nil {
            let type = CategoryType(categories: categories, ordered: field.dictionary?.ordered ?? false)
            return Column(dtype: .category(type), values: .int64(ints), validity: validity)
        }
        switch field.type {
        case .null, .unsupported:
            return Column(dtype: .object, values: .object(Array(repeating: .none, count: count)))
        case .int: return Column(dtype: hasNulls ? .nullableInt64 : .int64, values: .int64(ints), validity: validity)
        case .floatingPoint: return Column(dtype: hasNulls ? .nullableFloat64 : .float64, values: .float64(floats), validity: validity)
        case .bool: return Column(dtype: hasNulls ? .nullableBool : .bool, values: .bool(bools), validity: validity)
        case .utf8, .largeUtf8: return Column(dtype: .string, values: .string(strings), validity: validity)
        case .date: return Column(dtype: .datetime(.ms, tz: nil), values: .int64(ints), validity: validity)
        case .timestamp(let unit, let tz): return Column(dtype: .datetime(unit, tz: tz), values: .int64(ints), validity: validity)
        case .duration(let unit): return Column(dtype: .timedelta(unit), values: .int64(ints), validity: validity)
        case .list:
            guard let itemColumn = items.first?.finish() else { return Column(dtype: .object, values: .object(Array(repeating: .none, count: count))) }
            // pyarrow's to_pandas: a list of floats is a float array (null items NaN); others hold None.
            let floats = itemColumn.dtype == .float64 || itemColumn.dtype == .nullableFloat64
            return Column(dtype: .object, values: .object((0..<count).map { row -> Scalar in
                guard isValid(row), row < itemRanges.count else { return .none }
                return .list(itemRanges[row].map { item in
                    itemColumn.isMissing(item) ? (floats ? .float(.nan) : .none) : itemColumn.scalar(at: item)
                })
            }))
        }
    }
}

/// The current values of one dictionary id; `version` changes with every replacement or delta.
struct ArrowDictionary: Sendable {
    var values: [Scalar]
    var version: Int
}
