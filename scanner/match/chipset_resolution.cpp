#include "scanner/match/chipset_resolution.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace pedigree::match {
namespace {

/// How a kind of evidence is looked up and what it may do.
struct KindRule {
  std::string_view kind;
  db::ChipsetKey key;
  const char* group;  ///< independent groups: dt, kconfig, bus, files, text, prefix
};

constexpr KindRule kRules[] = {
    {"dt_compatible", db::ChipsetKey::kDtCompatible, "dt"},
    {"dt_soc", db::ChipsetKey::kDtCompatible, "dt"},
    {"dt_prefix", db::ChipsetKey::kDtPrefix, "prefix"},
    {"kconfig", db::ChipsetKey::kKconfig, "kconfig"},
    {"pci", db::ChipsetKey::kPci, "bus"},
    {"usb", db::ChipsetKey::kUsb, "bus"},
    {"firmware", db::ChipsetKey::kString, "files"},
    {"module", db::ChipsetKey::kString, "files"},
    {"library", db::ChipsetKey::kString, "files"},
    {"bootloader", db::ChipsetKey::kString, "text"},
    {"kernel", db::ChipsetKey::kString, "text"},
    {"dt_model", db::ChipsetKey::kString, "text"},
};

const KindRule* rule_of(std::string_view kind) {
  for (const auto& r : kRules) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// One family and what points at it.
struct Candidate {
  db::ChipsetCandidate info;
  std::vector<report::ChipsetEvidence> evidence;
  std::set<std::string> groups;
};

using Candidates = std::map<std::string, Candidate>;  // by vendor + family

std::string family_key(const db::ChipsetCandidate& c) { return c.vendor + '\x1f' + c.family; }

/// Keeps the string-key matches that occur in `value` as whole words, minus
/// those whose key lies inside a longer matching key: "ath9k_htc/htc_9271.fw"
/// names the ath9k_htc family, not also the ath9k one. `found` holds one
/// entry per family and key, in key order; one per family is kept, with the
/// first key that is left.
void keep_most_specific(std::string_view value, std::vector<db::ChipsetCandidate>& found) {
  std::erase_if(found, [&](const db::ChipsetCandidate& c) { return !contains_word(value, c.matched_key); });
  std::vector<std::string> keys;
  for (const auto& c : found) keys.push_back(c.matched_key);
  std::erase_if(found, [&](const db::ChipsetCandidate& c) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
      return k.size() > c.matched_key.size() && k.find(c.matched_key) != std::string::npos;
    });
  });
  std::set<std::string> families;
  std::erase_if(found, [&](const db::ChipsetCandidate& c) { return !families.insert(family_key(c)).second; });
}

/// Looks every distinct (kind, value) up once; adds the evidence to each family it names.
Status collect(const report::Report& r, db::ProvenanceDb& db, Candidates& out) {
  std::map<std::pair<std::string, std::string>, std::vector<const report::ChipsetEvidence*>> distinct;
  for (const auto& e : r.chipset_evidence) distinct[{e.kind, e.value}].push_back(&e);
  for (const auto& [kv, items] : distinct) {
    const KindRule* rule = rule_of(kv.first);
    if (rule == nullptr) continue;
    auto found = db.chipsets(rule->key, kv.second);
    if (!found) return found.error();
    if (rule->key == db::ChipsetKey::kString) keep_most_specific(kv.second, *found);
    for (const auto& c : *found) {
      auto& cand = out[family_key(c)];
      cand.info = c;
      cand.groups.insert(rule->group);
      for (const auto* e : items) {
        report::ChipsetEvidence copy = *e;
        copy.matched_key = c.matched_key;
        cand.evidence.push_back(std::move(copy));
      }
    }
  }
  return Ok{};
}

/// Groups that may put a family in the report on their own.
bool identifies(const Candidate& c, bool multiplatform) {
  for (const auto& g : c.groups) {
    if (g == "prefix") continue;
    if (g == "kconfig" && multiplatform) continue;
    return true;
  }
  return false;
}

