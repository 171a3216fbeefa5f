// JSON for the fingerprint sections: components, binaries, architectures.
#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

Json evidence_json(const Evidence& e) {
  Json j{{"kind", e.kind}, {"source", e.source}, {"origin", e.origin}};
  if (e.kind == "binary") j["offset"] = e.offset;
  if (!e.text.empty()) j["text"] = e.text;
  if (!e.version.empty()) j["version"] = e.version;
  return j;
}

void put_if(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace

Json components_json(const Report& r) {
  Json out = Json::array();
  for (const auto& c : r.components) {
    Json j{{"name", c.name}, {"version", c.version}};
    put_if(j, "distro_version", c.distro_version);
    put_if(j, "relation", c.relation);
    put_if(j, "type", c.type);
    put_if(j, "cpe", c.cpe);
    put_if(j, "purl", c.purl);
    put_if(j, "supplier", c.supplier);
    j["paths"] = c.paths;
    j["sha256"] = c.sha256;
    Json ev = Json::array();
    for (const auto& e : c.evidence) ev.push_back(evidence_json(e));
    j["evidence"] = std::move(ev);
    out.push_back(std::move(j));
  }
  return out;
}

Json binaries_json(const Report& r) {
  Json out = Json::array();
  for (const auto& b : r.binaries) {
    Json j{{"origin", b.origin}, {"type", b.type}, {"machine", b.machine}, {"bits", b.bits}, {"endian", b.endian}};
    put_if(j, "abi", b.abi);
    put_if(j, "interpreter", b.interpreter);
    put_if(j, "soname", b.soname);
    j["needed"] = b.needed;
    if (!b.rpath.empty()) j["rpath"] = b.rpath;
    if (!b.runpath.empty()) j["runpath"] = b.runpath;
    j["stripped"] = b.stripped;
    j["hardening"] = {{"nx", b.nx},
                      {"pie", b.pie},
                      {"relro", b.relro},
                      {"canary", b.canary},
                      {"fortify", b.fortify},
                      {"fortified", b.fortified},
                      {"fortifiable", b.fortifiable}};
    out.push_back(std::move(j));
  }
  return out;
}

Json architectures_json(const Report& r) { return Json(r.architectures); }

}  // namespace pedigree::report
