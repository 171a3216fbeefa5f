// Times vulnerability lookups: every component of a list (lines of
// "vendor:product version", # comments) looked up against a provenance
// database, as a scan would do it. Prints the number of findings and the time
// per pass; with DUMP, also writes every finding of the last pass, one per
// line with all its fields, so that two builds can be compared byte for byte.
//   db_lookup_bench DB COMPONENTS [PASSES [DUMP]]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "scanner/db/sqlite.h"
#include "scanner/db/vuln_lookup.h"

namespace {

struct Query {
  std::string vendor, product, version;
};

std::vector<Query> read_queries(const char* path) {
  std::vector<Query> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto colon = line.find(':'), space = line.find(' ');
    if (colon == std::string::npos || space == std::string::npos || colon > space) continue;
    out.push_back({line.substr(0, colon), line.substr(colon + 1, space - colon - 1), line.substr(space + 1)});
  }
  return out;
}

std::string optional_number(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", *v);
  return buf;
}

bool dump(pedigree::db::VulnLookup& lookup, const std::vector<Query>& queries, const char* path) {
  std::ofstream out(path, std::ios::binary);
  for (const Query& q : queries) {
    auto found = lookup.for_cpe(q.vendor, q.product, q.version);
    if (!found) return false;
    for (const auto& f : *found) {
      out << q.vendor << ':' << q.product << ' ' << q.version << '\t' << f.id << '\t'
          << pedigree::db::match_status_name(f.status) << '\t' << f.range << '\t' << f.criteria << '\t' << f.fixed_in
          << '\t' << f.summary << '\t' << optional_number(f.cvss) << '\t' << f.cvss_version << '\t' << f.cvss_vector
          << '\t' << f.severity << '\t' << f.cwes << '\t' << f.published << '\t' << f.kev << '\t' << f.kev_date_added
          << '\t' << f.kev_due_date << '\t' << f.kev_ransomware << '\t' << optional_number(f.epss) << '\t'
          << optional_number(f.epss_percentile) << '\t' << f.aliases << '\t' << f.source << '\n';
    }
  }
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pedigree::db;
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB COMPONENTS [PASSES [DUMP]]\n", argv[0]);
    return 2;
  }
  int passes = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  auto db = Database::open(argv[1], OpenMode::kReadOnly);
  if (!db) return std::fprintf(stderr, "%s\n", db.error().message.c_str()), 2;
  auto lookup = VulnLookup::open(*db);
  if (!lookup) return std::fprintf(stderr, "%s\n", lookup.error().message.c_str()), 2;
  std::vector<Query> queries = read_queries(argv[2]);
  std::vector<double> ms, cpu_ms;
  std::size_t findings = 0, kev = 0, backport = 0;
  std::vector<std::pair<std::size_t, std::string>> per_component;
  for (int pass = 0; pass <= passes; ++pass) {  // pass 0 warms the page cache
    findings = kev = backport = 0;
    per_component.clear();
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    for (const Query& q : queries) {
      auto found = lookup->for_cpe(q.vendor, q.product, q.version);
      if (!found) return std::fprintf(stderr, "%s\n", found.error().message.c_str()), 3;
      findings += found->size();
      per_component.emplace_back(found->size(), q.vendor + ":" + q.product + " " + q.version);
      for (const auto& f : *found) {
        kev += f.kev ? 1 : 0;
        backport += f.status == MatchStatus::kBackportPossible ? 1 : 0;
      }
    }
    auto end = std::chrono::steady_clock::now();
    double cpu = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (pass > 0) ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    if (pass > 0) cpu_ms.push_back(cpu);
  }
  if (argc > 4 && !dump(*lookup, queries, argv[4])) return std::fprintf(stderr, "cannot write %s\n", argv[4]), 2;
  std::sort(per_component.rbegin(), per_component.rend());
  std::printf("most findings:");
  for (std::size_t i = 0; i < per_component.size() && i < 5; ++i)
    std::printf(" %s (%zu)%s", per_component[i].second.c_str(), per_component[i].first, i < 4 ? "," : "\n");
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::printf("components: %zu  findings: %zu (kev %zu, backport-possible %zu)\n", queries.size(), findings, kev,
              backport);
  std::printf("lookup of all components: median %.1f ms, best %.1f ms, worst %.1f ms over %d passes\n",
              ms[ms.size() / 2], ms.front(), ms.back(), passes);
  // On a shared machine wall time includes waiting for a core; CPU time does not.
  std::printf("CPU time of all components: median %.1f ms, best %.1f ms\n", cpu_ms[cpu_ms.size() / 2], cpu_ms.front());
  return 0;
}
