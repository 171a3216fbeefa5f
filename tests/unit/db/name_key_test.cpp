#include "scanner/db/name_key.h"

#include <doctest/doctest.h>

#include "scanner/db/iso_country.h"

namespace pedigree::db {
namespace {

TEST_CASE("name key: case and punctuation do not matter; non-ASCII letters stay") {
  CHECK(name_key("Hangzhou Hikvision Digital Technology Co., Ltd.") ==
        name_key("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD"));
  CHECK(name_key("Wi-Fi") == "wifi");
  CHECK(name_key("华为") == "华为");
  CHECK(name_key(" .,- ").empty());
}

TEST_CASE("iso country: assigned alpha-2 codes only") {
  for (const char* c : {"AD", "CN", "TW", "US", "ZW"}) CHECK(is_iso_country(c));
  for (const char* c : {"", "C", "cn", "XX", "USA", "UK", "EU"}) CHECK_FALSE(is_iso_country(c));
}

}  // namespace
}  // namespace pedigree::db
