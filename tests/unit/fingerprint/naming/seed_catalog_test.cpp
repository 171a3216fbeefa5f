#include "scanner/fingerprint/naming/seed_catalog.h"

#include <doctest/doctest.h>

using namespace pedigree::fingerprint;

TEST_CASE("seed catalog: names, types, package aliases and library patterns") {
  SeedCatalog c(SeedTexts{{"name,cpe_vendor,cpe_product,purl_type,purl_namespace,purl_name,supplier,upstream\n"
                           "zlib,zlib,zlib,generic,,zlib,,https://zlib.net\n"
                           "\"wolfssl\",wolfssl,wolfssl,generic,,wolfssl,\"wolfSSL, Inc.\",x\n"},
                          "name,type\nzlib,library\n",
                          {"alias,kind,name\nzlib1g,package,zlib\nlibz.so,soname,zlib\n"},
                          "pattern,name\nlibz.so.*,zlib\nlibz.so.{version},zlib\n"});
  REQUIRE(c.lookup("zlib") != nullptr);
  CHECK(c.lookup("zlib")->type == "library");
  CHECK(c.lookup("wolfssl")->type == "application");
  CHECK(c.lookup("wolfssl")->supplier == "wolfSSL, Inc.");
  CHECK(c.lookup("nothing") == nullptr);
  CHECK(c.package_component("zlib1g") == "zlib");
  CHECK(c.package_component("zlib") == "zlib");
  CHECK(!c.package_component("libz.so"));
  CHECK(c.soname_version("libz.so.1.3")->version == "1.3");
  CHECK(c.soname_version("libz.so.1")->version.empty());
  CHECK(!c.soname_version("libz.so"));
}

TEST_CASE("the embedded seed catalog knows the components metadata names") {
  const auto& c = seed_catalog();
  CHECK(c.lookup("busybox")->cpe_vendor == "busybox");
  CHECK(c.lookup("linux")->type == "operating-system");
  CHECK(c.package_component("libssl3") == "openssl");
  CHECK(c.package_component("wpasupplicant") == "wpa_supplicant");
}
