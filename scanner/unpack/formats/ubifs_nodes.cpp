#include "scanner/unpack/formats/ubifs_nodes.h"

#include <cstdio>
#include <set>

#include "scanner/core/hash.h"

namespace pedigree::unpack::ubifs {
namespace {

constexpr std::uint32_t kMinLebSize = 15 * 1024;
constexpr std::uint32_t kMaxLebSize = 64 << 20;
constexpr std::uint32_t kSbNodeSize = 4096;
constexpr std::uint32_t kMstNodeSize = 512;
constexpr std::uint32_t kIdxHeaderSize = 28;
constexpr std::uint32_t kRefNodeSize = 64;
constexpr std::uint8_t kCsNode = 10;
// A branch is lnum, offs, len and an 8-byte key, plus a hash of up to 64
// bytes on authenticated file systems.
constexpr std::uint32_t kMinBranch = 20, kMaxBranch = 20 + 64;
constexpr std::uint32_t kMaxLevels = 512;
constexpr std::uint32_t kMasterLnum = 1, kLogLnum = 3;
constexpr std::uint8_t kPaddingByte = 0xCE;
constexpr std::uint32_t kKeyTypeShift = 29, kKeyValueMask = 0x1FFFFFFF;
constexpr std::size_t kMaxProblems = 20;

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

struct Node {
  std::uint64_t at = 0;
  std::uint32_t len = 0;
  std::uint8_t type = 0;
  std::uint64_t sqnum = 0;
};

/// The volume as LEBs, with node validation and the state being rebuilt.
class Reader {
 public:
  Reader(ByteView data, const Superblock& sb, std::vector<std::string>& problems)
      : data_(data),
        r_(data, Endian::kLittle),
        sb_(sb),
        problems_(problems),
        lebs_(std::min<std::uint64_t>(sb.leb_cnt, (data.size() + sb.leb_size - 1) / sb.leb_size)) {}

  Contents run() {
    auto master = find_master();
    bool index_ok = master && walk_index(*master);
    if (master && index_ok) replay_journal(*master);
    if (!index_ok) {
      problem("index unusable; rebuilt from a scan of every LEB (deleted files may reappear)");
      scan_all();
    }
    if (more_ > 0) problems_.push_back(std::to_string(more_) + " further problems not listed");
    return std::move(c_);
  }

 private:
  void problem(std::string m) {
    if (problems_.size() < kMaxProblems) {
      problems_.push_back(std::move(m));
    } else {
      ++more_;
    }
  }

  std::string where(std::uint64_t lnum, std::uint64_t offs) const {
    return "LEB " + std::to_string(lnum) + " offset " + hex(offs);
  }

  std::optional<Node> node_at(std::uint64_t lnum, std::uint64_t offs) const {
    if (lnum >= lebs_ || offs + kCommonHeaderSize > sb_.leb_size) return std::nullopt;
    std::uint64_t at = lnum * sb_.leb_size + offs;
    auto len = r_.u32(at + 16);
    if (!len || *r_.u32(at) != kNodeMagic || *len < kCommonHeaderSize || offs + *len > sb_.leb_size)
      return std::nullopt;
    auto body = r_.bytes(at + 8, *len - 8);
    if (!body || crc(*body) != *r_.u32(at + 4)) return std::nullopt;
    return Node{at, *len, *r_.u8(at + 20), *r_.u64(at + 8)};
  }

  /// Visits the intact nodes of one LEB in order from `offs`, stepping over
  /// padding and damage, until erased space.
  template <typename Fn>
  void for_each_node(std::uint64_t lnum, std::uint64_t offs, Fn&& fn) {
    std::uint64_t damaged_from = UINT64_MAX;
    while (offs + kCommonHeaderSize <= sb_.leb_size) {
      std::uint64_t at = lnum * sb_.leb_size + offs;
      if (auto n = node_at(lnum, offs)) {
        fn(*n);
        std::uint64_t next = offs + n->len;
        if (n->type == kPadNode) next += r_.u32(at + 24).value_or(0);
        offs = align_up(next, 8);
        continue;
      }
      auto word = r_.u64(at);
      if (!word || *word == UINT64_MAX) break;  // erased: the rest of the LEB is unwritten
      if (*r_.u8(at) != kPaddingByte && damaged_from == UINT64_MAX) damaged_from = offs;
      offs += 8;
    }
    if (damaged_from != UINT64_MAX) problem("damaged data at " + where(lnum, damaged_from));
  }

  std::optional<Node> find_master() {
    std::optional<Node> best;
    for (std::uint64_t lnum : {kMasterLnum, kMasterLnum + 1}) {
      for_each_node(lnum, 0, [&](const Node& n) {
        if (n.type == kMstNode && n.len >= kMstNodeSize && (!best || n.sqnum > best->sqnum)) best = n;
      });
    }
    if (!best) problem("no intact master node");
    return best;
  }

