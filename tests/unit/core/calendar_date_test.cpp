#include "scanner/core/calendar_date.h"

#include <doctest/doctest.h>

namespace pedigree {
namespace {

TEST_CASE("calendar: ISO dates round-trip and bad dates are refused") {
  CHECK(parse_iso_date("1970-01-01") == 0);
  CHECK(parse_iso_date("2024-02-29") == days_from_civil(2024, 2, 29));
  CHECK(format_iso_date(*parse_iso_date("2027-01-15")) == "2027-01-15");
  CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2023-13-01").has_value());
  CHECK_FALSE(parse_iso_date("20230101").has_value());
  CHECK_FALSE(parse_iso_date("2023-1a-01").has_value());
  CHECK(today_utc().size() == 10);
}

}  // namespace
}  // namespace pedigree
