import RecEngine

extension ModelConfig {
    /// The settings as a page shows them: the engine's summary, then the seed when `seed=`
    /// chose it (a seed drawn from the master seed is the notebook's, said in its header).
    func summary(givenSeed: UInt64?) -> String {
        givenSeed.map { "\(summary), seed=\($0)" } ?? summary
    }
}
