#include "scanner/db/seed.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "scanner/db/migrations.h"
#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

Database seeded(const std::string& dir, SeedLog& log, Status* status = nullptr) {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  // The core loader alone: other loaders' files are not in these fixtures.
  Status st = load_core_seed(*db, dir, log);
  if (status != nullptr)
    *status = st;
  else
    REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message));
  return std::move(*db);
}

TEST_CASE("seed: the fixture seed loads every table, resolving parents and vendors") {
  SeedLog log;
  auto db = seeded(test::db_fixture("seed"), log);
  CHECK(log.notes.empty());
  CHECK(test::count(db, "SELECT count(*) FROM vendors") == 4);
  CHECK(test::count(db,
                    "SELECT count(*) FROM vendors v JOIN vendors p ON p.id = v.parent_id "
                    "WHERE v.name = 'HiSilicon' AND p.name = 'Huawei'") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM list_entries WHERE vendor_id IS NOT NULL") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM chipset_families WHERE vendor_id IS NOT NULL") == 2);
  CHECK(test::count(db, "SELECT count(*) FROM chipset_keys") == 11);
  CHECK(test::count(db, "SELECT count(*) FROM chipset_keys WHERE is_glob = 1") == 2);
  CHECK(test::count(db, "SELECT count(*) FROM components WHERE supplier_id IS NOT NULL") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM component_aliases") == 3);
  CHECK(test::count(db, "SELECT count(*) FROM data_sources WHERE kind = 'seed'") == 7);
  CHECK(test::count(db, "SELECT count(*) FROM domain_owners WHERE vendor_id IS NOT NULL") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM data_sources WHERE name = 'seed:vendors' AND version = '2026-01-15'") ==
        1);
}

TEST_CASE("seed: files not delivered yet are notes, and what is there still loads") {
  test::ScratchDir dir;
  std::filesystem::copy_file(test::db_fixture("seed/components.csv"), dir.path("components.csv"));
  SeedLog log;
  auto db = seeded(dir.path(), log);
  CHECK(test::count(db, "SELECT count(*) FROM components") == 3);
  auto has = [&](const std::string& s) {
    return std::any_of(log.notes.begin(), log.notes.end(),
                       [&](const auto& n) { return n.find(s) != std::string::npos; });
  };
  CHECK(has("vendors.csv: not present yet"));
  CHECK(has("chipsets.csv: not present yet"));
  CHECK(has("supplier 'wolfSSL Inc.' is not in vendors.csv"));
}

TEST_CASE("seed: a malformed seed file is an error naming file and line, and loads none of its rows") {
  struct Bad {
    const char* file;
    const char* content;
    const char* message;
  };
  const Bad kBad[] = {
      {"vendors.csv", "name,aliases,country,parent,ownership,website,roles,source,checked\nA,,China,,,,,,\n",
       "vendors.csv:2: country 'China' is not an ISO 3166-1 alpha-2 code"},
      {"vendors.csv", "name,aliases,country\nA,,CN\n",
       "vendors.csv:1: header lacks column(s): parent, ownership, website, roles, source, checked"},
      {"lists.csv", "list,jurisdiction,title,authority,url,checked\nx,US,T,,,2026-1-1\n",
       "lists.csv:2: checked '2026-1-1' is not YYYY-MM-DD"},
      {"chipsets.csv",
       "vendor,family,models,dt_compatible,dt_prefixes,strings,kconfig,pci_ids,usb_ids,source,checked\n"
       "V,F,,,,,,14C3-7612,,,\n",
       "chipsets.csv:2: pci id '14C3-7612' is not vvvv:dddd in lower-case hex"},
      {"component_aliases.csv", "alias,kind,name\nlibz,library,zlib\n",
       "component_aliases.csv:2: kind 'library' is not package, soname or cpe"},
      {"components.csv", "name,cpe_vendor,cpe_product,purl_type,purl_namespace,purl_name,supplier,upstream\na,b\n",
       "components.csv:2: 2 fields where the header has 8"},
  };
  for (const auto& b : kBad) {
    std::string file = b.file;
    CAPTURE(file);
    test::ScratchDir dir;
    dir.write(b.file, b.content);
    SeedLog log;
    Status st = Ok{};
    auto db = seeded(dir.path(), log, &st);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message ==
          dir.path(b.file).substr(0, dir.path(b.file).size() - std::string(b.file).size()) + b.message);
    CHECK(test::count(db, "SELECT count(*) FROM data_sources") == 0);
  }
}

}  // namespace
}  // namespace pedigree::db
