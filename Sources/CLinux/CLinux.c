// glibc declares renameat2, sync_file_range and syncfs only for GNU sources.
#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "CLinux.h"

int exemplar_rename_exchange(const char *from, const char *to) {
  return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}

int exemplar_start_write_back(int fd, long long offset, long long count) {
  return sync_file_range(fd, (off64_t)offset, (off64_t)count, SYNC_FILE_RANGE_WRITE);
}

int exemplar_populate_write(void *address, size_t length) {
  return madvise(address, length, MADV_POPULATE_WRITE);
}

int exemplar_sync_file_system(int fd) {
  return syncfs(fd);
}

int exemplar_release_free_heap(void) {
  return malloc_trim(0);
}
