import Foundation
import RecTestSupport
import Testing

/// `docs/architecture.md` is what a new contributor reads first, so it must not drift from the
/// code: every file and folder it names exists, every type it names is declared, and the engine's
/// folders depend on each other only as its graph says (no two of them name each other's types).
@Suite struct ArchitectureDocTests {
    static let repository = TestPaths.repository
    static let page = repository.appendingPathComponent("docs/architecture.md")
    /// The "Where to add" section's stand-ins for a new file's name.
    static let placeholders: Set<String> = ["NameVerb", "NameFamily", "NameReport"]

    /// Every backticked span of the page.
    static func spans() throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        return text.matches(of: /`([^`\n]+)`/).map { String($0.output.1) }
    }

    /// Every `.swift` file under `folder`, relative to the repository, with its text.
    static func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let root = repository.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(repository.path.count + 1))
            files.append((relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func everyPathItNamesExists() throws {
        let roots = ["Sources/", "Tests/", "docs/", "scripts/"]
        let paths = try Self.spans().filter { span in
            roots.contains { span.hasPrefix($0) } && !span.contains(" ")
                && !Self.placeholders.contains { span.contains($0) }
        }
        #expect(paths.count > 10, "the page names the files it describes")
        for path in paths {
            #expect(
                FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(path).path),
                "docs/architecture.md names \(path), which does not exist")
        }
    }

    @Test func everyTypeItNamesIsDeclared() throws {
        let sources = try Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests")
        let declared = Set(
            sources.flatMap { file in
                file.text.matches(of: /(?:struct|class|enum|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9]*)/)
                    .map { String($0.output.1) }
            })
        // A span that is one upper-camel identifier, or one with a member (`Session.cached`), not
        // a file name (`README.md`).
        let names = try Self.spans().compactMap { span -> String? in
            guard span.wholeMatch(of: /.*\.(md|swift|json|yml|sh|py)/) == nil,
                let match = span.wholeMatch(of: /([A-Z][A-Za-z0-9]+)(?:\.[a-z][A-Za-z]*(?:\(.*\))?)?/)
            else { return nil }
            return String(match.output.1)
        }
        #expect(names.count > 30, "the page names the types it describes")
        // Modules (the folders of Sources) and the standard library's protocols are named too.
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Sources").path)
        // A file of free functions (`ParallelChunks`) is named as a type would be.
        let fileNames = sources.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
        let outside = Set(modules).union(fileNames).union(Self.placeholders)
            .union(["Codable", "Hashable", "Sendable", "Equatable"])
        let undeclared = Set(names).subtracting(outside).filter { !declared.contains($0) }
        #expect(undeclared.isEmpty, "docs/architecture.md names types no source declares: \(undeclared.sorted())")
    }

    /// The graph on the page, as folder -> the folders it may name types of.
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        for match in text.matches(of: /(?m)^([A-Za-z]+)\/\s+->\s+(.+)$/) {
            let targets = match.output.2 == "(nothing)" ? [] : match.output.2.split(separator: ",")
            graph[String(match.output.1)] = Set(targets.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return graph
    }

    @Test func theEngineFoldersDependOnEachOtherAsTheGraphSays() throws {
        let graph = try Self.documentedGraph()
        // The files in the engine's folders (not the module's own top-level files).
        let files = try Self.swiftFiles(under: "Sources/RecEngine").filter { $0.path.split(separator: "/").count > 3 }
        func folder(_ path: String) -> String { path.split(separator: "/")[2].description }
        #expect(Set(files.map { folder($0.path) }) == Set(graph.keys), "the graph lists every engine folder")
        // Each top-level type, by the folder that declares it.
        var home: [String: String] = [:]
        for file in files {
            for match in file.text.matches(
                of: /(?m)^(?:public |package )?(?:final )?(?:struct|class|enum|protocol|actor) ([A-Z][A-Za-z0-9]*)/)
            {
                home[String(match.output.1)] = folder(file.path)
            }
        }
        for file in files {
            let from = folder(file.path)
            // Code only: a comment or a message may mention any type.
            let code = file.text.split(separator: "\n")
                .map { $0.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
                .joined(separator: "\n").replacing(/"(?:[^"\\\n]|\\.)*"/, with: "\"\"")
            let words = Set(code.matches(of: /\b[A-Z][A-Za-z0-9]*/).map { String($0.output) })
            for word in words.sorted() {
                guard let to = home[word], to != from else { continue }
                #expect(
                    graph[from]?.contains(to) == true,
                    "\(file.path) names \(word) from \(to)/, which the graph in docs/architecture.md does not allow")
            }
        }
    }
}
