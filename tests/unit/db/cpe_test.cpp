#include "scanner/db/cpe.h"

#include <doctest/doctest.h>

namespace pedigree::db {
namespace {

TEST_CASE("cpe: parses a formatted string into its attributes") {
  auto cpe = parse_cpe("cpe:2.3:a:openbsd:openssh:9.3:p1:*:*:*:*:*:*");
  REQUIRE(cpe.ok());
  CHECK(cpe->part == "a");
  CHECK(cpe->vendor == "openbsd");
  CHECK(cpe->product == "openssh");
  CHECK(cpe->version == "9.3");
  CHECK(cpe->update == "p1");
  CHECK(cpe->other == "*");
  CHECK(cpe_exact_version(*cpe) == "9.3p1");
}

TEST_CASE("cpe: backslash-quoted characters are unquoted and quoted back") {
  auto cpe = parse_cpe(R"(cpe:2.3:a:sdbus-c\+\+_project:sdbus-c\+\+:1.0\:2:*:*:*:*:*:*:*)");
  REQUIRE(cpe.ok());
  CHECK(cpe->vendor == "sdbus-c++_project");
  CHECK(cpe->product == "sdbus-c++");
  CHECK(cpe->version == "1.0:2");
  CHECK(format_cpe(*cpe) == R"(cpe:2.3:a:sdbus-c\+\+_project:sdbus-c\+\+:1.0\:2:*:*:*:*:*:*:*)");
}

TEST_CASE("cpe: dots, hyphens and underscores are never quoted") {
  CHECK(quote_cpe_value("node.js") == "node.js");
  CHECK(quote_cpe_value("linux_kernel") == "linux_kernel");
  CHECK(quote_cpe_value("uclibc-ng") == "uclibc-ng");
  CHECK(quote_cpe_value("a/b (c)") == R"(a\/b\ \(c\))");
  CHECK(quote_cpe_value("*") == "*");
  CHECK(quote_cpe_value("-") == "-");
}

TEST_CASE("cpe: round trip of NVD criteria") {
  for (const char* text :
       {"cpe:2.3:o:linux:linux_kernel:5.10:-:*:*:*:*:*:*", "cpe:2.3:a:haxx:curl:*:*:*:*:*:*:*:*",
        "cpe:2.3:h:tp-link:archer_c7:v5:*:*:*:*:*:*:*", "cpe:2.3:a:thekelleys:dnsmasq:2.82:*:*:*:*:*:*:*"}) {
    CAPTURE(text);
    auto cpe = parse_cpe(text);
    REQUIRE(cpe.ok());
    CHECK(format_cpe(*cpe) == text);
  }
}

TEST_CASE("cpe: NA and ANY versions stay as they are") {
  auto na = parse_cpe("cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*");
  REQUIRE(na.ok());
  CHECK(cpe_exact_version(*na) == "-");
  auto numeric_update = parse_cpe("cpe:2.3:a:x:y:1.0:2:*:*:*:*:*:*");
  REQUIRE(numeric_update.ok());
  CHECK(cpe_exact_version(*numeric_update) == "1.0.2");
}

TEST_CASE("cpe: malformed strings are refused with a reason") {
  CHECK_FALSE(parse_cpe("cpe:/a:openssl:openssl:1.0.2").ok());
  CHECK_FALSE(parse_cpe("cpe:2.3:a:openssl:openssl:1.0.2").ok());
  CHECK_FALSE(parse_cpe("cpe:2.3:a:openssl:openssl:1.0.2:*:*:*:*:*:*:*:extra").ok());
  CHECK_FALSE(parse_cpe("cpe:2.3:x:openssl:openssl:1.0.2:*:*:*:*:*:*:*").ok());
  CHECK_FALSE(parse_cpe("cpe:2.3:a::openssl:1.0.2:*:*:*:*:*:*:*").ok());
  CHECK_FALSE(parse_cpe("cpe:2.3:a:openssl:openssl:1.0.2:*:*:*:*:*:*:\\").ok());
  auto err = parse_cpe("cpe:2.3:a:b");
  REQUIRE_FALSE(err.ok());
  CHECK(err.error().message.find("11 attributes") != std::string::npos);
}

}  // namespace
}  // namespace pedigree::db
