#include "scanner/fingerprint/metadata/package_hit.h"

#include "scanner/fingerprint/naming/purl.h"

namespace pedigree::fingerprint {

ComponentHit package_hit(const PackageRecord& r, const PackageDb& db, const ComponentCatalog& catalog,
                         const FileRef& file) {
  ComponentHit h;
  auto name = catalog.package_component(r.package);
  if (!name && !r.source.empty()) name = catalog.package_component(r.source);
  h.name = name ? *name : r.package;
  h.version = upstream_version(r.version, db.scheme);
  if (db.scheme != VersionScheme::kPlain) h.distro_version = r.version;
  h.purl = format_purl(Purl{
      std::string(db.purl_type), std::string(db.purl_namespace), r.package, r.version, {{"arch", r.architecture}}});
  h.evidence.kind = std::string(db.evidence_kind);
  h.evidence.source = file.path;
  h.evidence.origin = file.origin;
  h.evidence.offset = r.offset;
  h.evidence.text = "Package: " + r.package + " Version: " + r.version;
  if (!r.source.empty() && r.source != r.package) h.evidence.text += " Source: " + r.source;
  h.evidence.version = h.version;
  return h;
}

}  // namespace pedigree::fingerprint
