#ifndef ALLOCATOR_TUNING_H
#define ALLOCATOR_TUNING_H

/// Tells glibc's allocator to keep freed memory for reuse (see AllocatorTuning.c).
/// Does nothing where the C library is not glibc.
void disclose_keep_freed_memory(void);

#endif
