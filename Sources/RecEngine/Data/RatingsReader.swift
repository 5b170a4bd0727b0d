import Foundation

/// Reads delimited ratings files (Douban's and MovieLens' layouts, and others described by a
/// `RatingsFormat`) straight from bytes: one pass, no `String` per row, ids interned as they
/// first appear. A malformed row stops the load with `file:line: reason` unless the format asks
/// to skip such rows, in which case they are counted and reported.
public enum RatingsReader {
    public static func read(path: String, format: RatingsFormat, threads: Int = allCores) throws(DataError) -> LoadedRatings {
        try parse(DataFile.read(path), source: path, format: format, threads: threads)
    }

    /// Files at least this large are read in two halves, at once when `threads` allows.
    static let parallelThreshold = 1 << 20

    /// Parses ratings from memory; `source` names the data in messages (a path, or a preset).
    ///
    /// Large inputs are cut at a line boundary into two chunks parsed in parallel, each with its
    /// own id tables; the second chunk's ids are then renumbered after the first's, which gives
    /// exactly the first-appearance order of a single pass (and the same table on any `threads`).
    public static func parse(
        _ data: Data, source: String, format: RatingsFormat, threads: Int = allCores
    ) throws(DataError) -> LoadedRatings {
        try format.validate()
        let result: Result<LoadedRatings, DataError> = ByteView.with(data) { bytes in
            let chunks = chunkBounds(bytes, count: bytes.count >= parallelThreshold ? 2 : 1)
            var parsed = [Parser?](repeating: nil, count: chunks.count)
            var failures = [DataError?](repeating: nil, count: chunks.count)
            DisjointWrites.with(&parsed) { parsed in
                DisjointWrites.with(&failures) { failures in
                    forEachChunk(chunks.count, threads: threads) { chunk in
                        // Line numbers continue from the previous chunks.
                        let firstLine = 1 + bytes.newlineCount(in: 0..<chunks[chunk].lowerBound)
                        var parser = Parser(source: source, format: format)
                        do throws(DataError) {
                            // The first chunk's arrays will hold every row (see merge).
                            let expectedRows = (chunk == 0 ? bytes.count : chunks[chunk].count) / 16
                            try parser.run(bytes, chunks[chunk], firstLine: firstLine, expectedRows: expectedRows)
                            parsed[chunk] = parser
                        } catch {
                            failures[chunk] = error
                        }
                    }
                }
            }
            if let failure = failures.compactMap({ $0 }).first { return .failure(failure) }
            // Moved out, so that each parser's arrays are unique again for merge to grow in place.
            var parsers = parsed.map { $0! }
            parsed = []
            do throws(DataError) {
                return .success(try merge(&parsers, threads: threads))
            } catch {
                return .failure(error)
            }
        }
        let loaded = try result.get()
        guard loaded.table.count > 0 else { throw .emptyData(path: source) }
        return loaded
    }

