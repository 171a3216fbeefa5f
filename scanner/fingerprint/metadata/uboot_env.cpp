#include "scanner/fingerprint/metadata/uboot_env.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace pedigree::fingerprint {
namespace {

/// Variables almost every environment sets; a block is looked for around each.
constexpr std::string_view kMarkers[] = {"bootcmd=", "bootdelay=", "baudrate=", "bootargs=", "ethaddr="};
/// Header sizes: CRC32 alone, or CRC32 and the redundant environment's flags byte.
constexpr std::uint64_t kPlainHeader = 4;
constexpr std::uint64_t kRedundantHeader = 5;
/// Longest "name=value" accepted, and most variables in one block.
constexpr std::uint64_t kMaxVariable = 8192;
constexpr std::uint32_t kMaxVariables = 4096;
/// Header positions whose CRC is computed per marker (the rest only counted as fallbacks).
constexpr int kMaxCrcCandidates = 4;

bool is_value_byte(std::uint8_t b) { return (b >= 0x20 && b < 0x7f) || b == '\t' || b == '\n'; }

/// Bytes of the variable at `at` including its NUL, or 0 when the bytes there
/// are not one: a name without blanks, '=', a printable value, NUL.
std::uint64_t variable_at(ByteView d, std::uint64_t at) {
  bool named = false;
  for (std::uint64_t i = at; i < d.size() && i - at <= kMaxVariable; ++i) {
    std::uint8_t b = d[i];
    if (b == 0) return named ? i - at + 1 : 0;
    if (!is_value_byte(b)) return 0;
    if (named) continue;
    if (b == '=') {
      if (i == at) return 0;
      named = true;
    } else if (b == ' ' || b == '\t' || b == '\n') {
      return 0;
    }
  }
  return 0;
}

/// True when whole variables run from `from` exactly to `to`.
bool chain_reaches(ByteView d, std::uint64_t from, std::uint64_t to) {
  std::uint64_t at = from;
  while (at < to) {
    std::uint64_t n = variable_at(d, at);
    if (n == 0) return false;
    at += n;
  }
  return at == to;
}

struct Run {
  std::uint64_t end = 0;  ///< just past the empty string; 0: no end found
  std::uint32_t count = 0;
};

/// The variables from `at` to the empty string that ends them.
Run run_from(ByteView d, std::uint64_t at) {
  Run r;
  while (at < d.size() && r.count < kMaxVariables) {
    if (d[at] == 0) {
      r.end = at + 1;
      return r;
    }
    std::uint64_t n = variable_at(d, at);
    if (n == 0) return {};
    at += n;
    ++r.count;
  }
  return {};
}

/// True when [from, to) is all 0x00 or all 0xff.
bool is_fill(ByteView d, std::uint64_t from, std::uint64_t to) {
  if (from >= to) return true;
  std::uint8_t f = d[from];
  if (f != 0x00 && f != 0xff) return false;
  return std::all_of(d.begin() + static_cast<std::ptrdiff_t>(from), d.begin() + static_cast<std::ptrdiff_t>(to),
                     [f](std::uint8_t b) { return b == f; });
}

/// Environment sizes tried for a header at `h`, ascending: powers of two and the rest of the file.
std::vector<std::uint64_t> sizes_for(std::uint64_t h, std::uint64_t data_end, std::uint64_t file_size) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t s = kUBootEnvMinSize; s <= kUBootEnvMaxSize; s *= 2) {
    if (h + s >= data_end && h + s <= file_size) out.push_back(s);
  }
  std::uint64_t rest = file_size - h;
  if (rest <= kUBootEnvMaxSize && h + rest >= data_end) out.push_back(rest);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// The block with its header at `h`: CRC-checked at every size, or kept with
/// crc_ok false when only fill follows its variables.
std::optional<UBootEnvironment> check(ByteView d, std::uint64_t h, std::uint64_t header, const Run& run) {
  auto stored = ByteReader(d).u32(h);
  auto sizes = sizes_for(h, run.end, d.size());
  if (!stored || sizes.empty()) return std::nullopt;
  UBootEnvironment e;
  e.offset = h;
  e.data_offset = h + header;
  e.data_end = run.end;
  e.redundant = header == kRedundantHeader;
  e.stored_crc = *stored;
  e.variables = run.count;
  uLong crc = crc32(0L, Z_NULL, 0);
  std::uint64_t done = e.data_offset;
  for (std::uint64_t s : sizes) {
    crc = crc32_z(crc, d.data() + done, h + s - done);
    done = h + s;
    if (crc == e.stored_crc) {
      e.size = s;
      e.crc_ok = true;
      e.computed_crc = static_cast<std::uint32_t>(crc);
      return e;
    }
  }
  e.size = sizes.front();
  if (!is_fill(d, run.end, h + e.size)) return std::nullopt;
  e.computed_crc = uboot_env_crc(d.subspan(e.data_offset, h + e.size - e.data_offset));
  return e;
}

