#ifndef EXEMPLAR_CLINUX_H
#define EXEMPLAR_CLINUX_H

/// The few Linux (GNU C library) calls Exemplar uses that Swift's Glibc module does not
/// import: they are declared by glibc only under `_GNU_SOURCE`. Each wrapper is compiled in
/// CLinux.c against glibc's own declarations and constants (see docs/platform.md).

#include <stddef.h>

/// `renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE)`: swaps two paths atomically
/// (Linux 3.15, glibc 2.28). Returns 0, or -1 with `errno` set (e.g. EINVAL where the file
/// system does not support the exchange).
int exemplar_rename_exchange(const char *from, const char *to);

/// `sync_file_range(fd, offset, count, SYNC_FILE_RANGE_WRITE)`: starts the write-back of
/// those bytes of the file without waiting for it. Returns 0, or -1 with `errno` set.
int exemplar_start_write_back(int fd, long long offset, long long count);

/// `madvise(address, length, MADV_POPULATE_WRITE)`: faults the pages in for writing in one
/// call (Linux 5.14). `address` must be page-aligned. Returns 0, or -1 with `errno` set
/// (EINVAL on older kernels, where it is then a no-op).
int exemplar_populate_write(void *address, size_t length);

/// `syncfs(fd)`: writes back every dirty file and the journal of the file system holding
/// `fd` and waits for it (Linux 2.6.39, glibc 2.14; since Linux 5.8 it also reports write-back
/// errors of that file system). Returns 0, or -1 with `errno` set.
int exemplar_sync_file_system(int fd);

/// `malloc_trim(0)` (malloc.h): gives the pages the heap holds free back to the kernel.
/// Returns 1 when memory was released, 0 otherwise.
int exemplar_release_free_heap(void);

#endif
