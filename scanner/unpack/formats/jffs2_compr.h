// JFFS2 per-node decompression. Each inode node names the compressor of its
// own data; one file can mix several.
#pragma once

#include <cstdint>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree::unpack::jffs2 {

inline constexpr std::uint8_t kComprNone = 0x00;
inline constexpr std::uint8_t kComprZero = 0x01;
inline constexpr std::uint8_t kComprRtime = 0x02;
inline constexpr std::uint8_t kComprRubinMips = 0x03;
inline constexpr std::uint8_t kComprCopy = 0x04;
inline constexpr std::uint8_t kComprDynRubin = 0x05;
inline constexpr std::uint8_t kComprZlib = 0x06;
inline constexpr std::uint8_t kComprLzo = 0x07;
inline constexpr std::uint8_t kComprLzma = 0x08;

/// Decodes one node's stored bytes into exactly `dsize` bytes. `dsize` must
/// already be bounded by the caller (it allocates that much).
Result<std::vector<std::uint8_t>> decompress(std::uint8_t compr, ByteView stored, std::uint32_t dsize);

/// The "rtime" decoder on its own (exposed for tests).
Result<std::vector<std::uint8_t>> decode_rtime(ByteView in, std::uint32_t dsize);

}  // namespace pedigree::unpack::jffs2
