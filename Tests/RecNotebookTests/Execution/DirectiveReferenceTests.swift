import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct DirectiveReferenceTests {
    @Test func readmeDocumentsEveryDirectiveAsTheCodeAcceptsIt() throws {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains("<!-- directives:begin -->\n" + DirectiveReference.markdown() + "<!-- directives:end -->"),
            "the README's directive reference is stale: run `make docs`")
    }

    @Test func everyVerbHasAnExampleThatParsesAndUsesItsOwnVerb() throws {
        for verb in VerbRegistry.all {
            let directive = try #require(try DirectiveParser.parseLine(verb.example, at: SourceLocation(file: "x", line: 1)))
            #expect(directive.verb == verb.name)
            // `params` declares names of the notebook's choosing, so any key is its own.
            for option in directive.options where !verb.acceptsAnyKey {
                #expect(verb.keys.contains(option.key), "\(verb.name): \(option.key)")
            }
        }
    }

    /// `recbook directives train` (and grid, crossvalidate) lists every family's settings with
    /// their defaults, from the registry; other directives have no such list.
    @Test func oneDirectivesReferenceListsEveryModelSettingWithItsDefault() throws {
        for name in ["train", "grid", "crossvalidate"] {
            let text = try #require(DirectiveReference.markdown(directive: name))
            for family in ModelFamilyRegistry.all {
                #expect(text.contains("`model=\(family.name)`"), "\(name): \(family.name)")
                for setting in family.settings {
                    #expect(text.contains("| `\(setting.key)` | \(setting.defaultText) | \(setting.allowed) |"))
                }
            }
        }
        #expect(DirectiveReference.markdown(directive: "als")?.contains("rank=10") == nil)
        #expect(DirectiveReference.markdown(directive: "head")?.contains("Model settings") == false)
    }
}
