import Foundation

/// A ratings file read into a table, with what was skipped (only with `skipMalformed`).
public struct LoadedRatings: Sendable {
    public var table: RatingsTable
    public var skipped: SkippedRows
}

/// Reads delimited ratings files (Douban's and MovieLens' layouts, and others described by a
/// `RatingsFormat`) straight from bytes: one pass, no `String` per row, ids interned as they
/// first appear. A malformed row stops the load with `file:line: reason` unless the format asks
/// to skip such rows, in which case they are counted and reported.
public enum RatingsReader {
    public static func read(path: String, format: RatingsFormat) throws(DataError) -> LoadedRatings {
        try parse(DataFile.read(path), source: path, format: format)
    }

    /// Parses ratings from memory; `source` names the data in messages (a path, or a preset).
    public static func parse(_ data: Data, source: String, format: RatingsFormat) throws(DataError) -> LoadedRatings {
        try format.validate()
        var parser = Parser(source: source, format: format)
        let result: Result<Void, DataError> = data.withUnsafeBytes { raw in
            do throws(DataError) {
                try parser.run(raw.bindMemory(to: UInt8.self))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        guard !parser.ratings.isEmpty else { throw .emptyData(path: source) }
        let table = RatingsTable(
            users: parser.users, movies: parser.movies, ratings: parser.ratings,
            userIds: IdMap(orderedRawIds: parser.userInterner.keys),
            movieIds: IdMap(orderedRawIds: parser.movieInterner.keys))
        return LoadedRatings(table: table, skipped: parser.skipped)
    }

    private struct Parser {
        let source: String
        let format: RatingsFormat
        let separator: [UInt8]
        var users: [Int32] = []
        var movies: [Int32] = []
        var ratings: [Float] = []
        var userInterner = ByteKeyInterner()
        var movieInterner = ByteKeyInterner()
        var skipped = SkippedRows()
        private var fieldStarts: [Int]
        private var fieldEnds: [Int]

        init(source: String, format: RatingsFormat) {
            self.source = source
            self.format = format
            separator = Array(format.separator.utf8)
            fieldStarts = Array(repeating: 0, count: format.fieldCount + 1)
            fieldEnds = Array(repeating: 0, count: format.fieldCount + 1)
        }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(DataError) {
            let estimatedRows = bytes.count / 16
            users.reserveCapacity(estimatedRows)
            movies.reserveCapacity(estimatedRows)
            ratings.reserveCapacity(estimatedRows)
            var lineNumber = 0
            var lineStart = 0
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let next = lineEnd + 1
                if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let isHeader = format.hasHeader && lineNumber == 1
                if !isHeader && lineEnd > lineStart {
                    do throws(DataError) {
                        try parseRow(bytes, lineStart, lineEnd, lineNumber)
                    } catch {
                        guard format.skipMalformed else { throw error }
                        skipped.record(error)
                    }
                }
                lineStart = next
            }
        }

        private mutating func parseRow(
            _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ line: Int
        ) throws(DataError) {
            let fields = split(bytes, start, end)
            guard fields == format.fieldCount else {
                throw malformed(line, "expected \(format.fieldCount) fields separated by \(describe(format.separator)), found \(fields)")
            }
            let rating = try parseRating(bytes, format.ratingColumn, line)
            let user = try intern(field(bytes, format.userColumn, line, what: "user id"), user: true, line, what: "user id")
            let movie = try intern(field(bytes, format.movieColumn, line, what: "movie id"), user: false, line, what: "movie id")
            users.append(user)
            movies.append(movie)
            ratings.append(rating)
        }

        /// Fills the field bounds and returns how many fields the line has (at most fieldCount + 1).
        private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            let limit = fieldStarts.count
            var fields = 0
            var fieldStart = start
            var position = start
            let first = separator[0]
            let width = separator.count
            while position < end {
                if bytes[position] == first && matchesSeparator(bytes, position, end) {
                    if fields < limit {
                        fieldStarts[fields] = fieldStart
                        fieldEnds[fields] = position
                    }
                    fields += 1
                    position += width
                    fieldStart = position
                } else {
                    position += 1
                }
            }
            if fields < limit {
                fieldStarts[fields] = fieldStart
                fieldEnds[fields] = end
            }
            return fields + 1
        }

        private func matchesSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
            guard separator.count > 1 else { return true }
            guard position + separator.count <= end else { return false }
            for offset in 1..<separator.count where bytes[position + offset] != separator[offset] { return false }
            return true
        }

        private func parseRating(_ bytes: UnsafeBufferPointer<UInt8>, _ column: Int, _ line: Int) throws(DataError) -> Float {
            let start = fieldStarts[column]
            let end = fieldEnds[column]
            guard let value = DecimalParser.parse(bytes, start, end) else {
                throw malformed(line, "rating \(quoted(bytes, start, end)) is not a number")
            }
            if format.wholeRatings && value != value.rounded() {
                throw malformed(line, "rating \(quoted(bytes, start, end)) is not a whole number")
            }
            guard format.ratingRange.contains(value) else {
                throw malformed(line, "rating \(quoted(bytes, start, end)) is outside the declared range \(describe(format.ratingRange))")
            }
            return Float(value)
        }

        private func field(
            _ bytes: UnsafeBufferPointer<UInt8>, _ column: Int, _ line: Int, what: String
        ) throws(DataError) -> UnsafeBufferPointer<UInt8> {
            let start = fieldStarts[column]
            let end = fieldEnds[column]
            guard end > start else { throw malformed(line, "empty \(what)") }
            return UnsafeBufferPointer(rebasing: bytes[start..<end])
        }

        /// Interns in place: passing an interner `inout` from a non-mutating method would copy
        /// the whole parser, and with it the interner's storage, on every row.
        private mutating func intern(
            _ key: UnsafeBufferPointer<UInt8>, user: Bool, _ line: Int, what: String
        ) throws(DataError) -> Int32 {
            do {
                return user ? try userInterner.intern(key) : try movieInterner.intern(key)
            } catch {
                throw malformed(line, "\(what) is not valid UTF-8")
            }
        }

        private func malformed(_ line: Int, _ reason: String) -> DataError {
            .malformedRow(path: source, line: line, reason: reason)
        }

        private func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + 40)]), as: UTF8.self)
            return "\"\(text)\""
        }
    }

    static func describe(_ separator: String) -> String {
        switch separator {
        case "\t": return "tabs"
        case ",": return "commas"
        default: return "\"\(separator)\""
        }
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        "\(DecimalParser.shortest(range.lowerBound))...\(DecimalParser.shortest(range.upperBound))"
    }
}
