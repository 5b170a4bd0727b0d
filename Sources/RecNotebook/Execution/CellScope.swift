/// The cell a session is running, as the cache and progress reports need it.
struct CellScope {
    var notebook: String
    var number: Int
    var firstCodeLine: Int
    /// SHA-256 of the fence info and code of every earlier cell.
    var earlierCells: String
    /// SHA-256 of this cell's fence info and code.
    var cell: String
    var started: ContinuousClock.Instant

    /// Names one cached value: the directive's place in its cell and the verb's name for it.
    func slot(line: Int, name: String) -> String {
        "\(notebook) cell \(number) +\(line - firstCodeLine) \(name)"
    }
}
