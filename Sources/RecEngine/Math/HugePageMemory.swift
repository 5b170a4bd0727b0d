#if canImport(Glibc)
    import Glibc
#else
    import Foundation
#endif

/// Memory for tables read at random: lazy Adam's records (tens of MB at the article's scale),
/// ALS's factors and the id interner's table (hundreds of MB at 50M ratings). With 4 KB pages
/// nearly every record visit also misses the TLB and walks the page table; on Linux, where
/// transparent huge pages are usually enabled only on request (`madvise`), a 2 MB-aligned block
/// marked `MADV_HUGEPAGE` needs one TLB entry per 2 MB instead. Elsewhere, or for small blocks,
/// it is plain aligned memory. Release with `deallocate`.
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

    /// An array of `count` copies of `value` whose storage is marked `MADV_HUGEPAGE` before it
    /// is first written, so the kernel backs it with huge pages as it faults in: for id tables
    /// and factor matrices read at random, which stay ordinary copy-on-write arrays. A large
    /// array is a fresh `mmap` from malloc, so none of it has been touched yet; the hint covers
    /// the whole 4 KB pages inside the buffer, and the kernel uses huge pages for the 2 MB-aligned
    /// parts of that.
    static func array<Element: BitwiseCopyable>(repeating value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            #if os(Linux)
                let byteCount = count * MemoryLayout<Element>.stride
                if byteCount >= hugePageSize, let base = buffer.baseAddress {
                    let page = 4096
                    let start = (Int(bitPattern: base) + page - 1) / page * page
                    let end = (Int(bitPattern: base) + byteCount) / page * page
                    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
                }
            #endif
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    static func deallocate(_ address: UnsafeMutableRawPointer) {
        // posix_memalign's blocks and Swift's aligned allocations are both released by free(3) on
        // Linux; elsewhere only the second kind exists.
        address.deallocate()
    }
}
