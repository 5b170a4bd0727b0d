#if canImport(Glibc)
    import Glibc
#else
    import Foundation
#endif

/// Memory for tables that training reads at random: lazy Adam's records (tens of MB at the
/// article's scale). With 4 KB pages nearly every record visit also misses the TLB and walks the
/// page table; on Linux, where transparent huge pages are usually enabled only on request
/// (`madvise`), a 2 MB-aligned block marked `MADV_HUGEPAGE` needs one TLB entry per 2 MB instead.
/// Elsewhere, or for small blocks, it is plain aligned memory. Release with `deallocate`.
enum HugePageMemory {
    static let hugePageSize = 2 << 20

    static func allocate(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        #if os(Linux)
            if byteCount >= hugePageSize {
                var address: UnsafeMutableRawPointer?
                if posix_memalign(&address, hugePageSize, byteCount) == 0, let address {
                    // Only a hint: when the kernel says no, the block still works with small pages.
                    _ = madvise(address, byteCount, MADV_HUGEPAGE)
                    return address
                }
            }
        #endif
        return UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: alignment)
    }

    static func deallocate(_ address: UnsafeMutableRawPointer) {
        // posix_memalign's blocks and Swift's aligned allocations are both released by free(3) on
        // Linux; elsewhere only the second kind exists.
        address.deallocate()
    }
}
