#include "scanner/fingerprint/metadata/opkg_status.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

namespace {

// /usr/lib/opkg/status of an OpenWrt 23.05 image.
constexpr std::string_view kOpenwrtStatus = R"(Package: busybox
Version: 1.36.1-r2
Depends: libc
Status: install user installed
Architecture: mipsel_24kc
Conffiles:
 /etc/syslog.conf 2d6f4a9a4d2f6a2c2b5e0c8f9d6a7a2d3c2c1a0e3f9a8b7c6d5e4f3a2b1c0d9e
Installed-Time: 1700000000

Package: libopenssl3
Version: 3.0.13-1
Depends: libc, libatomic1
Status: install user installed
Architecture: mipsel_24kc
Installed-Time: 1700000000

Package: ubus
Version: 2023.06.05~f787c97b-r1
Depends: libc, libubus20230605, libblobmsg-json20230523, ubusd
Status: install user installed
Architecture: mipsel_24kc
Installed-Time: 1700000000

Package: kmod-gpio-button-hotplug
Version: 5.15.150-r4
Status: install hold installed
Architecture: mipsel_24kc
)";

}  // namespace

TEST_CASE("opkg status: OpenWrt packages with their r-revisions") {
  OpkgStatusAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/usr/lib/opkg/status", kOpenwrtStatus);
  REQUIRE(cs.size() == 4);
  const auto* bb = find(cs, "busybox");
  REQUIRE(bb != nullptr);
  CHECK(bb->version == "1.36.1");
  CHECK(bb->distro_version == "1.36.1-r2");
  CHECK(bb->purl == "pkg:opkg/openwrt/busybox@1.36.1-r2?arch=mipsel_24kc");
  CHECK(find(cs, "openssl")->version == "3.0.13");
  CHECK(find(cs, "ubus")->version == "2023.06.05~f787c97b");
  CHECK(find(cs, "kmod-gpio-button-hotplug")->version == "5.15.150");
}

TEST_CASE("opkg control files name one package each, and only under info/") {
  OpkgStatusAnalyzer a(seed_catalog());
  constexpr std::string_view kControl =
      "Package: dropbear\nVersion: 2022.82-r6\nDepends: libc\nSource: package/network/services/dropbear\n"
      "SourceName: dropbear\nLicense: MIT\nSection: net\nArchitecture: arm_cortex-a7_neon-vfpv4\n";
  auto cs = components_of(a, "/usr/lib/opkg/info/dropbear.control", kControl);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].name == "dropbear");
  CHECK(cs[0].version == "2022.82");
  CHECK(analyze_text(a, "/usr/lib/opkg/info/dropbear.list", kControl).components.empty());
  CHECK(analyze_text(a, "/usr/lib/opkg/info/sub/dropbear.control", kControl).components.empty());
}
