import Foundation
import RecEngine
import Testing

@testable import RecNotebook

extension ModelFamily: CustomTestStringConvertible {
    public var testDescription: String { name }
}

/// What every registered model family must do, run over `ModelFamilyRegistry.all`: a family
/// gets these tests by registering. Each fits on the same small synthetic split (the `small`
/// preset: 2,000 users, 39 rated movies, ratings 1 to 5) with its defaults, fewer passes where
/// it takes them, so that the suite stays quick.
@Suite struct ModelFamilyConformanceTests {
    /// The training and test rows every family fits on.
    private static func split() throws -> SplitState {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return try #require(session.split)
    }

    /// Settings lowered for speed where the family takes them; the rest are its defaults.
    private static let quick: [String: SettingValue] = [
        "epochs": .whole(3), "iterations": .whole(3), "min-periods": .whole(5),
    ]

    private static func config(_ family: ModelFamily, rows: Int) -> ModelConfig {
        var values: [String: SettingValue] = [:]
        for setting in family.settings {
            values[setting.key] = quick[setting.key] ?? setting.defaultValue(rows: rows)
        }
        return family.build(ChosenSettings(values: values), 7)
    }

    /// Every estimate the model makes for the training table's users and movies, as bits (NaN
    /// where it declines, so that declining on different pairs also differs).
    private static func estimateBits(_ model: FittedModel, _ table: RatingsTable) -> [UInt64] {
        var bits: [UInt64] = []
        for user in 0..<table.userCount {
            for movie in 0..<table.movieCount {
                bits.append(((try? model.estimate(user: user, movie: movie)) ?? .nan).bitPattern)
            }
        }
        return bits
    }

    @Test(arguments: ModelFamilyRegistry.all)
    func fitsAndPredictsFiniteRatingsInsideTheRange(_ family: ModelFamily) throws {
        let split = try Self.split()
        let fitted = try Self.config(family, rows: split.train.count).fit(on: split.train, threads: 2)
        let predictor = HeldOutEvaluation.predictor(fitted, train: split.train)
        let summary = split.train.summary()
        var estimated = 0
        for row in 0..<split.test.count {
            let user = Int(split.test.users[row])
            let movie = Int(split.test.movies[row])
            if let raw = try? fitted.estimate(user: user, movie: movie) {
                #expect(raw.isFinite, "\(family.name): estimate \(raw) for user \(user), movie \(movie)")
                estimated += 1
            }
            // The shared predictor falls back on a non-finite estimate: the raw one is checked above.
            let predicted = predictor.predict(user: user, movie: movie).value
            #expect(
                predicted.isFinite && predicted >= summary.minimum && predicted <= summary.maximum,
                "\(family.name): prediction \(predicted) outside \(summary.minimum)...\(summary.maximum)")
        }
        // Nearly every test user and movie was seen in training: a family that declines them
        // all is not predicting.
        #expect(estimated > split.test.count / 2, "\(family.name) estimated \(estimated) of \(split.test.count)")
    }

    @Test(arguments: ModelFamilyRegistry.all)
    func fitsTheSameBitsOnOneAndTwoThreads(_ family: ModelFamily) throws {
        let split = try Self.split()
        let config = Self.config(family, rows: split.train.count)
        let one = try config.fit(on: split.train, threads: 1)
        let two = try config.fit(on: split.train, threads: 2)
        #expect(Self.estimateBits(one, split.train) == Self.estimateBits(two, split.train), "\(family.name)")
    }

    @Test(arguments: ModelFamilyRegistry.all)
    func aBadSettingNamesTheSettingAndWhatItAllows(_ family: ModelFamily) throws {
        for setting in family.settings {
            let bad: String =
                switch setting.kind {
                case .whole(let range): "\(range.upperBound + 1)"
                case .decimal(.nonNegative): "-1"
                case .decimal(.positive): "0"
                case .decimal(.fraction): "1"
                case .flag: "maybe"
                case .word: "nonsense"
                }
            #expect(throws: ConfigError(setting: setting.key, allowed: setting.allowed, given: "`\(bad)`")) {
                try setting.parse(bad)
            }
            #expect(throws: ConfigError.self) { try setting.parse("abc") }
        }
    }

    @Test(arguments: ModelFamilyRegistry.all)
    func savedModelsRestoreToTheSameBitsAndOthersAreRefused(_ family: ModelFamily) throws {
        let split = try Self.split()
        let fitted = try Self.config(family, rows: split.train.count).fit(on: split.train, threads: 2)
        guard family.canBeSaved else {
            #expect(ModelFiles.savable(fitted, family: family) == nil, "\(family.name) says it cannot be saved")
            #expect(!ModelFamilyRegistry.savableNames.contains(family.name))
            return
        }
        let saved = try #require(ModelFiles.savable(fitted, family: family), "\(family.name) says it can be saved")
        let restored = try FactorModel.decodeFile(saved.encoded(), path: "\(family.name).recmodel").model
        #expect(restored.config.kind.rawValue == family.name)
        #expect(Self.estimateBits(.factor(restored), split.train) == Self.estimateBits(fitted, split.train))
    }
}
