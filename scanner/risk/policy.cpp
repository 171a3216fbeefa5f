#include "scanner/risk/policy.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scanner/core/hash.h"
#include "scanner/risk/rule_data.h"
#include "scanner/risk/severity.h"

namespace pedigree::risk {
namespace {

using Json = nlohmann::json;
constexpr std::size_t kMaxPolicyBytes = 1 << 20;

bool valid_severity(const std::string& s) { return s == "ignore" || severity_rank(s).has_value(); }

Status read_severity_map(const Json& j, const char* key, std::map<std::string, std::string>& out) {
  if (!j.contains(key)) return Ok{};
  if (!j[key].is_object()) return make_error(Errc::kCorrupt, std::string(key) + " must be an object");
  out.clear();  // a map the file states replaces the default's whole map
  for (const auto& [k, v] : j[key].items()) {
    if (!v.is_string() || !valid_severity(v.get<std::string>())) {
      return make_error(Errc::kCorrupt, std::string(key) + "." + k +
                                            ": not a severity (critical, high, medium, "
                                            "low, info, ignore)");
    }
    out[k] = v.get<std::string>();
  }
  return Ok{};
}

Status read_rule(const Json& j, const char* key, std::vector<std::string>& denied, std::vector<std::string>& allowed,
                 std::string& severity) {
  if (!j.contains(key)) return Ok{};
  const Json& r = j[key];
  if (!r.is_object()) return make_error(Errc::kCorrupt, std::string(key) + " must be an object");
  if (r.contains("denied")) denied = r["denied"].get<std::vector<std::string>>();
  if (r.contains("allowed")) allowed = r["allowed"].get<std::vector<std::string>>();
  if (r.contains("severity")) severity = r["severity"].get<std::string>();
  if (!severity_rank(severity)) return make_error(Errc::kCorrupt, std::string(key) + ".severity: not a severity");
  return Ok{};
}

Status read_policy(const Json& j, Policy& p) {
  if (!j.is_object()) return make_error(Errc::kCorrupt, "a policy is a JSON object");
  p.name = j.value("name", p.name);
  p.description = j.value("description", p.description);
  if (auto st = read_severity_map(j, "lists", p.lists); !st) return st;
  if (auto st = read_severity_map(j, "severity_overrides", p.overrides); !st) return st;
  if (auto st = read_rule(j, "countries", p.denied_countries, p.allowed_countries, p.country_severity); !st) return st;
  if (auto st = read_rule(j, "vendors", p.denied_vendors, p.allowed_vendors, p.vendor_severity); !st) return st;
  if (j.contains("thresholds")) {
    const Json& t = j["thresholds"];
    p.epss_high = t.value("epss_high", p.epss_high);
    p.hardening_medium_share = t.value("hardening_medium_share", p.hardening_medium_share);
    p.hardening_examples = t.value("hardening_examples", p.hardening_examples);
  }
  return Ok{};
}

}  // namespace

std::string Policy::list_severity(const std::string& list) const {
  if (auto it = lists.find(list); it != lists.end()) return it->second;
  if (auto it = lists.find("*"); it != lists.end()) return it->second;
  return "medium";
}

std::string Policy::apply_override(const std::string& kind, const std::string& severity) const {
  if (auto it = overrides.find(kind); it != overrides.end()) return it->second;
  // The longest matching "PREFIX*" wins, so specific entries beat broad ones.
  std::size_t best = 0;
  std::string result = severity;
  for (const auto& [pattern, sev] : overrides) {
    if (pattern.empty() || pattern.back() != '*') continue;
    std::string_view prefix(pattern.data(), pattern.size() - 1);
    if (kind.starts_with(prefix) && prefix.size() + 1 > best) {
      best = prefix.size() + 1;
      result = sev;
    }
  }
  return result;
}

Result<Policy> parse_policy(std::string_view text) {
  // Start from the default preset so a user file states only what it changes.
  Policy p;
  try {
    if (auto st = read_policy(Json::parse(preset_policy_text("default")), p); !st) return st.error();
    p.name = "custom";
    p.description.clear();
    if (auto st = read_policy(Json::parse(text), p); !st) return st.error();
  } catch (const Json::exception& e) {
    return make_error(Errc::kCorrupt, std::string("policy: ") + e.what());
  }
  p.sha256 = sha256_hex(as_bytes(text));
  return p;
}

Result<Policy> load_policy(const std::string& name_or_path) {
  if (auto preset = preset_policy_text(name_or_path); !preset.empty()) return parse_policy(preset);
  std::ifstream in(name_or_path, std::ios::binary);
  if (!in) return make_error(Errc::kIo, name_or_path + ": no such policy preset or file");
  std::ostringstream s;
  s << in.rdbuf();
  if (s.str().size() > kMaxPolicyBytes) return make_error(Errc::kLimit, name_or_path + ": policy file too large");
  auto p = parse_policy(s.str());
  if (!p) return make_error(p.error().code, name_or_path + ": " + p.error().message);
  return p;
}

}  // namespace pedigree::risk
