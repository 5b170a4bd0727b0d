import RecEngine

/// The one user or movie a directive is about, as its author named it, resolved to a dense index.
///
/// - A user by dense index (`user=666`, or a bare `666` where the verb takes one: the article's
///   `pivot.loc[666]`) or by the ratings file's own id (`id=`).
/// - A movie by dense index (`movie=`), by the ratings file's movie id (`id=`) or by its title
///   (`title=`, or a bare title where the verb takes one).
///
/// Naming the subject twice (say `user=1 id=2`) is an error, never a silent choice; an unknown
/// index, id or title is an error that says what exists and, for a likely typo, what was meant.
struct IdSelection {
    static let userKeys = ["user", "id"]
    static let movieKeys = ["movie", "id", "title"]

    let invocation: Invocation
    let dataset: Dataset

    init(_ invocation: Invocation, _ dataset: Dataset) {
        self.invocation = invocation
        self.dataset = dataset
    }

    private var userIds: IdMap { dataset.ratings.userIds }
    private var movieIds: IdMap { dataset.ratings.movieIds }

    // MARK: - Users

    /// The user the directive names; an error when it names none. With `bareIndex`, a lone bare
    /// word is the user's dense index (`user 666`).
    func user(bareIndex: Bool = false) throws(NotebookError) -> Int {
        guard let user = try userIfNamed(bareIndex: bareIndex) else {
            throw invocation.fail(
                "`\(invocation.verb.name)` needs a user: \(bareIndex ? "INDEX or " : "")user=INDEX (dense index) "
                    + "or id=USERID (the ratings file's id), as in: \(invocation.verb.example)")
        }
        return user
    }

    /// The user the directive names, or `nil` when it names none.
    func userIfNamed(bareIndex: Bool = false) throws(NotebookError) -> Int? {
        let bare = bareIndex ? try bareWord() : nil
        let index = invocation.string("user")
        let rawId = invocation.string("id")
        guard [bare, index, rawId].compactMap({ $0 }).count <= 1 else {
            throw invocation.fail(
                "give the user once, by dense index (user=INDEX) or by id (id=USERID), not both, "
                    + "as in: \(invocation.verb.example)")
        }
        if let rawId { return try user(id: rawId) }
        if let text = index ?? bare { return try user(index: text) }
        return nil
    }

    /// "user 666 (id 2)": how tables and notes name a user.
    func describe(user: Int) -> String {
        "user \(user) (id \(userIds.rawId(at: user)))"
    }

    private func user(index text: String) throws(NotebookError) -> Int {
        let users = dataset.ratings.userCount
        guard let index = Int(text) else {
            throw invocation.fail("`\(text)` is not a user index; give a whole number (\(userRange)) or id=USERID")
        }
        guard index >= 0 && index < users else {
            // A MovieLens user numbered from 1 is often meant by id: say who that is.
            let hint = userIds.index(of: text).map { "; id=\(text) is \(describe(user: $0))" } ?? ""
            throw invocation.fail("there is no user \(index); \(userRange)\(hint)")
        }
        return index
    }

    private func user(id rawId: String) throws(NotebookError) -> Int {
        if let index = userIds.index(of: rawId) { return index }
        // Edit distance finds a mistyped name; between numeric ids it would name a stranger.
        let typo = Int(rawId) == nil ? Suggestions.closest(to: rawId, in: userIds.rawIds) : nil
        let hint = typo.map { ". Did you mean id=\($0)?" } ?? "; \(userRange)"
        throw invocation.fail("no user has the id `\(rawId)` in the ratings\(hint)")
    }

    private var userRange: String {
        let users = dataset.ratings.userCount
        return users == 0 ? "there are no users" : "users are numbered 0 to \(users - 1) in order of first appearance"
    }

    // MARK: - Movies

