/// Compares a committed JSON twin with a fresh run of the same notebook, value by value.
///
/// - Numbers are compared as the report prints them: decimals at their column's or metric's
///   precision (`DisplayNumber.value`), so "to the last printed digit". Line charts (loss
///   curves) print no digits per point; their values are compared at 4 decimals, the precision
///   of the chart's axis labels.
/// - A cell whose fence declares `tolerance=T` lets each decimal move by up to `T` times the
///   larger magnitude of the two (a relative tolerance: `0.01` is 1%). Counts, text and labels
///   are always exact.
/// - Wall time, peak memory and cache use describe the run, not the results: never compared.
enum ReportComparison {
    /// At most this many differing values are listed per result; the rest are counted.
    static let valuesPerResult = 8

    static func drifts(committed old: ReportTwin, current new: NotebookRun) -> [Drift] {
        var drifts: [Drift] = []
        if old.provenance.seed != new.provenance.seed {
            drifts.append(Drift(what: "master seed", before: String(old.provenance.seed), after: String(new.provenance.seed)))
        }
        let oldParameters = old.provenance.parameters ?? [:]
        let newParameters = new.provenance.parameters ?? [:]
        for name in Set(oldParameters.keys).union(newParameters.keys).sorted() where oldParameters[name] != newParameters[name] {
            drifts.append(
                Drift(what: "parameter \(name)", before: oldParameters[name] ?? "(none)", after: newParameters[name] ?? "(none)"))
        }
        let newCells = new.cells
        for index in 0..<max(old.cells.count, newCells.count) {
            guard index < newCells.count else {
                let cell = old.cells[index]
                drifts.append(
                    Drift(
                        cell: cell.number, line: cell.line, what: "cell", before: "present",
                        after: "gone (the notebook has fewer cells)"))
                continue
            }
            guard index < old.cells.count else {
                let cell = newCells[index].cell
                drifts.append(Drift(cell: cell.number, line: cell.line, what: "cell", before: "absent", after: "new cell"))
                continue
            }
            drifts += CellComparison(old: old.cells[index], new: newCells[index]).drifts()
        }
        return drifts
    }
}
