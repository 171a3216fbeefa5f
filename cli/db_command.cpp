// The db subcommands. Exit codes as everywhere: 0 done, 2 bad usage, a missing
// or damaged database or a malformed input (one line on stderr).
#include "cli/db_command.h"

#include <fmt/format.h>

#include <ctime>
#include <iostream>

#include "scanner/db/builder.h"
#include "scanner/db/db_path.h"
#include "scanner/db/importer.h"
#include "scanner/db/migrations.h"
#include "scanner/db/verify.h"

namespace pedigree::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr std::int64_t kSecondsPerDay = 86400;

int fail(const std::string& message) {
  std::cerr << "pedigree: " << message << "\n";
  return kExitUsage;
}

/// Seconds since 1970 of "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"; -1 when malformed.
std::int64_t epoch_of(const std::string& s) {
  std::tm tm{};
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return -1;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  if (s.size() >= 19) std::sscanf(s.c_str() + 11, "%2d:%2d:%2d", &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
  return static_cast<std::int64_t>(timegm(&tm));
}

void print_sources(const std::vector<db::SourceRecord>& sources) {
  for (const auto& s : sources) {
    std::cout << fmt::format("  {:<20} {:<10} version {:<22} sha256 {}  imported {}\n", s.name, s.kind,
                             s.version.empty() ? "-" : s.version, s.sha256.substr(0, 16), s.imported_at);
    for (const auto& [table, n] : s.rows) std::cout << fmt::format("      {:<26} {:>8} rows\n", table, n);
  }
}

int run_info(const DbArgs& a) {
  std::string path = resolve_db_path(a.db);
  auto db = db::Database::open(path, db::OpenMode::kReadOnly);
  if (!db) return fail("cannot open database " + db.error().message);
  auto version = db::schema_version(*db);
  auto sources = db::list_sources(*db);
  if (!version || !sources)
    return fail(path + ": not a usable Pedigree database: " + (!version ? version.error() : sources.error()).message);
  std::cout << "database: " << path << "\n";
  std::cout << "schema version: " << *version << " (this pedigree: " << db::latest_schema_version() << ")\n";
  std::cout << "sources: " << sources->size() << "\n";
  print_sources(*sources);
  std::int64_t now = a.now.empty() ? static_cast<std::int64_t>(std::time(nullptr)) : epoch_of(a.now);
  if (now < 0) return fail("--now takes a date YYYY-MM-DD");
  std::int64_t newest = -1;
  for (const auto& s : *sources) newest = std::max(newest, epoch_of(s.imported_at));
  if (newest >= 0 && (now - newest) / kSecondsPerDay > a.max_age_days)
    std::cerr << fmt::format(
        "pedigree: warning: the newest data source is {} days old (more than {}); "
        "rebuild with 'pedigree db build'\n",
        (now - newest) / kSecondsPerDay, a.max_age_days);
  return kExitOk;
}

int run_build(const DbArgs& a) {
  db::BuildOptions opts;
  opts.out = a.out.empty() ? resolve_db_path(a.db) : a.out;
  opts.seed_dir = a.seed_dir;
  auto res = db::build_database(opts);
  if (!res) return fail("db build failed: " + res.error().message);
  if (a.quiet) return kExitOk;
  for (const auto& note : res->log.notes) std::cerr << "pedigree: note: " << note << "\n";
  std::int64_t rows = 0;
  for (const auto& s : res->sources)
    for (const auto& r : s.rows) rows += r.second;
  std::cerr << fmt::format("pedigree: built {} from {} sources, {} rows\n", opts.out, res->sources.size(), rows);
  return kExitOk;
}

int run_import(const DbArgs& a) {
  if (db::find_importer(a.kind) == nullptr) {
    std::string kinds;
    for (const auto& imp : db::importers()) kinds += (kinds.empty() ? "" : ", ") + std::string(imp.kind);
    return fail("unknown import kind '" + a.kind + "' (known: " + kinds + ")");
  }
  std::string path = resolve_db_path(a.db);
  auto db = db::Database::open(path, db::OpenMode::kReadWrite);
  if (!db) return fail("cannot open database " + db.error().message);
  auto rec = db::run_import(*db, a.kind, a.file);
  if (!rec) return fail("import failed, database unchanged: " + rec.error().message);
  if (!a.quiet) {
    std::cout << "imported " << a.file << " into " << path << "\n";
    print_sources({*rec});
  }
  return kExitOk;
}

int run_verify(const DbArgs& a) {
  std::string path = resolve_db_path(a.db);
  auto rep = db::verify_database(path);
  if (!rep) return fail("cannot open database " + rep.error().message);
  if (!rep->problems.empty()) {
    for (const auto& p : rep->problems) std::cout << "problem: " << p << "\n";
    return fail(fmt::format("{}: damaged or not a current Pedigree database ({} problem(s), first: {})", path,
                            rep->problems.size(), rep->problems.front()));
  }
  if (!a.quiet) std::cout << path << ": ok (integrity, schema version " << rep->schema_version << ", tables)\n";
  return kExitOk;
}

}  // namespace

std::string resolve_db_path(const std::string& db_option) {
  return db_option.empty() ? db::default_db_path() : db_option;
}

void add_db_commands(CLI::App& app, DbArgs& a) {
  app.add_option("--db", a.db, "Provenance database (default: $PEDIGREE_DB, else pedigree.db beside the executable)");
  a.group = app.add_subcommand("db", "Build, inspect, import into and verify the provenance database");
  a.group->require_subcommand(1);
  a.info = a.group->add_subcommand("info", "Schema version and data sources with dates and row counts");
  a.info->add_option("--now", a.now, "Reference date YYYY-MM-DD for the age warning (default: today)");
  a.info->add_option("--max-age", a.max_age_days, "Warn when the newest source is older (days)")->capture_default_str();
  a.build = a.group->add_subcommand("build", "Build the database from the seed CSVs and Debian's data files");
  a.build->add_option("--out", a.out, "Database to write (default: the bundled database)");
  a.build->add_option("--seed", a.seed_dir, "Directory of the seed CSVs")->capture_default_str();
  a.import = a.group->add_subcommand("import", "Import one data file (one transaction; idempotent)");
  std::string kinds;
  for (const auto& imp : db::importers()) kinds += fmt::format("\n  {:<10} {}", imp.kind, imp.description);
  a.import->add_option("KIND", a.kind, "What FILE is:" + kinds)->required();
  a.import->add_option("FILE", a.file, "The file to import")->required();
  a.verify = a.group->add_subcommand("verify", "Integrity check and schema check");
  for (auto* sub : {a.info, a.build, a.import, a.verify}) {
    sub->add_option("--db", a.db, "Provenance database");
    sub->add_flag("-q,--quiet", a.quiet, "Print nothing but errors");
  }
}

int run_db_command(const DbArgs& a) {
  if (a.info->parsed()) return run_info(a);
  if (a.build->parsed()) return run_build(a);
  if (a.import->parsed()) return run_import(a);
  return run_verify(a);
}

}  // namespace pedigree::cli
