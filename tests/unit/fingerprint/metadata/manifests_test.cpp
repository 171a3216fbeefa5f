// Buildroot and Yocto manifests, and Yocto's /etc/build.
#include <doctest/doctest.h>

#include "scanner/fingerprint/metadata/buildroot_manifest.h"
#include "scanner/fingerprint/metadata/yocto_build.h"
#include "scanner/fingerprint/metadata/yocto_manifest.h"
#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

namespace {

// legal-info/manifest.csv of a Buildroot 2024.02 build.
constexpr std::string_view kBuildrootManifest =
    R"("PACKAGE","VERSION","LICENSE","LICENSE FILES","SOURCE ARCHIVE","SOURCE SITE","DEPENDENCIES WITH LICENSES"
"busybox","1.36.1","GPL-2.0, bzip2-1.0.4","LICENSE archival/libarchive/bz/LICENSE","busybox-1.36.1.tar.bz2","https://www.busybox.net/downloads","linux-headers [GPL-2.0]"
"libopenssl","3.2.1","Apache-2.0","LICENSE.txt","openssl-3.2.1.tar.gz","https://www.openssl.org/source","zlib [Zlib]"
"zlib","1.3.1","Zlib","LICENSE","zlib-1.3.1.tar.xz","https://www.zlib.net","linux-headers [GPL-2.0]"
"skeleton-init-sysv","","unknown","","not saved","not saved",""
)";

// core-image-minimal-qemuarm.manifest of a Yocto (poky) build.
constexpr std::string_view kYoctoManifest = R"(base-files qemuarm 3.0.14-r0
busybox cortexa15t2hf_neon 1.36.1-r0
libssl3 cortexa15t2hf_neon 3.2.1-r0
libz1 cortexa15t2hf_neon 1.3.1-r0
)";

}  // namespace

TEST_CASE("Buildroot manifest.csv: packages with plain versions") {
  BuildrootManifestAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/legal-info/manifest.csv", kBuildrootManifest);
  REQUIRE(cs.size() == 3);
  CHECK(find(cs, "busybox")->version == "1.36.1");
  CHECK(find(cs, "busybox")->distro_version.empty());
  CHECK(find(cs, "openssl")->version == "3.2.1");
  CHECK(find(cs, "openssl")->purl == "pkg:generic/buildroot/libopenssl@3.2.1");
  CHECK(find(cs, "zlib")->evidence.at(0).kind == "manifest");
  CHECK(analyze_text(a, "/manifest.csv", "\"NAME\",\"VERSION\"\n\"x\",\"1\"\n").components.empty());
}

TEST_CASE("Yocto image manifest: name, arch, version lines") {
  YoctoManifestAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/core-image-minimal-qemuarm.manifest", kYoctoManifest);
  REQUIRE(cs.size() == 4);
  CHECK(find(cs, "busybox")->version == "1.36.1");
  CHECK(find(cs, "busybox")->distro_version == "1.36.1-r0");
  CHECK(find(cs, "openssl")->version == "3.2.1");
  CHECK(find(cs, "zlib")->version == "1.3.1");
  CHECK(find(cs, "base-files")->version == "3.0.14");
  // Another file called *.manifest: left alone as a whole.
  CHECK(analyze_text(a, "/app.manifest", "Manifest-Version: 1.0\nbusybox arm 1.0-r0\n").components.empty());
}

TEST_CASE("Yocto /etc/build names the distribution") {
  YoctoBuildAnalyzer a(seed_catalog());
  auto cs = components_of(a, "/etc/build",
                          "-----------------------\nBuild Configuration:  |\n-----------------------\n"
                          "DISTRO = poky\nDISTRO_VERSION = 4.0.17\n-----------------------\n"
                          "Layer Revisions:      |\nmeta = HEAD:6d7e5b8e\n");
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].name == "poky");
  CHECK(cs[0].version == "4.0.17");
  CHECK(cs[0].type == "operating-system");
}
