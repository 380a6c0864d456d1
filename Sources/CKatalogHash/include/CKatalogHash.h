#ifndef CKATALOG_HASH_H
#define CKATALOG_HASH_H
#include <stddef.h>
#include <stdint.h>

/// Compresses `blocks` 64-byte blocks at `data` into the SHA-256 state (eight words, FIPS 180-4 order),
/// with the CPU's SHA extensions when it has them, else in portable C.
void katalog_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same in portable C only (for tests, and for CPUs without SHA extensions).
void katalog_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// 1 when katalog_sha256_blocks uses the CPU's SHA extensions.
int katalog_sha256_accelerated(void);
#endif
