// The module is its header's inline functions; SwiftPM needs a source file for a C target.
#include "CIntrinsics.h"
