/// Hears about a run as it happens: cells starting and finishing, and long verbs' progress.
/// The runner calls it on the thread that runs the notebook.
public protocol RunObserver: AnyObject, Sendable {
    func cellStarted(_ cell: CellSource, of total: Int, in notebook: String)
    func progress(_ update: ProgressUpdate)
    func cellFinished(_ run: CellRun, of total: Int, in notebook: String)
}
