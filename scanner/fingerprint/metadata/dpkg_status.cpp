#include "scanner/fingerprint/metadata/dpkg_status.h"

#include "scanner/fingerprint/metadata/package_hit.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kStatus = "/var/lib/dpkg/status";
constexpr std::string_view kStatusDir = "/var/lib/dpkg/status.d/";
constexpr std::string_view kChecksums = ".md5sums";
constexpr PackageDb kDpkg{"deb", "debian", "package-db", VersionScheme::kDpkg};

bool is_status_file(std::string_view path) {
  if (path.ends_with(kStatus)) return true;
  auto dir = path.find(kStatusDir);
  return dir != std::string_view::npos && path.size() > dir + kStatusDir.size() && !path.ends_with(kChecksums) &&
         path.find('/', dir + kStatusDir.size()) == std::string_view::npos;
}

}  // namespace

void DpkgStatusAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!is_status_file(file.path)) return;
  for (const auto& r : parse_control_stanzas(as_chars(file.data))) {
    if (r.version.empty() || !is_installed(r)) continue;
    out.components.push_back(package_hit(r, kDpkg, catalog_, file));
  }
}

}  // namespace pedigree::fingerprint
