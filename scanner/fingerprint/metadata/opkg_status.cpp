#include "scanner/fingerprint/metadata/opkg_status.h"

#include "scanner/fingerprint/metadata/package_hit.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kStatus = "/usr/lib/opkg/status";
constexpr std::string_view kInfoDir = "/usr/lib/opkg/info/";
constexpr std::string_view kControl = ".control";
constexpr PackageDb kOpkg{"opkg", "openwrt", "package-db", VersionScheme::kOpkg};

bool is_opkg_file(std::string_view path) {
  if (path.ends_with(kStatus)) return true;
  auto dir = path.find(kInfoDir);
  return dir != std::string_view::npos && path.ends_with(kControl) &&
         path.find('/', dir + kInfoDir.size()) == std::string_view::npos;
}

}  // namespace

void OpkgStatusAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!is_opkg_file(file.path)) return;
  for (const auto& r : parse_control_stanzas(as_chars(file.data))) {
    if (r.version.empty() || !is_installed(r)) continue;
    out.components.push_back(package_hit(r, kOpkg, catalog_, file));
  }
}

}  // namespace pedigree::fingerprint
