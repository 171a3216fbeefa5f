#include "scanner/report/sarif_writer.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "scanner/report/origin_path.h"
#include "scanner/risk/rule_data.h"
#include "scanner/risk/severity.h"

namespace pedigree::report {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kBase = "IMAGEROOT";

std::string level(const std::string& severity) {
  int rank = risk::severity_rank(severity).value_or(0);
  return rank >= 3 ? "error" : rank == 2 ? "warning" : "note";
}

/// GitHub's numeric scale for security results (0.1 - 10).
std::string security_severity(int rank) {
  static const char* kScores[] = {"1.0", "3.0", "5.5", "8.0", "9.5"};
  return kScores[std::clamp(rank, 0, 4)];
}

/// "CRED-EMPTY" → "CredEmpty": SARIF wants a rule name that is not its id.
std::string rule_name(const std::string& kind) {
  std::string out;
  bool upper = true;
  for (char c : kind) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    upper = false;
  }
  return out;
}

Json rule_json(const std::string& kind, int worst) {
  const auto& info = risk::kind_info(kind);
  return Json{{"id", kind},
              {"name", rule_name(kind)},
              {"shortDescription", {{"text", info.help}}},
              {"fullDescription", {{"text", info.help}}},
              {"help", {{"text", info.help + " Remediation: " + info.remediation}}},
              {"defaultConfiguration", {{"level", level(risk::severity_name(worst))}}},
              {"properties",
               {{"tags", Json::array({"security", info.area})},
                {"security-severity", security_severity(worst)},
                {"provisions", info.provisions}}}};
}

Json result_json(const Finding& f, std::size_t rule_index) {
  Json loc{{"physicalLocation", {{"artifactLocation", {{"uri", origin_to_uri(f.origin)}, {"uriBaseId", kBase}}}}},
           {"logicalLocations", Json::array({{{"fullyQualifiedName", f.origin}}})}};
  Json j{
      {"ruleId", f.kind},
      {"ruleIndex", rule_index},
      {"level", level(f.severity)},
      {"message", {{"text", f.title + (f.evidence.empty() ? "" : ". Evidence: " + f.evidence)}}},
      {"locations", Json::array({loc})},
      {"partialFingerprints", {{"pedigreeFindingId/v1", f.id}}},
      {"properties", {{"severity", f.severity}, {"category", f.category}, {"provisions", f.provisions}, {"id", f.id}}}};
  if (!f.waiver.empty()) {
    Json s{{"kind", "external"}, {"status", f.waived ? "accepted" : "rejected"}, {"justification", f.waiver}};
    j["suppressions"] = Json::array({s});
  }
  return j;
}

}  // namespace

std::string to_sarif(const Report& r) {
  std::map<std::string, int> worst;  // kind → most severe rank seen, sorted by kind
  for (const auto& f : r.findings) {
    int rank = risk::severity_rank(f.severity).value_or(0);
    auto [it, fresh] = worst.emplace(f.kind, rank);
    if (!fresh) it->second = std::max(it->second, rank);
  }
  Json rules = Json::array();
  std::map<std::string, std::size_t> index;
  for (const auto& [kind, rank] : worst) {
    index[kind] = rules.size();
    rules.push_back(rule_json(kind, rank));
  }
  Json results = Json::array();
  for (const auto& f : r.findings) results.push_back(result_json(f, index[f.kind]));
  Json driver{{"name", "pedigree"},
              {"version", r.tool_version},
              {"semanticVersion", r.tool_version},
              {"rules", std::move(rules)}};
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"originalUriBaseIds",
            {{kBase, {{"description", {{"text", "The directory `pedigree extract` unpacks the image into."}}}}}}},
           {"results", std::move(results)},
           {"properties",
            {{"image", r.image.name},
             {"imageSha256", r.image.sha256},
             {"policy", r.risk.policy},
             {"referenceDate", r.reference_date}}}};
  Json j{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  return j.dump(2) + "\n";
}

}  // namespace pedigree::report
