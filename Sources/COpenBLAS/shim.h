#ifndef RECBOOK_COPENBLAS_SHIM_H
#define RECBOOK_COPENBLAS_SHIM_H
// Debian's OpenBLAS, found through pkg-config (openblas.pc), never by a hard-coded path.
#include <cblas.h>
#endif
