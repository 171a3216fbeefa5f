// Reads one SquashFS metadata table (inodes, directories, fragment entries)
// as a stream of bytes, in either byte order.
//
// A metadata block is a u16 header (bit 15 set when the block is stored
// uncompressed, the low 15 bits its stored size) followed by that many
// bytes; once decompressed it holds at most 8 KiB. The header is written in
// the image's byte order, like every other field: libsquashfs reads it as
// little endian only, so the tables of a big-endian image are read here.
// Blocks follow each other without gaps; a record may span two of them.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"
#include "scanner/unpack/formats/squashfs_structs.h"

namespace pedigree::unpack::squashfs {

/// Decompresses one block into `out` (at most `max_out` bytes); returns the
/// bytes written.
using BlockDecoder = std::function<Result<std::uint32_t>(ByteView in, std::uint32_t max_out, std::uint8_t* out)>;

class MetaReader {
 public:
  /// Reads blocks that start inside [start, limit) of `data` (which must
  /// outlive the reader); `decode` is called for compressed blocks.
  MetaReader(ByteView data, Endian endian, std::uint64_t start, std::uint64_t limit, BlockDecoder decode);

  /// Positions the reader at byte `offset` of the block that starts at
  /// `block_pos` (an absolute image offset).
  Status seek(std::uint64_t block_pos, std::uint32_t offset, const char* what);
  /// Copies the next `size` bytes, continuing into the following blocks.
  Status read(void* out, std::size_t size, const char* what);

 private:
  Status load(std::uint64_t block_pos, const char* what);

  ByteView data_;
  Endian endian_;
  std::uint64_t start_;
  std::uint64_t limit_;
  BlockDecoder decode_;
  std::array<std::uint8_t, kMetaBlockSize> block_{};
  std::uint32_t used_ = 0;              ///< decompressed bytes in block_
  std::uint32_t offset_ = 0;            ///< read position in block_
  std::uint64_t block_pos_ = kNoTable;  ///< image offset of the loaded block
  std::uint64_t next_pos_ = 0;          ///< image offset of the block after it
};

}  // namespace pedigree::unpack::squashfs
