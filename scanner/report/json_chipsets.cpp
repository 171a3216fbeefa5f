// JSON for the chipsets the evidence points at, and the boot banners seen.
#include <map>
#include <set>

#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

void put_if(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json evidence_json(const ChipsetEvidence& e) {
  Json j{{"kind", e.kind}, {"value", e.value}, {"origin", e.origin}, {"offset", e.offset}};
  put_if(j, "matched_key", e.matched_key);
  put_if(j, "name", e.name);
  return j;
}

}  // namespace

Json chipsets_json(const Report& r) {
  Json out = Json::array();
  for (const auto& c : r.chipsets) {
    Json j{{"role", c.role}, {"vendor", c.vendor}, {"family", c.family}, {"model", c.model}};
    put_if(j, "board", c.board);
    j["country"] = c.country;
    j["confidence"] = c.confidence;
    j["confidence_basis"] = c.confidence_basis;
    if (c.disputed) j["disputed"] = true;
    Json evidence = Json::array();
    for (const auto& e : c.evidence) evidence.push_back(evidence_json(e));
    j["evidence"] = std::move(evidence);
    out.push_back(std::move(j));
  }
  return out;
}

Json boot_banners_json(const Report& r) {
  // Raw evidence, kept even when no database names a chipset from it: which
  // bootloader and kernel builds the image carries, and where.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> banners;
  for (const auto& e : r.chipset_evidence) {
    if (e.kind == "bootloader" || e.kind == "kernel") banners[{e.kind, e.value}].insert(e.origin);
  }
  Json out = Json::array();
  for (const auto& [kv, origins] : banners) {
    out.push_back({{"kind", kv.first}, {"value", kv.second}, {"origins", Json(origins)}});
  }
  return out;
}

}  // namespace pedigree::report
