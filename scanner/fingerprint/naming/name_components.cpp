#include "scanner/fingerprint/naming/name_components.h"

#include "scanner/fingerprint/naming/cpe.h"
#include "scanner/fingerprint/naming/purl.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kOperatingSystem = "operating-system";

/// Type of a component the catalog does not know, from what said it.
std::string fallback_type(const report::Component& c) {
  for (const auto& e : c.evidence) {
    if (e.kind == "os-release") return std::string(kOperatingSystem);
  }
  return c.name.starts_with("lib") ? "library" : "application";
}

}  // namespace

void name_components(std::vector<report::Component>& components, const ComponentCatalog& catalog) {
  for (auto& c : components) {
    const ComponentNaming* n = catalog.lookup(c.name);
    if (n == nullptr) {
      c.type = fallback_type(c);
      continue;
    }
    c.type = n->type;
    c.supplier = n->supplier;
    c.cpe = format_cpe(c.type == kOperatingSystem ? 'o' : 'a', n->cpe_vendor, n->cpe_product, c.version);
    if (c.purl.empty()) c.purl = format_purl(Purl{n->purl_type, n->purl_namespace, n->purl_name, c.version, {}});
  }
}

}  // namespace pedigree::fingerprint
