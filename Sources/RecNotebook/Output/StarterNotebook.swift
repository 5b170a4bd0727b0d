import Foundation

/// What `recbook new` writes: a short notebook that renders as it is on one data layout (load,
/// a first look, a split, a baseline and a factor model, their scores, recommendations for one
/// user, the comparison), for a user to edit rather than start from an empty page.
public enum StarterNotebook {
    /// The data layouts a starter can load.
    public enum Format: String, Sendable, CaseIterable {
        case douban
        case movielensLatest = "movielens-latest"
        case movielens100k = "movielens-100k"
        case synthetic

        /// The `load` line and a real user id in that data (`recommend ... id=`).
        var load: (directive: String, user: String, data: String) {
            switch self {
            case .douban:
                ("load ratings=user_movies.csv movies=hot_movies.csv", "adamwzw", "the folder with Douban's user_movies.csv")
            case .movielensLatest:
                (
                    "load ratings=ratings.csv movies=movies.csv format=movielens-latest", "1",
                    "the folder of MovieLens' ml-latest-small"
                )
            case .movielens100k:
                ("load ratings=u.data movies=u.item format=movielens-100k", "1", "the folder of MovieLens' ml-100k")
            case .synthetic:
                (
                    "load ratings=user_movies.csv movies=hot_movies.csv synth=small", "leedew7h83",
                    "any folder without user_movies.csv: the `small` preset is generated"
                )
            }
        }
    }

    /// The notebook's text; `title` heads it (the file name, usually).
    public static func text(title: String, format: Format) -> String {
        let (load, user, data) = format.load
        return """
            # \(title)

            A starter notebook from `recbook new`. Render it with
            `recbook render \(title).md --data DIR`, where DIR is \(data); then edit any cell and
            render again. `recbook directives` lists every directive.

            ```rec
            \(load)
            stats ratings
            rank movies by=mean-rating n=10 min-count=20
            ```

            ## Two models

            A fifth of the ratings is held out. The baseline predicts the mean rating plus a user
            and a movie bias; `sgd-svd` adds 50 latent factors per user and movie, fitted by
            stochastic gradient descent as Surprise's SVD is.

            ```rec
            split test=0.2
            train baseline model=baseline
            train svd1 model=sgd-svd k=50 epochs=20
            evaluate baseline
            evaluate svd1
            ```

            ## Recommendations and the comparison

            ```rec
            recommend svd1 id=\(user) n=10
            compare by=RMSE
            ```

            """
    }

    /// Writes the starter to `path`, refusing to replace a file that is already there.
    public static func write(to path: String, format: Format) throws(ReportError) {
        let title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .cannotWrite(path: path, reason: "the file exists; `recbook new` does not overwrite, so pick another name")
        }
        do {
            // `.withoutOverwriting` also refuses a file that appears between the check and here.
            try Data(text(title: title, format: format).utf8).write(
                to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(path: path, reason: ReportRenderer.posixReason(error))
        }
    }
}
