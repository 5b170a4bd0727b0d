/// Every model family, by name, in the order the reference lists them.
enum ModelFamilyRegistry {
    static let all: [ModelFamily] = [
        SVDFamily.family, RSVDFamily.family, NeuralFamily.family, SGDSVDFamily.family, BaselineFamily.family,
        MovieMeanFamily.family, ALSFamily.family, ItemKNNFamily.family,
    ]

    static var names: [String] { all.map(\.name) }

    static func family(named name: String) -> ModelFamily? {
        all.first { $0.name == name }
    }

    /// The families `save` writes, for messages: `svd, rsvd and neural`.
    static var savableNames: String {
        let names = all.filter(\.canBeSaved).map(\.name)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// Every key some family takes, first use first: what the model verbs accept besides their own.
    static var settingKeys: [String] {
        var keys: [String] = []
        for family in all {
            for setting in family.settings where !keys.contains(setting.key) { keys.append(setting.key) }
        }
        return keys
    }
}
