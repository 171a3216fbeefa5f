#include "scanner/security/crack.h"

#include <crypt.h>

#include <cstring>
#include <memory>
#include <set>

#include "scanner/security/text_lines.h"

namespace pedigree::security {
namespace {

constexpr std::string_view kDictionary =
#include "pedigree_data/default_credentials.inc"
    ;
constexpr std::size_t kMinVisible = 4;

struct Pair {
  std::string user;
  std::string password;
};

const std::vector<Pair>& dictionary() {
  static const std::vector<Pair> kPairs = [] {
    std::vector<Pair> out;
    for (const auto& l : split_lines(kDictionary)) {
      if (l.text.empty() || l.text.front() == '#') continue;
      std::size_t comma = l.text.find(',');
      if (comma == std::string_view::npos) continue;
      out.push_back({std::string(l.text.substr(0, comma)), std::string(l.text.substr(comma + 1))});
    }
    return out;
  }();
  return kPairs;
}

}  // namespace

std::vector<std::string> candidate_passwords(std::string_view user) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& p) {
    if (seen.insert(p).second) out.push_back(p);
  };
  for (const auto& p : dictionary()) {
    if (p.user == user) add(p.password);
  }
  for (const auto& p : dictionary()) add(p.password);
  add(std::string(user));
  return out;
}

bool crypt_matches(std::string_view password, std::string_view hash) {
  // crypt_data is large (about 32 KiB): on the heap, one per call.
  auto data = std::make_unique<crypt_data>();
  std::string pw(password), setting(hash);
  const char* out = crypt_rn(pw.c_str(), setting.c_str(), data.get(), sizeof(crypt_data));
  return out != nullptr && out[0] != '*' && setting == out;
}

CrackResult crack_hash(std::string_view hash, std::string_view user, const CrackBudget& budget,
                       std::chrono::steady_clock::time_point deadline) {
  CrackResult r;
  auto start = std::chrono::steady_clock::now();
  auto candidates = candidate_passwords(user);
  for (const auto& p : candidates) {
    auto now = std::chrono::steady_clock::now();
    if (r.attempts >= budget.max_attempts || now - start > budget.per_hash || now > deadline) return r;
    ++r.attempts;
    if (crypt_matches(p, hash)) {
      r.password = p;
      return r;
    }
  }
  r.exhausted = true;
  return r;
}

std::string mask_secret(std::string_view s) {
  if (s.empty()) return "(empty)";
  if (s.size() < kMinVisible) return std::string(s.size(), '*');
  return std::string(1, s.front()) + std::string(s.size() - 2, '*') + std::string(1, s.back());
}

}  // namespace pedigree::security
