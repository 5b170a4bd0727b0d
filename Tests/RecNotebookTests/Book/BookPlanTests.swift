import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct BookPlanTests {
    /// A project whose notebook `a.md` runs on source `ratings` and `b.md` names none.
    static func project(book: String? = BookTests.good) throws -> (folder: URL, bookFile: String) {
        let folder = try BookTests.project(book ?? "")
        try Data("---\ndata: ratings\n---\n# a\n".utf8).write(to: folder.appendingPathComponent("notebooks/a.md"))
        let bookFile = folder.appendingPathComponent("recbook.yml").path
        if book == nil { try FileManager.default.removeItem(atPath: bookFile) }
        return (folder, bookFile)
    }

    static func plan(_ arguments: [String], data: [String] = [], _ project: (folder: URL, bookFile: String)) throws
        -> [String: String?]
    {
        let plan = try BookPlan.make(
            arguments: arguments.map { project.folder.path + "/" + $0 }, data: data, bookFile: project.bookFile)
        return Dictionary(
            uniqueKeysWithValues: plan.entries.map {
                (
                    ($0.notebook as NSString).lastPathComponent,
                    $0.dataFolder.map { $0.replacingOccurrences(of: project.folder.path + "/", with: "") }
                )
            })
    }

    @Test func theWholeBookRunsInItsOrderEachOnItsSource() throws {
        let project = try Self.project()
        let plan = try BookPlan.make(arguments: [], data: [], bookFile: project.bookFile)
        #expect(plan.entries.map { ($0.notebook as NSString).lastPathComponent } == ["b.md", "a.md"])
        #expect(try Self.plan([], project) == ["a.md": "data/real", "b.md": String?.none])
    }

    @Test func nameEqualsDirOverridesASourceAndAPlainFolderWinsForNamedNotebooks() throws {
        let project = try Self.project()
        #expect(try Self.plan([], data: ["ratings=/elsewhere"], project) == ["a.md": "/elsewhere", "b.md": String?.none])
        #expect(try Self.plan(["notebooks/a.md"], project) == ["a.md": "data/real"], "alone, with the book's source")
        #expect(try Self.plan(["notebooks/a.md"], data: ["/plain"], project) == ["a.md": "/plain"])
    }

    @Test func theBooksTimingsSettingHoldsOnlyForItsOwnNotebooks() throws {
        let project = try Self.project()
        let whole = try BookPlan.make(arguments: [], data: [], bookFile: project.bookFile)
        #expect(whole.bookTimings == false)
        let one = try BookPlan.make(
            arguments: [project.folder.path + "/notebooks/./a.md"], data: [], bookFile: project.bookFile)
        #expect(one.bookTimings == false, "the same notebook, however its path is spelled")
        let stranger = project.folder.appendingPathComponent("elsewhere.md")
        try Data("# elsewhere\n".utf8).write(to: stranger)
        let outside = try BookPlan.make(arguments: [stranger.path], data: [], bookFile: project.bookFile)
        #expect(outside.bookTimings == nil, "a notebook outside the book keeps its timings")
    }

    @Test func withoutABookAPlainFolderWorksAndANamedSourceNeedsNameEqualsDir() throws {
        let project = try Self.project(book: nil)
        #expect(try Self.plan(["notebooks/a.md"], project) == ["a.md": String?.none])
        #expect(try Self.plan(["notebooks/a.md"], data: ["ratings=/r"], project) == ["a.md": "/r"])
        #expect(try Self.plan(["notebooks/a.md"], data: ["/plain"], project) == ["a.md": "/plain"])
    }

    @Test func aSourceTheBookLacksIsAnErrorAtTheNotebooksLine() throws {
        let project = try Self.project()
        try Data("---\ntitle: A\ndata: ratigns\n---\n".utf8).write(to: project.folder.appendingPathComponent("notebooks/a.md"))
        #expect(
            throws: BookPlan.Problem.book(
                BookError(
                    SourceLocation(file: project.folder.path + "/notebooks/a.md", line: 3),
                    "data source `ratigns` is not in \(project.bookFile). Did you mean `ratings`? Its sources: ratings, single."))
        ) {
            _ = try BookPlan.make(arguments: [], data: [], bookFile: project.bookFile)
        }
    }

    @Test func badDataOptionsAreUsageErrors() throws {
        let project = try Self.project()
        #expect(
            throws: BookPlan.Problem.usage(
                "--data \(project.folder.path)/x names no source; the book runs each notebook on its own source, so write "
                    + "--data NAME=DIR with NAME one of: ratings, single")
        ) {
            _ = try BookPlan.make(arguments: [], data: [project.folder.path + "/x"], bookFile: project.bookFile)
        }
        #expect(
            throws: BookPlan.Problem.usage(
                "--data ratngs=...: no notebook runs on a source named `ratngs`. Did you mean `ratings`? Sources: ratings, single."
            )
        ) {
            _ = try BookPlan.make(arguments: [], data: ["ratngs=/r"], bookFile: project.bookFile)
        }
        #expect(throws: BookPlan.Problem.usage("--data ratings=... is given twice")) {
            _ = try BookPlan.make(arguments: [], data: ["ratings=/r", "ratings=/s"], bookFile: project.bookFile)
        }
    }
}

/// The project's own book puts every notebook on the folder `make report` used before the book:
/// 01-02 on data/douban when it holds the ratings, else the shared copy; 03-06 on data/douban
/// (else the synthetic preset); 07 on MovieLens 100K; and 08, only with a Spark cluster, on the
/// at-scale set `make at-scale-data` writes.
@Suite struct ProjectBookTests {
    @Test func eachNotebookRunsWhereTheOldMakeReportRanIt() throws {
        let root = TestPaths.repository.path
        let plan = try BookPlan.make(arguments: [], data: [], bookFile: root + "/recbook.yml")
        let douban =
            ["data/douban", "../shared/data/douban"].first {
                FileManager.default.fileExists(atPath: root + "/" + $0 + "/user_movies.csv")
            } ?? "data/douban"
        let expected = [
            "01-data-exploration.md": douban, "02-item-based-cf.md": douban, "03-svd.md": "data/douban",
            "04-rsvd.md": "data/douban", "05-neural.md": "data/douban", "06-als.md": "data/douban",
            "07-movielens.md": "../shared/data/movielens-100k", "08-at-scale.md": "data/at-scale",
        ]
        #expect(plan.entries.map { ($0.notebook as NSString).lastPathComponent } == expected.keys.sorted())
        for entry in plan.entries {
            let name = (entry.notebook as NSString).lastPathComponent
            #expect(entry.dataFolder?.replacingOccurrences(of: root + "/", with: "") == expected[name], "\(name)")
        }
        #expect(plan.book?.title != nil)
        #expect(
            plan.entries.filter { $0.requirement != nil }.map { ($0.notebook as NSString).lastPathComponent } == [
                "08-at-scale.md"
            ])
    }
}
