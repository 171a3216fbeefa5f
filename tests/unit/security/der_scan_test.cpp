#include "scanner/security/der_scan.h"

#include <doctest/doctest.h>

#include <random>

#include "scanner/security/pem_scan.h"
#include "tests/unit/security/fixture.h"

namespace pedigree::security {
namespace {

std::vector<std::uint8_t> pem_body(const std::string& path) {
  auto blocks = find_pem_blocks(as_bytes(test::router_file(path)));
  REQUIRE(!blocks.empty());
  return blocks[0].body;
}

TEST_CASE("der: finds a certificate and keys embedded in binary bytes, at their offsets") {
  std::vector<std::uint8_t> blob(300, 0xee);
  auto cert = pem_body("etc/ssl/certs/legacy.pem");
  auto pkcs1 = pem_body("etc/ssl/private/legacy.key");
  auto ec = pem_body("etc/ssl/private/cloud-client.key");
  std::size_t cert_at = blob.size();
  blob.insert(blob.end(), cert.begin(), cert.end());
  blob.insert(blob.end(), 17, 0x00);
  std::size_t key_at = blob.size();
  blob.insert(blob.end(), pkcs1.begin(), pkcs1.end());
  std::size_t ec_at = blob.size();
  blob.insert(blob.end(), ec.begin(), ec.end());
  blob.insert(blob.end(), 40, 0x30);
  auto found = find_der_objects(blob);
  REQUIRE(found.certificates.size() == 1);
  CHECK(found.certificates[0].offset == cert_at);
  CHECK(found.certificates[0].encoding == "der");
  REQUIRE(found.keys.size() == 2);
  CHECK(found.keys[0].offset == key_at);
  CHECK(found.keys[0].format == "pkcs1");
  CHECK(found.keys[0].bits == 1024);
  CHECK(found.keys[1].offset == ec_at);
  CHECK(found.keys[1].type == "ec");
}

TEST_CASE("der: headers over random bytes are not reported, and candidates are capped") {
  std::mt19937 rng(7);
  std::vector<std::uint8_t> blob(64 * 1024);
  for (auto& b : blob) b = static_cast<std::uint8_t>(rng());
  // Plant certificate-shaped and key-shaped headers with random bodies.
  for (std::size_t at = 0; at + 16 < blob.size(); at += 997) {
    const std::uint8_t cert_head[] = {0x30, 0x82, 0x01, 0x00, 0x30, 0x82, 0x00, 0xf0};
    const std::uint8_t key_head[] = {0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x00, 0x02};
    const auto* head = (at / 997) % 2 == 0 ? cert_head : key_head;
    std::copy(head, head + 8, blob.begin() + static_cast<long>(at));
  }
  auto found = find_der_objects(blob);
  CHECK(found.certificates.empty());
  CHECK(found.keys.empty());
  CHECK(find_der_objects(blob, 3).capped);
}

}  // namespace
}  // namespace pedigree::security
