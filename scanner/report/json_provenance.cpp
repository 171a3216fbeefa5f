// JSON for what the provenance database attached: database, vulnerabilities, vendors.
#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

void put_if(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace

Json database_json(const Report& r) {
  Json sources = Json::array();
  for (const auto& s : r.database.sources) {
    Json j{{"name", s.name}, {"kind", s.kind}};
    put_if(j, "version", s.version);
    put_if(j, "sha256", s.sha256);
    sources.push_back(std::move(j));
  }
  return Json{{"schema_version", r.database.schema_version}, {"sources", std::move(sources)}};
}

Json vulnerabilities_json(const Report& r) {
  Json out = Json::array();
  for (const auto& v : r.vulnerabilities) {
    Json j{{"id", v.id}, {"component", v.component}, {"version", v.version}};
    put_if(j, "relation", v.relation);
    j["status"] = v.status;
    if (v.cvss >= 0) j["cvss"] = v.cvss;
    put_if(j, "cvss_version", v.cvss_version);
    put_if(j, "cvss_vector", v.cvss_vector);
    j["severity"] = v.severity;
    j["kev"] = v.kev;
    put_if(j, "kev_date_added", v.kev_date_added);
    if (v.epss >= 0) j["epss"] = v.epss;
    put_if(j, "fixed_in", v.fixed_in);
    put_if(j, "range", v.range);
    put_if(j, "criteria", v.criteria);
    put_if(j, "cwes", v.cwes);
    put_if(j, "published", v.published);
    put_if(j, "summary", v.summary);
    put_if(j, "source", v.source);
    put_if(j, "finding", v.finding);
    out.push_back(std::move(j));
  }
  return out;
}

Json vendors_json(const Report& r) {
  Json out = Json::array();
  for (const auto& v : r.vendors) {
    Json j{{"name", v.name}, {"country", v.country}};
    put_if(j, "ownership", v.ownership);
    if (!v.parents.empty()) j["parents"] = v.parents;
    Json roles = Json::array();
    for (const auto& role : v.roles) {
      roles.push_back({{"role", role.role}, {"subject", role.subject}, {"origin", role.origin}});
    }
    j["roles"] = std::move(roles);
    Json lists = Json::array();
    for (const auto& l : v.lists) {
      Json e{{"list", l.list}, {"jurisdiction", l.jurisdiction}, {"entity", l.entity}, {"via", l.via}};
      put_if(e, "scope", l.scope);
      put_if(e, "date_added", l.date_added);
      put_if(e, "source", l.source);
      lists.push_back(std::move(e));
    }
    j["lists"] = std::move(lists);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace pedigree::report
