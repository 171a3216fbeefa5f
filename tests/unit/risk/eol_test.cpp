#include "scanner/risk/eol.h"

#include <doctest/doctest.h>

#include "scanner/risk/rule_data.h"

namespace pedigree::risk {

TEST_CASE("eol: versions are matched to their branch at a component boundary") {
  auto table = parse_eol_table(eol_table_text());
  CHECK(table.size() >= 10);
  CHECK(find_eol(table, "openssl", "1.1.1w")->eol == "2023-09-11");
  CHECK(find_eol(table, "openssl", "1.0.2u")->branch == "1.0.2");
  CHECK(find_eol(table, "linux", "4.14.180")->branch == "4.14");
  CHECK_FALSE(find_eol(table, "linux", "4.140").has_value());
  CHECK_FALSE(find_eol(table, "openssl", "3.2.1").has_value());
  CHECK(find_eol(table, "python", "2.7.18")->eol == "2020-01-01");
  CHECK_FALSE(find_eol(table, "busybox", "1.36.1").has_value());
}

}  // namespace pedigree::risk
