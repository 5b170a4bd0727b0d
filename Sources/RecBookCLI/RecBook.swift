import ArgumentParser
import RecEngine

struct RecBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recbook",
        abstract: "Runs Markdown notebooks against recbook's recommender engine and renders HTML reports.",
        version: EngineVersion.current,
        subcommands: [Render.self, Check.self, Watch.self, Preview.self, Synth.self, New.self, Directives.self])
}
