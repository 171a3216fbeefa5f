#include "scanner/unpack/formats/jffs2_scan.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "scanner/core/hash.h"

namespace pedigree::unpack::jffs2 {
namespace {

// A run of damaged bytes this long without one valid node means the scan has
// left the file system (the largest node is a 64 KiB page plus its header).
constexpr std::uint64_t kMaxGarbageRun = 256 << 10;
constexpr std::size_t kMaxProblems = 20;
constexpr std::uint32_t kMinEraseSize = 4096;
constexpr std::uint32_t kMaxEraseSize = 256 << 10;

struct Header {
  std::uint16_t type;
  std::uint32_t totlen;
};

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

bool known_type(std::uint16_t type) {
  switch (type | kNodeAccurate) {
    case kTypeDirent:
    case kTypeInode:
    case kTypeCleanmarker:
    case kTypePadding:
    case kTypeSummary:
    case kTypeXattr:
    case kTypeXref: return true;
    default: return false;
  }
}

std::optional<Header> read_header(const ByteReader& r, std::uint64_t off) {
  auto magic = r.u16(off);
  auto type = r.u16(off + 2);
  auto totlen = r.u32(off + 4);
  auto hdr_crc = r.u32(off + 8);
  if (!hdr_crc || *magic != kMagic || *totlen < kHeaderSize) return std::nullopt;
  // Obsoleting a node clears its ACCURATE bit after the CRC was computed, so
  // the CRC covers the type with that bit set.
  std::array<std::uint8_t, 8> h{};
  std::copy_n(r.data().begin() + static_cast<std::ptrdiff_t>(off), h.size(), h.begin());
  h[r.endian() == Endian::kLittle ? 3 : 2] |= kNodeAccurate >> 8;
  if (crc(h) != *hdr_crc) return std::nullopt;
  return Header{*type, *totlen};
}

/// Offset of the first byte at or after `off` that is not erased flash (0xFF).
std::uint64_t first_unerased(ByteView data, std::uint64_t off) {
  if (off >= data.size()) return data.size();
  auto it = std::find_if(data.begin() + static_cast<std::ptrdiff_t>(off), data.end(),
                         [](std::uint8_t b) { return b != 0xFF; });
  return static_cast<std::uint64_t>(it - data.begin());
}

bool power_of_two(std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

class Scanner {
 public:
  Scanner(ByteView data, Endian endian, bool full) : data_(data), r_(data, endian), full_(full) {}

  ScanResult run() {
    std::uint64_t off = 0;
    while (off + kHeaderSize <= data_.size()) {
      if (r_.u32(off) == 0xFFFFFFFFU) {
        flush_garbage(off);
        off = std::max(first_unerased(data_, off) & ~std::uint64_t{3}, off + 4);
        continue;
      }
      auto h = read_header(r_, off);
      if (h && !in_bounds(off, h->totlen, data_.size())) {
        problem("node at " + hex(off) + " runs past the end of the image (truncated)");
        h.reset();
      }
      if (!h) {
        if (garbage_from_ == kNone) garbage_from_ = off;
        off += 4;
        if ((garbage_run_ += 4) > kMaxGarbageRun) break;
        continue;
      }
      flush_garbage(off);
      garbage_run_ = 0;
      node(off, *h);
      res_.end = off + h->totlen;
      off = align_up(off + h->totlen, 4);
    }
    flush_garbage(std::min<std::uint64_t>(off, data_.size()));
    if (more_problems_ > 0) res_.problems.push_back(std::to_string(more_problems_) + " further damaged nodes");
    res_.erase_size = erase_size();
    return std::move(res_);
  }

 private:
  static constexpr std::uint64_t kNone = UINT64_MAX;

  void problem(std::string message) {
    if (res_.problems.size() < kMaxProblems) {
      res_.problems.push_back(std::move(message));
    } else {
      ++more_problems_;
    }
  }

  void flush_garbage(std::uint64_t upto) {
    if (garbage_from_ == kNone) return;
    problem("skipped " + std::to_string(upto - garbage_from_) + " damaged bytes at " + hex(garbage_from_));
    garbage_from_ = kNone;
  }

  void node(std::uint64_t off, const Header& h) {
    if ((h.type & kNodeAccurate) == 0) return;  // obsoleted
    if (h.type == kTypeCleanmarker) cleanmarkers_.push_back(off);
    if (!full_) return;
    if (h.type == kTypeInode) inode_node(off, h.totlen);
    if (h.type == kTypeDirent) dirent_node(off, h.totlen);
  }

  /// The node CRC (at `at`) covers the node's first `covered` bytes.
  bool node_crc_ok(std::uint64_t off, std::uint32_t covered, std::uint32_t at) const {
    auto stored = r_.u32(off + at);
    return stored && crc(slice(data_, off, covered)) == *stored;
  }

  void inode_node(std::uint64_t off, std::uint32_t totlen) {
    if (totlen < kInodeNodeSize || !node_crc_ok(off, kInodeNodeSize - 8, kInodeNodeSize - 4)) {
      problem("inode node at " + hex(off) + ": bad node CRC; skipped");
      return;
    }
    DataNode n;
    n.ino = *r_.u32(off + 12);
    n.version = *r_.u32(off + 16);
    n.mode = *r_.u32(off + 20);
    n.isize = *r_.u32(off + 28);
    n.offset = *r_.u32(off + 44);
    n.csize = *r_.u32(off + 48);
    n.dsize = *r_.u32(off + 52);
    n.compr = *r_.u8(off + 56);
    n.at = off;
    std::uint32_t data_crc = *r_.u32(off + 60);
    if (n.csize > totlen - kInodeNodeSize || crc(slice(data_, off + kInodeNodeSize, n.csize)) != data_crc) {
      problem("inode node at " + hex(off) + " (inode " + std::to_string(n.ino) + "): bad data CRC; skipped");
      return;
    }
    res_.inodes.push_back(n);
  }

  void dirent_node(std::uint64_t off, std::uint32_t totlen) {
    if (totlen < kDirentNodeSize || !node_crc_ok(off, kDirentNodeSize - 8, kDirentNodeSize - 8)) {
      problem("directory entry at " + hex(off) + ": bad node CRC; skipped");
      return;
    }
    DirentNode d;
    d.pino = *r_.u32(off + 12);
    d.version = *r_.u32(off + 16);
    d.ino = *r_.u32(off + 20);
    std::uint8_t nsize = *r_.u8(off + 28);
    auto name = slice(data_, off + kDirentNodeSize, nsize);
    if (nsize > totlen - kDirentNodeSize || crc(name) != *r_.u32(off + 36)) {
      problem("directory entry at " + hex(off) + ": bad name CRC; skipped");
      return;
    }
    d.name = std::string(as_chars(name));
    res_.dirents.push_back(std::move(d));
  }

  // Every erase block starts with a clean marker (NOR images), so their
  // smallest spacing is the erase-block size.
  std::uint32_t erase_size() const {
    std::uint64_t best = 0;
    for (std::size_t i = 1; i < cleanmarkers_.size(); ++i) {
      std::uint64_t d = cleanmarkers_[i] - cleanmarkers_[i - 1];
      if (best == 0 || d < best) best = d;
    }
    if (!power_of_two(best) || best < kMinEraseSize || best > kMaxEraseSize) return 0;
    return static_cast<std::uint32_t>(best);
  }

  ByteView data_;
  ByteReader r_;
  bool full_;
  ScanResult res_;
  std::vector<std::uint64_t> cleanmarkers_;
  std::uint64_t garbage_from_ = kNone;
  std::uint64_t garbage_run_ = 0;
  std::size_t more_problems_ = 0;
};

}  // namespace

std::uint32_t crc(ByteView bytes) { return ~crc32_update(0xFFFFFFFFU, bytes); }

std::optional<Endian> header_endian(ByteView data) {
  for (Endian e : {Endian::kLittle, Endian::kBig}) {
    ByteReader r(data, e);
    auto h = read_header(r, 0);
    if (h && known_type(h->type) && h->totlen <= data.size()) return e;
  }
  return std::nullopt;
}

ScanResult scan(ByteView data, Endian endian, bool full) { return Scanner(data, endian, full).run(); }

std::uint64_t instance_size(ByteView data, const ScanResult& scan) {
  std::uint64_t end = scan.end;
  std::uint64_t erased = first_unerased(data, end);
  // Nodes are padded with 0xFF to a 4-byte boundary.
  if (align_up(end, 4) <= erased) end = align_up(end, 4);
  if (erased <= end) return end;
  if (scan.erase_size != 0) {
    std::uint64_t boundary = align_up(end, scan.erase_size);
    return boundary <= erased ? boundary : end;
  }
  // Erase size unknown: take the largest plausible boundary the padding reaches.
  for (std::uint64_t size = kMaxEraseSize; size >= kMinEraseSize; size /= 2) {
    std::uint64_t boundary = align_up(end, size);
    if (boundary <= erased) return boundary;
  }
  return end;
}

}  // namespace pedigree::unpack::jffs2
