// Hashes used for evidence (SHA-256, through OpenSSL libcrypto).
#pragma once

#include <string>

#include "scanner/core/bytes.h"

namespace pedigree {

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(ByteView data);

/// Shannon entropy in bits per byte (0..8).
double shannon_entropy(ByteView data);

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it) with a chosen seed.
std::uint32_t crc32_update(std::uint32_t crc, ByteView data);

}  // namespace pedigree
