#include "scanner/fingerprint/metadata/library_file.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

namespace {

constexpr std::string_view kElf =
    "\x7f"
    "ELF\x01\x01\x01";

std::vector<pedigree::report::Component> of(std::string path) {
  LibraryFileAnalyzer a(seed_catalog());
  return components_of(a, std::move(path), kElf);
}

}  // namespace

TEST_CASE("library file names give a version only where it is the upstream one") {
  auto z = of("/lib/libz.so.1.2.13");
  REQUIRE(z.size() == 1);
  CHECK(z[0].name == "zlib");
  CHECK(z[0].version == "1.2.13");
  CHECK(z[0].evidence.at(0).kind == "filename");
  CHECK(of("/usr/lib/libzstd.so.1.5.4").at(0).version == "1.5.4");
  CHECK(of("/lib/libc-2.31.so").at(0).name == "glibc");
  CHECK(of("/lib/libc-2.31.so").at(0).version == "2.31");
  // ABI numbers, not versions.
  CHECK(of("/usr/lib/libsqlite3.so.0.8.6").at(0).version.empty());
  CHECK(of("/usr/lib/libcrypto.so.3").at(0).name == "openssl");
  CHECK(of("/usr/lib/libcrypto.so.3").at(0).version.empty());
  CHECK(of("/lib/libz.so.1").at(0).version.empty());
  CHECK(of("/usr/lib/libunknown.so.1.2.3").empty());
  LibraryFileAnalyzer a(seed_catalog());
  CHECK(analyze_text(a, "/lib/libz.so.1.2.13", "not an ELF").components.empty());
}
