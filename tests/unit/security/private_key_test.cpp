#include "scanner/security/private_key.h"

#include <doctest/doctest.h>

#include "scanner/security/crypto_analyzer.h"
#include "scanner/security/pem_scan.h"
#include "tests/unit/security/fixture.h"

namespace pedigree::security {
namespace {

report::PrivateKey only_key(const std::string& path) {
  auto facts = find_crypto_objects(as_bytes(test::router_file(path)));
  REQUIRE(facts.keys.size() == 1);
  return facts.keys[0];
}

TEST_CASE("keys: PKCS#8, PKCS#1, SEC 1 and encrypted PKCS#8 from PEM") {
  auto pkcs8 = only_key("etc/ssl/private/router.key");
  CHECK(pkcs8.format == "pkcs8");
  CHECK(pkcs8.type == "rsa");
  CHECK(pkcs8.bits == 2048);
  CHECK(pkcs8.spki_sha256.size() == 64);
  auto pkcs1 = only_key("etc/ssl/private/legacy.key");
  CHECK(pkcs1.format == "pkcs1");
  CHECK(pkcs1.bits == 1024);
  auto ec = only_key("etc/ssl/private/cloud-client.key");
  CHECK(ec.format == "ec");
  CHECK(ec.curve == "prime256v1");
  auto enc = only_key("etc/ssl/private/backup.key");
  CHECK(enc.format == "encrypted-pkcs8");
  CHECK(enc.encrypted);
  CHECK(enc.spki_sha256.empty());
}

TEST_CASE("keys: a key's public half links it to its certificate") {
  auto key = only_key("etc/ssl/private/legacy.key");
  auto certs = find_crypto_objects(as_bytes(test::router_file("etc/ssl/certs/legacy.pem"))).certificates;
  REQUIRE(certs.size() == 1);
  CHECK(certs[0].spki_sha256 == key.spki_sha256);
}

TEST_CASE("keys: a legacy encrypted PEM key is reported without decoding its body") {
  std::vector<std::uint8_t> junk = {1, 2, 3};
  auto k = parse_private_key("RSA PRIVATE KEY", junk, true);
  REQUIRE(k.has_value());
  CHECK(k->encrypted);
  CHECK(k->type == "rsa");
}

TEST_CASE("keys: bodies that are not keys are rejected") {
  std::vector<std::uint8_t> junk = {0x30, 0x03, 0x02, 0x01, 0x00};
  CHECK_FALSE(parse_private_key("RSA PRIVATE KEY", junk).has_value());
  CHECK_FALSE(parse_private_key("PRIVATE KEY", junk).has_value());
  CHECK_FALSE(parse_private_key("ENCRYPTED PRIVATE KEY", junk).has_value());
  CHECK_FALSE(parse_private_key("CERTIFICATE", junk).has_value());
  CHECK_FALSE(parse_private_key("EC PRIVATE KEY", {}).has_value());
}

}  // namespace
}  // namespace pedigree::security
