#include "scanner/fingerprint/naming/name_components.h"

#include <doctest/doctest.h>

#include "scanner/fingerprint/naming/seed_catalog.h"

using namespace pedigree::fingerprint;
using pedigree::report::Component;

namespace {

Component component(std::string name, std::string version, std::string kind, std::string purl = "") {
  Component c;
  c.name = std::move(name);
  c.version = std::move(version);
  c.purl = std::move(purl);
  c.evidence.push_back({kind, "", "img → /x", 0, "", c.version});
  return c;
}

}  // namespace

TEST_CASE("naming: catalog components get type, CPE, purl and supplier") {
  std::vector<Component> cs = {component("wolfssl", "5.5.4", "binary"), component("dropbear", "", "binary"),
                               component("openwrt", "23.05.3", "os-release"),
                               component("zlib", "1.2.13", "package-db", "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1")};
  name_components(cs, seed_catalog());
  CHECK(cs[0].type == "library");
  CHECK(cs[0].supplier == "wolfSSL Inc.");
  CHECK(cs[0].cpe == "cpe:2.3:a:wolfssl:wolfssl:5.5.4:*:*:*:*:*:*:*");
  CHECK(cs[0].purl == "pkg:generic/wolfssl@5.5.4");
  CHECK(cs[1].type == "application");
  CHECK(cs[1].cpe == "cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:*:*:*:*:*:*:*:*");
  CHECK(cs[1].purl == "pkg:generic/dropbear");
  CHECK(cs[2].cpe == "cpe:2.3:o:openwrt:openwrt:23.05.3:*:*:*:*:*:*:*");
  CHECK(cs[3].purl == "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1");
}

TEST_CASE("naming: names the catalog lacks keep their purl and get no CPE") {
  std::vector<Component> cs = {component("frobnicate", "1.0", "package-db", "pkg:opkg/openwrt/frobnicate@1.0-r1"),
                               component("gentoo", "2.14", "os-release")};
  name_components(cs, seed_catalog());
  CHECK(cs[0].cpe.empty());
  CHECK(cs[0].type == "application");
  CHECK(cs[0].purl == "pkg:opkg/openwrt/frobnicate@1.0-r1");
  CHECK(cs[1].type == "operating-system");
  CHECK(cs[1].purl.empty());
}
