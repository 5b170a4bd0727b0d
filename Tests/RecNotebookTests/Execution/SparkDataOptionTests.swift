import Testing

@testable import RecNotebook

/// What `load ... engine=spark` and `split rule=` refuse before any Spark starts: settings that
/// would otherwise be ignored, and Parquet without Spark.
@Suite struct SparkDataOptionTests {
    static func failure(_ code: String) -> String? {
        let run = RunnerFixtures.run("```rec\n\(code)\n```\n", data: "/nonexistent-recbook-data")
        return run.cells.first?.error?.message
    }

    @Test func settingsThatDoNotApplyToSparkAreRefused() {
        #expect(
            Self.failure("load ratings=r.parquet engine=spark synth=douban")
                == "synth= does not apply to ratings read by Spark (engine=spark); drop it")
        #expect(
            Self.failure("load ratings=r.csv engine=spark encoding=latin-1")
                == "encoding= does not apply to ratings read by Spark (engine=spark); drop it")
        #expect(
            Self.failure("load ratings=r.parquet format=parquet")
                == "format=parquet is read by Spark: add engine=spark (the ratings then stay in Spark)")
        #expect(
            Self.failure("load ratings=missing.csv engine=spark")
                == "/nonexistent-recbook-data/missing.csv: no such file or folder for Spark to read")
    }

    @Test func theEmbeddedSplitTakesTheHashRuleAndNamesTheRules() {
        let ok = RunnerFixtures.run(
            "```rec\nload ratings=r.csv movies=m.csv synth=small\nsplit test=0.2 rule=hash\n```\n",
            data: "/nonexistent-recbook-data")
        #expect(ok.succeeded)
        #expect(
            Self.failure("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2 rule=random")?
                .contains("rule must be one of") == true)
    }
}
