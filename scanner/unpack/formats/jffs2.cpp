// JFFS2, the journalling flash file system: a log of nodes with no
// superblock and no index. Every node starts on a 4-byte boundary with a
// 12-byte header, all fields in the file system's byte order (either):
//   magic u16 = 0x1985, nodetype u16, totlen u32 (whole node), hdr_crc u32
//   over the first 8 bytes (computed with the ACCURATE bit 0x2000 of nodetype
//   set; clearing that bit later marks the node obsolete).
// Node types: 0xE001 directory entry, 0xE002 inode (data), 0x2003 clean
// marker (starts each erased block on NOR flash), 0x2004 padding, 0x2006
// erase-block summary, 0xE008/0xE009 extended attributes. Space between
// nodes is erased flash (0xFF).
// Inode node (68 bytes + data): ino u32 @12, version u32 @16, mode u32 @20
//   (POSIX st_mode), uid u16 @24, gid u16 @26, isize u32 @28 (file size after
//   this node), atime/mtime/ctime u32 @32/36/40, offset u32 @44, csize u32
//   @48 (stored bytes), dsize u32 @52 (decoded bytes), compr u8 @56, usercompr
//   u8 @57, flags u16 @58, data_crc u32 @60 (over the stored bytes), node_crc
//   u32 @64 (over bytes 0..59). Each node holds bytes [offset, offset+dsize)
//   of the inode; where nodes overlap the highest version wins. A symlink's
//   data is its target, a device's is its device number.
// Directory entry (40 bytes + name): pino u32 @12, version u32 @16, ino u32
//   @20 (0 = the name was unlinked), mctime u32 @24, nsize u8 @28, type u8
//   @29, node_crc u32 @32 (over bytes 0..31), name_crc u32 @36. For each
//   (parent, name) the highest version is the live entry. The root is inode 1.
// CRCs are CRC-32 with the reflected IEEE polynomial, seed 0, no inversion.
#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/inode_tree.h"
#include "scanner/unpack/formats/jffs2_compr.h"
#include "scanner/unpack/formats/jffs2_scan.h"
#include "scanner/unpack/formats/output_cap.h"

namespace pedigree::unpack {
namespace {

// Nodes of live types and of their obsoleted forms, in both byte orders.
constexpr Magic kMagics[] = {
    {"\x85\x19\x03\x20", 0}, {"\x85\x19\x01\xe0", 0}, {"\x85\x19\x02\xe0", 0}, {"\x85\x19\x04\x20", 0},
    {"\x85\x19\x06\x20", 0}, {"\x85\x19\x01\xc0", 0}, {"\x85\x19\x02\xc0", 0}, {"\x19\x85\x20\x03", 0},
    {"\x19\x85\xe0\x01", 0}, {"\x19\x85\xe0\x02", 0}, {"\x19\x85\x20\x04", 0}, {"\x19\x85\x20\x06", 0},
    {"\x19\x85\xc0\x01", 0}, {"\x19\x85\xc0\x02", 0},
};

constexpr std::uint32_t kRootIno = 1;
constexpr std::uint32_t kDefaultRootMode = 040755;
// Kernel pages (the most one node holds) are at most 64 KiB; anything far
// larger is damage, and this bounds what one node may make us allocate.
constexpr std::uint32_t kMaxNodeData = 1 << 20;

using NodeList = std::vector<const jffs2::DataNode*>;

/// Rebuilds one inode's bytes from its data nodes, oldest version first.
class FileAssembler {
 public:
  FileAssembler(ByteView image, const NodeList& nodes, std::uint64_t ino) : image_(image), nodes_(nodes), ino_(ino) {}

  Blob read(const OutputBudget& budget, Sink& sink) {
    std::uint64_t covered = 0;
    for (const auto* n : nodes_) covered = std::max<std::uint64_t>(covered, std::uint64_t{n->offset} + n->dsize);
    std::uint64_t size = nodes_.empty() ? 0 : nodes_.back()->isize;
    if (size > covered) {
      warn(sink,
           "size " + std::to_string(size) + " exceeds the data its nodes hold; cut to " + std::to_string(covered));
      size = covered;
    }
    std::uint64_t cap = output_cap(size, image_.size(), budget);
    if (cap < size) {
      warn(sink, "cut to the output limit of " + std::to_string(cap) + " bytes");
      size = cap;
    }
    buf_.assign(size, 0);
    for (const auto* n : nodes_) {
      if (std::chrono::steady_clock::now() > budget.deadline) {
        warn(sink, "time limit reached while decoding");
        break;
      }
      apply(*n);
    }
    if (failed_ > 0) {
      warn(sink, std::to_string(failed_) + " data nodes did not decode (first: " + first_failure_ + "); left as zeros");
    }
    buf_.resize(std::min<std::uint64_t>(len_, buf_.size()));
    return Blob::from_vector(std::move(buf_));
  }

