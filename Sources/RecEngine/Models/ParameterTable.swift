/// One block of numbers a fitted model keeps, as Keras' `model.summary()` lists a layer: what
/// it holds, the shapes of its arrays and how many numbers they store.
///
/// Each model builds its tables from its own storage (a `FactorLayout` range, an array's
/// count), never from a formula of the settings, so the counts are the ones the model holds.
public struct ParameterTable: Sendable, Hashable {
    /// What a table holds.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case userFactors, movieFactors, userBiases, movieBiases
        /// μ: trained with the rest (RSVD) or fixed at the training mean (baseline, sgd-svd).
        case globalMean
        /// The neural model's ReLU layer: a kernel (inputs × units) and a bias per unit.
        case hiddenLayer
        /// The neural model's linear output: a kernel (units × 1) and one bias.
        case outputLayer
        /// One mean training rating per movie (movie-mean's prediction, item-knn's centring).
        case movieMeans
        /// item-knn's movie × movie Pearson correlations.
        case correlations
        /// item-knn's copy of the training ratings, which every estimate reads.
        case trainingRatings
    }

    public var role: Role
    /// The shape of each stored array: one for a table, kernel then bias for a dense layer.
    public var shapes: [[Int]]
    /// How many numbers the model stores for this table.
    public var count: Int
    /// Whether the fit chooses these numbers to fit the ratings (by Adam, SGD, least squares or
    /// movie-mean's mean per movie, its least-squares fit). False for what is set from the data
    /// and then held: baseline's and sgd-svd's μ (the training mean, fixed while the biases
    /// fit) and all item-knn keeps (it learns no weights).
    public var trained: Bool

    /// A table whose arrays hold `count` numbers; the shapes must multiply out to it.
    public init(_ role: Role, shapes: [[Int]], count: Int, trained: Bool = true) {
        precondition(
            shapes.map { $0.reduce(1, *) }.reduce(0, +) == count, "the shapes of \(role) must hold its \(count) numbers")
        self.role = role
        self.shapes = shapes
        self.count = count
        self.trained = trained
    }
}

extension [ParameterTable] {
    /// Every number stored, as Keras' "Total params".
    public var totalCount: Int { map(\.count).reduce(0, +) }
    /// The numbers the fit chooses, as Keras' "Trainable params".
    public var trainedCount: Int { filter(\.trained).map(\.count).reduce(0, +) }
}