  bool walk_index(const Node& master);
  bool walk_idx_node(const Node& n, std::uint32_t expect_level, std::vector<std::pair<Node, std::uint32_t>>& stack);
  void replay_journal(const Node& master);
  void scan_all();
  void add_leaf(const Node& n);

  ByteView data_;
  ByteReader r_;
  Superblock sb_;
  std::vector<std::string>& problems_;
  std::uint64_t lebs_;
  std::size_t more_ = 0;
  Contents c_;
};

bool Reader::walk_index(const Node& master) {
  std::uint32_t root_lnum = *r_.u32(master.at + 48);
  std::uint32_t root_offs = *r_.u32(master.at + 52);
  auto root = node_at(root_lnum, root_offs);
  if (!root || root->type != kIdxNode) {
    problem("index root at " + where(root_lnum, root_offs) + " is not an intact index node");
    return false;
  }
  std::uint32_t root_level = r_.u16(root->at + 26).value_or(0);
  std::vector<std::pair<Node, std::uint32_t>> stack{{*root, root_level}};
  std::set<std::uint64_t> visited;
  bool ok = true;
  while (!stack.empty()) {
    auto [n, level] = stack.back();
    stack.pop_back();
    if (!visited.insert(n.at).second) {
      problem("index node at " + hex(n.at) + " is referenced twice");
      ok = false;
      continue;
    }
    ok = walk_idx_node(n, level, stack) && ok;
  }
  return ok;
}

bool Reader::walk_idx_node(const Node& n, std::uint32_t expect_level,
                           std::vector<std::pair<Node, std::uint32_t>>& stack) {
  std::uint32_t count = r_.u16(n.at + 24).value_or(0);
  std::uint32_t level = r_.u16(n.at + 26).value_or(0);
  std::uint32_t body = n.len > kIdxHeaderSize ? n.len - kIdxHeaderSize : 0;
  std::uint32_t branch = count == 0 ? 0 : body / count;
  if (level != expect_level || level > kMaxLevels || count == 0 || body % count != 0 || branch < kMinBranch ||
      branch > kMaxBranch) {
    problem("index node at " + hex(n.at) + " is malformed");
    return false;
  }
  bool ok = true;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint64_t b = n.at + kIdxHeaderSize + std::uint64_t{i} * branch;
    std::uint32_t lnum = *r_.u32(b), offs = *r_.u32(b + 4), len = *r_.u32(b + 8);
    auto child = node_at(lnum, offs);
    bool expected = child && child->len == len && (level > 0 ? child->type == kIdxNode : child->type != kIdxNode);
    if (!expected) {
      problem("index branch to " + where(lnum, offs) + " does not lead to an intact node");
      ok = false;
    } else if (level > 0) {
      stack.emplace_back(*child, level - 1);
    } else {
      add_leaf(*child);
    }
  }
  return ok;
}

// Nodes written since the last commit are not in the index yet: the log
// (starting at the master's log_lnum with a commit-start node) lists the
// LEBs ("buds") they went to.
void Reader::replay_journal(const Node& master) {
  std::uint32_t log_lnum = *r_.u32(master.at + 44);
  std::uint64_t cmt_no = *r_.u64(master.at + 32);
  if (sb_.log_lebs == 0 || log_lnum < kLogLnum || log_lnum >= kLogLnum + sb_.log_lebs) return;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> buds;
  std::optional<std::uint64_t> start_sqnum;
  bool stale = false;
  for (std::uint32_t i = 0; i < sb_.log_lebs && !stale; ++i) {
    std::uint32_t lnum = kLogLnum + (log_lnum - kLogLnum + i) % sb_.log_lebs;
    for_each_node(lnum, 0, [&](const Node& n) {
      if (stale || n.type == kPadNode) return;  // padding carries no sequence number
      if (!start_sqnum) {
        if (n.type == kCsNode && r_.u64(n.at + 24) == cmt_no) start_sqnum = n.sqnum;
        stale = !start_sqnum;
      } else if (n.sqnum < *start_sqnum) {
        stale = true;  // left over from before the last commit
      } else if (!stale && n.type == kRefNode && n.len >= kRefNodeSize) {
        buds.emplace_back(*r_.u32(n.at + 24), *r_.u32(n.at + 28));
      }
    });
  }
  for (auto [lnum, offs] : buds) {
    for_each_node(lnum, offs, [&](const Node& n) {
      if (n.sqnum > *start_sqnum) add_leaf(n);
    });
  }
}

void Reader::scan_all() {
  // Only the main area holds file-system nodes; the LPT and orphan areas before it do not.
  std::uint64_t main_first = std::uint64_t{kLogLnum} + sb_.log_lebs + sb_.lpt_lebs + sb_.orph_lebs;
  for (std::uint64_t lnum = main_first; lnum < lebs_; ++lnum) {
    for_each_node(lnum, 0, [&](const Node& n) { add_leaf(n); });
  }
}

template <typename Map, typename Key, typename Rec>
void keep_newest(Map& map, Key key, Rec rec) {
  auto [it, fresh] = map.emplace(std::move(key), rec);
  if (!fresh && rec.sqnum > it->second.sqnum) it->second = rec;
}

void Reader::add_leaf(const Node& n) {
  std::uint64_t inum = *r_.u32(n.at + 24);
  std::uint32_t key2 = r_.u32(n.at + 28).value_or(0);
  std::uint32_t key_type = key2 >> kKeyTypeShift;
  if (n.type == kInoNode && n.len >= kInoNodeSize && key_type == kInoNode) {
    std::uint32_t data_len = *r_.u32(n.at + 112);
    InodeRec rec{n.sqnum, *r_.u64(n.at + 48), *r_.u32(n.at + 92), *r_.u32(n.at + 104), *r_.u32(n.at + 108), {}};
    if (data_len <= n.len - kInoNodeSize) rec.inline_data = slice(data_, n.at + kInoNodeSize, data_len);
    keep_newest(c_.inodes, inum, rec);
  } else if (n.type == kDentNode && n.len >= kDentNodeSize && key_type == kDentNode) {
    std::uint16_t nlen = *r_.u16(n.at + 50);
    if (nlen > n.len - kDentNodeSize) return;
    std::string name(as_chars(slice(data_, n.at + kDentNodeSize, nlen)));
    keep_newest(c_.dents, std::make_pair(inum, std::move(name)), DentRec{n.sqnum, *r_.u64(n.at + 40)});
  } else if (n.type == kDataNode && n.len >= kDataNodeSize && key_type == kDataNode) {
    DataRec rec{n.sqnum, *r_.u32(n.at + 40), *r_.u16(n.at + 44),
                slice(data_, n.at + kDataNodeSize, n.len - kDataNodeSize)};
    keep_newest(c_.data, std::make_pair(inum, key2 & kKeyValueMask), rec);
  }
}

}  // namespace

