#include "scanner/db/vuln_lookup.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <set>
#include <tuple>

#include "scanner/db/cpe_finding_rows.h"
#include "scanner/db/osv_record.h"
#include "scanner/db/version.h"

namespace pedigree::db {
namespace {

// The facts of a vulnerability (17 columns), joined by id. The summary is not
// among them: reports list many findings and show few texts (see summary()).
#define PEDIGREE_FACTS_COLUMNS                                                                     \
  "v.published, v.cvss3_score, v.cvss3_version, v.cvss3_vector, v.cvss3_severity, v.cvss4_score, " \
  "v.cvss4_vector, v.cvss4_severity, v.cvss2_score, v.cvss2_vector, v.cwes, v.status, "            \
  "k.date_added, k.due_date, k.ransomware, e.score, e.percentile "
#define PEDIGREE_FACTS_JOINS(id)                                                   \
  "LEFT JOIN vulnerabilities v ON v.id = " id " LEFT JOIN kev k ON k.cve_id = " id \
  " LEFT JOIN epss e "                                                             \
  "ON e.cve_id = " id " "

// pedigree_in_range(test, version, start_including, start_excluding,
// end_including, end_excluding): whether the CpeVersionTest bound as a pointer
// to `test` lies within the bounds. In the WHERE clause it runs before SQLite
// reads a row's other columns, so rows that do not match cost little.
constexpr const char* kVersionTestType = "pedigree.CpeVersionTest";
constexpr std::string_view kRangeFunction = "pedigree_in_range";
constexpr int kRangeFunctionArgs = 6;

// The bytes of a TEXT argument as SQLite holds them (sqlite3_value_text
// would copy each one to add a NUL; see Statement::column_view).
std::string_view text_arg(sqlite3_value* v) {
  const void* p = sqlite3_value_blob(v);
  return p == nullptr ? std::string_view()
                      : std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

void in_range(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* test = argc == kRangeFunctionArgs
                   ? static_cast<CpeVersionTest*>(sqlite3_value_pointer(argv[0], kVersionTestType))
                   : nullptr;
  if (test == nullptr) return sqlite3_result_int(ctx, 0);
  CpeBounds b{text_arg(argv[1]), text_arg(argv[2]), text_arg(argv[3]), text_arg(argv[4]), text_arg(argv[5])};
  sqlite3_result_int(ctx, test->contains(b) ? 1 : 0);
}

// The rows of one CPE product whose bounds contain the version
// (db/schema/0005_cpe_findings_packed.sql): exact versions by equal sort key,
// ranges that end at or above the version; adjacent rows of one table, no
// joins. The text columns are those of MatchedCpeRows, in its order.
#define PEDIGREE_FINDINGS_SELECT                                                                          \
  "SELECT vuln_id, version, start_including, start_excluding, end_including, end_excluding, facts, kev, " \
  "epss_score, epss_percentile FROM cpe_findings WHERE vendor = ?1 AND product = ?2 "
#define PEDIGREE_FINDINGS_TEST \
  " AND pedigree_in_range(?5, version, start_including, start_excluding, end_including, end_excluding)"
constexpr std::string_view kRangesSql =
    PEDIGREE_FINDINGS_SELECT "AND match_key = ?4" PEDIGREE_FINDINGS_TEST " UNION ALL " PEDIGREE_FINDINGS_SELECT
                             "AND match_key >= ?3" PEDIGREE_FINDINGS_TEST;
#undef PEDIGREE_FINDINGS_SELECT
#undef PEDIGREE_FINDINGS_TEST

/// The match_key of exact versions: '#' before the version's sort key.
constexpr std::string_view kExactKeyPrefix = "#";

constexpr std::string_view kSummarySql = "SELECT summary FROM vulnerabilities WHERE id = ?1";

constexpr std::string_view kFactsSql =
    "SELECT " PEDIGREE_FACTS_COLUMNS "FROM (SELECT ?1 AS id) q " PEDIGREE_FACTS_JOINS("q.id");

#undef PEDIGREE_FACTS_COLUMNS
#undef PEDIGREE_FACTS_JOINS

constexpr std::string_view kComponentCpesSql =
    "SELECT cpe_vendor, cpe_product FROM components WHERE name = ?1 AND cpe_vendor IS NOT NULL "
    "AND cpe_product IS NOT NULL "
    "UNION SELECT substr(alias, 1, instr(alias, ':') - 1), substr(alias, instr(alias, ':') + 1) "
    "FROM component_aliases WHERE kind = 'cpe' AND name = ?1 AND instr(alias, ':') > 0";

constexpr std::string_view kCanonicalSql =
    "SELECT name FROM components WHERE name = ?1 "
    "UNION ALL SELECT name FROM component_aliases WHERE alias = ?1 AND kind = 'package' LIMIT 1";

constexpr std::string_view kOsvPackagesSql =
    "SELECT ?1 UNION SELECT purl_name FROM components WHERE name = ?1 AND purl_name IS NOT NULL";

constexpr std::string_view kOsvSql =
    "SELECT vuln_id, aliases, ecosystem, package, ranges, versions, data_source FROM osv_affected "
    "WHERE package = ?1 ORDER BY vuln_id, ecosystem";

/// Fills the facts of an OSV finding `f` from the 17 columns of kFactsSql
/// starting at `c`. CVSS: v3.x first, then v4, then v2 (see
/// 0002_vulnerabilities.sql; cpe_findings holds the same choice).
void read_facts(const Statement& st, int c, VulnFinding& f) {
  f.published = st.column_text(c);
  if (!st.column_is_null(c + 1)) {
    f.cvss = st.column_double(c + 1), f.cvss_version = st.column_text(c + 2), f.cvss_vector = st.column_text(c + 3);
    f.severity = st.column_text(c + 4);
  } else if (!st.column_is_null(c + 5)) {
    f.cvss = st.column_double(c + 5), f.cvss_version = "4.0", f.cvss_vector = st.column_text(c + 6);
    f.severity = st.column_text(c + 7);
  } else if (!st.column_is_null(c + 8)) {
    f.cvss = st.column_double(c + 8), f.cvss_version = "2.0", f.cvss_vector = st.column_text(c + 9);
  }
  f.cwes = st.column_text(c + 10);
  f.kev = !st.column_is_null(c + 12);
  f.kev_date_added = st.column_text(c + 12);
  f.kev_due_date = st.column_text(c + 13);
  f.kev_ransomware = st.column_view(c + 14) == "Known";
  f.epss = st.column_optional_double(c + 15);
  f.epss_percentile = st.column_optional_double(c + 16);
  if (st.column_view(c + 11) == "Rejected") f.id.clear();  // rejected CVEs affect nothing
}

/// Holds one read transaction over a lookup's statements when the caller has
/// none: SQLite otherwise locks, checks the journal and re-reads the header
/// for every statement, which costs more than the queries themselves. BEGIN
/// and COMMIT are prepared once, like the queries.
class ReadTransaction {
 public:
  ReadTransaction(Database& db, Statement& begin, Statement& commit)
      : commit_(sqlite3_get_autocommit(db.handle()) ? &commit : nullptr) {
    if (commit_ != nullptr && !begin.run()) commit_ = nullptr;
  }
  ~ReadTransaction() {
    if (commit_ != nullptr) (void)commit_->run();
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Statement* commit_;
};

/// Memory-maps up to this much of the database for lookups (reads without copies).
constexpr std::string_view kMmapPragma = "PRAGMA mmap_size = 1073741824";

}  // namespace

struct VulnLookup::Statements {
  Database* db;
  Statement ranges, facts, component_cpes, canonical, osv_packages, osv, summary, begin, commit;
  MatchedCpeRows rows;  // reused: its buffers keep their size between lookups
};

Result<VulnLookup> VulnLookup::open(Database& db) {
  int rc = sqlite3_create_function_v2(db.handle(), kRangeFunction.data(), kRangeFunctionArgs, SQLITE_UTF8, nullptr,
                                      in_range, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return make_error(Errc::kIo, "cannot register the version function: " + db.last_error());
  (void)db.exec(kMmapPragma);  // an optimisation only: ignored where unsupported
  auto ranges = db.prepare(kRangesSql);
  auto facts = db.prepare(kFactsSql);
  auto cpes = db.prepare(kComponentCpesSql);
  auto canonical = db.prepare(kCanonicalSql);
  auto packages = db.prepare(kOsvPackagesSql);
  auto osv = db.prepare(kOsvSql);
  auto summary = db.prepare(kSummarySql);
  auto begin = db.prepare("BEGIN");
  auto commit = db.prepare("COMMIT");
  for (auto* r : {&ranges, &facts, &cpes, &canonical, &packages, &osv, &summary, &begin, &commit})
    if (!*r) return r->error();
  return VulnLookup(std::make_shared<Statements>(Statements{
      &db, std::move(*ranges), std::move(*facts), std::move(*cpes), std::move(*canonical), std::move(*packages),
      std::move(*osv), std::move(*summary), std::move(*begin), std::move(*commit), MatchedCpeRows()}));
}

Result<std::string> VulnLookup::summary(std::string_view id) {
  Statement& st = st_->summary;
  st.reset();
  st.bind(1, id);
  auto row = st.step();
  if (!row) return row.error();
  std::string text = *row ? st.column_text(0) : std::string();
  st.reset();
  return text;
}

Status VulnLookup::add_facts(VulnFinding& f) {
  Statement& st = st_->facts;
  st.reset();
  st.bind(1, f.id);
  auto row = st.step();
  if (!row) return row.error();
  if (*row) read_facts(st, 0, f);
  st.reset();
  return Ok{};
}

Status VulnLookup::match_cpe(std::string_view vendor, std::string_view product, std::string_view version,
                             std::vector<VulnFinding>& out) {
  PackageVersion pv = split_package_version(version);
  if (pv.upstream.empty()) return Ok{};
  MatchStatus status = pv.revision.empty() ? MatchStatus::kVulnerable : MatchStatus::kBackportPossible;
  CpeVersionTest test(pv.upstream);
  std::string key = version_sort_key(pv.upstream);
  Statement& st = st_->ranges;
  st.reset();
  st.bind(1, vendor).bind(2, product).bind(3, key).bind(4, std::string(kExactKeyPrefix) + key);
  st.bind_pointer(5, &test, kVersionTestType);
  MatchedCpeRows& rows = st_->rows;
  rows.clear();
  for (;;) {
    auto row = st.step();
    if (!row) return row.error();
    if (!*row) break;
    std::array<std::string_view, MatchedCpeRows::kColumns> columns;
    for (std::size_t c = 0; c < columns.size(); ++c) columns[c] = st.column_view(static_cast<int>(c));
    constexpr int kEpss = MatchedCpeRows::kColumns;
    rows.add(columns, st.column_optional_double(kEpss), st.column_optional_double(kEpss + 1));
  }
  st.reset();  // before `test` goes out of scope: the statement holds a pointer to it
  // A kernel CVE often has several ranges that contain the version: one
  // finding per advisory, built in id order straight into place.
  std::vector<std::size_t> kept = rows.one_per_advisory();
  out.reserve(out.size() + kept.size());
  for (std::size_t r : kept) {
    VulnFinding& f = out.emplace_back();
    f.status = status;
    rows.fill(r, f);
  }
  return Ok{};
}

Status VulnLookup::match_osv(std::string_view package, std::string_view version, std::vector<VulnFinding>& out) {
  Statement& st = st_->osv;
  st.reset();
  st.bind(1, package);
  for (;;) {
    auto row = st.step();
    if (!row) return row.error();
    if (!*row) break;
    auto ranges = decode_osv_ranges(st.column_text(4));
    if (!ranges) continue;  // a row this version cannot read is skipped, not fatal
    OsvAffected a{st.column_text(2), st.column_text(3), std::move(*ranges), decode_string_list(st.column_text(5))};
    auto hit = db::match_osv(a, version);
    if (!hit) continue;
    out.push_back(
        VulnFinding{st.column_text(0), hit->status, hit->range, "osv:" + a.ecosystem + "/" + a.package, hit->fixed_in});
    out.back().aliases = st.column_text(1);
    out.back().source = st.column_text(6);
  }
  st.reset();
  return Ok{};
}

namespace {

// One finding per id, sorted by id so output is deterministic; rejected
// CVEs (id cleared by add_facts) are dropped. When several ranges of one CVE
// match, the one kept does not depend on row order. Sorts positions, not the
// findings themselves: a kernel can have thousands.
void dedupe(std::vector<VulnFinding>& found) {
  // A single CPE product's findings come already sorted and one per id.
  auto ordered = [](const VulnFinding& a, const VulnFinding& b) { return a.id < b.id; };
  bool none_rejected = std::none_of(found.begin(), found.end(), [](const VulnFinding& f) { return f.id.empty(); });
  if (none_rejected && std::adjacent_find(found.begin(), found.end(), std::not_fn(ordered)) == found.end()) return;
  std::vector<std::size_t> order(found.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&found](std::size_t x, std::size_t y) {
    const VulnFinding &a = found[x], &b = found[y];
    if (int c = a.id.compare(b.id); c != 0) return c < 0;  // ids mostly differ: one comparison
    return std::tie(a.source, a.criteria, a.range, x) < std::tie(b.source, b.criteria, b.range, y);
  });
  // The kept positions first, in order, then the dropped ones: a permutation
  // applied in place, cycle by cycle, so each finding moves at most once.
  std::vector<std::size_t> from;
  from.reserve(order.size());
  std::vector<std::size_t> dropped;
  const std::string* last = nullptr;
  for (std::size_t i : order) {
    if (found[i].id.empty() || (last != nullptr && *last == found[i].id)) {
      dropped.push_back(i);
      continue;
    }
    from.push_back(i);
    last = &found[i].id;
  }
  std::size_t kept = from.size();
  from.insert(from.end(), dropped.begin(), dropped.end());
  for (std::size_t start = 0; start < from.size(); ++start) {
    if (from[start] == start || from[start] == SIZE_MAX) continue;
    VulnFinding held = std::move(found[start]);
    std::size_t to = start;
    while (from[to] != start) {
      std::size_t next = from[to];
      found[to] = std::move(found[next]);
      from[to] = SIZE_MAX;
      to = next;
    }
    found[to] = std::move(held);
    from[to] = SIZE_MAX;
  }
  found.resize(kept);
}

bool aliases_any_of(std::string_view aliases, const std::set<std::string, std::less<>>& ids) {
  for (std::size_t pos = 0; pos < aliases.size();) {
    std::size_t bar = std::min(aliases.find('|', pos), aliases.size());
    if (ids.count(aliases.substr(pos, bar - pos))) return true;
    pos = bar + 1;
  }
  return false;
}

}  // namespace

Result<std::vector<VulnFinding>> VulnLookup::for_cpe(std::string_view vendor, std::string_view product,
                                                     std::string_view version) {
  ReadTransaction read(*st_->db, st_->begin, st_->commit);
  std::vector<VulnFinding> out;
  if (auto s = match_cpe(vendor, product, version, out); !s) return s.error();
  dedupe(out);
  return out;
}

Result<std::vector<VulnFinding>> VulnLookup::for_component(std::string_view name, std::string_view version) {
  ReadTransaction read(*st_->db, st_->begin, st_->commit);
  std::string canonical(name);
  Statement& c = st_->canonical;
  c.reset();
  c.bind(1, name);
  if (auto row = c.step(); row && *row) canonical = c.column_text(0);
  c.reset();
  std::vector<std::pair<std::string, std::string>> cpes;
  Statement& q = st_->component_cpes;
  q.reset();
  q.bind(1, canonical);
  for (auto row = q.step(); row && *row; row = q.step()) cpes.emplace_back(q.column_text(0), q.column_text(1));
  q.reset();
  std::vector<VulnFinding> out;
  for (const auto& [vendor, product] : cpes)
    if (auto s = match_cpe(vendor, product, version, out); !s) return s.error();
  std::set<std::string, std::less<>> cpe_ids;
  for (const auto& f : out) cpe_ids.insert(f.id);
  std::size_t cpe_count = out.size();
  std::vector<std::string> packages;
  Statement& p = st_->osv_packages;
  p.reset();
  p.bind(1, canonical);
  for (auto row = p.step(); row && *row; row = p.step()) packages.push_back(p.column_text(0));
  p.reset();
  for (const auto& pkg : packages)
    if (auto s = match_osv(pkg, version, out); !s) return s.error();
  // An OSV advisory that aliases a CVE the CPE ranges already found adds nothing.
  auto redundant = [&](const VulnFinding& f) { return aliases_any_of(f.aliases, cpe_ids); };
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(cpe_count), out.end(), redundant), out.end());
  for (std::size_t i = cpe_count; i < out.size(); ++i)
    if (auto s = add_facts(out[i]); !s) return s.error();
  dedupe(out);
  return out;
}

}  // namespace pedigree::db
