#include "scanner/db/importer.h"

#include "scanner/db/migrations.h"

namespace pedigree::db {

const std::vector<Importer>& importers() {
  static const std::vector<Importer> kAll = {
#define IMPORTER(kind, fn, desc) {kind, &fn, desc},
#include "scanner/db/importers.def"
#undef IMPORTER
  };
  return kAll;
}

const Importer* find_importer(std::string_view kind) {
  for (const auto& imp : importers())
    if (imp.kind == kind) return &imp;
  return nullptr;
}

Result<SourceRecord> run_import(Database& db, std::string_view kind, const std::string& path) {
  const Importer* imp = find_importer(kind);
  if (imp == nullptr) return make_error(Errc::kUnsupported, "unknown import kind '" + std::string(kind) + "'");
  if (auto st = migrate(db); !st) return st.error();
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto rec = imp->run(db, path);
  if (!rec) return rec.error();  // the guard rolls back
  if (auto st = tx->commit(); !st) return st.error();
  return rec;
}

}  // namespace pedigree::db
