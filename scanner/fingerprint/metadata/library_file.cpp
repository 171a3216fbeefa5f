#include "scanner/fingerprint/metadata/library_file.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kElfMagic =
    "\x7f"
    "ELF";

}  // namespace

void LibraryFileAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!as_chars(file.data).starts_with(kElfMagic)) return;
  auto slash = file.path.rfind('/');
  std::string_view base = std::string_view(file.path).substr(slash == std::string::npos ? 0 : slash + 1);
  if (!base.starts_with("l")) return;  // every pattern names a lib* or ld-* file
  auto match = catalog_.soname_version(base);
  if (!match) return;
  ComponentHit h;
  h.name = match->name;
  h.version = match->version;
  h.evidence.kind = "filename";
  h.evidence.source = "soname_versions.csv";
  h.evidence.origin = file.origin;
  h.evidence.text = std::string(base);
  h.evidence.version = h.version;
  out.components.push_back(std::move(h));
}

}  // namespace pedigree::fingerprint
