#include "scanner/db/ca_bundle.h"

#include <doctest/doctest.h>

#include "scanner/db/input_file.h"
#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

TEST_CASE("ca bundle: subject, organisation, country, SHA-256 and not_after of real CAs") {
  auto in = read_input_file(test::db_fixture("ca-bundle.pem"));
  REQUIRE(in.ok());
  auto certs = parse_ca_bundle(in->bytes, "ca-bundle.pem");
  REQUIRE(certs.ok());
  REQUIRE(certs->size() == 2);
  const auto& isrg = (*certs)[0];
  CHECK(isrg.subject == "CN=ISRG Root X1,O=Internet Security Research Group,C=US");
  CHECK(isrg.organization == "Internet Security Research Group");
  CHECK(isrg.country == "US");
  CHECK(isrg.sha256 == "96bcec06264976f37460779acf28c5a7cfe8a3c0aae11a8ffcee05c0bddf08c6");
  CHECK(isrg.not_after == "2035-06-04");
  CHECK(isrg.line == 2);
  CHECK((*certs)[1].organization == "DigiCert Inc");
  CHECK((*certs)[1].line == 33);
}

TEST_CASE("ca bundle: a certificate made with openssl req at test time") {
  test::ScratchDir dir;
  REQUIRE(
      dir.run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout k.pem -out c.pem -days 30 "
              "-subj '/C=DE/O=Beispiel GmbH/CN=Beispiel Root'"));
  auto certs = parse_ca_bundle(dir.read("c.pem"), "c.pem");
  REQUIRE(certs.ok());
  REQUIRE(certs->size() == 1);
  CHECK((*certs)[0].organization == "Beispiel GmbH");
  CHECK((*certs)[0].country == "DE");
  CHECK((*certs)[0].not_after.size() == 10);
}

TEST_CASE("ca bundle: damaged base64, a missing END or a foreign block names the line") {
  auto in = read_input_file(test::db_fixture("ca-bundle.pem"));
  REQUIRE(in.ok());
  std::string damaged = in->bytes;
  damaged.replace(damaged.find("MIIF") + 20, 8, "!!!!!!!!");
  auto bad = parse_ca_bundle(damaged, "b.pem");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("b.pem:2: certificate does not decode") == 0);
  auto open = parse_ca_bundle("x\n-----BEGIN CERTIFICATE-----\nMIIB\n", "b.pem");
  REQUIRE_FALSE(open.ok());
  CHECK(open.error().message == "b.pem:2: certificate has no END line");
  auto key = parse_ca_bundle("-----BEGIN PRIVATE KEY-----\n", "b.pem");
  REQUIRE_FALSE(key.ok());
  CHECK(key.error().message == "b.pem:1: a PEM block that is not a certificate");
  auto empty = parse_ca_bundle("", "b.pem");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

}  // namespace
}  // namespace pedigree::db
