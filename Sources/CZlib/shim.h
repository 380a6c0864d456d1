#ifndef KATALOG_CZLIB_SHIM_H
#define KATALOG_CZLIB_SHIM_H
#include <zlib.h>
#endif
