import Foundation

/// Ports on 127.0.0.1 for tests of what recbook does when a port is taken, answers or does not.
public enum LoopbackPort {
    /// Runs `body` with the number of a port that another process listens on (connections are
    /// accepted by the kernel's backlog), then kills that process. The holder also exits by
    /// itself after 120 s: the test runner's children may not receive SIGTERM, and one left
    /// behind would hold the runner's output open, so `swift test` would never end.
    public static func held<Result>(_ body: (String) throws -> Result) throws -> Result {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = [
            "-c",
            "import socket, time\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(64)\n"
                + "print(s.getsockname()[1], flush=True)\ntime.sleep(120)",
        ]
        let output = Pipe()
        holder.standardOutput = output
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL) }
        var port = ""
        while !port.hasSuffix("\n"), case let byte = output.fileHandleForReading.readData(ofLength: 1), !byte.isEmpty {
            port += String(decoding: byte, as: UTF8.self)
        }
        return try body(port.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The number of a port nothing listens on: bound, then closed.
    public static func closed() throws -> String {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        probe.arguments = [
            "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()",
        ]
        let output = Pipe()
        probe.standardOutput = output
        try probe.run()
        probe.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
