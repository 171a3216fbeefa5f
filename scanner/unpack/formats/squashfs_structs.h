// SquashFS on-disk structures shared by the format (squashfs.cpp) and its
// reader (squashfs_image.cpp). The layout itself is described at the top of
// squashfs.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack::squashfs {

inline constexpr std::uint64_t kSuperSize = 96;
/// Table offset that marks an absent table.
inline constexpr std::uint64_t kNoTable = UINT64_MAX;
/// Uncompressed size of one metadata block.
inline constexpr std::uint32_t kMetaBlockSize = 8192;
/// Fragment index meaning "this file has no fragment".
inline constexpr std::uint32_t kNoFragment = UINT32_MAX;
/// Bit of a data block size word that marks the block as stored uncompressed.
inline constexpr std::uint32_t kBlockUncompressed = 1U << 24;
inline constexpr std::uint32_t kBlockSizeMask = kBlockUncompressed - 1;

/// The superblock, as far as extraction needs it (version 4 fields; for the
/// legacy versions only endian, major, minor, block_size and bytes_used).
struct Super {
  Endian endian = Endian::kLittle;
  std::uint16_t major = 0;
  std::uint16_t minor = 0;
  std::uint32_t inode_count = 0;
  std::uint32_t block_size = 0;
  std::uint32_t fragment_count = 0;
  std::uint16_t compression = 0;
  std::uint16_t block_log = 0;
  std::uint16_t flags = 0;
  std::uint16_t id_count = 0;
  std::uint64_t root_ref = 0;
  std::uint64_t bytes_used = 0;
  std::uint64_t id_table = kNoTable;
  std::uint64_t xattr_table = kNoTable;
  std::uint64_t inode_table = 0;
  std::uint64_t dir_table = 0;
  std::uint64_t fragment_table = kNoTable;
  std::uint64_t export_table = kNoTable;
};

/// Inode types (the extended variants are the basic ones plus 7).
enum class InodeType : std::uint16_t {
  kDir = 1,
  kFile = 2,
  kSymlink = 3,
  kBlockDev = 4,
  kCharDev = 5,
  kFifo = 6,
  kSocket = 7,
};

/// One inode, decoded into what extraction uses.
struct Inode {
  InodeType type = InodeType::kFile;
  std::uint16_t mode = 0;  ///< permission bits only
  std::uint32_t number = 0;
  // Directories: where the listing is, and its size (without the 3 bytes
  // the size field counts for "." and "..").
  std::uint64_t dir_block = 0;
  std::uint32_t dir_offset = 0;
  std::uint64_t dir_size = 0;
  // Regular files.
  std::uint64_t blocks_start = 0;
  std::uint64_t file_size = 0;
  std::uint32_t frag_index = kNoFragment;
  std::uint32_t frag_offset = 0;
  std::uint64_t block_count = 0;           ///< full or partial blocks before the fragment
  std::vector<std::uint32_t> block_sizes;  ///< the first ones of them, as far as they were read
  // Symbolic links.
  std::string target;

  bool has_fragment() const { return frag_index != kNoFragment && frag_offset != UINT32_MAX; }
};

/// One directory entry: its name and the reference of the inode it names.
struct DirEntry {
  std::string name;
  std::uint64_t inode_ref = 0;
};

}  // namespace pedigree::unpack::squashfs
