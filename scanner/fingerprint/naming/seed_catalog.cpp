#include "scanner/fingerprint/naming/seed_catalog.h"

#include <algorithm>

#include "scanner/fingerprint/naming/csv.h"
#include "scanner/fingerprint/naming/seed_data.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kVersionSlot = "{version}";
constexpr std::string_view kAnySlot = "*";
/// A file name version has at least this many dot-separated numbers, so that
/// an ABI link name (libz.so.1) is never read as a version.
constexpr std::size_t kMinVersionParts = 2;

/// Rows as header-name → value maps, so that column order does not matter.
std::vector<std::map<std::string, std::string>> records(std::string_view text) {
  auto rows = parse_csv(text);
  std::vector<std::map<std::string, std::string>> out;
  if (rows.empty()) return out;
  const CsvRow& header = rows.front();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> rec;
    for (std::size_t c = 0; c < header.size() && c < rows[r].size(); ++c) rec[header[c]] = rows[r][c];
    out.push_back(std::move(rec));
  }
  return out;
}

bool is_dotted_version(std::string_view v) {
  std::size_t parts = 1;
  bool digit = false;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && digit) {
      ++parts;
      digit = false;
    } else {
      return false;
    }
  }
  return digit && parts >= kMinVersionParts;
}

}  // namespace

SeedCatalog::SeedCatalog(const SeedTexts& texts) {
  for (auto text : texts.components) {
    for (auto& r : records(text)) {
      if (r["name"].empty()) continue;
      ComponentNaming n{r["name"],           r["cpe_vendor"], r["cpe_product"], r["purl_type"],
                        r["purl_namespace"], r["purl_name"],  r["supplier"],    "application"};
      naming_.emplace(n.name, std::move(n));
    }
  }
  for (auto& r : records(texts.types)) {
    auto it = naming_.find(r["name"]);
    if (it != naming_.end() && !r["type"].empty()) it->second.type = r["type"];
  }
  for (auto text : texts.aliases) {
    for (auto& r : records(text)) {
      if (r["kind"] == "package" && !r["alias"].empty()) packages_.emplace(r["alias"], r["name"]);
    }
  }
  for (auto& r : records(texts.soname_versions)) {
    const std::string& p = r["pattern"];
    bool versioned = true;
    auto slot = p.find(kVersionSlot);
    auto width = kVersionSlot.size();
    if (slot == std::string::npos) {
      versioned = false;
      slot = p.find(kAnySlot);
      width = kAnySlot.size();
    }
    if (slot == std::string::npos || r["name"].empty()) continue;
    files_.push_back({p.substr(0, slot), p.substr(slot + width), versioned, r["name"]});
  }
  // Patterns that read a version win over those that only name the library.
  std::stable_sort(files_.begin(), files_.end(),
                   [](const FilePattern& a, const FilePattern& b) { return a.versioned > b.versioned; });
}

const ComponentNaming* SeedCatalog::lookup(std::string_view name) const {
  auto it = naming_.find(name);
  return it == naming_.end() ? nullptr : &it->second;
}

std::optional<std::string> SeedCatalog::package_component(std::string_view package) const {
  if (auto it = packages_.find(package); it != packages_.end()) return it->second;
  if (naming_.contains(package)) return std::string(package);
  return std::nullopt;
}

std::optional<LibraryFileMatch> SeedCatalog::soname_version(std::string_view file) const {
  for (const auto& p : files_) {
    if (file.size() <= p.prefix.size() + p.suffix.size()) continue;
    if (!file.starts_with(p.prefix) || !file.ends_with(p.suffix)) continue;
    auto middle = file.substr(p.prefix.size(), file.size() - p.prefix.size() - p.suffix.size());
    if (!p.versioned) return LibraryFileMatch{p.name, ""};
    if (is_dotted_version(middle)) return LibraryFileMatch{p.name, std::string(middle)};
  }
  return std::nullopt;
}

const ComponentCatalog& seed_catalog() {
  static const SeedCatalog kCatalog(SeedTexts{
      {seed_data::components_csv, seed_data::operating_systems_csv},
      seed_data::component_types_csv,
      {seed_data::component_aliases_csv, seed_data::package_aliases_csv},
      seed_data::soname_versions_csv,
  });
  return kCatalog;
}

}  // namespace pedigree::fingerprint
