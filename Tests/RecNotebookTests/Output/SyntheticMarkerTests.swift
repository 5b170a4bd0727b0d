import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// `recbook synth`'s files have the real files' layout, so only the marker it writes beside them
/// keeps a later `load` from calling them real data.
@Suite struct SyntheticMarkerTests {
    @Test func loadOfSynthesizedFilesSaysTheyAreSynthetic() throws {
        let folder = try TestPaths.temporaryFolder().path
        var config = try #require(SynthConfig.preset(named: "small"))
        config.seed = 7
        _ = try SyntheticDataWriter.write(config, to: folder)
        #expect(SyntheticDataWriter.config(in: folder) == config)

        let session = Session(context: RunContext(dataFolder: folder, notebookFile: "t.md"))
        _ = try DirectiveRun.run("load ratings=user_movies.csv movies=hot_movies.csv", in: session)
        let banner = try #require(session.banner)
        #expect(banner.hasPrefix("Synthetic data from \(folder), made by `recbook synth` (seed 7), not from Douban"), "\(banner)")

        // Without the marker the same files read as real data.
        try FileManager.default.removeItem(atPath: folder + "/" + SyntheticDataWriter.markerName)
        let plain = Session(context: RunContext(dataFolder: folder, notebookFile: "t.md"))
        _ = try DirectiveRun.run("load ratings=user_movies.csv movies=hot_movies.csv", in: plain)
        #expect(plain.banner?.hasPrefix("Real data from ") == true)
    }
}
