#include "scanner/fingerprint/merge_components.h"

#include <doctest/doctest.h>

using namespace pedigree::fingerprint;

namespace {

ComponentHit hit(std::string name, std::string version, std::string kind, std::string origin,
                 std::string relation = "") {
  ComponentHit h;
  h.name = std::move(name);
  h.version = std::move(version);
  h.relation = std::move(relation);
  h.evidence.kind = std::move(kind);
  h.evidence.origin = std::move(origin);
  h.evidence.version = h.version;
  return h;
}

std::vector<pedigree::report::Component> merge(std::vector<ComponentHit> hits) {
  Facts f;
  f.components = std::move(hits);
  f.sort();
  return merge_components(f.components);
}

constexpr const char* kStatus = "img → /var/lib/dpkg/status";
constexpr const char* kBin = "img → /usr/sbin/dropbear";

}  // namespace

TEST_CASE("merge: package database and binary evidence of one version are one component") {
  auto db = hit("dropbear", "2022.83", "package-db", kStatus);
  db.distro_version = "2022.83-1+deb12u1";
  db.purl = "pkg:deb/debian/dropbear-bin@2022.83-1%2Bdeb12u1?arch=armhf";
  auto cs = merge({db, hit("dropbear", "2022.83", "binary", kBin)});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].evidence.size() == 2);
  CHECK(cs[0].paths.size() == 2);
  CHECK(cs[0].distro_version == "2022.83-1+deb12u1");
  CHECK(cs[0].purl == db.purl);
}

TEST_CASE("merge: a versionless sighting joins the one versioned component of its name") {
  auto cs = merge({hit("openssl", "3.0.15", "binary", "img → /usr/lib/libcrypto.so.3"),
                   hit("openssl", "", "filename", "img → /usr/lib/libcrypto.so.3"),
                   hit("openssl", "", "filename", "img → /usr/lib/libssl.so.3")});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].version == "3.0.15");
  CHECK(cs[0].evidence.size() == 3);
}

TEST_CASE("merge: with two versions, a versionless sighting goes where its file is, else stays alone") {
  auto cs = merge(
      {hit("zlib", "1.2.13", "binary", "img → /lib/libz.so.1.2.13"), hit("zlib", "1.2.11", "binary", "img → /bin/app"),
       hit("zlib", "", "filename", "img → /lib/libz.so.1.2.13"), hit("zlib", "", "binary", "img → /bin/other")});
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].version.empty());
  CHECK(cs[0].paths == std::vector<std::string>{"img → /bin/other"});
  CHECK(cs[2].version == "1.2.13");
  CHECK(cs[2].evidence.size() == 2);
}

TEST_CASE("merge: statically linked and built-against copies stay distinct and labelled") {
  auto cs =
      merge({hit("openssl", "3.0.15", "package-db", kStatus), hit("openssl", "3.0.15", "binary", kBin, "built-against"),
             hit("zlib", "1.2.8", "binary", kBin, "statically-linked"),
             hit("zlib", "", "binary", kBin, "statically-linked")});
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].relation.empty());
  CHECK(cs[1].relation == "built-against");
  CHECK(cs[2].relation == "statically-linked");
  CHECK(cs[2].evidence.size() == 2);
}

TEST_CASE("merge: a binary version that disagrees with the package database is its own component") {
  auto cs = merge({hit("busybox", "1.35.0", "package-db", kStatus), hit("busybox", "1.36.1", "binary", kBin)});
  REQUIRE(cs.size() == 2);
  auto w = version_conflicts(cs);
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == "component-version");
  CHECK(w[0].message ==
        "busybox is present in 2 versions: 1.35.0 (package-db: img → /var/lib/dpkg/status); 1.36.1 (binary: img → "
        "/usr/sbin/dropbear)");
}
