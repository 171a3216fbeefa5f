#include "scanner/fingerprint/metadata/os_release.h"

#include "scanner/fingerprint/metadata/key_values.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kEtc = "/etc/os-release";
constexpr std::string_view kUsrLib = "/usr/lib/os-release";

}  // namespace

ComponentHit distribution_hit(const ComponentCatalog& catalog, std::string id, std::string version,
                              std::string_view kind, std::string text, const FileRef& file, std::uint64_t offset) {
  for (char& c : id) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  ComponentHit h;
  auto canonical = catalog.package_component(id);
  h.name = canonical ? *canonical : id;
  h.version = std::move(version);
  h.evidence.kind = std::string(kind);
  h.evidence.source = file.path;
  h.evidence.origin = file.origin;
  h.evidence.offset = offset;
  h.evidence.text = std::move(text);
  h.evidence.version = h.version;
  return h;
}

void OsReleaseAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!file.path.ends_with(kEtc) && !file.path.ends_with(kUsrLib)) return;
  auto kvs = parse_key_values(as_chars(file.data));
  const auto* id = find_key(kvs, "ID");
  if (id == nullptr || id->value.empty()) return;
  const auto* version = find_key(kvs, "VERSION_ID");
  const auto* pretty = find_key(kvs, "PRETTY_NAME");
  out.components.push_back(distribution_hit(catalog_, id->value, version ? version->value : "", "os-release",
                                            pretty ? pretty->value : "ID=" + id->value, file, id->offset));
}

}  // namespace pedigree::fingerprint
