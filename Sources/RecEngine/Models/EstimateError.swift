/// Why a model could not estimate a rating; shared prediction falls back for these.
public enum EstimateError: Error, Sendable, Hashable {
    /// The user had no training ratings.
    case unknownUser(Int)
    /// The movie had no training ratings.
    case unknownMovie(Int)
    /// Nothing to go on for this pair (e.g. item kNN with no rated neighbour).
    case impossible
}
