#include "scanner/risk/waivers.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <tuple>

#include "scanner/core/calendar_date.h"
#include "scanner/core/hash.h"

namespace pedigree::risk {
namespace {

constexpr std::size_t kMaxWaiverBytes = 4 << 20;
constexpr std::size_t kMaxPatternStars = 16;  // keeps matching linear enough on hostile patterns

// CycloneDX 1.6 impact analysis vocabularies.
constexpr std::array<std::string_view, 6> kStates{"resolved",  "resolved_with_pedigree", "exploitable",
                                                  "in_triage", "false_positive",         "not_affected"};
constexpr std::array<std::string_view, 9> kJustifications{
    "code_not_present",     "code_not_reachable",     "requires_configuration",
    "requires_dependency",  "requires_environment",   "protected_by_compiler",
    "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control"};
constexpr std::array<std::string_view, 5> kResponses{"can_not_fix", "will_not_fix", "update", "rollback",
                                                     "workaround_available"};

bool one_of(const auto& words, std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); }

/// The optional VEX fields of one waiver, checked against the CycloneDX vocabularies.
Status parse_vex(const nlohmann::json& w, const std::string& where, Waiver& out) {
  for (auto [key, field, words] :
       {std::tuple{"state", &out.state, std::span<const std::string_view>(kStates)},
        std::tuple{"justification", &out.justification, std::span<const std::string_view>(kJustifications)}}) {
    if (!w.contains(key)) continue;
    if (!w[key].is_string() || !one_of(words, w[key].get<std::string>())) {
      return make_error(Errc::kCorrupt, where + ": \"" + key + "\" is not a CycloneDX value");
    }
    *field = w[key].get<std::string>();
  }
  if (!out.justification.empty() && out.state != "not_affected") {
    return make_error(Errc::kCorrupt, where + ": \"justification\" goes with \"state\": \"not_affected\"");
  }
  if (!w.contains("response")) return Ok{};
  if (!w["response"].is_array()) return make_error(Errc::kCorrupt, where + ": \"response\" is a list");
  for (const auto& r : w["response"]) {
    if (!r.is_string() || !one_of(kResponses, r.get<std::string>())) {
      return make_error(Errc::kCorrupt, where + ": \"response\" holds a value CycloneDX does not know");
    }
    out.responses.push_back(r.get<std::string>());
  }
  return Ok{};
}

Result<Waiver> parse_one(const nlohmann::json& w, std::size_t index) {
  Waiver out;
  const std::string where = "waiver " + std::to_string(index + 1);
  for (auto [key, field] :
       {std::pair{"id", &out.id}, std::pair{"finding", &out.finding}, std::pair{"reason", &out.reason},
        std::pair{"author", &out.author}, std::pair{"expires", &out.expires}}) {
    if (!w.contains(key) || !w[key].is_string() || w[key].get<std::string>().empty()) {
      return make_error(Errc::kCorrupt, where + ": \"" + key + "\" is required");
    }
    *field = w[key].get<std::string>();
  }
  if (!parse_iso_date(out.expires)) return make_error(Errc::kCorrupt, where + ": expires must be YYYY-MM-DD");
  std::size_t stars = 0;
  for (char c : out.finding) stars += c == '*' ? 1 : 0;
  if (stars > kMaxPatternStars) return make_error(Errc::kCorrupt, where + ": too many * in the pattern");
  if (auto st = parse_vex(w, where, out); !st) return st.error();
  return out;
}

}  // namespace

bool matches_pattern(std::string_view pattern, std::string_view id) {
  // Iterative glob with one backtrack point: linear in practice.
  std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < id.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == id[s])) {
      ++p, ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = s;
    } else if (star != std::string_view::npos) {
      p = star + 1, s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Result<std::vector<Waiver>> parse_waivers(std::string_view text) {
  std::vector<Waiver> out;
  try {
    auto j = nlohmann::json::parse(text);
    if (!j.is_object() || !j.contains("waivers") || !j["waivers"].is_array()) {
      return make_error(Errc::kCorrupt, "a waiver file is {\"waivers\": [...]}");
    }
    for (std::size_t i = 0; i < j["waivers"].size(); ++i) {
      auto w = parse_one(j["waivers"][i], i);
      if (!w) return w.error();
      out.push_back(std::move(*w));
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(Errc::kCorrupt, std::string("waivers: ") + e.what());
  }
  return out;
}

Result<std::vector<Waiver>> load_waivers(const std::string& path, std::string* sha256) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::kIo, path + ": cannot read the waiver file");
  std::ostringstream s;
  s << in.rdbuf();
  if (s.str().size() > kMaxWaiverBytes) return make_error(Errc::kLimit, path + ": waiver file too large");
  if (sha256 != nullptr) *sha256 = sha256_hex(as_bytes(s.str()));
  auto w = parse_waivers(s.str());
  if (!w) return make_error(w.error().code, path + ": " + w.error().message);
  return w;
}

}  // namespace pedigree::risk
