// JSON for network identity: MAC addresses and endpoints.
#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

void put_if(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json mac_json(const MacAddress& m) {
  Json j{{"address", m.address}, {"origin", m.origin}, {"offset", m.offset}, {"context", m.context}};
  j["origins"] = m.origins;
  put_if(j, "organization", m.organization);
  put_if(j, "country", m.country);
  put_if(j, "registry", m.registry);
  put_if(j, "prefix", m.prefix);
  put_confidence(j, m);
  return j;
}

Json endpoint_json(const Endpoint& e) {
  Json j;
  j[e.kind == "url" ? "url" : "host"] = e.value;
  j["kind"] = e.kind;
  put_if(j, "scheme", e.scheme);
  if (e.kind == "url") j["host"] = e.host;
  put_if(j, "registrable_domain", e.registrable_domain);
  put_if(j, "tld_country", e.tld_country);
  put_if(j, "owner", e.owner);
  j["origins"] = e.origins;
  put_confidence(j, e);
  return j;
}

}  // namespace

Json network_json(const Report& r) {
  Json macs = Json::array();
  for (const auto& m : r.network.mac_addresses) macs.push_back(mac_json(m));
  Json endpoints = Json::array();
  for (const auto& e : r.network.endpoints) endpoints.push_back(endpoint_json(e));
  return Json{{"mac_addresses", std::move(macs)}, {"endpoints", std::move(endpoints)}};
}

}  // namespace pedigree::report
