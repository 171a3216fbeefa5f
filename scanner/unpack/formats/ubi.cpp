// UBI, the flash volume manager under UBIFS: an image is a run of physical
// eraseblocks (PEBs), all of one power-of-two size. All fields are big-endian
// and every header CRC is CRC-32 (reflected IEEE polynomial) seeded with
// 0xFFFFFFFF and not inverted at the end.
// Each PEB starts with a 64-byte erase-counter header:
//   magic "UBI#" @0, version u8 @4 (1), ec u64 @8, vid_hdr_offset u32 @16,
//   data_offset u32 @20, image_seq u32 @24, hdr_crc u32 @60 (over bytes 0..59).
// A PEB that holds data has a 64-byte volume-identifier header at
// vid_hdr_offset:
//   magic "UBI!" @0, version u8 @4, vol_type u8 @5 (1 dynamic, 2 static),
//   copy_flag u8 @6, compat u8 @7, vol_id u32 @8, lnum u32 @12, data_size u32
//   @20 (static: bytes in this LEB), used_ebs u32 @24 (static: LEBs in the
//   volume), data_pad u32 @28, data_crc u32 @32, sqnum u64 @40, hdr_crc u32 @60.
// The logical eraseblock (LEB) lnum of volume vol_id is the PEB's bytes from
// data_offset, PEB size - data_offset - data_pad long. When a LEB was moved,
// two PEBs claim it; the higher sqnum is the current one (and a copy with
// copy_flag set only counts if its data_crc matches).
// The layout volume (vol_id 0x7FFFEFFF, two LEBs holding the same table) has
// the volume table: up to 128 records of 172 bytes: reserved_pebs u32 @0,
// alignment u32 @4, data_pad u32 @8, vol_type u8 @12, upd_marker u8 @13,
// name_len u16 @14, name[128] @16, flags u8 @144, crc u32 @168 (over 0..167).
// A record whose reserved_pebs is 0 is an unused slot. Other internal volumes
// (ids above the layout volume's, such as fastmap) are not members.
// Each volume becomes one member "<name>.ubivol": static volumes trimmed to
// their data, dynamic volumes as whole LEBs up to the highest mapped one
// (unmapped LEBs read as erased flash, 0xFF).
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "scanner/core/hash.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/output_cap.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"UBI#", 0}};
constexpr std::uint32_t kHeaderSize = 64;
constexpr std::uint32_t kLayoutVolume = 0x7FFFEFFF;
constexpr std::uint32_t kRecordSize = 172;
constexpr std::uint32_t kMaxVolumes = 128;
constexpr std::uint8_t kDynamic = 1, kStatic = 2;
constexpr std::uint64_t kMinPeb = 1 << 10, kMaxPeb = 1 << 24;
constexpr std::size_t kMaxWarnings = 20;
// Damaged PEBs in a row that still count as part of the image when an intact
// one follows; a longer run means the image has ended.
constexpr std::uint32_t kMaxDamagedRun = 8;

std::uint32_t ubi_crc(ByteView b) { return ~crc32_update(0, b); }

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

struct Geometry {
  std::uint64_t peb_size = 0;
  std::uint32_t vid_offset = 0;
  std::uint32_t data_offset = 0;
  std::uint32_t image_seq = 0;
};

/// The erase-counter header at `at`, when present and intact.
std::optional<Geometry> read_ec(ByteView data, std::uint64_t at) {
  ByteReader r(data, Endian::kBig);
  auto block = r.bytes(at, kHeaderSize);
  if (!block || !r.matches(at, "UBI#") || *r.u8(at + 4) != 1) return std::nullopt;
  if (ubi_crc(block->first(60)) != *r.u32(at + 60)) return std::nullopt;
  Geometry g;
  g.vid_offset = *r.u32(at + 16);
  g.data_offset = *r.u32(at + 20);
  g.image_seq = *r.u32(at + 24);
  if (g.vid_offset < kHeaderSize || g.data_offset < std::uint64_t{g.vid_offset} + kHeaderSize) return std::nullopt;
  return g;
}

bool same_layout(const Geometry& a, const Geometry& b) {
  return a.vid_offset == b.vid_offset && a.data_offset == b.data_offset && a.image_seq == b.image_seq;
}

