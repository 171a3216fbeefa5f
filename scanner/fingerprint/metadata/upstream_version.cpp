#include "scanner/fingerprint/metadata/upstream_version.h"

#include <array>

namespace pedigree::fingerprint {
namespace {

/// Debian repack markers: the upstream version ends where one begins.
constexpr std::array<std::string_view, 9> kRepackTags = {"+dfsg", "~dfsg",   ".dfsg",   "+ds",    "~ds",
                                                         ".ds",   "+repack", "~repack", "+debian"};
constexpr std::string_view kReally = "+really";
/// Release tags some projects append to their version ("2.1.12-stable"): the
/// version they release, and the one CVE data names, is the number before it.
constexpr std::string_view kStableTag = "-stable";
constexpr std::size_t kSnapshotDateDigits = 8;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view drop_epoch(std::string_view v) {
  auto colon = v.find(':');
  if (colon != std::string_view::npos && all_digits(v.substr(0, colon))) v.remove_prefix(colon + 1);
  return v;
}

/// Removes "-REVISION" when the revision is digits, or 'r' and digits.
std::string_view drop_numbered_revision(std::string_view v) {
  auto dash = v.rfind('-');
  if (dash == std::string_view::npos) return v;
  auto rev = v.substr(dash + 1);
  if (rev.starts_with('r')) rev.remove_prefix(1);
  return all_digits(rev) ? v.substr(0, dash) : v;
}

/// Drops a Debian snapshot suffix "+YYYYMMDD" ("30+20221128": git after
/// release 30): the binary states the release it builds on.
std::string_view drop_snapshot_date(std::string_view v) {
  auto plus = v.rfind('+');
  if (plus == std::string_view::npos || plus == 0) return v;
  auto date = v.substr(plus + 1);
  return date.size() == kSnapshotDateDigits && all_digits(date) && date.starts_with("20") ? v.substr(0, plus) : v;
}

std::string_view dpkg_upstream(std::string_view v) {
  v = drop_epoch(v);
  if (auto dash = v.rfind('-'); dash != std::string_view::npos) v = v.substr(0, dash);
  if (auto really = v.find(kReally); really != std::string_view::npos) v.remove_prefix(really + kReally.size());
  for (auto tag : kRepackTags) {
    if (auto at = v.find(tag); at != std::string_view::npos && at > 0) v = v.substr(0, at);
  }
  if (v.ends_with(kStableTag) && v.size() > kStableTag.size()) v.remove_suffix(kStableTag.size());
  return drop_snapshot_date(v);
}

}  // namespace

std::string upstream_version(std::string_view packaged, VersionScheme scheme) {
  switch (scheme) {
    case VersionScheme::kDpkg: return std::string(dpkg_upstream(packaged));
    case VersionScheme::kOpkg: return std::string(drop_numbered_revision(drop_epoch(packaged)));
    case VersionScheme::kYocto: return std::string(drop_numbered_revision(packaged));
    case VersionScheme::kPlain: break;
  }
  return std::string(packaged);
}

}  // namespace pedigree::fingerprint
