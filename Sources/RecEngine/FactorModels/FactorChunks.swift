/// How a batch is cut for the workers. Fixed, not the thread count, so that any number of
/// threads adds the same partial sums in the same order and gives the same bits.
enum FactorChunks {
    static let count = 16
    /// How many users ahead the per-user pass asks for their rows (a few hundred cycles of work
    /// each), and how many ratings ahead the neural model's gather (one lookup each) does.
    static let prefetchDistance = 8
    static let lookupPrefetchDistance = 32
}
