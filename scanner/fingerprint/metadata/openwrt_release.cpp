#include "scanner/fingerprint/metadata/openwrt_release.h"

#include "scanner/fingerprint/metadata/key_values.h"
#include "scanner/fingerprint/metadata/os_release.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kRelease = "/etc/openwrt_release";
constexpr std::string_view kVersion = "/etc/openwrt_version";
constexpr std::string_view kSnapshot = "SNAPSHOT";
constexpr std::size_t kMaxVersionLine = 128;

}  // namespace

void OpenwrtReleaseAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (file.path.ends_with(kVersion)) {
    auto text = as_chars(file.data);
    auto line = text.substr(0, text.find('\n'));
    if (line.empty() || line.size() > kMaxVersionLine) return;
    out.components.push_back(distribution_hit(catalog_, "openwrt", "", "os-release", std::string(line), file, 0));
    return;
  }
  if (!file.path.ends_with(kRelease)) return;
  auto kvs = parse_key_values(as_chars(file.data));
  const auto* id = find_key(kvs, "DISTRIB_ID");
  if (id == nullptr || id->value.empty()) return;
  const auto* release = find_key(kvs, "DISTRIB_RELEASE");
  const auto* desc = find_key(kvs, "DISTRIB_DESCRIPTION");
  std::string version = release && release->value != kSnapshot ? release->value : "";
  out.components.push_back(distribution_hit(catalog_, id->value, version, "os-release",
                                            desc ? desc->value : "DISTRIB_ID=" + id->value, file, id->offset));
}

}  // namespace pedigree::fingerprint
