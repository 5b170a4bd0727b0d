#ifndef RECBOOK_CCMARK_SHIM_H
#define RECBOOK_CCMARK_SHIM_H
// Found through pkg-config (libcmark.pc), never by a hard-coded path.
#include <cmark.h>
#endif
