#include "scanner/security/x509_cert.h"

#include <doctest/doctest.h>

#include "scanner/security/pem_scan.h"
#include "tests/unit/security/fixture.h"

namespace pedigree::security {
namespace {

report::Certificate first_cert(const std::string& path) {
  auto blocks = find_pem_blocks(as_bytes(test::router_file(path)));
  REQUIRE(!blocks.empty());
  auto c = parse_certificate(blocks[0].body);
  REQUIRE(c.has_value());
  return *c;
}

TEST_CASE("x509: a private CA root: names, serial, key, CA and self-signed") {
  auto c = first_cert("etc/ssl/certs/device-ca.pem");
  CHECK(c.subject == "CN=Example Networks Device CA,O=Example Networks Corp,C=TW");
  CHECK(c.subject_o == "Example Networks Corp");
  CHECK(c.subject_c == "TW");
  CHECK(c.issuer_cn == "Example Networks Device CA");
  CHECK(c.serial == "1001");
  CHECK(c.is_ca);
  CHECK(c.self_signed);
  CHECK(c.key_type == "rsa");
  CHECK(c.key_bits == 2048);
  CHECK(c.signature_algorithm == "sha256WithRSAEncryption");
  CHECK(c.sha256.size() == 64);
  CHECK(c.not_before.size() == 20);
  CHECK(c.issuer_known_ca == "unknown");
}

TEST_CASE("x509: a leaf signed by the CA is not self-signed") {
  auto ca = first_cert("etc/ssl/certs/device-ca.pem");
  auto leaf = first_cert("etc/ssl/certs/router-chain.pem");
  CHECK(leaf.subject_cn == "router.example.net");
  CHECK(leaf.issuer_cn == "Example Networks Device CA");
  CHECK_FALSE(leaf.self_signed);
  CHECK_FALSE(leaf.is_ca);
  CHECK(leaf.serial == "2002");
  CHECK(!ca.subject_key_id.empty());
  CHECK(leaf.issuer_key_id.empty());  // "openssl x509 -req" adds no authorityKeyIdentifier
}

TEST_CASE("x509: legacy RSA 1024 with SHA-1, and EC P-256") {
  auto legacy = first_cert("etc/ssl/certs/legacy.pem");
  CHECK(legacy.key_bits == 1024);
  CHECK(legacy.signature_algorithm == "sha1WithRSAEncryption");
  CHECK(legacy.self_signed);
  CHECK_FALSE(legacy.is_ca);
  auto ec = first_cert("etc/ssl/certs/cloud-client.pem");
  CHECK(ec.key_type == "ec");
  CHECK(ec.key_bits == 256);
  CHECK(ec.curve == "prime256v1");
  CHECK(ec.signature_algorithm == "ecdsa-with-SHA256");
  CHECK(ec.subject_c == "DE");
}

TEST_CASE("x509: truncated, extended or random bytes are not certificates") {
  auto blocks = find_pem_blocks(as_bytes(test::router_file("etc/ssl/certs/device-ca.pem")));
  REQUIRE(!blocks.empty());
  std::vector<std::uint8_t> der = blocks[0].body;
  CHECK_FALSE(parse_certificate(ByteView(der).first(der.size() - 1)).has_value());
  der.push_back(0);
  CHECK_FALSE(parse_certificate(der).has_value());
  std::vector<std::uint8_t> junk = {0x30, 0x82, 0x00, 0x08, 0x30, 0x82, 0x00, 0x04, 1, 2, 3, 4};
  CHECK_FALSE(parse_certificate(junk).has_value());
  CHECK_FALSE(parse_certificate({}).has_value());
}

}  // namespace
}  // namespace pedigree::security
