#include "scanner/security/ssh_keys.h"

#include <doctest/doctest.h>

#include "scanner/security/crypto_analyzer.h"
#include "scanner/security/pem_scan.h"
#include "tests/unit/security/fixture.h"

namespace pedigree::security {
namespace {

TEST_CASE("ssh: OpenSSH ed25519 key") {
  auto facts = find_crypto_objects(as_bytes(test::router_file("root/.ssh/id_ed25519")));
  REQUIRE(facts.keys.size() == 1);
  CHECK(facts.keys[0].format == "openssh");
  CHECK(facts.keys[0].type == "ed25519");
  CHECK_FALSE(facts.keys[0].encrypted);
  CHECK(facts.keys[0].spki_sha256.size() == 64);
}

TEST_CASE("ssh: Dropbear RSA host key and PuTTY key of the same RSA key as legacy.key") {
  std::string host = test::router_file("etc/dropbear/dropbear_rsa_host_key");
  auto dropbear = parse_dropbear_key(as_bytes(host));
  REQUIRE(dropbear.has_value());
  CHECK(dropbear->format == "dropbear");
  CHECK(dropbear->type == "rsa");
  CHECK(dropbear->bits == 1024);
  auto putty = parse_putty_key(as_bytes(test::router_file("root/support.ppk")));
  REQUIRE(putty.has_value());
  CHECK(putty->format == "putty-ppk");
  CHECK_FALSE(putty->encrypted);
  auto pem = find_crypto_objects(as_bytes(test::router_file("etc/ssl/private/legacy.key")));
  REQUIRE(pem.keys.size() == 1);
  CHECK(dropbear->spki_sha256 == pem.keys[0].spki_sha256);
  CHECK(putty->spki_sha256 == pem.keys[0].spki_sha256);
}

TEST_CASE("ssh: truncated or inconsistent Dropbear keys are rejected") {
  std::string host = test::router_file("etc/dropbear/dropbear_rsa_host_key");
  CHECK_FALSE(parse_dropbear_key(as_bytes(std::string_view(host).substr(0, host.size() - 1))).has_value());
  std::string extra = host + "x";
  CHECK_FALSE(parse_dropbear_key(as_bytes(extra)).has_value());
  std::string flipped = host;
  flipped[flipped.size() - 3] ^= 1;  // q no longer divides n
  CHECK_FALSE(parse_dropbear_key(as_bytes(flipped)).has_value());
  CHECK_FALSE(parse_dropbear_key(as_bytes(std::string("\0\0\0\x07ssh-rsa", 11))).has_value());
  CHECK_FALSE(parse_openssh_key(as_bytes("openssh-key-v1")).has_value());
  CHECK_FALSE(parse_putty_key(as_bytes("PuTTY-User-Key-File-2: ssh-rsa\nPublic-Lines: 1\n!!\n")).has_value());
}

}  // namespace
}  // namespace pedigree::security
