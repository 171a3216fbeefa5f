#include "scanner/report/sbom_common.h"

#include <fmt/format.h>

#include <map>

#include "scanner/core/hash.h"

namespace pedigree::report {
namespace {

constexpr std::size_t kUuidHexDigits = 32;
constexpr char kUuidVersion = '8';
/// RFC 9562 variant: the top two bits of the clock-sequence byte are 10.
constexpr std::string_view kVariantDigits = "89ab";

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// Which components each file (by origin chain) carries.
std::map<std::string, std::vector<std::size_t>> components_by_origin(const Report& r) {
  std::map<std::string, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    for (const auto& p : r.components[i].paths) out[p].push_back(i);
  }
  return out;
}

/// Library name (SONAME, or the file name of a library without one) → origins.
std::map<std::string, std::vector<std::string>> libraries_by_name(const Report& r) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& b : r.binaries) {
    if (b.type != "dyn") continue;
    out[b.soname.empty() ? base_name(b.origin) : b.soname].push_back(b.origin);
  }
  return out;
}

}  // namespace

std::string name_uuid(std::string_view name) {
  std::string h = sha256_hex(as_bytes(name)).substr(0, kUuidHexDigits);
  h[12] = kUuidVersion;
  // The digit's low two bits survive; the variant sets the top two.
  auto digit = static_cast<std::size_t>(h[16] <= '9' ? h[16] - '0' : h[16] - 'a' + 10);
  h[16] = kVariantDigits[digit & 3];
  return fmt::format("{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4), h.substr(16, 4), h.substr(20));
}

std::string document_uuid(const Report& r, std::string_view format) {
  return name_uuid(fmt::format("pedigree {} {} {}", r.tool_version, format, r.image.sha256));
}

std::string component_ref(const Component& c) {
  std::string ref = c.name + "@" + c.version;
  if (!c.relation.empty()) ref += "+" + c.relation;
  return ref;
}

std::string reference_timestamp(const Report& r) {
  return r.reference_date.empty() ? std::string() : r.reference_date + "T00:00:00Z";
}

std::vector<std::set<std::size_t>> component_dependencies(const Report& r) {
  std::vector<std::set<std::size_t>> deps(r.components.size());
  auto carriers = components_by_origin(r);
  auto libraries = libraries_by_name(r);
  for (const auto& b : r.binaries) {
    auto from = carriers.find(b.origin);
    if (from == carriers.end()) continue;
    for (const auto& needed : b.needed) {
      auto lib = libraries.find(needed);
      if (lib == libraries.end()) continue;
      for (const auto& origin : lib->second) {
        auto to = carriers.find(origin);
        if (to == carriers.end()) continue;
        for (std::size_t a : from->second) {
          for (std::size_t z : to->second) {
            if (a != z) deps[a].insert(z);
          }
        }
      }
    }
  }
  return deps;
}

}  // namespace pedigree::report
