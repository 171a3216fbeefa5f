// Whether one version of a component falls in a vulnerability's affected
// range, under the two range languages the database stores.
//
// NVD (CPE match semantics): a cpeMatch entry either names one version in its
// criteria (`cpe:2.3:a:openssl:openssl:1.0.2k:*:…`), or has version `*` and up
// to four bounds (versionStart/End Including/Excluding); `*` with no bound
// means every version, and `-` (NA) matches no concrete version. Entries with
// `vulnerable=false` (the platform half of an AND configuration, "running on
// X") and entries under a negated node never produce a match by themselves.
//
// OSV: an affected package has ranges of events sorted by version; a version
// is affected after an `introduced` (where `0` means from the start) and
// until a `fixed` (excluded) or past a `last_affected` (included); `limit`
// events cap the range from above. An explicit `versions` list also matches.
// GIT ranges name commits and are not evaluated against versions.
//
// Ranges are compared with the upstream part of the component's version. When
// the version also carries a distribution revision (`1.35.0-4+deb12u1`), the
// distribution may have backported the fix, so the status says so instead of
// claiming plain "vulnerable".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pedigree::db {

/// How sure a match is.
enum class MatchStatus {
  kVulnerable,        ///< the upstream version is inside the range
  kBackportPossible,  ///< inside the range, but a distribution revision may carry the fix
};

/// "vulnerable" or "backport-possible", as reports spell it.
std::string_view match_status_name(MatchStatus status);

/// One NVD cpeMatch entry (or one curated seed range), bounds as written.
struct CpeRange {
  std::string criteria;         ///< the CPE 2.3 match string, for evidence
  std::string version = "*";    ///< exact version from the criteria, `*` any, `-` NA
  std::string start_including;  ///< empty when open
  std::string start_excluding;
  std::string end_including;
  std::string end_excluding;
  bool vulnerable = true;  ///< false for platform conditions and negated nodes
};

/// One OSV range event.
struct OsvEvent {
  enum class Kind { kIntroduced, kFixed, kLastAffected, kLimit };
  Kind kind = Kind::kIntroduced;
  std::string version;
};

/// One OSV range (`type` is SEMVER, ECOSYSTEM or GIT).
struct OsvRange {
  std::string type;
  std::vector<OsvEvent> events;
};

/// One OSV `affected` entry.
struct OsvAffected {
  std::string ecosystem;
  std::string package;
  std::vector<OsvRange> ranges;
  std::vector<std::string> versions;
};

/// Why a version matched.
struct RangeHit {
  MatchStatus status = MatchStatus::kVulnerable;
  std::string range;     ///< the bounds that matched, e.g. ">= 3.0.0, < 3.0.7" or "= 1.0.2k"
  std::string fixed_in;  ///< first fixed version where the range says it, else empty
};

/// The version part of a CpeRange as views (what the database hands back).
struct CpeBounds {
  std::string_view version = "*";
  std::string_view start_including, start_excluding, end_including, end_excluding;
};

/// True when `upstream` lies within the bounds.
bool cpe_bounds_contain(const CpeBounds& bounds, std::string_view upstream);

/// One upstream version tested against the bounds of many ranges (all of a
/// product's): each distinct bound is compared with it once and remembered,
/// since a product's ranges share most of their bounds.
class CpeVersionTest {
 public:
  explicit CpeVersionTest(std::string_view upstream) : upstream_(upstream) {}

  /// The same answer as cpe_bounds_contain(bounds, upstream).
  bool contains(const CpeBounds& bounds);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  int compare(std::string_view bound);

  std::string upstream_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> seen_;
};

/// True when `upstream` lies within the bounds of `range` (ignores `vulnerable`).
bool cpe_range_contains(const CpeRange& range, std::string_view upstream);

/// Matches a component version (package versions allowed) against an NVD entry.
std::optional<RangeHit> match_cpe_range(const CpeRange& range, std::string_view component_version);

/// True when `upstream` is affected by one OSV range.
bool osv_range_contains(const OsvRange& range, std::string_view upstream);

/// Matches a component version against an OSV affected entry.
std::optional<RangeHit> match_osv(const OsvAffected& affected, std::string_view component_version);

/// Human-readable bounds of an NVD entry ("all versions" when open).
std::string describe_cpe_range(const CpeRange& range);

/// The same for bounds as views.
std::string describe_cpe_bounds(const CpeBounds& bounds);

}  // namespace pedigree::db
