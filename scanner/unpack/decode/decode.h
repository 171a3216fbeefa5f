// Bounded decompressors for the raw streams found in firmware.
//
// Each decoder takes the compressed bytes (which may run past the end of the
// stream: the decoder reports how much it consumed) and an OutputBudget, and
// never produces more than the budget allows: a bomb ends as kLimit with the
// output so far, not as an out-of-memory kill.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {

enum class DecodeStatus {
  kOk,         ///< the stream ended cleanly
  kTruncated,  ///< the input ended before the stream did; output is what decoded
  kCorrupt,    ///< the decoder rejected the data; output is what decoded before
  kLimit,      ///< the budget (size, ratio or time) stopped it; output is partial
};

struct Decoded {
  std::vector<std::uint8_t> bytes;
  std::uint64_t consumed = 0;  ///< input bytes that belong to the stream
  DecodeStatus status = DecodeStatus::kOk;
  std::string message;  ///< why, when status is not kOk

  bool ok() const { return status == DecodeStatus::kOk; }
};

/// gzip (RFC 1952), one member.
Decoded decode_gzip(ByteView in, const OutputBudget& budget);
/// zlib (RFC 1950).
Decoded decode_zlib(ByteView in, const OutputBudget& budget);
/// raw deflate (RFC 1951), as inside zip, CramFS blocks use zlib instead.
Decoded decode_deflate(ByteView in, const OutputBudget& budget);
/// .xz container.
Decoded decode_xz(ByteView in, const OutputBudget& budget);
/// LZMA-alone (.lzma: 13-byte header, as in uImage and kernel payloads).
Decoded decode_lzma_alone(ByteView in, const OutputBudget& budget);
/// Raw LZMA1 with explicit properties and known output size (JFFS2 lzma nodes).
Decoded decode_lzma_raw(ByteView in, std::uint32_t lc, std::uint32_t lp, std::uint32_t pb, std::uint32_t dict_size,
                        std::uint64_t out_size);
/// bzip2.
Decoded decode_bzip2(ByteView in, const OutputBudget& budget);
/// zstd frame(s) until the first non-zstd byte.
Decoded decode_zstd(ByteView in, const OutputBudget& budget);
/// LZ4 frame format (magic 04 22 4d 18).
Decoded decode_lz4_frame(ByteView in, const OutputBudget& budget);
/// LZ4 raw block with known maximum output size (UBIFS, SquashFS-style blocks).
Decoded decode_lz4_block(ByteView in, std::uint64_t max_out);
/// LZO1X block with known output size (UBIFS, JFFS2 lzo nodes).
Decoded decode_lzo1x(ByteView in, std::uint64_t out_size);

/// Human-readable name of a status, for warnings.
const char* to_string(DecodeStatus s);

}  // namespace pedigree::unpack
