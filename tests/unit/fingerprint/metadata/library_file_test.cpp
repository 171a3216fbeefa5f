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
  // Libraries whose file name carries the release (Debian bookworm, all three architectures).
  CHECK(of("/usr/lib/arm-linux-gnueabihf/libxml2.so.2.9.14").at(0).version == "2.9.14");
  CHECK(of("/usr/lib/mipsel-linux-gnu/libcjson.so.1.7.15").at(0).name == "cjson");
  CHECK(of("/usr/lib/mipsel-linux-gnu/libcjson.so.1.7.15").at(0).version == "1.7.15");
  CHECK(of("/usr/lib/arm-linux-gnueabihf/libbrotlidec.so.1.0.9").at(0).version == "1.0.9");
  CHECK(of("/lib/aarch64-linux-gnu/libreadline.so.8.2").at(0).version == "8.2");
  CHECK(of("/usr/lib/aarch64-linux-gnu/libncursesw.so.6.4").at(0).version == "6.4");
  // bzip2 1.0.8 still names its library libbz2.so.1.0.4: no version from it.
  CHECK(of("/lib/libbz2.so.1.0.4").at(0).version.empty());
  LibraryFileAnalyzer a(seed_catalog());
  CHECK(analyze_text(a, "/lib/libz.so.1.2.13", "not an ELF").components.empty());
}
