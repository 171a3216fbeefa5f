// JFFS2 node scanner: finds every node of a JFFS2 image and checks its CRCs.
// The on-disk layout is described at the top of jffs2.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack::jffs2 {

inline constexpr std::uint16_t kMagic = 0x1985;
inline constexpr std::uint16_t kNodeAccurate = 0x2000;
inline constexpr std::uint16_t kTypeDirent = 0xE001;
inline constexpr std::uint16_t kTypeInode = 0xE002;
inline constexpr std::uint16_t kTypeCleanmarker = 0x2003;
inline constexpr std::uint16_t kTypePadding = 0x2004;
inline constexpr std::uint16_t kTypeSummary = 0x2006;
inline constexpr std::uint16_t kTypeXattr = 0xE008;
inline constexpr std::uint16_t kTypeXref = 0xE009;
inline constexpr std::uint32_t kHeaderSize = 12;
inline constexpr std::uint32_t kInodeNodeSize = 68;
inline constexpr std::uint32_t kDirentNodeSize = 40;

/// JFFS2's CRC-32: the reflected IEEE polynomial, seed 0, no inversion.
std::uint32_t crc(ByteView bytes);

/// One inode (data) node: a range of one inode's contents plus its metadata.
struct DataNode {
  std::uint32_t ino = 0;
  std::uint32_t version = 0;
  std::uint32_t mode = 0;
  std::uint32_t isize = 0;
  std::uint32_t offset = 0;
  std::uint32_t csize = 0;
  std::uint32_t dsize = 0;
  std::uint8_t compr = 0;
  std::uint64_t at = 0;  ///< image offset of the node; its data follows the 68-byte header
};

/// One directory-entry node; ino 0 records an unlink.
struct DirentNode {
  std::uint32_t pino = 0;
  std::uint32_t version = 0;
  std::uint32_t ino = 0;
  std::string name;
};

struct ScanResult {
  std::vector<DataNode> inodes;
  std::vector<DirentNode> dirents;
  std::uint64_t end = 0;         ///< end of the last node with a valid header
  std::uint32_t erase_size = 0;  ///< from the spacing of clean markers; 0 when unknown
  std::vector<std::string> problems;
};

/// Byte order of the node header at data[0] when it is a valid JFFS2 header
/// (magic, known node type, length inside the data, header CRC).
std::optional<Endian> header_endian(ByteView data);

/// Walks the nodes from data[0]. With `full`, also checks node and data CRCs
/// and collects the inode and directory-entry nodes; without, only headers
/// count (enough to find where the file system ends).
ScanResult scan(ByteView data, Endian endian, bool full);

/// The instance size: the end of the last node, extended over erased (0xFF)
/// bytes up to the erase-block boundary they reach.
std::uint64_t instance_size(ByteView data, const ScanResult& scan);

}  // namespace pedigree::unpack::jffs2
