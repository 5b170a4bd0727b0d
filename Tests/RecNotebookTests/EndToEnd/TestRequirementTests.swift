import Foundation
import RecTestSupport
import Testing

/// The switch that makes CI fail, not skip, the tests whose data or pyspark is missing.
@Suite struct TestRequirementTests {
    static let absent = TestRequirement(name: "../shared/data/douban", remedy: "put the Douban files there", present: false)

    @Test func aMissingRequirementSkipsLocallyAndFailsUnderTheSwitch() {
        #expect(Self.absent.decision(environment: [:]) == .skip)
        #expect(Self.absent.decision(environment: ["RECBOOK_REQUIRE_DATA": "0"]) == .skip)
        #expect(
            Self.absent.decision(environment: ["RECBOOK_REQUIRE_DATA": "1"])
                == .fail(
                    "../shared/data/douban is missing and RECBOOK_REQUIRE_DATA=1 says every test must run: put the Douban files there"
                ))
    }

    @Test func aPresentRequirementRunsEitherWay() {
        var present = Self.absent
        present.present = true
        #expect(present.decision(environment: [:]) == .run)
        #expect(present.decision(environment: ["RECBOOK_REQUIRE_DATA": "1"]) == .run)
    }

    @Test func ciTurnsTheSwitchOnForTheTestStep() throws {
        let script = try String(contentsOf: TestPaths.repository.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(script.split(separator: "\n").contains("RECBOOK_REQUIRE_DATA=1 make test"))
    }
}
