import Foundation

@testable import RecNotebook

/// A full disk for `AtomicFile`: the temporary file is created, then every write to it lands on
/// /dev/full and fails with ENOSPC, for root too (permissions would not bite in CI).
enum FullDisk {
    static let opener: AtomicFile.Opener = { path in
        let descriptor = AtomicFile.createExclusively(path)
        let full = open("/dev/full", O_WRONLY)
        guard descriptor >= 0, full >= 0 else { return -1 }
        dup2(full, descriptor)
        close(full)
        return descriptor
    }
}
