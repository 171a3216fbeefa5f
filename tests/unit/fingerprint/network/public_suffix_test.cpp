#include "scanner/fingerprint/network/public_suffix.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

TEST_CASE("public suffix: registrable domains by the ICANN rules") {
  CHECK(registrable_domain("iot.tuyacn.com") == "tuyacn.com");
  CHECK(registrable_domain("ota.vendor.com.cn") == "vendor.com.cn");
  CHECK(registrable_domain("a.b.c.bbc.co.uk") == "bbc.co.uk");
  // Cloud customer suffixes (private section) are not used: the cloud is the owner.
  CHECK(registrable_domain("bucket.s3.amazonaws.com") == "amazonaws.com");
  CHECK(registrable_domain("com.cn").empty());
  CHECK(registrable_domain("server.pem").empty());
  CHECK(public_suffix_list_sha256().size() == 64);
}

TEST_CASE("public suffix: the country a country-code TLD suggests") {
  CHECK(tld_country("iot.vendor.cn") == "CN");
  CHECK(tld_country("bbc.co.uk") == "GB");
  CHECK(tld_country("www.debian.org").empty());
  CHECK(tld_country("x.eu").empty());  // not an ISO 3166-1 country
}

}  // namespace
}  // namespace pedigree::fingerprint