    /// The movie the directive names; an error when it names none. With `bareTitle`, a lone bare
    /// word is the movie's title (`similar 小王子`).
    func movie(bareTitle: Bool = false) throws(NotebookError) -> Int {
        let bare = bareTitle ? try bareWord() : nil
        let title = invocation.string("title") ?? bare
        let index = invocation.string("movie")
        let rawId = invocation.string("id")
        let given = [bare, invocation.string("title"), index, rawId].compactMap { $0 }.count
        guard given == 1 else {
            throw invocation.fail(
                given == 0
                    ? "`\(invocation.verb.name)` needs a movie: title=\"TITLE\", id=MOVIEID (the ratings file's id) "
                        + "or movie=INDEX (dense index), as in: \(invocation.verb.example)"
                    : "give the movie once, by title=, id= or movie=, not several, as in: \(invocation.verb.example)")
        }
        if let rawId { return try movie(id: rawId) }
        if let index { return try movie(index: index) }
        return try movie(titled: title!)
    }

    /// "小王子 (movie 3, id 1291561)": how tables and notes name a movie.
    func describe(movie: Int) -> String {
        "\(dataset.title(ofMovie: movie)) (movie \(movie), id \(movieIds.rawId(at: movie)))"
    }

    private func movie(index text: String) throws(NotebookError) -> Int {
        let movies = dataset.ratings.movieCount
        guard let index = Int(text), index >= 0 && index < movies else {
            let range = movies == 0 ? "there are no rated movies" : "rated movies are numbered 0 to \(movies - 1)"
            let hint = movieIds.index(of: text).map { "; id=\(text) is \(describe(movie: $0))" } ?? ""
            throw invocation.fail("there is no movie `\(text)`; \(range) in order of first appearance\(hint)")
        }
        return index
    }

    private func movie(id rawId: String) throws(NotebookError) -> Int {
        if let index = movieIds.index(of: rawId) { return index }
        let titles = self.titles
        let titled = titles.indices.filter { titles[$0] == rawId }
        let hint = titled.count == 1 ? ". Did you mean title=\"\(rawId)\" (id \(movieIds.rawId(at: titled[0])))?" : ""
        throw invocation.fail("no rated movie has the id `\(rawId)`\(hint)")
    }

    /// A movie in a list of titles that has no key of its own for ids (`correlate titles="A|B"`):
    /// the title, or failing that the movie id.
    func movie(titleOrId text: String) throws(NotebookError) -> Int {
        let titles = self.titles
        if !titles.contains(text), let index = movieIds.index(of: text) { return index }
        return try movie(titled: text)
    }

    private func movie(titled title: String) throws(NotebookError) -> Int {
        let titles = self.titles
        let matches = titles.indices.filter { titles[$0] == title }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let ids = matches.map { movieIds.rawId(at: $0) }.joined(separator: ", ")
            throw invocation.fail(
                "\(matches.count) rated movies are titled \"\(title)\" (ids \(ids)); say which with id=MOVIEID")
        }
        // Once a title missed: a typo, or a movie id written as a title.
        let hint =
            Suggestions.closest(to: title, in: titles).map { " Did you mean \"\($0)\"?" }
            ?? movieIds.index(of: title).map { " Did you mean id=\(title) (\(dataset.title(ofMovie: $0)))?" } ?? ""
        throw invocation.fail("no rated movie is titled \"\(title)\".\(hint)")
    }

    /// Titles by dense movie index (the raw id where the movies file has no entry).
    private var titles: [String] {
        (0..<dataset.ratings.movieCount).map(dataset.title(ofMovie:))
    }

    // MARK: - Bare words

    /// The directive's one bare word, if any; more than one is an error.
    private func bareWord() throws(NotebookError) -> String? {
        let subjects = invocation.directive.subjects
        guard subjects.count <= 1 else {
            throw invocation.fail(
                "`\(invocation.verb.name)` takes one bare word, not \(subjects.count), as in: \(invocation.verb.example)")
        }
        return subjects.first
    }
}
