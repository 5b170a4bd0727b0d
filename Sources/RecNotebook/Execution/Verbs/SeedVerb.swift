/// `seed`: sets the notebook's master seed, from which every random step derives its own.
enum SeedVerb {
    static let verb = Verb(
        name: "seed",
        summary: "Sets the master seed (default 42) for everything random that follows: synthetic data, splits, training.",
        usage: "seed N",
        example: "seed 42",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let seed = UInt64(subjects[0]) else {
            throw invocation.fail("`seed` needs one whole number from 0 to \(UInt64.max), as in: \(verb.example)")
        }
        session.seed = seed
        return [.note("Master seed set to \(seed).")]
    }
}
