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
        _ = try invocation.subject(from: ["ratings"])
        let histogram = try session.requireDataset(invocation).ratings.ratingHistogram()
        return [
            .barChart(
                BarChart(
                    title: "Ratings per rating value",
                    labels: histogram.map { DisplayNumber.shortest($0.rating) },
                    values: histogram.map { Double($0.count) },
                    precision: 0))
        ]
    }
}