std::string confidence_of(const Candidate& c) {
  std::set<std::string> groups = c.groups;
  groups.erase("prefix");
  if (groups.size() >= 2) return "high";
  if (groups.count("text") != 0 || groups.empty()) return "low";
  return "medium";
}

/// What a group of evidence is, for a reader.
std::string_view group_name(std::string_view group) {
  if (group == "dt") return "device tree";
  if (group == "kconfig") return "kernel config";
  if (group == "bus") return "PCI/USB id";
  if (group == "files") return "firmware, module or library name";
  if (group == "text") return "banner or model string";
  return group;
}

/// The basis of confidence_of's answer: the groups that count, in a fixed order.
std::string confidence_basis_of(const Candidate& c, std::string_view level) {
  std::string names;
  for (std::string_view g : {"dt", "kconfig", "bus", "files", "text"}) {
    if (c.groups.count(std::string(g)) == 0) continue;
    names += fmt::format("{}{}", names.empty() ? "" : " + ", group_name(g));
  }
  if (level == "high") return "independent kinds agree: " + names;
  if (level == "medium") return "one kind of evidence: " + names;
  return names.empty() ? "vendor prefix only" : "a bare string: " + names;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Adds every raw evidence item that names one of the family's models, and
/// returns the longest model named.
std::string find_model(const report::Report& r, Candidate& c) {
  std::string best;
  for (const auto& m : c.info.models) {
    std::string lower_model = lower(m);
    for (const auto& e : r.chipset_evidence) {
      const KindRule* rule = rule_of(e.kind);
      if (rule == nullptr || rule->group == std::string_view("prefix")) continue;
      if (!contains_word(lower(e.value), lower_model)) continue;
      if (m.size() > best.size()) best = m;
      bool known = std::any_of(c.evidence.begin(), c.evidence.end(), [&](const report::ChipsetEvidence& x) {
        return x.kind == e.kind && x.value == e.value && x.origin == e.origin && x.offset == e.offset;
      });
      if (known) continue;
      report::ChipsetEvidence copy = e;
      copy.matched_key = m;
      c.evidence.push_back(std::move(copy));
      c.groups.insert(rule->group);
    }
  }
  return best;
}

/// The device-tree model of a tree that gave this chipset a compatible.
std::string board_of(const report::Report& r, const Candidate& c) {
  for (const auto& e : c.evidence) {
    if (e.kind != "dt_compatible") continue;
    for (const auto& m : r.chipset_evidence) {
      if (m.kind == "dt_model" && m.origin == e.origin) return m.value;
    }
  }
  return {};
}

Status name_bus_ids(db::ProvenanceDb& db, report::ChipsetEvidence& e) {
  if ((e.kind != "pci" && e.kind != "usb") || e.value.size() != 9) return Ok{};
  db::Bus bus = e.kind == "pci" ? db::Bus::kPci : db::Bus::kUsb;
  auto vendor = static_cast<std::uint16_t>(std::stoul(e.value.substr(0, 4), nullptr, 16));
  auto device = static_cast<std::uint16_t>(std::stoul(e.value.substr(5), nullptr, 16));
  auto vn = db.hw_vendor_name(bus, vendor);
  if (!vn) return vn.error();
  auto dn = db.hw_device_name(bus, vendor, device);
  if (!dn) return dn.error();
  e.name = fmt::format("{} {}", vn->value_or("?"), dn->value_or("?"));
  return Ok{};
}

report::Chipset to_chipset(const report::Report& r, Candidate& c, std::vector<report::Warning>& warnings) {
  report::Chipset out;
  out.role = chipset_role(c.info.family);
  out.vendor = c.info.vendor;
  out.family = c.info.family;
  out.country = c.info.vendor_country;
  out.model = find_model(r, c);
  out.board = board_of(r, c);
  out.confidence = confidence_of(c);
  out.confidence_basis = confidence_basis_of(c, out.confidence);
  std::sort(c.evidence.begin(), c.evidence.end(), [](const auto& a, const auto& b) {
    return std::tie(a.kind, a.value, a.origin, a.offset) < std::tie(b.kind, b.value, b.origin, b.offset);
  });
  if (c.evidence.size() > kMaxEvidencePerChipset) {
    warnings.push_back({"chipset", "",
                        fmt::format("{} {}: {} more pieces of evidence not listed", out.vendor, out.family,
                                    c.evidence.size() - kMaxEvidencePerChipset)});
    c.evidence.resize(kMaxEvidencePerChipset);
  }
  out.evidence = std::move(c.evidence);
  return out;
}

/// Marks main-SoC families that contradict each other and says so.
void flag_disagreement(std::vector<report::Chipset>& chipsets, std::vector<report::Warning>& warnings) {
  std::vector<report::Chipset*> strong;
  for (auto& c : chipsets) {
    if (c.role == "soc" && c.confidence != "low") strong.push_back(&c);
  }
  if (strong.size() < 2) return;
  std::string names;
  for (auto* c : strong) {
    c->disputed = true;
    names += (names.empty() ? "" : " vs ") + fmt::format("{} {}", c->vendor, c->family);
  }
  warnings.push_back({"chipset", "", "evidence names more than one main SoC: " + names});
}

}  // namespace

