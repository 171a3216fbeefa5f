#include "scanner/report/sbom_common.h"

#include <doctest/doctest.h>

#include <regex>

#include "tests/support/report_model.h"

namespace pedigree {
namespace {

TEST_CASE("sbom_common: a name gives the same RFC 4122-shaped UUID every time, another name another one") {
  std::string a = report::name_uuid("image-a"), b = report::name_uuid("image-b");
  CHECK(a == report::name_uuid("image-a"));
  CHECK(a != b);
  CHECK(std::regex_match(a, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST_CASE("sbom_common: references tell a compile-time copy from the component itself") {
  auto r = test::small_report();
  CHECK(report::component_ref(r.components[0]) == "busybox@1.36.1");
  CHECK(report::component_ref(r.components[2]) == "openssl@3.0.11+built-against");
  CHECK(report::component_ref(r.components[3]) == "zlib@");
  CHECK(report::reference_timestamp(r) == "2026-01-31T00:00:00Z");
}

TEST_CASE("sbom_common: NEEDED entries become edges to the components of the library with that SONAME") {
  auto r = test::small_report();
  auto deps = report::component_dependencies(r);
  REQUIRE(deps.size() == 4);
  // busybox, the OpenSSL it was built against and zlib all sit in /bin/busybox, which needs libc.so.6.
  CHECK(deps[0] == std::set<std::size_t>{1});
  CHECK(deps[1].empty());
  CHECK(deps[2] == std::set<std::size_t>{1});
  CHECK(deps[3] == std::set<std::size_t>{1});
}

}  // namespace
}  // namespace pedigree
