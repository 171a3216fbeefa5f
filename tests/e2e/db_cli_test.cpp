// `pedigree db build | info | import | verify` as a user runs them.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include "tests/support/cli_run.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "scanner/db/migrations.h"
#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree {
namespace {

using Run = test::CommandResult;

Run sh(const std::string& cmd) { return test::run_command(cmd); }

std::string exe() { return test::pedigree_exe(); }

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST_SUITE("cli-db") {
  TEST_CASE("cli db: build, info and verify a database from the seed and Debian's files") {
    test::ScratchDir dir;
    std::string db = dir.path("p.db");
    auto build = sh(exe() + " db build --out " + db + " --seed " + test::db_fixture("seed") + " 2>&1");
    REQUIRE_MESSAGE(build.code == 0, build.out);
    CHECK(build.out.find("pedigree: built " + db) != std::string::npos);
    auto info = sh(exe() + " --db " + db + " db info --now 2026-01-01 2>&1");
    CHECK(info.code == 0);
    std::string version = std::to_string(db::latest_schema_version());
    CHECK(info.out.find("schema version: " + version) != std::string::npos);
    CHECK(info.out.find("seed:vendors") != std::string::npos);
    CHECK(info.out.find("mac_blocks") != std::string::npos);
    CHECK(info.out.find("warning") == std::string::npos);
    auto verify = sh(exe() + " db verify --db " + db + " 2>&1");
    CHECK(verify.code == 0);
    CHECK(verify.out == db + ": ok (integrity, schema version " + version + ", tables)\n");
  }

  TEST_CASE("cli db: info warns when the newest source is older than --max-age") {
    test::ScratchDir dir;
    std::string db = dir.path("p.db");
    REQUIRE(
        sh("SOURCE_DATE_EPOCH=1767225600 " + exe() + " db build -q --out " + db + " --seed " + test::db_fixture("seed"))
            .code == 0);
    auto info = sh(exe() + " db info --db " + db + " --now 2026-12-01 --max-age 90 2>&1 >/dev/null");
    CHECK(info.code == 0);
    CHECK(info.out.find("warning: the newest data source is 334 days old (more than 90)") != std::string::npos);
  }

  TEST_CASE("cli db: a missing or corrupt database is one line on stderr and exit 2") {
    test::ScratchDir dir;
    for (const char* cmd : {" db info", " db verify"}) {
      auto r = sh(exe() + " --db " + dir.path("missing.db") + cmd + " 2>&1");
      CHECK(r.code == 2);
      CHECK(lines(r.out) == 1);
      CHECK(r.out.find(dir.path("missing.db")) != std::string::npos);
    }
    dir.write("junk.db", std::string(8192, 'j'));
    auto r = sh(exe() + " --db " + dir.path("junk.db") + " db info 2>&1");
    CHECK(r.code == 2);
    CHECK(lines(r.out) == 1);
    auto env = sh("PEDIGREE_DB=" + dir.path("junk.db") + " " + exe() + " db verify 2>&1");
    CHECK(env.code == 2);
  }

  TEST_CASE("cli db: import adds a source; a malformed file exits 2 and changes nothing") {
    test::ScratchDir dir;
    std::string db = dir.path("p.db");
    auto ok = sh(exe() + " db import --db " + db + " pci-ids " + test::db_fixture("pci.ids"));
    REQUIRE(ok.code == 0);
    CHECK(ok.out.find("pci-ids") != std::string::npos);
    std::string before = dir.read("p.db");
    dir.write("bad.csv", "Registry,Assignment,Organization Name,Organization Address\nMA-L,12,X,\n");
    auto bad = sh(exe() + " db import --db " + db + " oui " + dir.path("bad.csv") + " 2>&1");
    CHECK(bad.code == 2);
    CHECK(lines(bad.out) == 1);
    CHECK(bad.out.find(dir.path("bad.csv") + ":2:") != std::string::npos);
    CHECK(dir.read("p.db") == before);
    CHECK(sh(exe() + " db import --db " + db + " nvd-typo x 2>/dev/null").code == 2);
  }

  TEST_CASE("cli db: the bundled database beside the executable is found without --db") {
    auto r = sh("env -u PEDIGREE_DB " + exe() + " db verify 2>&1");
    CHECK(r.code == 0);
    CHECK(r.out.find("/pedigree.db: ok") != std::string::npos);
  }
}

}  // namespace
}  // namespace pedigree
