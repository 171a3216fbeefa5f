#include "scanner/match/vendor_book.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace pedigree::match {
namespace {

report::Vendor vendor_from_db(const db::VendorInfo& info) {
  report::Vendor v;
  v.name = info.name;
  v.country = info.country;
  v.ownership = info.ownership;
  for (const auto& p : info.parents) {
    v.parents.push_back(p.country.empty() ? p.name : fmt::format("{} ({})", p.name, p.country));
  }
  for (const auto& e : info.list_entries) {
    v.lists.push_back({e.list, e.jurisdiction, e.entity, e.vendor, e.scope, e.date_added, e.source});
  }
  return v;
}

auto role_key(const report::VendorRole& r) { return std::tie(r.role, r.subject, r.origin); }
auto list_key(const report::ListHit& l) { return std::tie(l.list, l.via, l.entity, l.date_added); }

}  // namespace

Status VendorBook::add(const std::string& vendor, report::VendorRole role) { return add(vendor, std::move(role), {}); }

Status VendorBook::add(const std::string& vendor, report::VendorRole role, const std::string& country) {
  auto info = db_.vendor(vendor);
  if (!info) return info.error();
  std::string key = *info ? (*info)->name : vendor;
  auto it = vendors_.find(key);
  if (it == vendors_.end()) {
    report::Vendor v = *info ? vendor_from_db(**info) : report::Vendor{.name = vendor, .country = country};
    it = vendors_.emplace(key, std::move(v)).first;
  }
  it->second.roles.push_back(std::move(role));
  return Ok{};
}

std::vector<report::Vendor> VendorBook::take() {
  std::vector<report::Vendor> out;
  for (auto& [name, v] : vendors_) {
    std::sort(v.roles.begin(), v.roles.end(), [](const auto& a, const auto& b) { return role_key(a) < role_key(b); });
    v.roles.erase(std::unique(v.roles.begin(), v.roles.end(),
                              [](const auto& a, const auto& b) { return role_key(a) == role_key(b); }),
                  v.roles.end());
    std::sort(v.lists.begin(), v.lists.end(), [](const auto& a, const auto& b) { return list_key(a) < list_key(b); });
    out.push_back(std::move(v));
  }
  vendors_.clear();
  return out;
}

}  // namespace pedigree::match
