#include "scanner/db/epss.h"

#include <doctest/doctest.h>

#include "scanner/db/vuln_import.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

TEST_CASE("epss: the comment line, the header and the scores") {
  auto f = parse_epss(
      "#model_version:v2025.03.14,score_date:2025-03-20T00:00:00+0000\r\ncve,epss,percentile\r\n"
      "CVE-1999-0001,0.01025,0.76385\r\nCVE-2023-48795,0.96493,0.99797\r\n");
  REQUIRE_MESSAGE(f.ok(), f.error().message);
  CHECK(f->model_version == "v2025.03.14");
  CHECK(f->score_date == "2025-03-20");
  REQUIRE(f->scores.size() == 2);
  CHECK(f->scores[1].cve == "CVE-2023-48795");
  CHECK(f->scores[1].score == doctest::Approx(0.96493));
  CHECK(f->scores[1].percentile == doctest::Approx(0.99797));
  CHECK(parse_epss("cve,epss,percentile\nCVE-1999-0001,0.1,0.2\n").ok());  // older files: no comment
}

TEST_CASE("epss: bad lines are named") {
  auto bad = parse_epss("cve,epss,percentile\nCVE-1999-0001,0.1,0.2\nCVE-1999-0002,high,0.2\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "line 3: expected CVE-id,score,percentile");
  CHECK_FALSE(parse_epss("cve,epss,percentile\nCVE-1999-0001,1.5,0.2\n").ok());
  CHECK_FALSE(parse_epss("cve,epss,percentile\nCVE-1999-0001,0.5\n").ok());
  CHECK_FALSE(parse_epss("").ok());
  CHECK_FALSE(parse_epss("id,score\n").ok());
}

TEST_CASE("epss import: plain and gzip, idempotent, bad input changes nothing") {
  test::VulnDb t;
  auto r = test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv.gz"));
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->source.name == "first-epss");
  CHECK(r->source.version == "v2025.03.14 2025-03-20");
  CHECK(t.count("SELECT count(*) FROM epss WHERE score_date = '2025-03-20'") == 4);
  REQUIRE(test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
  const std::string once = t.digest();
  REQUIRE(test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
  CHECK(t.digest() == once);
  t.dir.write("epss.csv", "cve,epss,percentile\nCVE-1,0.1,0.1\nCVE-2,0.1\n");
  auto bad = test::atomic(t.db, import_epss_file, t.dir.path("epss.csv"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == t.dir.path("epss.csv") + ": line 3: expected CVE-id,score,percentile");
  CHECK(t.digest() == once);
}

}  // namespace
}  // namespace pedigree::db
