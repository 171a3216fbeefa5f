// JSON for the risk assessment: the findings' policy verdict (kind,
// provisions, waiver), the provisions table, the waivers, the evidence block
// and summary.risk.
#include "scanner/report/json_sections.h"
#include "scanner/report/origin_path.h"

namespace pedigree::report {
namespace {

Json evidence_json(const Report& r) {
  Json sources = Json::array();
  for (const auto& s : r.database.sources) {
    sources.push_back({{"name", s.name}, {"kind", s.kind}, {"version", s.version}, {"sha256", s.sha256}});
  }
  return Json{{"image", {{"sha256", r.image.sha256}, {"size", r.image.size}}},
              {"tool", {{"name", "pedigree"}, {"version", r.tool_version}}},
              {"rules_sha256", r.evidence.rules_sha256},
              {"policy", {{"name", r.risk.policy}, {"sha256", r.evidence.policy_sha256}}},
              {"waivers_sha256", r.evidence.waivers_sha256},
              {"database", {{"schema_version", r.database.schema_version}, {"sources", sources}}},
              {"options", r.evidence.options},
              {"reference_date", r.reference_date}};
}

Json severity_counts(const auto& c) {
  return Json{{"critical", c.critical}, {"high", c.high}, {"medium", c.medium},
              {"low", c.low},           {"info", c.info}, {"waived", c.waived}};
}

}  // namespace

Json risk_summary_json(const Report& r) {
  Json j{{"policy", r.risk.policy}, {"highest", r.risk.highest}, {"counts", severity_counts(r.risk)}};
  Json areas = Json::object();
  for (const auto& a : r.risk.areas) areas[a.area] = {{"counts", severity_counts(a)}, {"top", a.top}};
  j["areas"] = std::move(areas);
  return j;
}

void add_risk_sections(Json& j, const Report& r) {
  // The security writer owns the findings' base fields; the verdict follows them.
  Json& findings = j["findings"];
  for (std::size_t i = 0; i < r.findings.size() && i < findings.size(); ++i) {
    const Finding& f = r.findings[i];
    Json& fj = findings[i];
    fj["kind"] = f.kind;
    fj["path"] = origin_to_path(f.origin);
    fj["provisions"] = f.provisions;
    fj["waived"] = f.waived;
    if (!f.waiver.empty()) fj["waiver"] = {{"id", f.waiver}, {"expired", f.waiver_expired}};
  }
  Json provisions = Json::array();
  for (const auto& p : r.provisions) {
    Json pj{
        {"id", p.id}, {"framework", p.framework}, {"title", p.title}, {"verdict", p.verdict}, {"findings", p.findings}};
    if (!p.evidence.empty()) pj["evidence"] = p.evidence;
    provisions.push_back(std::move(pj));
  }
  j["provisions"] = std::move(provisions);
  Json waivers = Json::array();
  for (const auto& w : r.waivers) {
    waivers.push_back({{"id", w.id},
                       {"finding", w.pattern},
                       {"reason", w.reason},
                       {"author", w.author},
                       {"expires", w.expires},
                       {"status", w.status},
                       {"matched", w.matched}});
    if (!w.state.empty()) waivers.back()["state"] = w.state;
    if (!w.justification.empty()) waivers.back()["justification"] = w.justification;
    if (!w.responses.empty()) waivers.back()["response"] = w.responses;
  }
  j["waivers"] = std::move(waivers);
  Json sboms = Json::array();
  for (const auto& s : r.sboms) {
    sboms.push_back(
        {{"format", s.format}, {"spec_version", s.spec_version}, {"path", s.path}, {"components", s.components}});
  }
  j["sboms"] = std::move(sboms);
  j["evidence"] = evidence_json(r);
}

}  // namespace pedigree::report
