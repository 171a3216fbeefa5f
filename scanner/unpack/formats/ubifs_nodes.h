// UBIFS node reader: validates nodes, walks the index B-tree (or, when the
// index is damaged, scans every LEB) and keeps the newest inode, directory
// entry and data node per key. The on-disk layout is described at the top of
// ubifs.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack::ubifs {

inline constexpr std::uint32_t kNodeMagic = 0x06101831;
inline constexpr std::uint32_t kCommonHeaderSize = 24;
inline constexpr std::uint32_t kBlockSize = 4096;
inline constexpr std::uint32_t kInoNodeSize = 160;
inline constexpr std::uint32_t kDataNodeSize = 48;
inline constexpr std::uint32_t kDentNodeSize = 56;
inline constexpr std::uint8_t kInoNode = 0, kDataNode = 1, kDentNode = 2, kPadNode = 5, kSbNode = 6, kMstNode = 7,
                              kRefNode = 8, kIdxNode = 9;
inline constexpr std::uint16_t kComprNone = 0, kComprLzo = 1, kComprZlib = 2, kComprZstd = 3;

/// UBIFS's CRC-32: reflected IEEE polynomial, seed 0xFFFFFFFF, no inversion.
std::uint32_t crc(ByteView bytes);

/// What the superblock says about the volume.
struct Superblock {
  std::uint32_t leb_size = 0;
  std::uint32_t leb_cnt = 0;
  std::uint32_t log_lebs = 0;
  std::uint32_t lpt_lebs = 0;
  std::uint32_t orph_lebs = 0;
  std::uint32_t flags = 0;
  std::uint16_t default_compr = 0;
};

/// The superblock node at data[0], when it is intact and its geometry sane.
std::optional<Superblock> read_superblock(ByteView data);

/// Bytes the volume occupies: whole LEBs up to the last one that starts with
/// an intact node, bounded by leb_cnt and by the data.
std::uint64_t volume_size(ByteView data, const Superblock& sb);

struct InodeRec {
  std::uint64_t sqnum = 0;
  std::uint64_t size = 0;
  std::uint32_t nlink = 0;
  std::uint32_t mode = 0;
  std::uint32_t flags = 0;
  ByteView inline_data;  ///< symlink target or device number
};

struct DentRec {
  std::uint64_t sqnum = 0;
  std::uint64_t inum = 0;  ///< 0: the name was deleted
};

struct DataRec {
  std::uint64_t sqnum = 0;
  std::uint32_t size = 0;  ///< decoded bytes
  std::uint16_t compr = 0;
  ByteView stored;
};

/// The live file-system state: newest node per key.
struct Contents {
  std::map<std::uint64_t, InodeRec> inodes;
  std::map<std::pair<std::uint64_t, std::string>, DentRec> dents;   ///< (parent inum, name)
  std::map<std::pair<std::uint64_t, std::uint32_t>, DataRec> data;  ///< (inum, block)
};

/// Reads the volume: index walk plus journal replay, falling back to a scan of
/// every LEB when the index is damaged. Problems go to `problems`.
Contents read_contents(ByteView data, const Superblock& sb, std::vector<std::string>& problems);

}  // namespace pedigree::unpack::ubifs
