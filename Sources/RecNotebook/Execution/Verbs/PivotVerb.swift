import RecEngine

/// `pivot`: the user x movie rating matrix the article builds with `pivot_table`: its shape,
/// how empty it is, and its top-left corner.
enum PivotVerb {
    static let verb = Verb(
        name: "pivot",
        summary: "Builds the sparse user x movie rating matrix (duplicate ratings averaged, as pivot_table does) "
            + "and shows its shape, density and first rows, with movies in pandas' title order.",
        usage: "pivot ratings [rows=5] [columns=8]",
        example: "pivot ratings rows=5 columns=8",
        keys: ["rows", "columns"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["ratings"])
        let rows = try invocation.int("rows", default: 5, range: 0...1_000)
        let columns = try invocation.int("columns", default: 8, range: 1...200)
        let dataset = try session.requireDataset(invocation)
        let matrix = session.itemCF.matrix(for: dataset.ratings)
        let cells = Double(matrix.userCount) * Double(matrix.movieCount)
        var results: [CellResult] = [
            .metrics(
                MetricList(
                    title: "User x movie matrix",
                    metrics: [
                        .count("rows (users)", matrix.userCount),
                        .count("columns (movies)", matrix.movieCount),
                        .count("filled cells (distinct user-movie ratings)", matrix.cellCount),
                        .count("duplicate ratings averaged into a cell", matrix.mergedDuplicates),
                        .count("empty cells (NaN in the dense pivot)", Int(cells) - matrix.cellCount),
                        Metric("density (% of cells filled)", matrix.density * 100, precision: 4),
                    ]))
        ]
        if rows > 0 {
            let shown = Array(ItemCFArguments.byTitle(Array(0..<matrix.movieCount), dataset).prefix(columns))
            let users = min(rows, matrix.userCount)
            let table = (0..<users).map { user -> [TableValue] in
                [.integer(user)]
                    + shown.map { movie in
                        matrix.rating(user: user, movie: movie).map { .decimal(Double($0)) } ?? .missing
                    }
            }
            results.append(
                .table(
                    ResultTable(
                        title: "First \(users) users x first \(shown.count) movies by title",
                        columns: [.identifier("userId")] + shown.map { .decimal(dataset.title(ofMovie: $0), precision: 1) },
                        rows: table, omittedRows: matrix.userCount - users)))
        }
        return results
    }
}
