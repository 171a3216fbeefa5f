#include "scanner/db/ieee_registry.h"

#include <doctest/doctest.h>

#include "scanner/db/input_file.h"
#include "tests/support/db_fixtures.h"

namespace pedigree::db {
namespace {

std::vector<MacBlock> parse_fixture(const char* file, const char* registry) {
  auto in = read_input_file(test::db_fixture(file));
  REQUIRE(in.ok());
  auto blocks = parse_ieee_registry(in->bytes, file, registry);
  REQUIRE_MESSAGE(blocks.ok(), (blocks.ok() ? "" : blocks.error().message));
  return std::move(*blocks);
}

TEST_CASE("ieee: oui.csv rows keep organisation, address and derive the country") {
  auto blocks = parse_fixture("oui.csv", "MA-L");
  REQUIRE(blocks.size() == 9);
  CHECK(blocks[0].prefix == "002272");
  CHECK(blocks[0].bits == 24);
  CHECK(blocks[0].organization == "American Micro-Fuel Device Corp.");
  CHECK(blocks[0].address == "2181 Buchanan Loop Ferndale WA US 98248");
  CHECK(blocks[0].country == "US");
  CHECK(blocks[1].organization == "Private");
  CHECK(blocks[1].country.empty());
  CHECK(blocks[3].organization == "RISQ MODULAR SYSTEMS, INC.");
  CHECK(blocks[5].country == "CN");
  CHECK(blocks[7].country == "SE");
}

TEST_CASE("ieee: mam.csv and oui36.csv prefixes are 28 and 36 bits") {
  auto mam = parse_fixture("mam.csv", "MA-M");
  REQUIRE(mam.size() == 2);
  CHECK(mam[1].prefix == "208593B");
  CHECK(mam[1].bits == 28);
  auto s = parse_fixture("oui36.csv", "MA-S");
  REQUIRE(s.size() == 2);
  CHECK(s[0].prefix == "70B3D5F2F");
  CHECK(s[0].country == "RU");
}

TEST_CASE("ieee: country from the address's last words") {
  CHECK(country_from_address("4th Floor Lawford House London England GB N3 1 RL") == "GB");
  CHECK(country_from_address("1 Main St Toronto ON CA M5V 2T6") == "CA");
  CHECK(country_from_address("somewhere without a code 12345").empty());
  CHECK(country_from_address("").empty());
}

TEST_CASE("ieee: a wrong registry, a bad assignment or a bad header names the line") {
  std::string head = "Registry,Assignment,Organization Name,Organization Address\n";
  auto wrong = parse_ieee_registry(head + "MA-M,208593B,X,\n", "oui.csv", "MA-L");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message == "oui.csv:2: registry 'MA-M' in a MA-L file");
  auto hex = parse_ieee_registry(head + "MA-L,0022,X,\n", "oui.csv", "MA-L");
  REQUIRE_FALSE(hex.ok());
  CHECK(hex.error().message == "oui.csv:2: assignment '0022' is not 6 hex digits");
  auto header = parse_ieee_registry("Registry,Assignment\n", "oui.csv", "MA-L");
  REQUIRE_FALSE(header.ok());
  CHECK(header.error().message.find("oui.csv:1: header lacks column(s): Organization Name") == 0);
}

}  // namespace
}  // namespace pedigree::db
