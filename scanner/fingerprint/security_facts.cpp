#include "scanner/fingerprint/security_facts.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace pedigree::fingerprint {
namespace {

template <typename T>
void move_into(std::vector<T>& to, std::vector<T>& from) {
  std::move(from.begin(), from.end(), std::back_inserter(to));
}

template <typename T, typename Key>
void sort_by(std::vector<T>& v, Key key) {
  std::sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

void SecurityFacts::append(SecurityFacts&& o) {
  move_into(certificates, o.certificates);
  move_into(keys, o.keys);
  move_into(accounts, o.accounts);
  move_into(secrets, o.secrets);
  move_into(services, o.services);
  move_into(ssh_settings, o.ssh_settings);
}

void SecurityFacts::sort() {
  sort_by(certificates, [](const auto& c) { return std::tie(c.origin, c.offset, c.sha256); });
  sort_by(keys, [](const auto& k) { return std::tie(k.origin, k.offset, k.format); });
  sort_by(accounts, [](const auto& a) { return std::tie(a.origin, a.line, a.user); });
  sort_by(secrets, [](const auto& s) { return std::tie(s.origin, s.user, s.source, s.password_hint); });
  sort_by(services, [](const auto& s) { return std::tie(s.origin, s.line, s.name); });
  sort_by(ssh_settings, [](const auto& s) { return std::tie(s.origin, s.line, s.key); });
}

}  // namespace pedigree::fingerprint
