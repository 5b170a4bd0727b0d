#ifndef RECBOOK_CINTRINSICS_H
#define RECBOOK_CINTRINSICS_H
// Operations the training kernels need and Swift cannot express (Swift 6.3):

#include "NeuralRows.h"

// A software prefetch. Lazy Adam visits embedding rows scattered over tens of megabytes in an
// order known a few rows ahead; asking for the next rows' cache lines while the current one is
// worked on hides most of each miss. A hint only: it never faults.
static inline void recbook_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

// The same for data only read, such as ALS's fixed factors: asking for write ownership of a line
// both threads read would take it away from the other core.
static inline void recbook_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

// An eight-lane square root. Swift's `SIMD8<Float>.squareRoot()` (and `Float.squareRoot()` in
// a loop) compiles to one scalar `sqrtss` per lane plus a branch to libm's `sqrtf` for errno's
// sake; Adam takes a square root of every parameter at every step. This is one vector
// instruction per four or eight lanes. Swift imports the type as `SIMD8<Float>`.
typedef float recbook_float8 __attribute__((ext_vector_type(8)));
static inline recbook_float8 recbook_sqrt8(recbook_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

// Whether the CPU runs AVX2 and FMA code: 1 or 0 on x86-64, -1 elsewhere. Decides which of the
// neural model's kernels runs (NeuralRows.c).
static inline int recbook_cpu_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return -1;
#endif
}
#endif
