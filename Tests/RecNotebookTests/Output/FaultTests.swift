import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Writing reports where it cannot be done: a clear error, no partial or temporary files, and
/// the previous report intact. CI runs as root, for whom permissions do not bite, so the faults
/// here are ones that fail for root too: a path through a regular file (ENOTDIR) and a full
/// device (ENOSPC, from /dev/full).
@Suite(.serialized) struct FaultTests {
    private static func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func anOutFolderUnderARegularFileIsAClearErrorBeforeAnythingRuns() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let blocker = try TestPaths.temporaryFile("not-a-folder", Data("x".utf8))
        let out = URL(fileURLWithPath: blocker).appendingPathComponent("reports/deeper")
        #expect(
            throws: ReportError.cannotWrite(
                path: out.path, reason: "\(blocker) is a file, not a folder, so --out cannot be made there")
        ) {
            try fixture.render(out: out)
        }
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "x")
    }

    @Test func anOutPathThatIsAFileIsAClearError() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let file = URL(fileURLWithPath: try TestPaths.temporaryFile("report.html", Data("old".utf8)))
        #expect(throws: ReportError.cannotWrite(path: file.path, reason: "--out must be a folder, and this is a file")) {
            try fixture.render(out: file)
        }
    }

    @Test func theCommandLineSaysWhyAndExitsOne() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let blocker = try TestPaths.temporaryFile("not-a-folder", Data("x".utf8))
        let run = try CommandRun.recbook([
            "render", fixture.notebook, "--data", fixture.folder.path, "--out", blocker + "/out",
        ])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(blocker)/out: cannot write: \(blocker) is a file, not a folder"), "\(run.errors)")
    }

    /// The temporary file is created, then every write lands on /dev/full, as on a full disk.
    @Test func aFullDiskLeavesNoTemporaryFileAndThePreviousReportWhole() throws {
        let folder = try TestPaths.temporaryFolder()
        let target = folder.appendingPathComponent("report.html")
        try Data("previous report\n".utf8).write(to: target)
        #expect(throws: ReportError.cannotWrite(path: target.path, reason: "No space left on device")) {
            try AtomicFile.write(Data(repeating: 65, count: 100_000), to: target.path, opener: FullDisk.opener)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous report\n")
        #expect(try Self.temporaries(in: folder).isEmpty)
        #expect(FileManager.default.fileExists(atPath: "/dev/full"))
    }

    @Test func aFileSizeLimitOnTheRealBinaryLeavesThePreviousReportWhole() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("load ratings=absent.csv movies=absent.csv synth=small\nstats ratings\nrank movies"))
        let out = try TestPaths.temporaryFolder()
        let first = try CommandRun.recbook(["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path])
        #expect(first.status == 0, "\(first.errors)")
        let previous = try Data(contentsOf: out.appendingPathComponent("test.html"))
        // `ulimit -f 1` caps files at 1 KiB for root too: each write past it fails with EFBIG
        // (SIGXFSZ is ignored, as a shell's `trap ''` leaves it ignored across exec).
        let command =
            "trap '' XFSZ; ulimit -f 1; exec \"$0\" render \"$1\" --data \"$2\" --out \"$3\" --no-cache"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, TestPaths.recbook.path, fixture.notebook, fixture.folder.path, out.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(message)")
        #expect(message.contains("cannot write: File too large"), "\(message)")
        #expect(try Data(contentsOf: out.appendingPathComponent("test.html")) == previous)
        #expect(try Self.temporaries(in: out).isEmpty)
    }

    @Test func temporaryNamesAreParsedStrictly() {
        #expect(AtomicFile.temporaryOwner(".test.html.1234.tmp") == 1234)
        #expect(AtomicFile.temporaryOwner(".a.b.json.7.tmp") == 7)
        #expect(AtomicFile.temporaryOwner("test.html.1234.tmp") == nil)
        #expect(AtomicFile.temporaryOwner(".test.html.tmp") == nil)
        #expect(AtomicFile.temporaryOwner(".test.html.x1.tmp") == nil)
        #expect(AtomicFile.temporaryPath(for: "out/test.html", pid: 9) == "out/.test.html.9.tmp")
    }

    /// A killed render's temporary files go on the next render; a live render's stay.
    @Test func staleTemporariesAreRemovedAndALiveRendersAreKept() throws {
        let out = try TestPaths.temporaryFolder()
        let dead = try Self.exitedProcessID()
        let live = Process()
        live.executableURL = URL(fileURLWithPath: "/bin/sleep")
        live.arguments = ["20"]
        try live.run()
        defer {
            kill(live.processIdentifier, SIGKILL)
            live.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 1.2)
        let names = [
            "dead": ".test.html.\(dead).tmp",
            "live": ".test.html.\(live.processIdentifier).tmp",
            "reused": ".index.html.\(live.processIdentifier).tmp",
            "own": ".test.json.\(getpid()).tmp",
            "other": ".hidden-notes.tmp",
        ]
        for name in names.values { try Data("partial".utf8).write(to: out.appendingPathComponent(name)) }
        // Written before the live process started: left by a dead process whose PID it reuses.
        let hourAgo = Date().addingTimeInterval(-3600)
        try FileManager.default.setAttributes(
            [.modificationDate: hourAgo], ofItemAtPath: out.appendingPathComponent(names["reused"]!).path)

        let removed = AtomicFile.removeStaleTemporaries(in: out.path)
        #expect(removed == [names["dead"]!, names["reused"]!, names["own"]!].sorted())
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(left == [names["live"]!, names["other"]!].sorted())
    }

    /// A killed run's half-written cache entries go when the cache is next opened; entries whose
    /// writer may still be running (this process) stay.
    @Test func openingTheCacheRemovesAKilledRunsTemporaries() throws {
        let folder = try TestPaths.temporaryFolder()
        let dead = ".0123abcd.entry.\(try Self.exitedProcessID()).tmp"
        let own = ".4567cdef.entry.\(getpid()).tmp"
        let entry = "89abcdef.entry"
        for name in [dead, own, entry] { try Data("partial".utf8).write(to: folder.appendingPathComponent(name)) }
        _ = CellCache(folder: folder.path)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [own, entry].sorted())
    }

    @Test func theNextRenderCleansUpAKilledRendersTemporaries() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let out = try TestPaths.temporaryFolder()
        let stale = ".test.html.\(try Self.exitedProcessID()).tmp"
        try Data("<html>half".utf8).write(to: out.appendingPathComponent(stale))
        _ = try fixture.render(out: out)
        #expect(try Self.temporaries(in: out).isEmpty)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("test.html").path))
    }

    /// The PID of a process that has exited and been reaped.
    private static func exitedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
