import RecEngine

/// `histogram`: how many ratings carry each value, as a bar chart.
enum HistogramVerb {
    static let verb = Verb(
        name: "histogram",
        summary: "Counts the ratings at each rating value and draws them as a bar chart.",
        usage: "histogram ratings",
        example: "histogram ratings",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        if session.sparkData != nil { return try SparkDataVerbs.histogram(invocation, session) }
        _ = try invocation.subject(from: ["ratings"])
        let histogram = try session.requireDataset(invocation).ratings.ratingHistogram()
        return [
            .barChart(
                BarChart(
                    title: "Ratings per rating value",
                    // The rating as the file wrote it: `3.7`, not the Float's 3.700000047683716.
                    labels: histogram.map { DisplayNumber.shortest(DisplayNumber.decimal(Float($0.rating))) },
                    values: histogram.map { Double($0.count) },
                    precision: 0))
        ]
    }
}