/// The block a marker variable at `m` belongs to, if it is in one.
std::optional<UBootEnvironment> block_around(ByteView d, std::uint64_t m) {
  if (m < kPlainHeader) return std::nullopt;
  std::uint64_t lowest = m > kUBootEnvMaxLead + kRedundantHeader ? m - kUBootEnvMaxLead - kRedundantHeader : 0;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> fallback;  // farthest back (header, header size)
  int checked = 0;
  for (std::uint64_t h = (m - kPlainHeader) / kUBootEnvAlign * kUBootEnvAlign;; h -= kUBootEnvAlign) {
    for (std::uint64_t header : {kPlainHeader, kRedundantHeader}) {
      if (h + header > m || !chain_reaches(d, h + header, m)) continue;
      if (!fallback || fallback->first != h) fallback = std::make_pair(h, header);
      if (checked++ >= kMaxCrcCandidates) continue;
      Run run = run_from(d, h + header);
      if (run.end == 0) continue;
      auto e = check(d, h, header, run);
      if (e && e->crc_ok) return e;
    }
    if (h < lowest + kUBootEnvAlign || h == 0) break;
  }
  if (!fallback) return std::nullopt;
  Run run = run_from(d, fallback->first + fallback->second);
  if (run.end == 0) return std::nullopt;
  return check(d, fallback->first, fallback->second, run);
}

/// Finds marker variables in order. Each key's next occurrence is kept, so
/// that the text is searched once per key however many blocks there are.
class MarkerFinder {
 public:
  explicit MarkerFinder(std::string_view text) : text_(text) {}

  /// The first marker at or after `from` that starts a variable, or npos.
  std::size_t next(std::size_t from) {
    std::size_t best = std::string_view::npos;
    for (std::size_t i = 0; i < std::size(kMarkers); ++i) {
      if (next_[i] != std::string_view::npos && (next_[i] < from || !searched_[i])) {
        next_[i] = find_variable(kMarkers[i], from);
        searched_[i] = true;
      }
      best = std::min(best, next_[i]);
    }
    return best;
  }

 private:
  std::size_t find_variable(std::string_view key, std::size_t from) const {
    for (std::size_t p = text_.find(key, from); p != std::string_view::npos; p = text_.find(key, p + 1)) {
      if (p == 0 || text_[p - 1] == '\0') return p;
    }
    return std::string_view::npos;
  }

  std::string_view text_;
  std::array<std::size_t, std::size(kMarkers)> next_{};
  std::array<bool, std::size(kMarkers)> searched_{};
};

}  // namespace

std::string uboot_env_warning(const UBootEnvironment& e) {
  return fmt::format(
      "U-Boot environment at 0x{:x}{}: stored CRC32 0x{:08x} matches its data area at none of the sizes tried "
      "({} KiB to {} MiB, and to the end of the file); damaged or stale, its values are reported with low confidence",
      e.offset, e.redundant ? " (redundant)" : "", e.stored_crc, kUBootEnvMinSize >> 10, kUBootEnvMaxSize >> 20);
}

std::uint32_t uboot_env_crc(ByteView data) {
  return static_cast<std::uint32_t>(crc32_z(crc32(0L, Z_NULL, 0), data.data(), data.size()));
}

std::vector<UBootEnvironment> uboot_environments(ByteView data) {
  std::vector<UBootEnvironment> out;
  MarkerFinder markers(as_chars(data));
  std::size_t from = 0;
  for (std::size_t examined = 0; examined < kUBootEnvMaxMarkers; ++examined) {
    std::size_t m = markers.next(from);
    if (m == std::string_view::npos) break;
    auto e = block_around(data, m);
    if (!e || (!out.empty() && e->offset < out.back().offset + out.back().size)) {
      from = m + 1;
      continue;
    }
    from = std::max<std::uint64_t>(e->data_end, e->offset + e->size);
    out.push_back(std::move(*e));
  }
  return out;
}

void UBootEnvAnalyzer::analyze(const FileRef& file, Facts& out) const {
  for (auto& e : uboot_environments(file.data)) {
    e.origin = file.origin;
    out.uboot_envs.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
