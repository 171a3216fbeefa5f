// UBIFS, the file system on UBI volumes (and what mkfs.ubifs writes): the
// volume is a run of logical eraseblocks (LEBs) of one size. Everything in it
// is a node that starts on an 8-byte boundary with a 24-byte little-endian
// common header:
//   magic u32 = 0x06101831, crc u32 (CRC-32, reflected IEEE polynomial,
//   seed 0xFFFFFFFF, not inverted, over bytes 8..len-1), sqnum u64 (global
//   write order), len u32, node_type u8, group_type u8, padding[2].
// LEB 0 holds the superblock node (type 6, 4096 bytes): key_fmt u8 @27,
//   flags u32 @28, min_io_size u32 @32, leb_size u32 @36, leb_cnt u32 @40,
//   log_lebs u32 @56, lpt_lebs u32 @60, orph_lebs u32 @64, fmt_version u32
//   @80, default_compr u16 @84.
// LEBs 1 and 2 hold master nodes (type 7, 512 bytes; the one with the highest
//   sqnum is current): cmt_no u64 @32, log_lnum u32 @44, root_lnum u32 @48,
//   root_offs u32 @52, root_len u32 @56 locate the root of the index.
// The index is a B-tree of index nodes (type 9): child_cnt u16 @24, level
//   u16 @26, then child_cnt branches of lnum u32, offs u32, len u32 and an
//   8-byte key (plus a hash on authenticated volumes). Level-0 branches point
//   at the leaves: inode, directory-entry and data nodes.
// Keys (8 bytes, little-endian): inode number u32, then (key type << 29) |
//   value, where the type is 0 inode, 1 data (value = 4096-byte block
//   number), 2 directory entry (value = hash of the name).
// Inode node (type 0, 160 bytes + data): size u64 @48, nlink u32 @92, uid
//   @96, gid @100, mode u32 @104 (POSIX st_mode), flags u32 @108 (0x20 marks
//   an extended-attribute inode, 0x40 an encrypted one), data_len u32 @112;
//   the data is a symlink's target or a device's number.
// Directory entry (type 2, 56 bytes + name): key inode = the parent, inum
//   u64 @40 (0 in the journal = deleted), type u8 @49, nlen u16 @50, name @56.
// Data node (type 1, 48 bytes + data): size u32 @40 (decoded bytes, at most
//   4096), compr_type u16 @44 (0 none, 1 LZO1X, 2 raw deflate, 3 zstd).
// Nodes written after the last commit are not in the index: the log (LEBs
// from 3, starting at log_lnum with a commit-start node) has reference nodes
// (type 8: lnum u32 @24, offs u32 @28) to the LEBs holding them. The root
// directory is inode 1.
#include <algorithm>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/inode_tree.h"
#include "scanner/unpack/formats/output_cap.h"
#include "scanner/unpack/formats/ubifs_nodes.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\x31\x18\x10\x06", 0}};
constexpr std::uint64_t kRootIno = 1;
constexpr std::uint32_t kTypeMask = 0170000, kTypeLink = 0120000, kDefaultRootMode = 040755;
constexpr std::uint32_t kXattrFlag = 0x20, kCryptFlag = 0x40;
// Sparse files legitimately end in holes, but a size this far past the last
// stored block is damage, not a hole worth allocating.
constexpr std::uint64_t kMaxTrailingHole = 16 << 20;

Result<std::vector<std::uint8_t>> decode_block(const ubifs::DataRec& d) {
  if (d.size > ubifs::kBlockSize) return make_error(Errc::kCorrupt, "block larger than 4096 bytes");
  OutputBudget budget;
  budget.max_bytes = d.size;
  Decoded out;
  switch (d.compr) {
    case ubifs::kComprNone:
      if (d.stored.size() < d.size) return make_error(Errc::kCorrupt, "stored block too short");
      return std::vector<std::uint8_t>(d.stored.begin(), d.stored.begin() + d.size);
    case ubifs::kComprLzo: out = decode_lzo1x(d.stored, d.size); break;
    case ubifs::kComprZlib: out = decode_deflate(d.stored, budget); break;
    case ubifs::kComprZstd: out = decode_zstd(d.stored, budget); break;
    default: return make_error(Errc::kUnsupported, "unknown compression " + std::to_string(d.compr));
  }
  if (out.bytes.size() != d.size) {
    return make_error(Errc::kCorrupt, "block does not decode (" + (out.ok() ? "short output" : out.message) + ")");
  }
  return std::move(out.bytes);
}