std::string chipset_role(std::string_view family) {
  std::string f(family);
  std::transform(f.begin(), f.end(), f.begin(), ::tolower);
  if (f.find("wi-fi") != std::string::npos || f.find("wlan") != std::string::npos) return "wifi";
  if (f.find("bluetooth") != std::string::npos) return "bluetooth";
  if (f.find("modem") != std::string::npos || f.find("lte") != std::string::npos) return "modem";
  return "soc";
}

bool contains_word(std::string_view text, std::string_view key) {
  if (key.empty()) return false;
  for (auto pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
    bool before = pos == 0 || !is_word_char(text[pos - 1]) || !is_word_char(key.front());
    std::size_t end = pos + key.size();
    bool after = end == text.size() || !is_word_char(text[end]) || !is_word_char(key.back());
    if (before && after) return true;
  }
  return false;
}

Status resolve_chipsets(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  Candidates candidates;
  if (auto st = collect(r, db, candidates); !st) return st;
  std::size_t kconfig_socs = 0;
  for (const auto& [key, c] : candidates) {
    if (c.groups.count("kconfig") != 0 && chipset_role(c.info.family) == "soc") ++kconfig_socs;
  }
  bool multiplatform = kconfig_socs > kMaxKconfigFamilies;
  r.chipsets.clear();
  for (auto& [key, c] : candidates) {
    if (!identifies(c, multiplatform)) continue;
    r.chipsets.push_back(to_chipset(r, c, r.warnings));
  }
  for (auto& chip : r.chipsets) {
    for (auto& e : chip.evidence) {
      if (auto st = name_bus_ids(db, e); !st) return st;
    }
  }
  flag_disagreement(r.chipsets, r.warnings);
  std::sort(r.chipsets.begin(), r.chipsets.end(), [](const auto& a, const auto& b) {
    return std::tie(a.role, a.vendor, a.family) < std::tie(b.role, b.vendor, b.family);
  });
  for (const auto& chip : r.chipsets) {
    const char* role = chip.role == "soc"         ? "soc"
                       : chip.role == "wifi"      ? "wifi-chip"
                       : chip.role == "bluetooth" ? "bluetooth-chip"
                                                  : "modem";
    std::string subject = chip.model.empty() ? chip.family : chip.family + " " + chip.model;
    std::string origin = chip.evidence.empty() ? std::string() : chip.evidence.front().origin;
    if (auto st = vendors.add(chip.vendor, {role, subject, origin}); !st) return st;
  }
  return Ok{};
}

}  // namespace pedigree::match
