#include "scanner/fingerprint/metadata/os_release.h"

#include <doctest/doctest.h>

#include "scanner/fingerprint/metadata/openwrt_release.h"
#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

namespace {

constexpr std::string_view kDebian = R"x(PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
)x";

constexpr std::string_view kOpenwrt = R"x(NAME="OpenWrt"
VERSION="23.05.3"
ID="openwrt"
ID_LIKE="lede openwrt"
PRETTY_NAME="OpenWrt 23.05.3"
VERSION_ID="23.05.3"
BUILD_ID="r23809-234f1a2efa"
OPENWRT_RELEASE="OpenWrt 23.05.3 r23809-234f1a2efa"
)x";

constexpr std::string_view kBuildroot = R"x(NAME=Buildroot
VERSION=2024.02.1
ID=buildroot
VERSION_ID=2024.02.1
PRETTY_NAME="Buildroot 2024.02.1"
)x";

constexpr std::string_view kPoky = R"x(ID=poky
NAME="Poky (Yocto Project Reference Distro)"
VERSION="4.0.17 (kirkstone)"
VERSION_ID=4.0.17
PRETTY_NAME="Poky (Yocto Project Reference Distro) 4.0.17 (kirkstone)"
DISTRO_CODENAME="kirkstone"
)x";

constexpr std::string_view kOpenwrtRelease = R"x(DISTRIB_ID='OpenWrt'
DISTRIB_RELEASE='23.05.3'
DISTRIB_REVISION='r23809-234f1a2efa'
DISTRIB_TARGET='ramips/mt7621'
DISTRIB_ARCH='mipsel_24kc'
DISTRIB_DESCRIPTION='OpenWrt 23.05.3 r23809-234f1a2efa'
DISTRIB_TAINTS=''
)x";

}  // namespace

TEST_CASE("os-release of Debian, OpenWrt, Buildroot and Yocto") {
  OsReleaseAnalyzer a(seed_catalog());
  auto deb = components_of(a, "/etc/os-release", kDebian);
  REQUIRE(deb.size() == 1);
  CHECK(deb[0].name == "debian");
  CHECK(deb[0].version == "12");
  CHECK(deb[0].type == "operating-system");
  CHECK(deb[0].cpe == "cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*");
  CHECK(deb[0].evidence.at(0).text == "Debian GNU/Linux 12 (bookworm)");
  auto owrt = components_of(a, "/usr/lib/os-release", kOpenwrt);
  CHECK(owrt.at(0).name == "openwrt");
  CHECK(owrt.at(0).version == "23.05.3");
  CHECK(components_of(a, "/etc/os-release", kBuildroot).at(0).version == "2024.02.1");
  CHECK(components_of(a, "/etc/os-release", kPoky).at(0).name == "poky");
  CHECK(analyze_text(a, "/etc/os-release", "NAME=x\n").components.empty());
  CHECK(analyze_text(a, "/etc/os-release.bak", kDebian).components.empty());
}

TEST_CASE("OpenWrt release files: release with version, version file without") {
  OpenwrtReleaseAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/etc/openwrt_release", kOpenwrtRelease);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].name == "openwrt");
  CHECK(cs[0].version == "23.05.3");
  CHECK(cs[0].evidence.at(0).text == "OpenWrt 23.05.3 r23809-234f1a2efa");
  auto v = components_of(a, "/etc/openwrt_version", "r23809-234f1a2efa\n");
  REQUIRE(v.size() == 1);
  CHECK(v[0].version.empty());
  CHECK(components_of(a, "/etc/openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='SNAPSHOT'\n")
            .at(0)
            .version.empty());
}
