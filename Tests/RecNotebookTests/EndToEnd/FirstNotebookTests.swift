import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// The README's "Your first notebook", copied out of the README and rendered by the built binary
/// on MovieLens latest-small, as a new user would: it must run, show no empty column, and list
/// the user's best *unrated* movies, as many as asked for.
@Suite(.requires(.movieLensLatestSmall))
struct FirstNotebookTests {
    /// The notebook between the section's ````markdown fences.
    static func readmeNotebook() throws -> String {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Your first notebook").dropFirst().first)
        let opened = try #require(section.components(separatedBy: "````markdown\n").dropFirst().first)
        return try #require(opened.components(separatedBy: "\n````").first) + "\n"
    }

    /// Movie ids that MovieLens user `id` rated, read straight from the file.
    static func ratedMovies(ofUser id: String) throws -> Set<String> {
        let text = try String(
            contentsOf: TestPaths.movieLensLatestSmall.appendingPathComponent("ratings.csv"), encoding: .utf8)
        var rated: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            if fields[0] == id { rated.insert(String(fields[1])) }
        }
        return rated
    }

    @Test func rendersWithNoEmptyColumnAndAFullTopTenOfUnratedMovies() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("first.md")
        try Self.readmeNotebook().write(to: notebook, atomically: true, encoding: .utf8)
        let run = try CommandRun.recbook([
            "render", notebook.path, "--data", TestPaths.movieLensLatestSmall.path, "--out",
            folder.appendingPathComponent("report").path, "--no-cache",
        ])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let twin = try ReportTwin.decoder().decode(
            ReportTwin.self, from: Data(contentsOf: folder.appendingPathComponent("report/first.json")))
        #expect(twin.cells.allSatisfy { $0.status == .ok })
        let results = twin.cells.flatMap(\.results)

        for table in results where table.kind == "table" {
            let columns = table.columns ?? []
            let rows = table.rows ?? []
            for (index, column) in columns.enumerated() where !rows.isEmpty {
                #expect(
                    rows.contains { $0[index] != .null },
                    "column `\(column.name)` of \"\(table.title ?? "")\" is empty")
            }
            #expect(!columns.contains { $0.name.contains("Douban") })
        }

        let recommended = try #require(results.first { $0.kind == "table" && $0.title?.contains("recommends") == true })
        let columns = try #require(recommended.columns).map(\.name)
        let rank = try #require(columns.firstIndex(of: "rank"))
        let movie = try #require(columns.firstIndex(of: "movie id"))
        let rows = try #require(recommended.rows)
        #expect(rows.count == 10)
        #expect(rows.map { $0[rank] } == (1...10).map { .number(Double($0)) })
        let rated = try Self.ratedMovies(ofUser: "1")
        #expect(rated.count == 232)
        for row in rows {
            guard case .text(let id) = row[movie] else {
                Issue.record("movie id is not text: \(row[movie])")
                continue
            }
            #expect(!rated.contains(id), "movie \(id) was recommended though user 1 rated it")
        }
        #expect(!results.contains { $0.kind == "note" && ($0.text ?? "").localizedCaseInsensitiveContains("warning") })
    }
}
