#include "scanner/report/json_writer.h"

#include <nlohmann/json.hpp>

#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

Json limits_json(const Limits& l) {
  return Json{{"max_depth", l.max_depth},           {"max_total_bytes", l.max_total_bytes},
              {"max_file_bytes", l.max_file_bytes}, {"max_ratio", l.max_ratio},
              {"max_files", l.max_files},           {"max_seconds", l.max_seconds}};
}

Json layers_json(const Report& r) {
  Json out = Json::array();
  for (const auto& l : r.layers) {
    out.push_back({{"format", l.format},
                   {"origin", l.origin},
                   {"parent", l.parent},
                   {"offset", l.offset},
                   {"size", l.size},
                   {"depth", l.depth},
                   {"members", l.members}});
  }
  return out;
}

Json files_json(const Report& r) {
  Json out = Json::array();
  for (const auto& f : r.files) {
    Json j{{"origin", f.origin}, {"path", f.path}, {"kind", f.kind},
           {"size", f.size},     {"mode", f.mode}, {"depth", f.depth}};
    if (!f.format.empty()) j["format"] = f.format;
    if (!f.sha256.empty() && f.kind == "file") j["sha256"] = f.sha256;
    if (!f.link_target.empty()) j["link_target"] = f.link_target;
    out.push_back(std::move(j));
  }
  return out;
}

Json regions_json(const Report& r) {
  Json out = Json::array();
  for (const auto& g : r.regions) {
    out.push_back(
        {{"origin", g.origin}, {"kind", g.kind}, {"offset", g.offset}, {"size", g.size}, {"entropy", g.entropy}});
  }
  return out;
}

Json warnings_json(const Report& r) {
  Json out = Json::array();
  for (const auto& w : r.warnings) out.push_back({{"kind", w.kind}, {"origin", w.origin}, {"message", w.message}});
  return out;
}

Json summary_json(const Report& r) {
  const Counts& c = r.counts;
  return Json{{"files", c.files},
              {"directories", c.dirs},
              {"symlinks", c.symlinks},
              {"hardlinks", c.hardlinks},
              {"special_files", c.specials},
              {"layers", c.layers},
              {"max_depth", c.max_depth},
              {"bytes_extracted", c.bytes_extracted},
              {"unknown_bytes", c.unknown_bytes},
              {"padding_bytes", c.padding_bytes},
              {"warnings", r.warnings.size()}};
}

}  // namespace

std::string to_json(const Report& r, const Limits& limits) {
  Json j;
  j["schema"] = kSchema;
  j["tool"] = {{"name", "pedigree"}, {"version", r.tool_version}};
  j["image"] = {{"path", r.image.path}, {"name", r.image.name}, {"sha256", r.image.sha256}, {"size", r.image.size}};
  if (!r.image.format.empty()) j["image"]["format"] = r.image.format;
  j["scan"] = {{"limits", limits_json(limits)}};
  if (r.database.schema_version != 0) j["database"] = database_json(r);
  if (!r.reference_date.empty()) j["scan"]["reference_date"] = r.reference_date;
  j["layers"] = layers_json(r);
  j["files"] = files_json(r);
  j["unknown_regions"] = regions_json(r);
  j["architectures"] = architectures_json(r);
  j["components"] = components_json(r);
  j["binaries"] = binaries_json(r);
  j["chipsets"] = chipsets_json(r);
  j["boot_banners"] = boot_banners_json(r);
  j["network"] = network_json(r);
  j["vendors"] = vendors_json(r);
  j["vulnerabilities"] = vulnerabilities_json(r);
  add_security_sections(j, r);
  add_risk_sections(j, r);
  j["warnings"] = warnings_json(r);
  j["summary"] = summary_json(r);
  if (!r.risk.policy.empty()) j["summary"]["risk"] = risk_summary_json(r);
  return j.dump(2) + "\n";
}

}  // namespace pedigree::report