bool erased(ByteView data, std::uint64_t at, std::uint64_t len) {
  auto b = slice(data, at, std::min<std::uint64_t>(len, data.size() - std::min<std::uint64_t>(at, data.size())));
  return !b.empty() && std::all_of(b.begin(), b.end(), [](std::uint8_t x) { return x == 0xFF; });
}

/// Finds the PEB size: the smallest power of two at which the next PEB's
/// erase-counter header repeats this one's layout and image sequence.
Result<Geometry> detect_geometry(ByteView data) {
  auto first = read_ec(data, 0);
  if (!first) return make_error(Errc::kBadMagic, "no valid UBI erase-counter header");
  for (std::uint64_t size = kMinPeb; size <= kMaxPeb && size < data.size(); size *= 2) {
    if (size <= first->data_offset) continue;
    auto next = read_ec(data, size);
    if (next && same_layout(*first, *next)) {
      first->peb_size = size;
      return *first;
    }
  }
  return make_error(Errc::kCorrupt, "UBI: no second erase-counter header, eraseblock size unknown");
}

/// PEBs that belong to the image: intact headers of the same image, with
/// erased PEBs and short runs of damaged ones allowed between them. Counts up
/// to the last intact one.
std::uint64_t count_pebs(ByteView data, const Geometry& g) {
  std::uint64_t last = 0;
  std::uint32_t damaged_run = 0;
  for (std::uint64_t i = 0; i * g.peb_size < data.size(); ++i) {
    std::uint64_t at = i * g.peb_size;
    auto ec = read_ec(data, at);
    if (ec && same_layout(*ec, g)) {
      last = i + 1;
      damaged_run = 0;
    } else if (!erased(data, at, g.peb_size) && ++damaged_run > kMaxDamagedRun) {
      break;
    }
  }
  return last;
}

/// One PEB's claim to hold a LEB.
struct LebCopy {
  std::uint32_t vol_id = 0;
  std::uint32_t lnum = 0;
  std::uint32_t data_size = 0;
  std::uint32_t used_ebs = 0;
  std::uint32_t data_pad = 0;
  std::uint32_t data_crc = 0;
  std::uint8_t vol_type = 0;
  std::uint8_t copy_flag = 0;
  std::uint64_t sqnum = 0;
  std::uint64_t data_at = 0;  ///< image offset of the LEB's first byte
  std::uint64_t leb_size = 0;
};

struct Volume {
  std::string name;
  std::uint32_t reserved_pebs = 0;
  std::uint8_t type = kDynamic;
};

using LebKey = std::pair<std::uint32_t, std::uint32_t>;  // (vol_id, lnum)

class UbiReader {
 public:
  UbiReader(ByteView data, const Geometry& g, std::uint64_t pebs, Sink& sink)
      : data_(data), g_(g), pebs_(pebs), sink_(sink) {}

  void run() {
    collect();
    read_volume_table();
    for (const auto& [id, vol] : volumes_) {
      if (!emit(id, vol)) break;
    }
    if (suppressed_ > 0) sink_.warn("ubi: " + std::to_string(suppressed_) + " further problems not listed");
  }

 private:
  void warn(std::string m) {
    if (warnings_++ < kMaxWarnings) {
      sink_.warn("ubi: " + std::move(m));
    } else {
      ++suppressed_;
    }
  }

  std::optional<LebCopy> read_vid(std::uint64_t peb_at) {
    ByteReader r(data_, Endian::kBig);
    std::uint64_t at = peb_at + g_.vid_offset;
    auto block = r.bytes(at, kHeaderSize);
    if (!block || !r.matches(at, "UBI!")) {
      if (!erased(data_, at, kHeaderSize)) warn("PEB at " + hex(peb_at) + ": no volume header; skipped");
      return std::nullopt;
    }
    if (ubi_crc(block->first(60)) != *r.u32(at + 60)) {
      warn("PEB at " + hex(peb_at) + ": volume header CRC mismatch; skipped");
      return std::nullopt;
    }
    LebCopy c;
    c.vol_type = *r.u8(at + 5);
    c.copy_flag = *r.u8(at + 6);
    c.vol_id = *r.u32(at + 8);
    c.lnum = *r.u32(at + 12);
    c.data_size = *r.u32(at + 20);
    c.used_ebs = *r.u32(at + 24);
    c.data_pad = *r.u32(at + 28);
    c.data_crc = *r.u32(at + 32);
    c.sqnum = *r.u64(at + 40);
    c.data_at = peb_at + g_.data_offset;
    std::uint64_t room = g_.peb_size - g_.data_offset;
    bool type_ok = c.vol_type == kDynamic || c.vol_type == kStatic;
    if (!type_ok || c.data_pad >= room || (c.vol_type == kStatic && c.data_size > room - c.data_pad)) {
      warn("PEB at " + hex(peb_at) + ": volume header fields out of range; skipped");
      return std::nullopt;
    }
    c.leb_size = room - c.data_pad;
    return c;
  }