 private:
  void warn(Sink& sink, const std::string& what) const {
    sink.warn("jffs2: inode " + std::to_string(ino_) + ": " + what);
  }

  void fail(std::string why) {
    if (failed_++ == 0) first_failure_ = std::move(why);
  }

  void zero(std::uint64_t from, std::uint64_t to) {
    from = std::min<std::uint64_t>(from, buf_.size());
    to = std::min<std::uint64_t>(to, buf_.size());
    if (from < to)
      std::fill(buf_.begin() + static_cast<std::ptrdiff_t>(from), buf_.begin() + static_cast<std::ptrdiff_t>(to), 0);
  }

  // Writes the node's range, then applies its isize: a smaller isize is a
  // truncation, so bytes past it are gone until a later node rewrites them.
  void apply(const jffs2::DataNode& n) {
    std::uint64_t end = std::uint64_t{n.offset} + n.dsize;
    if (n.compr == jffs2::kComprZero) {
      zero(n.offset, end);  // a hole node: may be large, never allocated
    } else if (n.dsize > kMaxNodeData) {
      fail("node of " + std::to_string(n.dsize) + " bytes");
    } else if (n.dsize > 0 && n.offset < buf_.size()) {
      auto stored = slice(image_, n.at + jffs2::kInodeNodeSize, n.csize);
      auto bytes = jffs2::decompress(n.compr, stored, n.dsize);
      if (bytes) {
        std::uint64_t take = std::min<std::uint64_t>(bytes->size(), buf_.size() - n.offset);
        std::copy_n(bytes->begin(), take, buf_.begin() + static_cast<std::ptrdiff_t>(n.offset));
      } else {
        fail(bytes.error().message);
      }
    }
    std::uint64_t high = std::max(len_, end);
    if (n.isize < high) zero(n.isize, high);
    len_ = n.isize;
  }

  ByteView image_;
  const NodeList& nodes_;
  std::uint64_t ino_;
  std::vector<std::uint8_t> buf_;
  std::uint64_t len_ = 0;
  std::size_t failed_ = 0;
  std::string first_failure_;
};

/// The live state of the log: latest metadata per inode, latest entry per name.
struct LogState {
  InodeGraph graph;
  std::unordered_map<std::uint32_t, NodeList> nodes;
};

LogState replay(const jffs2::ScanResult& scan) {
  LogState st;
  std::unordered_map<std::uint32_t, const jffs2::DataNode*> latest;
  for (const auto& n : scan.inodes) {
    st.nodes[n.ino].push_back(&n);
    auto& cur = latest[n.ino];
    if (cur == nullptr || n.version >= cur->version) cur = &n;
  }
  for (auto& [ino, list] : st.nodes) {
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->version < b->version; });
  }
  for (const auto& [ino, n] : latest) st.graph.modes[ino] = n->mode;
  st.graph.root = kRootIno;
  st.graph.modes.emplace(kRootIno, kDefaultRootMode);  // mkfs.jffs2 writes no node for the root

  std::map<std::pair<std::uint32_t, std::string_view>, const jffs2::DirentNode*> names;
  for (const auto& d : scan.dirents) {
    auto& cur = names[{d.pino, d.name}];
    if (cur == nullptr || d.version >= cur->version) cur = &d;
  }
  for (const auto& [key, d] : names) {
    if (d->ino != 0) st.graph.links.push_back({d->pino, d->ino, d->name});
  }
  return st;
}

class Jffs2 final : public Format {
 public:
  std::string_view name() const override { return "jffs2"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto endian = jffs2::header_endian(data);
    if (!endian) return make_error(Errc::kBadMagic, "no valid jffs2 node header");
    return jffs2::instance_size(data, jffs2::scan(data, *endian, false));
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto endian = jffs2::header_endian(data.view());
    if (!endian) return make_error(Errc::kBadMagic, "no valid jffs2 node header");
    jffs2::ScanResult scan = jffs2::scan(data.view(), *endian, true);
    for (const auto& p : scan.problems) sink.warn("jffs2: " + p);
    LogState st = replay(scan);
    static const NodeList kNone;
    ReadInode read = [&](std::uint64_t ino, const OutputBudget& budget, Sink& s) {
      auto it = st.nodes.find(static_cast<std::uint32_t>(ino));
      return FileAssembler(data.view(), it == st.nodes.end() ? kNone : it->second, ino).read(budget, s);
    };
    emit_inode_graph(st.graph, read, sink, name());
    return jffs2::instance_size(data.view(), scan);
  }
};

}  // namespace

const Format& jffs2_format() {
  static const Jffs2 kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
