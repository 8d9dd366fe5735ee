// See include/CZipLevel.h: sets the deflate level of libxlsxwriter's zip entries.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "CZipLevel.h"

/// minizip 1.1's prototype (zip.h), with its typedefs spelled out: zipFile = void *,
/// uInt = unsigned int, uLong = unsigned long.
typedef int zip_open_entry(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned int size_extrafield_local, const void *extrafield_global,
    unsigned int size_extrafield_global, const char *comment, int method, int level, int raw,
    int windowBits, int memLevel, int strategy, const char *password,
    unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
    int zip64);

zip_open_entry zipOpenNewFileInZip4_64;

int zipOpenNewFileInZip4_64(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned int size_extrafield_local, const void *extrafield_global,
    unsigned int size_extrafield_global, const char *comment, int method, int level, int raw,
    int windowBits, int memLevel, int strategy, const char *password,
    unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
    int zip64) {
  // Looked up once; a race only repeats the same dlsym.
  static _Atomic(zip_open_entry *) minizip = NULL;
  zip_open_entry *next = atomic_load_explicit(&minizip, memory_order_acquire);
  if (next == NULL) {
    next = (zip_open_entry *)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (next == NULL) return -104;  // ZIP_INTERNALERROR: libxlsxwriter reports it
    atomic_store_explicit(&minizip, next, memory_order_release);
  }
  const int deflated = 8;  // Z_DEFLATED
  if (method == deflated && raw == 0) level = EXEMPLAR_XLSX_DEFLATE_LEVEL;
  return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
              size_extrafield_global, comment, method, level, raw, windowBits, memLevel,
              strategy, password, crcForCrypting, versionMadeBy, flagBase, zip64);
}
