#ifndef EXEMPLAR_CZIPLEVEL_H
#define EXEMPLAR_CZIPLEVEL_H

/// The deflate level of every part written into recommendations.xlsx.
///
/// libxlsxwriter 1.1.4 (Debian's libxlsxwriter4) opens each zip entry through minizip's
/// zipOpenNewFileInZip4_64 with Z_DEFAULT_COMPRESSION (level 6) and has no option to change
/// it; at 100,000 enterprises that deflate was half of the workbook's time. This target
/// defines zipOpenNewFileInZip4_64 in the executable: the dynamic linker binds
/// libxlsxwriter's call to it (an executable's definitions come first in symbol lookup),
/// and it forwards to minizip's own function (dlsym RTLD_NEXT) with this level instead.
/// Level 1 is zlib's Z_BEST_SPEED: a valid deflate stream any unzip reads; the workbook
/// is a little larger. Same input → same bytes.
#define EXEMPLAR_XLSX_DEFLATE_LEVEL 1

#endif
