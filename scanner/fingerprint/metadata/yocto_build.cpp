#include "scanner/fingerprint/metadata/yocto_build.h"

#include "scanner/fingerprint/metadata/key_values.h"
#include "scanner/fingerprint/metadata/os_release.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kPath = "/etc/build";

}  // namespace

void YoctoBuildAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!file.path.ends_with(kPath)) return;
  auto kvs = parse_key_values(as_chars(file.data));
  const auto* distro = find_key(kvs, "DISTRO");
  const auto* version = find_key(kvs, "DISTRO_VERSION");
  if (distro == nullptr || distro->value.empty()) return;
  std::string v = version ? version->value : "";
  out.components.push_back(distribution_hit(catalog_, distro->value, v, "manifest",
                                            "DISTRO = " + distro->value + " DISTRO_VERSION = " + v, file,
                                            distro->offset));
}

}  // namespace pedigree::fingerprint
