#include "scanner/fingerprint/network/public_suffix.h"

#include <unordered_set>

#include "scanner/db/iso_country.h"
#include "scanner/fingerprint/text_scan.h"

namespace pedigree::fingerprint {
namespace {

/// The parsed rules, built once and shared read-only by every thread.
struct SuffixRules {
  std::unordered_set<std::string_view> exact;      ///< "com.cn"
  std::unordered_set<std::string_view> wildcard;   ///< "ck" of "*.ck"
  std::unordered_set<std::string_view> exception;  ///< "www.ck" of "!www.ck"
};

const SuffixRules& rules() {
  static const SuffixRules kRules = [] {
    SuffixRules r;
    std::string_view text = public_suffix_rules();
    while (!text.empty()) {
      auto eol = text.find('\n');
      std::string_view rule = text.substr(0, eol);
      if (rule.rfind("*.", 0) == 0) {
        r.wildcard.insert(rule.substr(2));
      } else if (rule.rfind("!", 0) == 0) {
        r.exception.insert(rule.substr(1));
      } else if (!rule.empty()) {
        r.exact.insert(rule);
      }
      if (eol == std::string_view::npos) break;
      text.remove_prefix(eol + 1);
    }
    return r;
  }();
  return kRules;
}

/// True when `name` is a public suffix by the rules.
bool is_suffix(const SuffixRules& r, std::string_view name) {
  if (r.exception.count(name) != 0) return false;
  if (r.exact.count(name) != 0) return true;
  auto dot = name.find('.');
  return dot != std::string_view::npos && r.wildcard.count(name.substr(dot + 1)) != 0;
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  const SuffixRules& r = rules();
  // Walk from the whole name towards the TLD: the first suffix found is the
  // longest, and the label before it makes the registrable domain.
  std::size_t label_start = 0;
  std::size_t previous = std::string_view::npos;
  while (true) {
    std::string_view candidate = host.substr(label_start);
    if (is_suffix(r, candidate)) {
      return previous == std::string_view::npos ? std::string() : std::string(host.substr(previous));
    }
    auto dot = host.find('.', label_start);
    if (dot == std::string_view::npos) return {};
    previous = label_start;
    label_start = dot + 1;
  }
}

std::string tld_country(std::string_view host) {
  auto dot = host.find_last_of('.');
  std::string_view tld = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (tld.size() != 2 || tld[0] < 'a' || tld[0] > 'z' || tld[1] < 'a' || tld[1] > 'z') return {};
  if (tld == "uk") return "GB";
  std::string code{static_cast<char>(tld[0] - 'a' + 'A'), static_cast<char>(tld[1] - 'a' + 'A')};
  return db::is_iso_country(code) ? code : std::string();
}

}  // namespace pedigree::fingerprint
