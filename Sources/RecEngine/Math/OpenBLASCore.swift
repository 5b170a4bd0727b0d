import CIntrinsics

#if canImport(Glibc)
    import Glibc
#endif

/// Pins the OpenBLAS kernels that the neural model's dense layers run on, so that its numbers
/// (and every report that shows them) are the same on every machine.
///
/// Debian's OpenBLAS is built for many CPUs and picks its kernels by CPU model when it loads;
/// kernels for different models add in different orders, so the same seed trained to different
/// bits on, say, a CPU it knows (Zen or Haswell kernels) and one it does not know (it falls back
/// to Prescott's). `OPENBLAS_CORETYPE` fixes the choice, but OpenBLAS reads it only while it
/// loads, before `main`; so the command line sets it and starts itself again.
///
/// The choice: Haswell's kernels (AVX2 and FMA) on every x86-64 CPU that has both, which gives
/// the same bits as the Zen kernels OpenBLAS would pick on AMD; Prescott's (SSE3) otherwise.
/// A user who sets `OPENBLAS_CORETYPE` keeps their choice.
public enum OpenBLASCore {
    public static let variable = "OPENBLAS_CORETYPE"

    /// The kernels recbook asks for on this CPU; nil where OpenBLAS's choice is not by x86 model.
    public static var pinned: String? {
        switch recbook_cpu_has_avx2_fma() {
        case 1: return "Haswell"
        case 0: return "Prescott"
        default: return nil
        }
    }

    /// When `OPENBLAS_CORETYPE` is unset, sets it to `pinned` and replaces this process with a
    /// fresh run of the same program and arguments. Returns only when nothing needs doing or the
    /// restart failed (the run then goes on with OpenBLAS's own choice).
    public static func pinByRestarting() {
        #if os(Linux)
            guard getenv(variable) == nil, let pinned else { return }
            setenv(variable, pinned, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }
}
