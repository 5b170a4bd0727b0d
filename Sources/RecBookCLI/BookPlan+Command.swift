import ArgumentParser
import RecNotebook

extension BookPlan {
    /// The plan from `make`, its problems as the command line reports them: a usage error exits
    /// 2 with the usage line, a bad book file or front matter exits 1 naming its line.
    static func forCommand(arguments: [String], data: [String]) throws -> BookPlan {
        do {
            return try make(arguments: arguments, data: data, bookFile: Book.fileName)
        } catch .usage(let message) {
            throw ValidationError(message)
        } catch .book(let error) {
            throw error
        }
    }
}