    /// `count` ranges covering `bytes`, each ending just after a newline (the last at the end).
    private static func chunkBounds(_ bytes: ByteView, count: Int) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0
        for chunk in 1..<count {
            var end = max(start, bytes.count * chunk / count)
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            end = min(bytes.count, end + 1)
            bounds.append(start..<end)
            start = end
        }
        bounds.append(start..<bytes.count)
        return bounds
    }

    /// Joins the chunks' rows, renumbering each later chunk's ids after the ids seen before it.
    private static func merge(_ parsers: inout [Parser], threads: Int) throws(DataError) -> LoadedRatings {
        let total = parsers.reduce(0) { $0 + $1.ratings.count }
        // The first chunk's rows are moved, not copied: it reserved room for the whole input,
        // so with a unique buffer the reservations below cost nothing.
        var users: [Int32] = []
        var movies: [Int32] = []
        var ratings: [Float] = []
        swap(&users, &parsers[0].users)
        swap(&movies, &parsers[0].movies)
        swap(&ratings, &parsers[0].ratings)
        users.reserveCapacity(total)
        movies.reserveCapacity(total)
        ratings.reserveCapacity(total)
        // Moved out too: an interner still shared with the parser would be copied, table and
        // all, by the first id the merge adds.
        let (userInterner, movieInterner) = parsers[0].takeInterners()
        var userIds = IdMap(userInterner)
        var movieIds = IdMap(movieInterner)
        var skipped = parsers[0].skipped
        for parser in parsers.dropFirst() {
            let userMap: [Int32]
            let movieMap: [Int32]
            do throws(ByteKeyInterner.Failure) {
                userMap = try userIds.merge(IdMap(parser.userInterner), threads: threads)
                movieMap = try movieIds.merge(IdMap(parser.movieInterner), threads: threads)
            } catch {
                throw .tooManyIds(path: parser.source)
            }
            appendRenumbered(parser.users, through: userMap, to: &users, threads: threads)
            appendRenumbered(parser.movies, through: movieMap, to: &movies, threads: threads)
            ratings.append(contentsOf: parser.ratings)
            skipped.merge(parser.skipped)
        }
        let table = RatingsTable(users: users, movies: movies, ratings: ratings, userIds: userIds, movieIds: movieIds)
        return LoadedRatings(table: table, skipped: skipped)
    }

    /// Appends `map[id]` for each of `ids`, in two halves at once: at millions of ids each
    /// lookup is a random read.
    private static func appendRenumbered(_ ids: [Int32], through map: [Int32], to column: inout [Int32], threads: Int) {
        let start = column.count
        column.append(contentsOf: repeatElement(0, count: ids.count))
        DisjointWrites.with(&column) { column in
            SharedReads.with(ids) { ids in
                SharedReads.with(map) { map in
                    forEachChunk(2, threads: threads) { half in
                        for index in (half * ids.count / 2)..<((half + 1) * ids.count / 2) {
                            column[start + index] = map[Int(ids[index])]
                        }
                    }
                }
            }
        }
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

        /// The user and movie interners, leaving empty ones behind.
        mutating func takeInterners() -> (users: ByteKeyInterner, movies: ByteKeyInterner) {
            var taken = (ByteKeyInterner(), ByteKeyInterner())
            swap(&taken.0, &userInterner)
            swap(&taken.1, &movieInterner)
            return taken
        }

        init(source: String, format: RatingsFormat) {
            self.source = source
            self.format = format
            separator = Array(format.separator.utf8)
            fieldStarts = Array(repeating: 0, count: format.fieldCount + 1)
            fieldEnds = Array(repeating: 0, count: format.fieldCount + 1)
        }

        /// Parses the lines in `range`; the first of them is line `firstLine` of the file.
        /// `expectedRows` reserves room (untouched pages cost no memory).
        mutating func run(
            _ bytes: ByteView, _ range: Range<Int>, firstLine: Int, expectedRows: Int
        ) throws(DataError) {
            users.reserveCapacity(expectedRows)
            movies.reserveCapacity(expectedRows)
            ratings.reserveCapacity(expectedRows)
            // A user per four rows (Douban's shape has one per 4.5) of at most 12 bytes: at that
            // scale the ids never move; more grow as usual. Address space, about half the file.
            userInterner.reserveCapacity(keys: expectedRows / 4, averageLength: 12)
            var lineNumber = firstLine - 1
            var lineStart = range.lowerBound
            // The user-id table is probed at random: a scout some lines ahead hashes each line's
            // user and asks for its slot; half as many lines ahead, with the slot in, for its record.
            var scout = lineStart
            var scouted = 0
            var hashes = [UInt64?](repeating: nil, count: Self.scoutLines)
            func advanceScout() {
                let (next, hash) = hashUser(bytes, scout, range.upperBound)
                if let hash { userInterner.prefetchSlot(hash: hash) }
                hashes[scouted % Self.scoutLines] = hash
                scouted += 1
                scout = next
                if scouted > Self.scoutLines / 2, let hash = hashes[(scouted - Self.scoutLines / 2) % Self.scoutLines] {
                    userInterner.prefetchRecord(hash: hash)
                }
            }
            for _ in 0..<Self.scoutLines { advanceScout() }
            while lineStart < range.upperBound {
                advanceScout()
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < range.upperBound && bytes[lineEnd] != 0x0A { lineEnd += 1 }
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

        /// How many lines ahead of the parse the scout runs: enough to cover two memory accesses.
        static let scoutLines = 16

        /// Where the line after the one at `start` starts, and the hash of the line's user id
        /// (nil when it has none). Never throws: a malformed line is only reported when parsed.
        private func hashUser(_ bytes: ByteView, _ start: Int, _ limit: Int) -> (next: Int, hash: UInt64?) {
            guard start < limit else { return (limit, nil) }
            var end = start
            while end < limit && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            var column = 0
            var fieldStart = start
            var position = start
            while position < end {
                if bytes[position] == separator[0] && matchesSeparator(bytes, position, end) {
                    if column == format.userColumn { break }
                    column += 1
                    position += separator.count
                    fieldStart = position
                } else {
                    position += 1
                }
            }
            guard column == format.userColumn && position > fieldStart else { return (next, nil) }
            return (next, ByteKeyInterner.hash(bytes.slice(fieldStart..<position)))
        }

        private mutating func parseRow(
            _ bytes: ByteView, _ start: Int, _ end: Int, _ line: Int
        ) throws(DataError) {
            let fields = split(bytes, start, end)
            guard fields == format.fieldCount else {
                throw malformed(
                    line, "expected \(format.fieldCount) fields separated by \(describe(format.separator)), found \(fields)")
            }
            let rating = try parseRating(bytes, format.ratingColumn, line)
            let user = try intern(field(bytes, format.userColumn, line, what: "user id"), user: true, line, what: "user id")
            let movie = try intern(field(bytes, format.movieColumn, line, what: "movie id"), user: false, line, what: "movie id")
            users.append(user)
            movies.append(movie)
            ratings.append(rating)
        }

        /// Fills the field bounds and returns how many fields the line has (at most fieldCount + 1).
        private mutating func split(_ bytes: ByteView, _ start: Int, _ end: Int) -> Int {
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

        private func matchesSeparator(_ bytes: ByteView, _ position: Int, _ end: Int) -> Bool {
            guard separator.count > 1 else { return true }
            guard position + separator.count <= end else { return false }
            for offset in 1..<separator.count where bytes[position + offset] != separator[offset] { return false }
            return true
        }

        private func parseRating(_ bytes: ByteView, _ column: Int, _ line: Int) throws(DataError) -> Float {
            let start = fieldStarts[column]
            let end = fieldEnds[column]
            guard let value = DecimalParser.parse(bytes, start, end) else {
                throw malformed(line, "rating \(quoted(bytes, start, end)) is not a number")
            }
            if format.wholeRatings && value != value.rounded() {
                throw malformed(line, "rating \(quoted(bytes, start, end)) is not a whole number")
            }
            guard format.ratingRange.contains(value) else {
                throw malformed(
                    line, "rating \(quoted(bytes, start, end)) is outside the declared range \(describe(format.ratingRange))")
            }
            return Float(value)
        }

        private func field(
            _ bytes: ByteView, _ column: Int, _ line: Int, what: String
        ) throws(DataError) -> ByteView {
            let start = fieldStarts[column]
            let end = fieldEnds[column]
            guard end > start else { throw malformed(line, "empty \(what)") }
            return bytes.slice(start..<end)
        }

        /// Interns in place: passing an interner `inout` from a non-mutating method would copy
        /// the whole parser, and with it the interner's storage, on every row.
        private mutating func intern(
            _ key: ByteView, user: Bool, _ line: Int, what: String
        ) throws(DataError) -> Int32 {
            do throws(ByteKeyInterner.Failure) {
                return user ? try userInterner.intern(key) : try movieInterner.intern(key)
            } catch .invalidUTF8 {
                throw malformed(line, "\(what) is not valid UTF-8")
            } catch {
                throw .tooManyIds(path: source)
            }
        }

        private func malformed(_ line: Int, _ reason: String) -> DataError {
            .malformedRow(path: source, line: line, reason: reason)
        }

        private func quoted(_ bytes: ByteView, _ start: Int, _ end: Int) -> String {
            "\"\(bytes.string(start..<min(end, start + 40)))\""
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
