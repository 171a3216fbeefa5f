#include "scanner/security/pem_scan.h"

#include <doctest/doctest.h>

#include "tests/unit/security/fixture.h"

namespace pedigree::security {
namespace {

TEST_CASE("pem: finds every block of a chain file, with offsets and labels") {
  std::string chain = test::router_file("etc/ssl/certs/router-chain.pem");
  REQUIRE(!chain.empty());
  auto blocks = find_pem_blocks(as_bytes(chain));
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].label == "CERTIFICATE");
  CHECK(blocks[0].offset == chain.find("-----BEGIN"));
  CHECK(blocks[1].offset == chain.rfind("-----BEGIN"));
  CHECK(blocks[0].body.size() > 500);
  CHECK(blocks[0].body[0] == 0x30);
}

TEST_CASE("pem: finds a block embedded between binary bytes") {
  std::string blob(
      "\x7f"
      "ELF\0\0\x01garbage",
      13);
  blob += "-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----";
  blob += std::string("\0\xff", 2);
  auto blocks = find_pem_blocks(as_bytes(blob));
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].label == "PRIVATE KEY");
  CHECK(blocks[0].offset == 13);
  CHECK(blocks[0].body == std::vector<std::uint8_t>{0, 1, 2});
}

TEST_CASE("pem: legacy encrypted headers are seen; malformed blocks are skipped") {
  std::string enc =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE "
      "KEY-----\n";
  auto blocks = find_pem_blocks(as_bytes(enc));
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].proc_encrypted);
  CHECK(find_pem_blocks(as_bytes("-----BEGIN CERTIFICATE-----\nAA!A\n-----END CERTIFICATE-----")).empty());
  CHECK(find_pem_blocks(as_bytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END KEY-----")).empty());
  CHECK(find_pem_blocks(as_bytes("-----BEGIN lower-----\nAAAA\n-----END lower-----")).empty());
  CHECK(find_pem_blocks(as_bytes("-----BEGIN ")).empty());
}

TEST_CASE("pem: the number of blocks per file is capped") {
  std::string many;
  for (int i = 0; i < 10; ++i) many += "-----BEGIN X-----\nAAAA\n-----END X-----\n";
  CHECK(find_pem_blocks(as_bytes(many), 3).size() == 3);
}

}  // namespace
}  // namespace pedigree::security
