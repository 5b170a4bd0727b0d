import Foundation
import RecEngine

/// `load`: reads a ratings file and a movies file, or generates Douban-shaped data when the real
/// files are absent and the notebook allows it (`synth=douban`).
enum LoadVerb {
    static let formats: [String: (RatingsFormat, MoviesFormat)] = [
        "douban": (.douban, .douban),
        "movielens-100k": (.movieLens100K, .movieLens100K),
        "movielens-1m": (.movieLens1M, .movieLens1M),
        "movielens-latest": (.movieLensLatest, .movieLensLatest),
    ]

    static let verb = Verb(
        name: "load",
        summary: "Reads a ratings file and, optionally, a movies file (paths inside --data); "
            + "with synth=PRESET, generates Douban-shaped data when neither file exists.",
        usage: "load ratings=FILE [movies=FILE] [format=douban|movielens-100k|movielens-1m|movielens-latest] "
            + "[synth=douban|small] [skip-malformed=false] [separator=SEP] [header=false] [encoding=utf-8|latin-1] | "
            + "load ratings=URI engine=spark [format=...|parquet] [skip-malformed=false] [separator=SEP] [header=false]",
        example: "load ratings=user_movies.csv movies=hot_movies.csv synth=douban",
        keys: ["ratings", "movies", "format", "synth", "skip-malformed", "separator", "header", "encoding", "engine"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        guard let ratingsName = invocation.string("ratings") else {
            throw invocation.fail("`load` needs ratings=FILE, as in: \(verb.example)")
        }
        let spark = try invocation.choice("engine", from: ["swift", "spark"], default: "swift") == "spark"
        if !spark && invocation.string("format") == "parquet" {
            throw invocation.fail("format=parquet is read by Spark: add engine=spark (the ratings then stay in Spark)")
        }
        let defaultFormat = spark && ratingsName.lowercased().hasSuffix(".parquet") ? "parquet" : "douban"
        let formatName = try invocation.choice(
            "format", from: formats.keys.sorted() + (spark ? ["parquet"] : []), default: defaultFormat)
        let moviesName = invocation.string("movies")
        var (ratingsFormat, moviesFormat) = formats[formatName] ?? formats["douban"]!
        let skip = try invocation.bool("skip-malformed", default: false)
        ratingsFormat.skipMalformed = skip
        moviesFormat.skipMalformed = skip
        if let separator = invocation.string("separator") {
            guard !separator.isEmpty else { throw invocation.fail("separator must not be empty") }
            ratingsFormat.separator = separator == "tab" ? "\t" : separator
        }
        ratingsFormat.hasHeader = try invocation.bool("header", default: ratingsFormat.hasHeader)
        if let encoding = invocation.string("encoding") {
            guard let parsed = MoviesFormat.Encoding(rawValue: encoding) else {
                throw invocation.fail("encoding must be utf-8 or latin-1, not `\(encoding)`")
            }
            moviesFormat.encoding = parsed
        }
        if spark {
            for key in ["synth", "encoding"] where invocation.string(key) != nil {
                throw invocation.fail("\(key)= does not apply to ratings read by Spark (engine=spark); drop it")
            }
            return try SparkDataVerbs.load(
                try sparkURI(ratingsName, session, invocation), parquet: formatName == "parquet", layout: ratingsFormat,
                invocation, session)
        }
        let synthPreset = try invocation.string("synth").map { name throws(NotebookError) in
            guard let preset = SynthConfig.preset(named: name) else {
                throw invocation.fail("synth must be one of \(SynthConfig.presetNames.joined(separator: ", ")), not `\(name)`")
            }
            return (name, preset)
        }

        let ratingsPath = try contained(ratingsName, session, invocation)
        let moviesPath = try moviesName.map { name throws(NotebookError) in try contained(name, session, invocation) }
        let fileManager = FileManager.default
        let ratingsExists = fileManager.fileExists(atPath: ratingsPath)
        let moviesExists = moviesPath.map(fileManager.fileExists(atPath:)) ?? false

        if let (presetName, preset) = synthPreset, !ratingsExists && !moviesExists {
            return try synthesize(presetName, preset, session, invocation, missing: ratingsPath)
        }
        do throws(DataError) {
            let ratingsData = try DataFile.read(ratingsPath)
            let moviesData = try moviesPath.map { path throws(DataError) in try DataFile.read(path) }
            let formatGiven = invocation.string("format") != nil
            if !ratingsFormat.hasHeader, let hint = headerHint(ratingsData, ratingsPath, ratingsHeaders, formatName, formatGiven)
            {
                throw hint
            }
            if !moviesFormat.hasHeader, let moviesData, let moviesPath,
                let hint = headerHint(moviesData, moviesPath, moviesHeaders, formatName, formatGiven)
            {
                throw hint
            }
            let ratings = try RatingsReader.parse(
                ratingsData, source: ratingsPath, format: ratingsFormat, threads: session.context.threads)
            let movies = try zip2(moviesData, moviesPath).map { data, path throws(DataError) in
                try MoviesReader.parse(data, source: path, format: moviesFormat)
            }
            session.dataset = Dataset(ratings: ratings.table, movies: movies?.catalog)
            session.sparkData = nil
            session.sources = [
                DataSource(
                    role: "ratings", path: ratingsPath, sha256: ContentDigest.sha256(ratingsData),
                    rows: ratings.table.count, synthetic: nil)
            ]
            if let moviesData, let moviesPath, let movies {
                session.sources.append(
                    DataSource(
                        role: "movies", path: moviesPath, sha256: ContentDigest.sha256(moviesData),
                        rows: movies.catalog.count, synthetic: nil))
            }
            session.banner = fileBanner(
                ratings.table, format: formatName, folder: session.context.dataFolder,
                synthetic: SyntheticDataWriter.config(in: (ratingsPath as NSString).deletingLastPathComponent))
            var results = summary(session.dataset!)
            for (what, skipped) in [("ratings", ratings.skipped), ("movies", movies?.skipped ?? SkippedRows())]
            where skipped.count > 0 {
                results.append(
                    .note(
                        "Skipped \(skipped.count) malformed \(what) row\(skipped.count == 1 ? "" : "s") (skip-malformed=true), "
                            + "for example: \(skipped.examples.joined(separator: "; "))"))
            }
            return results
        } catch {
            throw invocation.fail(loadHint(error, synth: synthPreset != nil))
        }
    }

    /// Generates and parses the preset's files, or restores them from the cache: the data is a
    /// function of the preset and the seed, and generating the article-scale preset is the
    /// slowest step of a synthetic notebook.
    private static func synthesize(
        _ presetName: String, _ preset: SynthConfig, _ session: Session, _ invocation: Invocation, missing: String
    ) throws(NotebookError) -> [CellResult] {
        var config = preset
        config.seed = session.seed
        let snapshot = try session.cached(
            "synthesize \(presetName)", invocation, key: "\(config)", encode: { $0.packed() },
            decode: SyntheticSnapshot.init(packed:)
        ) { () throws(NotebookError) in
            do throws(DataError) {
                let files = try SyntheticDouban.generate(config, threads: session.context.threads)
                let source = "synthetic \(presetName) preset (seed \(config.seed))"
                let ratings = try RatingsReader.parse(
                    files.ratingsCSV, source: source, format: .douban, threads: session.context.threads)
                let movies = try MoviesReader.parse(files.moviesCSV, source: source, format: .douban)
                return SyntheticSnapshot(
                    ratings: ratings.table, movies: movies.catalog, ratingsSHA256: ContentDigest.sha256(files.ratingsCSV),
                    moviesSHA256: ContentDigest.sha256(files.moviesCSV))
            } catch {
                throw invocation.fail(loadHint(error, synth: true))
            }
        }
        session.dataset = Dataset(ratings: snapshot.ratings, movies: snapshot.movies)
        session.sparkData = nil
        session.sources = [
            DataSource(
                role: "ratings", path: "recbook synth --preset \(presetName) --seed \(config.seed)",
                sha256: snapshot.ratingsSHA256, rows: snapshot.ratings.count, synthetic: presetName),
            DataSource(
                role: "movies", path: "recbook synth --preset \(presetName) --seed \(config.seed)",
                sha256: snapshot.moviesSHA256, rows: snapshot.movies.count, synthetic: presetName),
        ]
        session.banner =
            "Synthetic data: these numbers come from recbook's `\(presetName)` preset (seed \(config.seed)), "
            + "not from Douban, because \(missing) was not found. Put the real files in that folder, "
            + "or pass --data, to run on real data."
        return summary(session.dataset!)
    }

    private static func summary(_ dataset: Dataset) -> [CellResult] {
        var metrics: [Metric] = [
            .count("ratings", dataset.ratings.count),
            .count("users", dataset.ratings.userCount),
            .count("rated movies", dataset.ratings.movieCount),
        ]
        if let movies = dataset.movies {
            metrics.append(.count("listed movies", movies.count))
            let unlisted = dataset.catalogEntries.filter { $0 == nil }.count
            if unlisted > 0 { metrics.append(.count("rated movies missing from the movies file", unlisted)) }
        }
        return [.metrics(MetricList(title: "Loaded", metrics: metrics))]
    }

    /// What the report's banner says of files read from the data folder: real data, or data
    /// `recbook synth` made (its marker file beside the ratings says so, and with which seed).
    private static func fileBanner(_ table: RatingsTable, format: String, folder: String, synthetic: SynthConfig?)
        -> String
    {
        let counts = "\(table.count) ratings from \(table.userCount) users on \(table.movieCount) movies."
        if let synthetic {
            return "Synthetic data from \(folder), made by `recbook synth` (seed \(synthetic.seed)), not from Douban: "
                + counts
        }
        var banner = "Real data from \(folder): " + counts
        if format == "douban" && table.count != SynthConfig.douban.ratings {
            banner +=
                " The article's full ratings file has \(SynthConfig.douban.ratings) ratings, so figures "
                + "that need all of it differ from the article's."
        }
        return banner
    }

    /// A known header line, and the format whose files start with it.
    struct KnownHeader {
        var line: String
        var format: String
        var name: String
    }

    static let ratingsHeaders = [
        KnownHeader(line: RatingsFormat.movieLensLatestHeader, format: "movielens-latest", name: "MovieLens latest")
    ]
    static let moviesHeaders = [
        KnownHeader(line: MoviesFormat.movieLensLatestHeader, format: "movielens-latest", name: "MovieLens latest")
    ]

    /// The error for a file whose first line is a header that names another format plainly,
    /// which the format in use would read as a malformed data row: it says which `format=` to
    /// give, at the file's line 1.
    private static func headerHint(
        _ data: Data, _ path: String, _ known: [KnownHeader], _ formatName: String, _ formatGiven: Bool
    ) -> DataError? {
        var line = data.prefix { $0 != 0x0A }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let header = known.first(where: { $0.line.lowercased() == text && $0.format != formatName }) else {
            return nil
        }
        let fix =
            formatGiven
            ? "use format=\(header.format) instead of format=\(formatName)" : "add format=\(header.format) to the load directive"
        return .malformedRow(path: path, line: 1, reason: "this looks like a \(header.name) header (\(header.line)); \(fix)")
    }

    private static func loadHint(_ error: DataError, synth: Bool) -> String {
        if case .missingFile = error, !synth {
            return "\(error). Put the file there, pass --data DIR, or add synth=douban to generate data instead."
        }
        return error.description
    }

    /// What Spark is asked to read: a URI with a scheme of its own (`hdfs://`, `s3a://`, ...) as it
    /// is; a local path (or `file://` one) inside the data folder, as `contained` rules, and
    /// present, since a missing local file is better said here than in Spark's words.
    private static func sparkURI(_ name: String, _ session: Session, _ invocation: Invocation) throws(NotebookError)
        -> String
    {
        if let scheme = name.range(of: "://"), !name.hasPrefix("file://"), !name[..<scheme.lowerBound].contains("/") {
            return name
        }
        let path = try contained(name.hasPrefix("file://") ? String(name.dropFirst("file://".count)) : name, session, invocation)
        guard FileManager.default.fileExists(atPath: path) else {
            throw invocation.fail("\(path): no such file or folder for Spark to read")
        }
        return path
    }

    /// `name` inside the data folder, or an error naming the notebook line when it leads out of
    /// it (see `DataFolderPath`). `restore file=` reads model files the same way.
    static func contained(_ name: String, _ session: Session, _ invocation: Invocation) throws(NotebookError)
        -> String
    {
        switch DataFolderPath.resolve(
            name, in: session.context.dataFolder, allowOutside: session.context.allowOutsideData)
        {
        case .success(let path): return path
        case .failure(let refusal): throw invocation.fail(refusal.description)
        }
    }

    static func resolve(_ path: String, in folder: String) -> String {
        if path.hasPrefix("/") { return path }
        return folder.isEmpty || folder == "." ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
    }

    private static func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