/// Rebuilds one inode's bytes from its data nodes; missing blocks are holes.
Blob read_inode(const ubifs::Contents& c, std::uint64_t volume_bytes, std::uint64_t inum, const OutputBudget& budget,
                Sink& sink) {
  auto warn = [&](const std::string& m) { sink.warn("ubifs: inode " + std::to_string(inum) + ": " + m); };
  auto found = c.inodes.find(inum);
  if (found == c.inodes.end()) return Blob();
  const ubifs::InodeRec& ino = found->second;
  if ((ino.flags & kCryptFlag) != 0) {
    warn("encrypted; contents not readable");
    return Blob();
  }
  if ((ino.mode & kTypeMask) == kTypeLink) {
    auto target = ino.inline_data.first(std::min<std::uint64_t>(ino.inline_data.size(), budget.max_bytes));
    return Blob::from_vector(std::vector<std::uint8_t>(target.begin(), target.end()));
  }
  auto lo = c.data.lower_bound({inum, 0});
  auto hi = c.data.lower_bound({inum + 1, 0});
  std::uint64_t covered = lo == hi ? 0 : (std::uint64_t{std::prev(hi)->first.second} + 1) * ubifs::kBlockSize;
  std::uint64_t size = ino.size;
  if (size > covered + kMaxTrailingHole) {
    warn("size " + std::to_string(size) + " far beyond its data; cut to " + std::to_string(covered));
    size = covered;
  }
  std::uint64_t cap = output_cap(size, volume_bytes, budget);
  if (cap < size) {
    warn("cut to the output limit of " + std::to_string(cap) + " bytes");
    size = cap;
  }
  std::vector<std::uint8_t> buf(size, 0);
  std::size_t failed = 0;
  std::string first_failure;
  for (auto it = lo; it != hi; ++it) {
    std::uint64_t off = std::uint64_t{it->first.second} * ubifs::kBlockSize;
    if (off >= size) break;
    auto block = decode_block(it->second);
    if (!block) {
      if (failed++ == 0) first_failure = block.error().message;
      continue;
    }
    std::copy_n(block->begin(), std::min<std::uint64_t>(block->size(), size - off),
                buf.begin() + static_cast<std::ptrdiff_t>(off));
  }
  if (failed > 0) warn(std::to_string(failed) + " blocks did not decode (first: " + first_failure + "); left as zeros");
  return Blob::from_vector(std::move(buf));
}

InodeGraph build_graph(const ubifs::Contents& c, Sink& sink) {
  InodeGraph g;
  g.root = kRootIno;
  for (const auto& [inum, ino] : c.inodes) {
    // Extended-attribute values live in inodes of their own; unlinked inodes are gone.
    if (ino.nlink != 0 && (ino.flags & kXattrFlag) == 0) g.modes[inum] = ino.mode;
  }
  if (g.modes.emplace(kRootIno, kDefaultRootMode).second) sink.warn("ubifs: root inode missing");
  for (const auto& [key, dent] : c.dents) {
    if (dent.inum != 0) g.links.push_back({key.first, dent.inum, key.second});
  }
  return g;
}

class Ubifs final : public Format {
 public:
  std::string_view name() const override { return "ubifs"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto sb = ubifs::read_superblock(data);
    if (!sb) return make_error(Errc::kBadMagic, "no valid ubifs superblock");
    return ubifs::volume_size(data, *sb);
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto sb = ubifs::read_superblock(data.view());
    if (!sb) return make_error(Errc::kBadMagic, "no valid ubifs superblock");
    std::vector<std::string> problems;
    ubifs::Contents contents = ubifs::read_contents(data.view(), *sb, problems);
    for (const auto& p : problems) sink.warn("ubifs: " + p);
    InodeGraph graph = build_graph(contents, sink);
    ReadInode read = [&](std::uint64_t inum, const OutputBudget& budget, Sink& s) {
      return read_inode(contents, data.size(), inum, budget, s);
    };
    emit_inode_graph(graph, read, sink, name());
    return ubifs::volume_size(data.view(), *sb);
  }
};

}  // namespace

const Format& ubifs_format() {
  static const Ubifs kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
