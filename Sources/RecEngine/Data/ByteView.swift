import CIntrinsics
import Foundation

/// Read-only bytes in place (a ratings file's, an id's, the id interner's records) with the few
/// operations the readers need on them: the one type in Data/ that holds a pointer, so that the
/// readers index bytes and never touch memory themselves.
///
/// Valid only inside the `with` call that made it, while the bytes cannot change; a `slice` is
/// valid as long as the view it came from. Indices are checked in debug builds only: the readers
/// stay inside the bounds they scanned.
struct ByteView: @unchecked Sendable {
    private let buffer: UnsafeBufferPointer<UInt8>

    private init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Runs `body` with a view of `data`'s bytes.
    static func with<Result>(_ data: Data, _ body: (ByteView) throws -> Result) rethrows -> Result {
        try data.withUnsafeBytes { try body(ByteView($0.bindMemory(to: UInt8.self))) }
    }

    /// Runs `body` with a view of `bytes`.
    static func with<Result>(_ bytes: [UInt8], _ body: (ByteView) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { try body(ByteView($0)) }
    }

    /// Runs `body` with a view of `text`'s UTF-8 bytes.
    static func with<Result>(_ text: String, _ body: (ByteView) throws -> Result) rethrows -> Result {
        var copy = text
        return try copy.withUTF8 { try body(ByteView($0)) }
    }

    var count: Int { buffer.count }

    @inline(__always) subscript(index: Int) -> UInt8 { buffer[index] }

    /// Bytes `range` as a view of their own, indexed from 0.
    @inline(__always) func slice(_ range: Range<Int>) -> ByteView {
        ByteView(UnsafeBufferPointer(rebasing: buffer[range]))
    }

    /// Appends the bytes to `array`.
    func append(to array: inout [UInt8]) {
        array.append(contentsOf: buffer)
    }

    /// Bytes `range` decoded as UTF-8, invalid sequences replaced (for messages).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// All the bytes as a string, or nil when they are not valid UTF-8.
    func validatedString() -> String? {
        String(validating: buffer, as: UTF8.self)
    }

    /// Whether `other` holds the same bytes. Eight bytes at a time: ids are short, and a call to
    /// memcmp costs more than the comparison itself.
    @inline(__always)
    func elementsEqual(_ other: ByteView) -> Bool {
        let length = count
        guard other.count == length else { return false }
        guard length > 0, let a = buffer.baseAddress, let b = other.buffer.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= length {
            let left = UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
            let right = UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
            if left != right { return false }
            offset += 8
        }
        while offset < length {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The 32-bit unsigned integer in native byte order at byte `offset`.
    @inline(__always) func uint32(at offset: Int) -> UInt32 {
        UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt32.self)
    }

    /// Starts fetching the cache line holding byte `offset`; a hint only.
    @inline(__always) func prefetch(at offset: Int) {
        recbook_prefetch_for_read(buffer.baseAddress! + offset)
    }

    /// How many newlines `range` holds. Eight bytes at a time: a reader's second chunk counts the
    /// first chunk's lines (half a gigabyte at 50M ratings) before it can number its own.
    func newlineCount(in range: Range<Int>) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = 0x7F * ones
        var newlines = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            // A byte of x is zero exactly where the input byte is a newline; its high bit of
            // ~(((x & 0x7F..) + 0x7F..) | x) is then set, and only then.
            let x = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) ^ (0x0A * ones)
            newlines += (~(((x & low7) &+ low7) | x) & (0x80 * ones)).nonzeroBitCount
            index += 8
        }
        while index < range.upperBound {
            if buffer[index] == 0x0A { newlines += 1 }
            index += 1
        }
        return newlines
    }
}

extension RatingsTable {
    /// Hands `body` the bytes of the users, movies and ratings columns, column after column, in
    /// the machine's byte order, in place (a digest of a million rows copies nothing). Here
    /// rather than beside the table: it is the other place Data/ lends out raw memory.
    public func forEachColumnBytes(_ body: (UnsafeRawBufferPointer) -> Void) {
        users.withUnsafeBytes(body)
        movies.withUnsafeBytes(body)
        ratings.withUnsafeBytes(body)
    }
}
