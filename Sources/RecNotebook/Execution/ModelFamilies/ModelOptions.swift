import RecEngine

/// Reading a model's settings from a directive, shared by `train`, `grid` and `crossvalidate`.
/// Which settings a model takes, their defaults and ranges are its family's
/// (`ModelFamilyRegistry`); a setting the family does not take is an error. In `grid`, any
/// setting may list values separated by commas; every combination is tried.
enum ModelOptions {
    /// Keys every model verb accepts: `model` and every family's settings (each family then
    /// refuses the ones it does not take).
    static var keys: [String] { ["model"] + ModelFamilyRegistry.settingKeys }

    /// Stream number for training seeds; each model name adds its own hash.
    static let seedStream: UInt64 = 0x7_4A11

    /// Most combinations one `grid` may try.
    static let largestGrid = 200

    /// A seed that depends on the master seed and the model's name only, so adding a model
    /// never changes another's numbers.
    static func seed(_ session: Session, name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SplitMix64.derived(session.seed, seedStream ^ hash)
    }

    /// The family `model=` names.
    static func family(_ invocation: Invocation) throws(NotebookError) -> ModelFamily {
        let names = ModelFamilyRegistry.names
        guard let name = invocation.string("model") else {
            throw invocation.fail("say which model, e.g. model=rsvd (one of \(names.joined(separator: ", ")))")
        }
        guard let family = ModelFamilyRegistry.family(named: name) else {
            let hint = Suggestions.closest(to: name, in: names).map { " Did you mean `\($0)`?" } ?? ""
            throw invocation.fail(
                "model must be one of \(names.map { "`\($0)`" }.joined(separator: ", ")), not `\(name)`.\(hint)")
        }
        return family
    }

    /// Every combination of the listed values (one when no key lists several), first setting
    /// varying slowest. `rows` is the number of training ratings, for defaults chosen from it.
    /// `seed` seeds each fit unless `seed=` gives one; in `grid` (`allowLists`) `seed=` is not
    /// a combination but the seeds every combination is fitted under (`seeds`).
    static func candidates(
        _ invocation: Invocation, rows: Int, seed: UInt64, allowLists: Bool
    ) throws(NotebookError) -> [ModelConfig] {
        let family = try family(invocation)
        try refuseSettingsNotTaken(by: family, invocation, rows: rows)
        var listed: [(key: String, values: [SettingValue])] = []
        for setting in family.settings {
            guard !(allowLists && setting.key == ModelSetting.seedKey) else {
                listed.append((setting.key, [.off]))
                continue
            }
            listed.append((setting.key, try values(of: setting, invocation, rows: rows, allowLists: allowLists)))
        }
        let count = listed.reduce(1) { $0 * $1.values.count }
        guard count <= largestGrid else {
            throw invocation.fail("that grid has \(count) combinations; keep it to \(largestGrid) or fewer")
        }
        var combinations: [[String: SettingValue]] = [[:]]
        for (key, values) in listed {
            combinations = combinations.flatMap { partial in values.map { partial.merging([key: $0]) { $1 } } }
        }
        let configs = combinations.map { chosen in
            let given: UInt64? = if case .whole(let value) = chosen[ModelSetting.seedKey] { UInt64(value) } else { nil }
            return family.build(ChosenSettings(values: chosen), given ?? seed)
        }
        for config in configs {
            // The family's ranges should already hold; the engine's own check is the backstop.
            do { try config.validate() } catch { throw invocation.fail("\(error.description) (model=\(family.name))") }
        }
        return configs
    }

    /// The seeds `seed=` lists (one for `train` and `crossvalidate`, any number for `grid`), in
    /// the order given; empty when it is not given. Call after `candidates`, which refuses
    /// `seed=` for a family whose fit draws nothing random.
    static func seeds(_ invocation: Invocation) throws(NotebookError) -> [UInt64] {
        guard let text = invocation.string(ModelSetting.seedKey) else { return [] }
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let seed: UInt64
            do throws(ConfigError) {
                guard case .whole(let value) = try ModelSetting.seed.parse(String(part)) else { continue }
                seed = UInt64(value)
            } catch {
                throw invocation.fail("\(error.description) (model=\(invocation.string("model") ?? ""))")
            }
            guard !seeds.contains(seed) else {
                throw invocation.fail("seed \(seed) is listed twice; give each seed once, as in seed=1,2,3")
            }
            seeds.append(seed)
        }
        return seeds
    }

    /// A setting some other family takes (`k` for `als`) is refused, naming this family's with
    /// their defaults for `rows` training ratings.
    static func refuseSettingsNotTaken(
        by family: ModelFamily, _ invocation: Invocation, rows: Int
    ) throws(NotebookError) {
        let settingKeys = ModelFamilyRegistry.settingKeys
        for option in invocation.directive.options where settingKeys.contains(option.key) && family.setting(option.key) == nil {
            let its = family.settings.isEmpty ? "it takes none" : "its settings: \(family.defaultsText(rows: rows))"
            let similar =
                family.settings.first { $0.alsoCalled.contains(option.key) }?.key
                ?? Suggestions.closest(to: option.key, in: family.settings.map(\.key))
            throw invocation.fail(
                "`\(family.name)` has no setting `\(option.key)`; \(its)\(similar.map { " (did you mean \($0)?)" } ?? "")")
        }
    }

    /// The values given for `setting` (several only where lists are allowed), or its default.
    private static func values(
        of setting: ModelSetting, _ invocation: Invocation, rows: Int, allowLists: Bool
    ) throws(NotebookError) -> [SettingValue] {
        guard let text = invocation.string(setting.key) else { return [setting.defaultValue(rows: rows)] }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard allowLists || parts.count == 1 else {
            throw invocation.fail("\(setting.key) takes one value here; lists like \(setting.key)=5,10 belong in `grid`")
        }
        var values: [SettingValue] = []
        for part in parts {
            do throws(ConfigError) {
                values.append(try setting.parse(part))
            } catch {
                throw invocation.fail("\(error.description) (model=\(invocation.string("model") ?? ""))")
            }
        }
        return values
    }

    /// A training error as the notebook shows it.
    static func failure(_ error: TrainingError, _ invocation: Invocation) -> NotebookError {
        invocation.fail(error.description)
    }
}
