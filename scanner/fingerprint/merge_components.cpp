#include "scanner/fingerprint/merge_components.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace pedigree::fingerprint {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // name, version, relation

void add_hit(report::Component& c, const ComponentHit& h) {
  if (c.name.empty()) {
    c.name = h.name;
    c.version = h.version;
    c.relation = h.relation;
  }
  if (c.distro_version.empty()) c.distro_version = h.distro_version;
  if (c.purl.empty()) c.purl = h.purl;
  auto at = std::lower_bound(c.paths.begin(), c.paths.end(), h.evidence.origin);
  if (at == c.paths.end() || *at != h.evidence.origin) {
    c.sha256.insert(c.sha256.begin() + (at - c.paths.begin()), h.file_sha256);
    c.paths.insert(at, h.evidence.origin);
  }
  c.evidence.push_back(h.evidence);
}

/// The versioned component a versionless sighting belongs to, if exactly one fits.
const Key* home_for(const ComponentHit& h, const std::map<Key, report::Component>& merged) {
  std::vector<const Key*> all, same_file;
  for (auto it = merged.lower_bound({h.name, "", ""}); it != merged.end() && std::get<0>(it->first) == h.name; ++it) {
    if (std::get<1>(it->first).empty() || std::get<2>(it->first) != h.relation) continue;
    all.push_back(&it->first);
    const auto& paths = it->second.paths;
    if (std::binary_search(paths.begin(), paths.end(), h.evidence.origin)) same_file.push_back(&it->first);
  }
  if (same_file.size() == 1) return same_file.front();
  if (same_file.empty() && all.size() == 1) return all.front();
  return nullptr;
}

bool evidence_less(const report::Evidence& a, const report::Evidence& b) {
  return std::tie(a.origin, a.offset, a.source, a.kind, a.text) <
         std::tie(b.origin, b.offset, b.source, b.kind, b.text);
}

}  // namespace

std::vector<report::Component> merge_components(const std::vector<ComponentHit>& hits) {
  std::map<Key, report::Component> merged;
  for (const auto& h : hits) {
    if (!h.version.empty()) add_hit(merged[{h.name, h.version, h.relation}], h);
  }
  // Versioned components are complete, so where a versionless sighting goes
  // does not depend on the order of the hits.
  std::map<Key, report::Component> versionless;
  for (const auto& h : hits) {
    if (!h.version.empty()) continue;
    const Key* home = home_for(h, merged);
    if (home != nullptr)
      add_hit(merged[*home], h);
    else
      add_hit(versionless[{h.name, h.version, h.relation}], h);
  }
  merged.merge(versionless);
  std::vector<report::Component> out;
  out.reserve(merged.size());
  for (auto& [key, c] : merged) {
    std::stable_sort(c.evidence.begin(), c.evidence.end(), evidence_less);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<report::Warning> version_conflicts(const std::vector<report::Component>& components) {
  std::map<std::string, std::vector<const report::Component*>> by_name;
  for (const auto& c : components) {
    if (c.relation.empty() && !c.version.empty()) by_name[c.name].push_back(&c);
  }
  std::vector<report::Warning> out;
  for (const auto& [name, list] : by_name) {
    if (list.size() < 2) continue;
    std::string msg = name + " is present in " + std::to_string(list.size()) + " versions:";
    for (const auto* c : list) {
      std::set<std::string> kinds;
      for (const auto& e : c->evidence) kinds.insert(e.kind);
      std::string said;
      for (const auto& k : kinds) said += (said.empty() ? "" : ", ") + k;
      msg += " " + c->version + " (" + said + ": " + c->paths.front() + ")";
      if (c != list.back()) msg += ";";
    }
    out.push_back({"component-version", list.front()->paths.front(), msg});
  }
  return out;
}

}  // namespace pedigree::fingerprint
