#include "scanner/fingerprint/chipset/boot_banners.h"

#include <cctype>
#include <set>
#include <string>

#include "scanner/fingerprint/text_scan.h"

namespace pedigree::fingerprint {
namespace {

struct Banner {
  std::string_view anchor;
  const char* kind;
  /// Bytes after the anchor that must be digits (a version), so that
  /// messages merely naming the program ("U-Boot environment") do not count.
  std::size_t digits;
};

constexpr Banner kBanners[] = {
    {"U-Boot SPL ", "bootloader", 4}, {"U-Boot TPL ", "bootloader", 4},  {"U-Boot ", "bootloader", 4},
    {"barebox ", "bootloader", 4},    {"CFE version ", "bootloader", 1}, {"RedBoot(tm) ", "bootloader", 0},
    {"Linux version ", "kernel", 1},
};

bool digits_follow(std::string_view run, std::size_t from, std::size_t n) {
  if (run.size() < from + n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(run[from + i]))) return false;
  }
  return true;
}

/// Banners end at a format directive or line break; what follows is not theirs.
std::string_view trim_banner(std::string_view run) {
  auto cut = run.find_first_of("\n\r%");
  run = run.substr(0, cut);
  while (!run.empty() && run.back() == ' ') run.remove_suffix(1);
  return run;
}

}  // namespace

std::vector<report::ChipsetEvidence> boot_banners(ByteView data) {
  std::vector<report::ChipsetEvidence> out;
  std::set<std::string> seen;
  std::string_view text = as_chars(data);
  for (const Banner& b : kBanners) {
    for (std::size_t pos : find_all(text, b.anchor, kMaxBannersPerFile * 8)) {
      // A banner starts a string: "U-Boot " inside "Das U-Boot " is prose.
      if (pos > 0 && is_printable(text[pos - 1]) && text[pos - 1] != '\n') continue;
      std::string_view run = trim_banner(printable_run(text, pos));
      if (!digits_follow(run, b.anchor.size(), b.digits)) continue;
      if (!seen.insert(std::string(run)).second) continue;
      report::ChipsetEvidence e;
      e.kind = b.kind;
      e.value = std::string(run);
      e.offset = pos;
      out.push_back(std::move(e));
      if (out.size() == kMaxBannersPerFile) return out;
    }
  }
  return out;
}

void BootBannerAnalyzer::analyze(const FileRef& file, Facts& out) const {
  for (auto& e : boot_banners(file.data)) {
    e.origin = file.origin;
    out.chipset_evidence.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
