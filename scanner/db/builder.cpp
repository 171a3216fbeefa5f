#include "scanner/db/builder.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "scanner/db/importer.h"
#include "scanner/db/migrations.h"

namespace pedigree::db {
namespace {

namespace fs = std::filesystem;

Status fill(Database& db, const BuildOptions& opts, BuildResult& res) {
  // The file is private until renamed, so durability while building buys nothing.
  if (auto st = db.exec("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"); !st) return st;
  if (auto st = migrate(db); !st) return st;
  if (auto st = load_seed(db, opts.seed_dir, res.log); !st) return st;
  for (const auto& src : opts.system_sources) {
    std::error_code ec;
    if (!fs::exists(src.path, ec)) {
      res.log.notes.push_back(src.path + ": not installed; skipped " + src.kind);
      continue;
    }
    auto rec = run_import(db, src.kind, src.path);
    if (!rec) return rec.error();
  }
  auto all = list_sources(db);
  if (!all) return all.error();
  res.sources = std::move(*all);
  // VACUUM rewrites the file compactly in table order: smaller, and the same
  // inputs give the same pages.
  return db.exec("VACUUM");
}

}  // namespace

std::vector<SystemSource> default_system_sources() {
  return {
      {"oui", "/usr/share/ieee-data/oui.csv"},     {"mam", "/usr/share/ieee-data/mam.csv"},
      {"oui36", "/usr/share/ieee-data/oui36.csv"}, {"pci-ids", "/usr/share/misc/pci.ids"},
      {"usb-ids", "/usr/share/misc/usb.ids"},      {"ca-store", "/etc/ssl/certs/ca-certificates.crt"},
  };
}

Result<BuildResult> build_database(const BuildOptions& opts) {
  std::error_code ec;
  if (!fs::is_directory(opts.seed_dir, ec)) return make_error(Errc::kIo, opts.seed_dir + ": seed directory not found");
  std::string tmp = opts.out + ".tmp-" + std::to_string(::getpid());
  fs::remove(tmp, ec);
  BuildResult res;
  Status st = Ok{};
  {
    auto db = Database::open(tmp, OpenMode::kReadWrite);
    if (!db) return db.error();
    st = fill(*db, opts, res);
  }  // closed before the rename
  if (st) {
    fs::rename(tmp, opts.out, ec);
    if (ec) st = make_error(Errc::kIo, opts.out + ": " + ec.message());
  }
  if (!st) {
    fs::remove(tmp, ec);
    return st.error();
  }
  return res;
}

}  // namespace pedigree::db
