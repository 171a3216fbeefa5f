#include "scanner/fingerprint/metadata/upstream_version.h"

#include <doctest/doctest.h>

using namespace pedigree::fingerprint;

TEST_CASE("distribution revisions are taken off, the upstream version stays") {
  CHECK(upstream_version("1:1.35.0-4+deb12u1", VersionScheme::kDpkg) == "1.35.0");
  CHECK(upstream_version("1:9.2p1-2+deb12u3", VersionScheme::kDpkg) == "9.2p1");
  CHECK(upstream_version("2.12.1+dfsg-5+deb12u3", VersionScheme::kDpkg) == "2.12.1");
  CHECK(upstream_version("1:1.2.13.dfsg-1", VersionScheme::kDpkg) == "1.2.13");
  CHECK(upstream_version("4.4.3-P1-2", VersionScheme::kDpkg) == "4.4.3-P1");
  CHECK(upstream_version("2.0+really1.9-1", VersionScheme::kDpkg) == "1.9");
  CHECK(upstream_version("1.12.1", VersionScheme::kDpkg) == "1.12.1");
  CHECK(upstream_version("1.36.1-r2", VersionScheme::kOpkg) == "1.36.1");
  CHECK(upstream_version("2024.03.01~3ee9bc97-r1", VersionScheme::kOpkg) == "2024.03.01~3ee9bc97");
  CHECK(upstream_version("2.4.57-1", VersionScheme::kOpkg) == "2.4.57");
  CHECK(upstream_version("2022.82-beta", VersionScheme::kOpkg) == "2022.82-beta");
  CHECK(upstream_version("1.2.3-r0", VersionScheme::kYocto) == "1.2.3");
  CHECK(upstream_version("2024.02.1", VersionScheme::kPlain) == "2024.02.1");
  CHECK(upstream_version("", VersionScheme::kDpkg).empty());
}

TEST_CASE("release tags and snapshot dates are not part of the upstream version") {
  // libevent releases "2.1.12-stable"; CVE data and the library's number say 2.1.12.
  CHECK(upstream_version("2.1.12-stable-8", VersionScheme::kDpkg) == "2.1.12");
  // kmod 30 plus a git snapshot of 2022-11-28: the binary says "kmod version 30".
  CHECK(upstream_version("30+20221128-1", VersionScheme::kDpkg) == "30");
  // Not a date: kept.
  CHECK(upstream_version("1.0+2-1", VersionScheme::kDpkg) == "1.0+2");
  CHECK(upstream_version("0.9+git2022-1", VersionScheme::kDpkg) == "0.9+git2022");
}
