import Foundation

/// Reads movie lists. They are small (hundreds to thousands of rows), so this reader favours
/// plain `String` handling and RFC 4180 quoting over speed.
public enum MoviesReader {
    public static func read(path: String, format: MoviesFormat) throws(DataError) -> LoadedMovies {
        try parse(DataFile.read(path), source: path, format: format)
    }

    public static func parse(_ data: Data, source: String, format: MoviesFormat) throws(DataError) -> LoadedMovies {
        try format.validate()
        var movies: [Movie] = []
        var skipped = SkippedRows()
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var lineBytes = rawLine
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            if lineBytes.isEmpty || (format.hasHeader && lineNumber == 1) { continue }
            do throws(DataError) {
                let line = try decode(lineBytes, format.encoding, source, lineNumber)
                let movie = try parseRow(line, format, source, lineNumber)
                if let first = seen[movie.rawId] {
                    throw DataError.malformedRow(
                        path: source, line: lineNumber, reason: "movie id \(movie.rawId) is listed twice (first on line \(first))"
                    )
                }
                seen[movie.rawId] = lineNumber
                movies.append(movie)
            } catch {
                guard format.skipMalformed else { throw error }
                skipped.record(error)
            }
        }
        guard !movies.isEmpty else { throw .emptyData(path: source) }
        return LoadedMovies(catalog: MovieCatalog(movies: movies), skipped: skipped)
    }

    private static func decode(_ bytes: Data, _ encoding: MoviesFormat.Encoding, _ source: String, _ line: Int) throws(DataError)
        -> String
    {
        switch encoding {
        case .utf8:
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                throw .malformedRow(
                    path: source, line: line,
                    reason: "the line is not valid UTF-8 (for MovieLens 100K's u.item, use encoding=latin-1)")
            }
            return text
        case .latin1:
            // Every byte is a latin-1 character, so this cannot fail.
            return String(bytes.map { Character(Unicode.Scalar($0)) })
        }
    }

    private static func parseRow(_ line: String, _ format: MoviesFormat, _ source: String, _ lineNumber: Int) throws(DataError)
        -> Movie
    {
        let fields: [String]
        do {
            fields = try DelimitedFields.split(line, separator: format.separator, quoted: format.quoted)
        } catch {
            throw .malformedRow(path: source, line: lineNumber, reason: error.reason)
        }
        guard fields.count == format.fieldCount else {
            throw .malformedRow(
                path: source, line: lineNumber,
                reason:
                    "expected \(format.fieldCount) fields separated by \(RatingsReader.describe(format.separator)), found \(fields.count)"
            )
        }
        let rawId = fields[format.idColumn]
        guard !rawId.isEmpty else { throw .malformedRow(path: source, line: lineNumber, reason: "empty movie id") }
        var score: Double?
        if let scoreColumn = format.scoreColumn {
            let text = fields[scoreColumn]
            guard let value = DecimalParser.parse(Substring(text)), value.isFinite else {
                throw .malformedRow(path: source, line: lineNumber, reason: "score \"\(text)\" is not a number")
            }
            score = value
        }
        let genres = try format.genres?.genres(in: fields, source: source, line: lineNumber) ?? []
        return Movie(rawId: rawId, title: fields[format.titleColumn], score: score, genres: genres)
    }
}