std::uint32_t crc(ByteView bytes) { return ~crc32_update(0, bytes); }

std::optional<Superblock> read_superblock(ByteView data) {
  ByteReader r(data, Endian::kLittle);
  auto body = r.bytes(8, kSbNodeSize - 8);
  if (!body || *r.u32(0) != kNodeMagic || *r.u32(16) != kSbNodeSize || *r.u8(20) != kSbNode) return std::nullopt;
  if (crc(*body) != *r.u32(4)) return std::nullopt;
  Superblock sb;
  std::uint32_t min_io = *r.u32(32);
  sb.leb_size = *r.u32(36);
  sb.leb_cnt = *r.u32(40);
  sb.log_lebs = *r.u32(56);
  sb.lpt_lebs = *r.u32(60);
  sb.orph_lebs = *r.u32(64);
  sb.flags = *r.u32(28);
  sb.default_compr = *r.u16(84);
  std::uint8_t key_fmt = *r.u8(27);
  bool sane = sb.leb_size >= kMinLebSize && sb.leb_size <= kMaxLebSize && sb.leb_size % 8 == 0 && min_io != 0 &&
              (min_io & (min_io - 1)) == 0 && min_io <= sb.leb_size && sb.leb_cnt > kLogLnum && key_fmt == 0 &&
              std::uint64_t{sb.log_lebs} + sb.lpt_lebs + sb.orph_lebs < sb.leb_cnt;
  if (!sane) return std::nullopt;
  return sb;
}

std::uint64_t volume_size(ByteView data, const Superblock& sb) {
  std::uint64_t lebs = std::min<std::uint64_t>(sb.leb_cnt, (data.size() + sb.leb_size - 1) / sb.leb_size);
  std::uint64_t used = 1;
  for (std::uint64_t lnum = 1; lnum < lebs; ++lnum) {
    ByteReader r(data, Endian::kLittle);
    std::uint64_t at = lnum * sb.leb_size;
    auto len = r.u32(at + 16);
    if (!len || *r.u32(at) != kNodeMagic || *len < kCommonHeaderSize || *len > sb.leb_size) continue;
    auto body = r.bytes(at + 8, *len - 8);
    if (body && crc(*body) == *r.u32(at + 4)) used = lnum + 1;
  }
  return std::min<std::uint64_t>(used * sb.leb_size, data.size());
}

Contents read_contents(ByteView data, const Superblock& sb, std::vector<std::string>& problems) {
  return Reader(data, sb, problems).run();
}

}  // namespace pedigree::unpack::ubifs
