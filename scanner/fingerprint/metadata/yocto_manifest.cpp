#include "scanner/fingerprint/metadata/yocto_manifest.h"

#include "scanner/fingerprint/metadata/package_hit.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kSuffix = ".manifest";
constexpr std::size_t kFields = 3;
constexpr PackageDb kYocto{"generic", "yocto", "manifest", VersionScheme::kYocto};

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    auto start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool printable(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

void YoctoManifestAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!file.path.ends_with(kSuffix)) return;
  auto text = as_chars(file.data);
  std::vector<PackageRecord> records;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    auto w = words(line);
    if (!w.empty()) {
      if (w.size() != kFields || !printable(w[0]) || !printable(w[1]) || !printable(w[2])) return;
      records.push_back({std::string(w[0]), std::string(w[2]), "", std::string(w[1]), "", pos});
    }
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  for (const auto& r : records) out.components.push_back(package_hit(r, kYocto, catalog_, file));
}

}  // namespace pedigree::fingerprint
