#include "scanner/fingerprint/metadata/dpkg_status.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

namespace {

// Stanzas as dpkg writes them on Debian 12 (bookworm).
constexpr std::string_view kBookwormStatus = R"(Package: busybox
Status: install ok installed
Priority: optional
Section: utils
Installed-Size: 1234
Maintainer: Debian Install System Team <debian-boot@lists.debian.org>
Architecture: mipsel
Version: 1:1.35.0-4+b3
Depends: libc6 (>= 2.34)
Description: Tiny utilities for small and embedded systems
 BusyBox combines tiny versions of many common UNIX utilities into a single
 small executable.
 .
 It provides minimalist replacements for the most common utilities.
Homepage: http://www.busybox.net

Package: libssl3
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 6089
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Architecture: mipsel
Multi-Arch: same
Source: openssl
Version: 3.0.15-1~deb12u1
Depends: libc6 (>= 2.34)
Description: Secure Sockets Layer toolkit - shared libraries

Package: libfreetype6
Status: install ok installed
Architecture: mipsel
Source: freetype
Version: 2.12.1+dfsg-5+deb12u3
Description: FreeType 2 font engine, shared library files

Package: libfoo-frobnicate1
Status: install ok installed
Architecture: mipsel
Version: 0.4-2
Description: a package no catalog knows

Package: oldpkg
Status: deinstall ok config-files
Architecture: mipsel
Version: 1.0-1
)";

}  // namespace

TEST_CASE("dpkg status: installed packages become components with upstream and distro versions") {
  DpkgStatusAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/var/lib/dpkg/status", kBookwormStatus);
  REQUIRE(cs.size() == 4);
  const auto* bb = find(cs, "busybox");
  REQUIRE(bb != nullptr);
  CHECK(bb->version == "1.35.0");
  CHECK(bb->distro_version == "1:1.35.0-4+b3");
  CHECK(bb->purl == "pkg:deb/debian/busybox@1:1.35.0-4%2Bb3?arch=mipsel");
  CHECK(bb->cpe == "cpe:2.3:a:busybox:busybox:1.35.0:*:*:*:*:*:*:*");
  CHECK(bb->evidence.at(0).kind == "package-db");
  CHECK(bb->evidence.at(0).source == "/var/lib/dpkg/status");
  // Named through its source package.
  const auto* ssl = find(cs, "openssl");
  REQUIRE(ssl != nullptr);
  CHECK(ssl->version == "3.0.15");
  CHECK(ssl->purl == "pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=mipsel");
  CHECK(find(cs, "freetype")->version == "2.12.1");
  // Unknown to the catalog: still listed, under its package name and purl.
  const auto* foo = find(cs, "libfoo-frobnicate1");
  REQUIRE(foo != nullptr);
  CHECK(foo->version == "0.4");
  CHECK(foo->cpe.empty());
  CHECK(foo->purl == "pkg:deb/debian/libfoo-frobnicate1@0.4-2?arch=mipsel");
  CHECK(foo->type == "library");
  CHECK(find(cs, "oldpkg") == nullptr);
}

TEST_CASE("dpkg status.d: distroless per-package files are read, checksum files are not") {
  DpkgStatusAnalyzer a(seed_catalog());
  constexpr std::string_view kZlib = "Package: zlib1g\nVersion: 1:1.2.13.dfsg-1\nArchitecture: arm64\nSource: zlib\n";
  auto cs = components_of(a, "/var/lib/dpkg/status.d/zlib1g", kZlib);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].name == "zlib");
  CHECK(cs[0].version == "1.2.13");
  CHECK(analyze_text(a, "/var/lib/dpkg/status.d/zlib1g.md5sums", kZlib).components.empty());
  CHECK(analyze_text(a, "/etc/status", kZlib).components.empty());
}

TEST_CASE("dpkg status: malformed input adds nothing and never fails") {
  DpkgStatusAnalyzer a(seed_catalog());
  CHECK(analyze_text(a, "/var/lib/dpkg/status", "").components.empty());
  CHECK(analyze_text(a, "/var/lib/dpkg/status", std::string_view("\0\xff\x01:\n\n:", 7)).components.empty());
  CHECK(analyze_text(a, "/var/lib/dpkg/status", "Package: x\nStatus: install ok installed\n").components.empty());
  CHECK(analyze_text(a, "/var/lib/dpkg/status", " Version: 1\nno colon line\nPackage: y\nVersion: 2-1")
            .components.size() == 1);
}