  bool data_intact(const LebCopy& c) const {
    auto bytes = slice(data_, c.data_at, c.data_size);
    return bytes.size() == c.data_size && ubi_crc(bytes) == c.data_crc;
  }

  // The newest copy wins, except that a copy made by wear-levelling
  // (copy_flag) only counts when its data arrived intact.
  void collect() {
    for (std::uint64_t i = 0; i < pebs_; ++i) {
      std::uint64_t at = i * g_.peb_size;
      // A damaged erase counter does not spoil the volume header after it.
      if (!read_ec(data_, at)) {
        if (erased(data_, at, g_.peb_size)) continue;
        warn("PEB at " + hex(at) + ": damaged erase-counter header");
      }
      auto c = read_vid(at);
      if (!c) continue;
      if (c->copy_flag != 0 && !data_intact(*c)) continue;
      auto [it, fresh] = lebs_.emplace(LebKey{c->vol_id, c->lnum}, *c);
      if (!fresh && c->sqnum > it->second.sqnum) it->second = *c;
    }
  }

  std::optional<std::map<std::uint32_t, Volume>> parse_table(const LebCopy& leb) {
    ByteReader r(data_, Endian::kBig);
    std::map<std::uint32_t, Volume> vols;
    std::uint64_t count = std::min<std::uint64_t>(kMaxVolumes, leb.leb_size / kRecordSize);
    for (std::uint32_t i = 0; i < count; ++i) {
      std::uint64_t at = leb.data_at + std::uint64_t{i} * kRecordSize;
      auto rec = r.bytes(at, kRecordSize);
      if (!rec || ubi_crc(rec->first(168)) != *r.u32(at + 168)) return std::nullopt;
      std::uint32_t reserved = *r.u32(at);
      if (reserved == 0) continue;
      std::uint16_t name_len = std::min<std::uint16_t>(*r.u16(at + 14), 127);
      vols[i] = Volume{std::string(*r.cstr(at + 16, name_len)), reserved, *r.u8(at + 12)};
    }
    return vols;
  }

  void read_volume_table() {
    for (std::uint32_t copy = 0; copy < 2; ++copy) {
      auto leb = lebs_.find({kLayoutVolume, copy});
      if (leb == lebs_.end()) continue;
      if (auto vols = parse_table(leb->second)) {
        volumes_ = std::move(*vols);
        break;
      }
      warn("volume table copy " + std::to_string(copy) + " is damaged");
    }
    bool have_table = !volumes_.empty();
    if (!have_table) warn("no intact volume table; volumes named by number");
    for (const auto& [key, leb] : lebs_) {
      // Internal volumes (layout, fastmap) start at the layout volume's id.
      if (key.first >= kLayoutVolume || volumes_.count(key.first) != 0) continue;
      volumes_[key.first] = Volume{"", 0, leb.vol_type};
      if (have_table) warn("volume " + std::to_string(key.first) + " is not in the volume table");
    }
    for (auto& [id, vol] : volumes_) {
      if (vol.name.empty()) vol.name = "volume-" + std::to_string(id);
    }
  }

  bool emit(std::uint32_t id, const Volume& vol) {
    std::vector<const LebCopy*> lebs;
    // A volume never has more LEBs than it reserved PEBs (or than the image
    // has PEBs, when the table is lost); a higher lnum is damage.
    std::uint64_t max_lebs = vol.reserved_pebs != 0 ? vol.reserved_pebs : pebs_;
    for (auto it = lebs_.lower_bound({id, 0}); it != lebs_.end() && it->first.first == id; ++it) {
      if (it->first.second >= max_lebs) {
        warn("volume " + vol.name + ": LEB " + std::to_string(it->first.second) + " beyond its reserved size");
        continue;
      }
      lebs.push_back(&it->second);
    }
    if (lebs.empty()) return true;
    Blob bytes = lebs.front()->vol_type == kStatic ? assemble_static(vol, lebs) : assemble_dynamic(vol, lebs);
    return sink_.add({vol.name + ".ubivol", EntryKind::kFile, 0644, {}, kNoOffset}, std::move(bytes));
  }

