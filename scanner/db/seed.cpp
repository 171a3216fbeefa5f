#include "scanner/db/seed.h"

#include "scanner/db/seed_core.h"

namespace pedigree::db {

Status load_core_seed(Database& db, const std::string& dir, SeedLog& log) {
  if (auto st = load_vendor_seed(db, dir, log); !st) return st;
  if (auto st = load_chipset_seed(db, dir, log); !st) return st;
  if (auto st = load_domain_seed(db, dir, log); !st) return st;
  return load_component_seed(db, dir, log);
}

const std::vector<SeedLoader>& seed_loaders() {
  static const std::vector<SeedLoader> kAll = {
#define SEED_LOADER(name, fn) {name, &fn},
#include "scanner/db/seed_loaders.def"
#undef SEED_LOADER
  };
  return kAll;
}

Status load_seed(Database& db, const std::string& dir, SeedLog& log) {
  for (const auto& loader : seed_loaders())
    if (auto st = loader.run(db, dir, log); !st) return st;
  return Ok{};
}

}  // namespace pedigree::db
