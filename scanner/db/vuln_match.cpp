#include "scanner/db/vuln_match.h"

#include <algorithm>

#include "scanner/db/cpe.h"
#include "scanner/db/version.h"

namespace pedigree::db {
namespace {

MatchStatus status_for(const PackageVersion& v) {
  return v.revision.empty() ? MatchStatus::kVulnerable : MatchStatus::kBackportPossible;
}

void append_bound(std::string& out, std::string_view op, std::string_view bound) {
  if (bound.empty()) return;
  if (!out.empty()) out += ", ";
  out += op;
  out += ' ';
  out += bound;
}

bool is_introduced_zero(const OsvEvent& e) { return e.kind == OsvEvent::Kind::kIntroduced && e.version == "0"; }

using Compare = int (*)(std::string_view, std::string_view);

// OSV orders events by version, with `introduced: 0` before everything.
std::vector<const OsvEvent*> sorted_events(const OsvRange& range, Compare compare) {
  std::vector<const OsvEvent*> events;
  for (const auto& e : range.events) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(), [compare](const OsvEvent* a, const OsvEvent* b) {
    if (is_introduced_zero(*a) != is_introduced_zero(*b)) return is_introduced_zero(*a);
    return compare(a->version, b->version) < 0;
  });
  return events;
}

std::string describe_osv(const OsvRange& range) {
  std::string out;
  for (const auto& e : range.events) {
    if (!out.empty()) out += ", ";
    switch (e.kind) {
      case OsvEvent::Kind::kIntroduced: out += "introduced "; break;
      case OsvEvent::Kind::kFixed: out += "fixed "; break;
      case OsvEvent::Kind::kLastAffected: out += "last_affected "; break;
      case OsvEvent::Kind::kLimit: out += "limit "; break;
    }
    out += e.version;
  }
  return range.type + ": " + out;
}

// The first `fixed` at or after `upstream` (what to upgrade to).
std::string osv_fixed_in(const OsvRange& range, std::string_view version, Compare compare) {
  for (const OsvEvent* e : sorted_events(range, compare))
    if (e->kind == OsvEvent::Kind::kFixed && compare(version, e->version) < 0) return e->version;
  return {};
}

}  // namespace

std::string_view match_status_name(MatchStatus status) {
  return status == MatchStatus::kVulnerable ? "vulnerable" : "backport-possible";
}

bool cpe_range_contains(const CpeRange& r, std::string_view upstream) {
  return cpe_bounds_contain(
      CpeBounds{r.version, r.start_including, r.start_excluding, r.end_including, r.end_excluding}, upstream);
}

namespace {

// `compare(bound)` orders the version asked about against one bound.
template <typename Compare>
bool bounds_contain(const CpeBounds& r, Compare&& compare) {
  if (r.version == kCpeNa) return false;
  if (r.version != kCpeAny) return compare(r.version) == 0;
  if (!r.start_including.empty() && compare(r.start_including) < 0) return false;
  if (!r.start_excluding.empty() && compare(r.start_excluding) <= 0) return false;
  if (!r.end_including.empty() && compare(r.end_including) > 0) return false;
  if (!r.end_excluding.empty() && compare(r.end_excluding) >= 0) return false;
  return true;
}

}  // namespace

bool cpe_bounds_contain(const CpeBounds& r, std::string_view upstream) {
  if (upstream.empty()) return false;
  return bounds_contain(r, [upstream](std::string_view bound) { return compare_versions(upstream, bound); });
}

bool CpeVersionTest::contains(const CpeBounds& bounds) {
  if (upstream_.empty()) return false;
  return bounds_contain(bounds, [this](std::string_view bound) { return compare(bound); });
}

int CpeVersionTest::compare(std::string_view bound) {
  if (auto it = seen_.find(bound); it != seen_.end()) return it->second;
  int c = compare_versions(upstream_, bound);
  seen_.emplace(bound, c);
  return c;
}

std::string describe_cpe_range(const CpeRange& r) {
  return describe_cpe_bounds(
      CpeBounds{r.version, r.start_including, r.start_excluding, r.end_including, r.end_excluding});
}

std::string describe_cpe_bounds(const CpeBounds& r) {
  if (r.version != kCpeAny) return "= " + std::string(r.version);
  std::string out;
  append_bound(out, ">=", r.start_including);
  append_bound(out, ">", r.start_excluding);
  append_bound(out, "<=", r.end_including);
  append_bound(out, "<", r.end_excluding);
  return out.empty() ? "all versions" : out;
}

std::optional<RangeHit> match_cpe_range(const CpeRange& range, std::string_view component_version) {
  if (!range.vulnerable) return std::nullopt;
  PackageVersion v = split_package_version(component_version);
  if (!cpe_range_contains(range, v.upstream)) return std::nullopt;
  return RangeHit{status_for(v), describe_cpe_range(range), range.end_excluding};
}

namespace {

// A distribution's own ranges carry revisions (7.88.1-10+deb12u5): the
// revision then decides, and the distribution has accounted for backports.
bool is_distro_range(const OsvAffected& a) {
  for (const auto& r : a.ranges)
    for (const auto& e : r.events)
      if (has_distro_revision(e.version)) return true;
  for (const auto& v : a.versions)
    if (has_distro_revision(v)) return true;
  return false;
}

bool range_contains(const OsvRange& range, std::string_view upstream, Compare compare) {
  if (upstream.empty() || range.type == "GIT") return false;
  bool affected = false;
  bool limited = false, under_limit = false;
  for (const OsvEvent* e : sorted_events(range, compare)) {
    switch (e->kind) {
      case OsvEvent::Kind::kIntroduced:
        if (e->version == "0" || compare(upstream, e->version) >= 0) affected = true;
        break;
      case OsvEvent::Kind::kFixed:
        if (compare(upstream, e->version) >= 0) affected = false;
        break;
      case OsvEvent::Kind::kLastAffected:
        if (compare(upstream, e->version) > 0) affected = false;
        break;
      case OsvEvent::Kind::kLimit:
        limited = true;
        if (compare(upstream, e->version) < 0) under_limit = true;
        break;
    }
  }
  return affected && (!limited || under_limit);
}

}  // namespace

bool osv_range_contains(const OsvRange& range, std::string_view upstream) {
  return range_contains(range, upstream, compare_versions);
}

std::optional<RangeHit> match_osv(const OsvAffected& affected, std::string_view component_version) {
  PackageVersion v = split_package_version(component_version);
  if (v.upstream.empty()) return std::nullopt;
  // Upstream ranges compare the upstream part; a distribution's compare it all.
  bool distro = is_distro_range(affected);
  Compare compare = distro ? compare_package_versions : compare_versions;
  std::string_view key = distro ? component_version : std::string_view(v.upstream);
  MatchStatus status = distro ? MatchStatus::kVulnerable : status_for(v);
  for (const auto& range : affected.ranges) {
    if (range_contains(range, key, compare))
      return RangeHit{status, describe_osv(range), osv_fixed_in(range, key, compare)};
  }
  for (const auto& listed : affected.versions) {
    if (compare(listed, key) == 0) return RangeHit{status, "listed version " + listed, {}};
  }
  return std::nullopt;
}

}  // namespace pedigree::db
