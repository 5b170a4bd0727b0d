import RecEngine

extension Session {
    /// The Pearson correlations of `table` over at least `minPeriods` common raters, computed
    /// once per table and setting (`ItemCFCache`): what `correlate`, `similar`,
    /// `item-recommend` and `item-evaluate` rank by.
    func correlation(of table: RatingsTable, minPeriods: Int, _ invocation: Invocation) throws(NotebookError)
        -> ItemCorrelation
    {
        do throws(ConfigError) {
            return try itemCF.correlation(for: table, minPeriods: minPeriods)
        } catch {
            throw invocation.fail(error.description)
        }
    }
}
