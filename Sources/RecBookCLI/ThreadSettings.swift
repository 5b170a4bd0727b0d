import ArgumentParser
import RecEngine

/// `--threads N`, shared by `render`, `check` and `watch`: how many threads the engine may use.
/// Results are the same for any count; only the speed changes.
struct ThreadSettings: ParsableArguments {
    @Option(help: ArgumentHelp("Threads the engine may use (default: every core).", valueName: "N"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, not \(threads)")
        }
    }

    /// The count to run with: the one given, else every core.
    var count: Int { threads ?? allCores }
}
