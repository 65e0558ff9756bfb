#include "AllocatorTuning.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// glibc's allocator gives memory back to the system as soon as the top of a heap is free, and maps
// each block over 128 KB on its own. A build allocates and frees every disclosure's model and its
// 100-300 KB files thousands of times, so both defaults turn into system calls and page faults for
// every disclosure. Keeping freed memory for reuse costs a few MB of peak memory and saves several
// per cent of a full build's time (docs/benchmarks.md). Swift's Glibc module does not export
// <malloc.h>, hence this file.
void disclose_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}
