#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
import BambooCore

/// One field's bytes, located by ``CSVFieldSource``: `start..<end` in the input, or in the
/// tokenizer's arena when `start >= input.count` (fields whose text differs from their raw bytes:
/// doubled quotes, or text after a closing quote).
struct FieldSpan: Sendable, Hashable {
    var start: Int
    var end: Int

    /// A missing trailing field (a short row is padded with these, as pandas pads with empty fields).
    static let empty = FieldSpan(start: 0, end: 0)
}

/// Splits CSV bytes into records and fields the way pandas' C tokenizer does
/// (`pandas/_libs/src/parser/tokenizer.c`, default dialect):
///
/// - `\n`, `\r\n` and a lone `\r` end a record;
/// - blank lines and lines of only spaces/tabs are skipped, but still counted in ``recordIndex``;
/// - a field starting with the quote character runs to the closing quote; inside it a doubled quote
///   is one quote and separators and line breaks are data; text after the closing quote is appended;
/// - a quote character elsewhere in a field is an ordinary character.
///
/// The tokenizer only records where fields are; it never builds a `String`.
struct CSVTokenizer {
    let input: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let quote: UInt8
    /// Unescaped bytes of fields that are not a plain slice of the input.
    private(set) var arena: [UInt8] = []
    private(set) var position = 0
    /// pandas' `file_lines`: the 0-based number of the next record, counting blank lines, skipped
    /// records and the header; a quoted field spanning several lines counts once.
    private(set) var recordIndex = 0
    /// `isSpecial[b]` is true for the bytes that end an unquoted field.
    private let isSpecial: [Bool]
    /// Record numbers to skip (pandas `skiprows`): tokenized, so quotes still group lines, then dropped.
    private let skip: Set<Int>

    init(input: UnsafeBufferPointer<UInt8>, separator: UInt8, quote: UInt8, skip: Set<Int> = []) {
        self.input = input
        self.separator = separator
        self.quote = quote
        self.skip = skip
        var table = [Bool](repeating: false, count: 256)
        table[Int(separator)] = true
        table[10] = true
        table[13] = true
        isSpecial = table
    }

    /// Reads the next record that is neither blank nor skipped into `fields` and returns its record
    /// number, or nil at the end of the input.
    mutating func next(into fields: inout [FieldSpan]) throws -> Int? {
        while let record = try nextRecord(into: &fields) {
            if skip.isEmpty || !skip.contains(record) { return record }
        }
        return nil
    }

    private mutating func nextRecord(into fields: inout [FieldSpan]) throws -> Int? {
        fields.removeAll(keepingCapacity: true)
        let n = input.count
        // Blank lines and lines of spaces and tabs (pandas' WHITESPACE_LINE state).
        while true {
            guard position < n else { return nil }
            var p = position
            while p < n, input[p] == 32 || input[p] == 9, input[p] != separator { p += 1 }
            if p >= n {
                position = n
                recordIndex += 1
                return nil
            }
            let byte = input[p]
            if byte == 10 {
                position = p + 1
            } else if byte == 13 {
                position = p + 1
                if position < n, input[position] == 10 { position += 1 }
            } else {
                break
            }
            recordIndex += 1
        }
        let record = recordIndex
        try readFields(into: &fields)
        recordIndex += 1
        return record
    }

    private mutating func readFields(into fields: inout [FieldSpan]) throws {
        let n = input.count
        let arenaBase = n
        while true {
            var start = position
            var end = position
            if position < n, input[position] == quote {
                var segment = position + 1
                start = segment
                var arenaStart = -1
                while true {
                    guard let q = find(quote, from: segment) else {
                        // pandas ends a skipped record at the end of the input without complaint.
                        if skip.contains(recordIndex) {
                            position = n
                            return
                        }
                        throw BambooError(
                            .parseError,
                            "Error tokenizing data. C error: EOF inside string starting at row \(recordIndex) (line \(recordIndex + 1), field \(fields.count + 1)): the quoted field is never closed.")
                    }
                    if q + 1 < n, input[q + 1] == quote {
                        // A doubled quote: keep one, continue inside the quotes.
                        if arenaStart < 0 { arenaStart = arena.count }
                        arena.append(contentsOf: UnsafeBufferPointer(rebasing: input[segment...q]))
                        segment = q + 2
                        continue
                    }
                    if arenaStart >= 0 { arena.append(contentsOf: UnsafeBufferPointer(rebasing: input[segment..<q])) }
                    end = q
                    position = q + 1
                    break
                }
                // Text after the closing quote belongs to the same field (pandas' IN_FIELD state).
                var tail = position
                while tail < n, !isSpecial[Int(input[tail])] { tail += 1 }
                if tail > position {
                    if arenaStart < 0 {
                        arenaStart = arena.count
                        arena.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
                    }
                    arena.append(contentsOf: UnsafeBufferPointer(rebasing: input[position..<tail]))
                    position = tail
                }
                if arenaStart >= 0 {
                    start = arenaBase + arenaStart
                    end = arenaBase + arena.count
                }
            } else {
                let p = scanUnquoted(from: position)
                end = p
                position = p
            }
            fields.append(FieldSpan(start: start, end: end))
            guard position < n else { return }
            let byte = input[position]
            position += 1
            if byte == separator { continue }
            if byte == 13, position < n, input[position] == 10 { position += 1 }
            return
        }
    }

    /// The end of an unquoted field: the first separator, `\n` or `\r` at or after `start`.
    /// Eight bytes at a time while none of them is special (SWAR), then byte by byte.
    @inline(__always)
    private func scanUnquoted(from start: Int) -> Int {
        let n = input.count
        var p = start
        if let base = input.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let separators = ones &* UInt64(separator)
            let newlines = ones &* 10
            let returns = ones &* 13
            while p + 8 <= n {
                let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                let a = word ^ separators, b = word ^ newlines, c = word ^ returns
                let found = ((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c)
                if found & highs != 0 { break }
                p += 8
            }
        }
        while p < n, !isSpecial[Int(input[p])] { p += 1 }
        return p
    }

    /// A field of a record already read, as a `String` (for header labels).
    func string(_ span: FieldSpan) -> String {
        arena.withUnsafeBufferPointer { CSVFieldSource(input: input, arena: $0).string(span) }
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

/// Resolves ``FieldSpan``s to bytes once tokenizing is done.
struct CSVFieldSource {
    let input: UnsafeBufferPointer<UInt8>
    let arena: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func bytes(_ span: FieldSpan) -> UnsafeBufferPointer<UInt8> {
        let base = input.count
        if span.start < base || span.start == span.end {
            return UnsafeBufferPointer(rebasing: input[min(span.start, base)..<min(span.end, base)])
        }
        return UnsafeBufferPointer(rebasing: arena[(span.start - base)..<(span.end - base)])
    }

    /// The field as a `String` (for labels and error messages, not for hot paths).
    func string(_ span: FieldSpan) -> String {
        String(decoding: bytes(span), as: UTF8.self)
    }
}
