#include "scanner/fingerprint/metadata/buildroot_manifest.h"

#include <algorithm>

#include "scanner/fingerprint/metadata/package_hit.h"
#include "scanner/fingerprint/naming/csv.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kManifest = "manifest.csv";
constexpr PackageDb kBuildroot{"generic", "buildroot", "manifest", VersionScheme::kPlain};

std::ptrdiff_t column(const CsvRow& header, std::string_view name) {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : it - header.begin();
}

}  // namespace

void BuildrootManifestAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!file.path.ends_with(kManifest)) return;
  auto rows = parse_csv(as_chars(file.data));
  if (rows.empty()) return;
  auto pkg = column(rows.front(), "PACKAGE");
  auto ver = column(rows.front(), "VERSION");
  if (pkg < 0 || ver < 0) return;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (static_cast<std::size_t>(std::max(pkg, ver)) >= row.size()) continue;
    PackageRecord r;
    r.package = row[pkg];
    r.version = row[ver];
    r.offset = i;  // the row number: CSV rows may span lines
    if (r.package.empty() || r.version.empty()) continue;
    out.components.push_back(package_hit(r, kBuildroot, catalog_, file));
  }
}

}  // namespace pedigree::fingerprint
