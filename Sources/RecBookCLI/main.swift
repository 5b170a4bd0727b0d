import ArgumentParser
import Foundation
import RecEngine

// Exit codes: 0 every cell ran, 1 a cell (or a write) failed, 2 the command line was wrong.
do {
    var command = try RecBook.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = RecBook.exitCode(for: error)
    if code == .success {
        RecBook.exit(withError: error)
    }
    FileHandle.standardError.write(Data((RecBook.fullMessage(for: error) + "\n").utf8))
    exit(code == .validationFailure ? 2 : 1)
}
