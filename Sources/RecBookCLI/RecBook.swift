import ArgumentParser

struct RecBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recbook",
        abstract: "Runs Markdown notebooks against recbook's recommender engine and renders HTML reports.",
        subcommands: [Render.self, Check.self, Watch.self, Synth.self, Directives.self])
}
