#include "scanner/fingerprint/chipset/module_aliases.h"

#include <set>
#include <string>

#include "scanner/fingerprint/text_scan.h"

namespace pedigree::fingerprint {
namespace {

struct Bus {
  std::string_view prefix;  ///< "alias pci:v"
  const char* kind;
  char device_tag;     ///< letter before the device id
  std::size_t digits;  ///< width of each id field
};

constexpr Bus kBuses[] = {{"alias pci:v", "pci", 'd', 8}, {"alias usb:v", "usb", 'p', 4}};

bool is_hex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

/// "vvvv:dddd" of one line, or "" when the line is not an exact id of `bus`.
std::string exact_id(std::string_view line, const Bus& bus) {
  if (line.rfind(bus.prefix, 0) != 0) return {};
  std::string_view rest = line.substr(bus.prefix.size());
  if (rest.size() < 2 * bus.digits + 1 || rest[bus.digits] != bus.device_tag) return {};
  std::string_view vendor = rest.substr(0, bus.digits);
  std::string_view device = rest.substr(bus.digits + 1, bus.digits);
  if (!is_hex(vendor) || !is_hex(device)) return {};
  // PCI fields are 32 bits wide, but ids are 16: the upper half is zero.
  vendor = vendor.substr(bus.digits - 4);
  device = device.substr(bus.digits - 4);
  return ascii_lower(vendor) + ":" + ascii_lower(device);
}

}  // namespace

std::vector<report::ChipsetEvidence> module_alias_ids(std::string_view text) {
  std::vector<report::ChipsetEvidence> out;
  std::set<std::string> seen;
  std::size_t pos = 0;
  while (pos < text.size() && out.size() < kMaxAliasIds) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    for (const Bus& bus : kBuses) {
      std::string id = exact_id(line, bus);
      if (id.empty() || !seen.insert(std::string(bus.kind) + id).second) continue;
      report::ChipsetEvidence e;
      e.kind = bus.kind;
      e.value = std::move(id);
      e.offset = pos;
      out.push_back(std::move(e));
    }
    pos = eol + 1;
  }
  return out;
}

void ModuleAliasAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (base_name(file.path) != "modules.alias") return;
  for (auto& e : module_alias_ids(as_chars(file.data))) {
    e.origin = file.origin;
    out.chipset_evidence.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
