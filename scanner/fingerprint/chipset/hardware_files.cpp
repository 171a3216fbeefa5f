#include "scanner/fingerprint/chipset/hardware_files.h"

#include "scanner/fingerprint/text_scan.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kFirmwareDirs[] = {"/lib/firmware/", "/etc/firmware/", "/vendor/firmware/"};
constexpr std::string_view kModuleSuffixes[] = {".ko", ".ko.xz", ".ko.gz", ".ko.zst"};

report::ChipsetEvidence make(const char* kind, std::string_view value) {
  report::ChipsetEvidence e;
  e.kind = kind;
  e.value = std::string(value);
  return e;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<report::ChipsetEvidence> hardware_file_evidence(std::string_view path) {
  for (std::string_view dir : kFirmwareDirs) {
    auto at = path.find(dir);
    if (at != std::string_view::npos && path.size() > at + dir.size())
      return make("firmware", path.substr(at + dir.size()));
  }
  std::string_view base = base_name(path);
  for (std::string_view suffix : kModuleSuffixes) {
    if (ends_with(base, suffix) && base.size() > suffix.size())
      return make("module", base.substr(0, base.size() - suffix.size()));
  }
  // libmpi.so, libmpi.so.1, libmi_sys.so.1.2: the name up to ".so".
  auto so = base.find(".so");
  bool shared_object = so != std::string_view::npos && (so + 3 == base.size() || base[so + 3] == '.');
  if (base.rfind("lib", 0) == 0 && shared_object && so > 3) return make("library", base.substr(0, so + 3));
  return std::nullopt;
}

void HardwareFileAnalyzer::analyze(const FileRef& file, Facts& out) const {
  auto e = hardware_file_evidence(file.path);
  if (!e) return;
  e->origin = file.origin;
  out.chipset_evidence.push_back(std::move(*e));
}

}  // namespace pedigree::fingerprint