  Blob assemble_static(const Volume& vol, const std::vector<const LebCopy*>& lebs);
  Blob assemble_dynamic(const Volume& vol, const std::vector<const LebCopy*>& lebs);
  /// Appends one LEB's bytes (or erased flash when it is missing) within the budget.
  bool append(std::vector<std::uint8_t>& out, const LebCopy* leb, std::uint64_t len, const Volume& vol);

  ByteView data_;
  Geometry g_;
  std::uint64_t pebs_;
  Sink& sink_;
  std::map<LebKey, LebCopy> lebs_;
  std::map<std::uint32_t, Volume> volumes_;
  std::size_t warnings_ = 0;
  std::size_t suppressed_ = 0;
};

bool UbiReader::append(std::vector<std::uint8_t>& out, const LebCopy* leb, std::uint64_t len, const Volume& vol) {
  // Unmapped LEBs cost no input, so the ratio limit matters here.
  std::uint64_t limit = output_cap(UINT64_MAX, data_.size(), sink_.budget());
  if (out.size() >= limit || len > limit - out.size()) {
    warn("volume " + vol.name + ": cut at the output limit of " + std::to_string(limit) + " bytes");
    out.resize(std::min<std::uint64_t>(limit, out.size()));
    return false;
  }
  if (leb == nullptr) {
    out.insert(out.end(), len, 0xFF);
    return true;
  }
  auto bytes = tail(slice(data_, 0, std::min<std::uint64_t>(data_.size(), leb->data_at + len)), leb->data_at);
  if (bytes.size() < len) warn("volume " + vol.name + ": LEB " + std::to_string(leb->lnum) + " is truncated");
  out.insert(out.end(), bytes.begin(), bytes.end());
  out.insert(out.end(), len - bytes.size(), 0xFF);
  return true;
}

Blob UbiReader::assemble_static(const Volume& vol, const std::vector<const LebCopy*>& lebs) {
  std::vector<std::uint8_t> out;
  std::uint32_t used = lebs.front()->used_ebs;
  std::size_t next = 0;
  for (std::uint32_t lnum = 0; lnum < used && lnum < pebs_; ++lnum) {
    while (next < lebs.size() && lebs[next]->lnum < lnum) ++next;
    const LebCopy* leb = next < lebs.size() && lebs[next]->lnum == lnum ? lebs[next] : nullptr;
    if (leb == nullptr) {
      warn("static volume " + vol.name + ": LEB " + std::to_string(lnum) + " missing; volume cut there");
      break;
    }
    if (!data_intact(*leb)) warn("static volume " + vol.name + ": LEB " + std::to_string(lnum) + " data CRC mismatch");
    if (!append(out, leb, leb->data_size, vol)) break;
  }
  return Blob::from_vector(std::move(out));
}

Blob UbiReader::assemble_dynamic(const Volume& vol, const std::vector<const LebCopy*>& lebs) {
  std::vector<std::uint8_t> out;
  std::uint64_t leb_size = lebs.front()->leb_size;
  std::size_t next = 0;
  for (std::uint32_t lnum = 0; lnum <= lebs.back()->lnum; ++lnum) {
    const LebCopy* leb = next < lebs.size() && lebs[next]->lnum == lnum ? lebs[next++] : nullptr;
    if (!append(out, leb, leb_size, vol)) break;
  }
  return Blob::from_vector(std::move(out));
}

class Ubi final : public Format {
 public:
  std::string_view name() const override { return "ubi"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto g = detect_geometry(data);
    if (!g) return g.error();
    return std::min<std::uint64_t>(count_pebs(data, *g) * g->peb_size, data.size());
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto g = detect_geometry(data.view());
    if (!g) return g.error();
    std::uint64_t pebs = count_pebs(data.view(), *g);
    UbiReader(data.view(), *g, pebs, sink).run();
    return std::min<std::uint64_t>(pebs * g->peb_size, data.size());
  }
};

}  // namespace

const Format& ubi_format() {
  static const Ubi kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
