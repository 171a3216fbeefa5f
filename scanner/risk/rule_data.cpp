#include "scanner/risk/rule_data.h"

#include <array>
#include <nlohmann/json.hpp>

#include "scanner/core/hash.h"
#include "scanner/fingerprint/component_rules_analyzer.h"

namespace pedigree::risk {
namespace {

constexpr std::string_view kEol =
#include "pedigree_data/eol_csv.inc"
    ;
constexpr std::string_view kProvisions =
#include "pedigree_data/provisions_json.inc"
    ;
constexpr std::string_view kDefault =
#include "pedigree_data/policies_default_json.inc"
    ;
constexpr std::string_view kUsProcurement =
#include "pedigree_data/policies_us-procurement_json.inc"
    ;
constexpr std::string_view kEuCra =
#include "pedigree_data/policies_eu-cra_json.inc"
    ;

struct Preset {
  std::string_view name, text;
};
constexpr std::array<Preset, 3> kPresets = {
    {{"default", kDefault}, {"us-procurement", kUsProcurement}, {"eu-cra", kEuCra}}};

std::vector<std::string> strings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& s : j) out.push_back(s.get<std::string>());
  }
  return out;
}

ProvisionsMap parse_provisions() {
  ProvisionsMap m;
  auto j = nlohmann::json::parse(kProvisions);
  for (const auto& p : j.at("provisions")) {
    m.provisions.push_back(
        {p.at("id").get<std::string>(), p.at("framework").get<std::string>(), p.at("title").get<std::string>()});
  }
  for (const auto& [kind, k] : j.at("kinds").items()) {
    m.kinds[kind] = {k.at("area").get<std::string>(), k.at("help").get<std::string>(),
                     k.at("remediation").get<std::string>(), strings(k.at("provisions"))};
  }
  m.not_assessable = strings(j.value("not_assessable", nlohmann::json::array()));
  m.sbom_provisions = strings(j.value("sbom_provisions", nlohmann::json::array()));
  return m;
}

}  // namespace

const ProvisionsMap& provisions_map() {
  static const ProvisionsMap kMap = parse_provisions();
  return kMap;
}

const KindInfo& kind_info(std::string_view kind) {
  static const KindInfo kGeneric{"coverage", "A risk the scanner found in the image.", "Review the evidence.", {}};
  const auto& kinds = provisions_map().kinds;
  std::string key(kind);
  while (!key.empty()) {
    if (auto it = kinds.find(key); it != kinds.end()) return it->second;
    auto dash = key.rfind('-');
    if (dash == std::string::npos) break;
    key.resize(dash);
  }
  return kGeneric;
}

std::string_view preset_policy_text(std::string_view name) {
  for (const auto& p : kPresets) {
    if (p.name == name) return p.text;
  }
  return {};
}

std::vector<std::string> preset_policy_names() {
  std::vector<std::string> out;
  for (const auto& p : kPresets) out.emplace_back(p.name);
  return out;
}

std::string_view eol_table_text() { return kEol; }

std::string rules_sha256() {
  std::string all;
  for (auto text : {kEol, kProvisions, kDefault, kUsProcurement, kEuCra}) {
    all += sha256_hex(as_bytes(text));
    all += '\n';
  }
  // The component rules decide what is found at all: their hash is part of it.
  all += fingerprint::rules_sha256();
  all += '\n';
  return sha256_hex(as_bytes(all));
}

}  // namespace pedigree::risk
