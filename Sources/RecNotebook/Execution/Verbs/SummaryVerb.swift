import RecEngine

/// `summary`: what a trained model stores, table by table, as Keras' `model.summary()` lists
/// layers, with the total and trained parameter counts. The counts are the fitted model's own
/// (`FittedModel.parameterTables`); this verb only names and lays them out.
enum SummaryVerb {
    static let verb = Verb(
        name: "summary",
        summary: "Lists a trained model's tables and layers with their shapes and parameter counts, then the totals "
            + "(as Keras' model.summary()).",
        usage: "summary NAME",
        example: "summary rsvd1",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`summary` needs the name of a trained model, as in: \(verb.example)")
        }
        let model = try session.requireModel(name, invocation)
        let tables = model.predictor.model.parameterTables
        let keras = isKerasModel(model.config)
        let rows: [[TableValue]] = tables.map { table in
            [.text(label(table.role))] + (keras ? [.text(kerasLayer(table.role))] : [])
                + [.text(shape(table.shapes)), .integer(table.count), .text(table.trained ? "yes" : "no")]
        }
        var results: [CellResult] = [
            .table(
                ResultTable(
                    title: "`\(name)`: \(model.config.family), \(model.settings); what it stores, table by table",
                    columns: [.text("table")] + (keras ? [.text("Keras layer")] : [])
                        + [.text("shape"), .integer("parameters"), .text("trained")],
                    rows: rows)),
            .metrics(
                MetricList(
                    title: "Parameters of `\(name)`",
                    metrics: [
                        .count("total parameters", tables.totalCount), .count("trained parameters", tables.trainedCount),
                        .count("not trained", tables.totalCount - tables.trainedCount),
                    ])),
        ]
        results += notes(model.config, tables).map(CellResult.note)
        return results
    }

    /// svd, rsvd and neural: the article's Keras models, whose layers the table names.
    private static func isKerasModel(_ config: ModelConfig) -> Bool {
        if case .factor = config { return true }
        return false
    }

    /// What sets the model apart from the article's Keras summary, or what it keeps instead of weights.
    private static func notes(_ config: ModelConfig, _ tables: [ParameterTable]) -> [String] {
        var notes: [String] = []
        if let mean = tables.first(where: { $0.role == .globalMean && $0.trained }) {
            notes.append(
                "Keras' summary of the article's RSVD on these data would count \(tables.totalCount - mean.count) "
                    + "parameters: there the global mean μ is a constant added in a Lambda layer, which Keras neither counts "
                    + "nor trains. recbook trains μ, so it holds one parameter more: \(tables.totalCount).")
        }
        if tables.contains(where: { $0.role == .hiddenLayer }) {
            notes.append(
                "The same layers as the article's Keras model, whose summary also lists its input, concatenate and flatten "
                    + "layers: they hold no parameters. The hidden layer's input is [movie factors, user factors, user "
                    + "bias, movie bias], as the article concatenates them.")
        }
        if case .itemKNN = config {
            notes.append(
                "item-knn learns no weights: it keeps the training ratings, each movie's mean and the movie-movie "
                    + "correlations, and predicts from them.")
        }
        return notes
    }

    private static func label(_ role: ParameterTable.Role) -> String {
        switch role {
        case .userFactors: return "user factors p_u"
        case .movieFactors: return "movie factors q_i"
        case .userBiases: return "user biases b_u"
        case .movieBiases: return "movie biases b_i"
        case .globalMean: return "global mean μ"
        case .hiddenLayer: return "hidden layer (ReLU)"
        case .outputLayer: return "output layer"
        case .movieMeans: return "movie means"
        case .correlations: return "movie-movie Pearson correlations"
        case .trainingRatings: return "training ratings"
        }
    }

    /// The Keras layer that holds the same numbers in the article's models.
    private static func kerasLayer(_ role: ParameterTable.Role) -> String {
        switch role {
        case .userFactors, .movieFactors, .userBiases, .movieBiases: return "Embedding"
        case .globalMean: return "none (a Lambda's constant)"
        case .hiddenLayer, .outputLayer: return "Dense"
        case .movieMeans, .correlations, .trainingRatings: return ""
        }
    }

    /// `223239 × 5`, or a dense layer's `kernel 12 × 50, bias 50`.
    private static func shape(_ shapes: [[Int]]) -> String {
        let texts = shapes.map { $0.map(String.init).joined(separator: " × ") }
        guard texts.count == 2 else { return texts.joined(separator: ", ") }
        return "kernel \(texts[0]), bias \(texts[1])"
    }
}
