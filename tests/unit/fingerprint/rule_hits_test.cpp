#include "scanner/fingerprint/rule_hits.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/unit/fingerprint/rule_check.h"

using namespace std::string_literals;
using pedigree::fingerprint::testing::describe;
using pedigree::fingerprint::testing::elf_blob;
using pedigree::fingerprint::testing::has_hit;
using pedigree::fingerprint::testing::rule_hits_in;

namespace {
const std::string kOpensslText = "OpenSSL 3.0.11 19 Sep 2023\0"s;
const std::string kLibcryptoCode = "OpenSSL default\0crypto/evp/digest.c\0crypto/bn/bn_lib.c\0"s;
}  // namespace

TEST_CASE("relation: the library itself has none") {
  auto hits = rule_hits_in(elf_blob(kOpensslText + kLibcryptoCode), "/usr/lib/libcrypto.so.3");
  CHECK_MESSAGE(has_hit(hits, "openssl", "3.0.11"), describe(hits));
  CHECK(hits.size() == 1);
}

TEST_CASE("relation: a version text alone in a program is what it was built against") {
  auto hits = rule_hits_in(elf_blob("hostapd v2.10\0"s + kOpensslText), "/usr/sbin/hostapd");
  CHECK_MESSAGE(has_hit(hits, "openssl", "3.0.11", "built-against"), describe(hits));
}

TEST_CASE("relation: the library's code inside a program is a static copy") {
  auto hits = rule_hits_in(elf_blob(kOpensslText + kLibcryptoCode), "/usr/bin/app");
  CHECK_MESSAGE(has_hit(hits, "openssl", "3.0.11", "statically-linked"), describe(hits));
  CHECK_FALSE(has_hit(hits, "openssl", "3.0.11", "built-against"));
  CHECK_FALSE(has_hit(hits, "openssl", "", "statically-linked"));
}

TEST_CASE("relation: a second zlib inside another binary is kept apart") {
  std::string zlib = " inflate 1.2.11 Copyright 1995-2017 Mark Adler \0"s;
  CHECK(has_hit(rule_hits_in(elf_blob(zlib), "/lib/libz.so.1.2.11"), "zlib", "1.2.11"));
  CHECK(has_hit(rule_hits_in(elf_blob(zlib), "/usr/bin/app"), "zlib", "1.2.11", "statically-linked"));
}

TEST_CASE("relation: symbol-only rules count in the library's own files only") {
  std::string syms = "mnl_socket_open\0mnl_attr_parse\0"s;
  CHECK(has_hit(rule_hits_in(elf_blob(syms), "/usr/lib/libmnl.so.0.2.0"), "libmnl", ""));
  CHECK(rule_hits_in(elf_blob(syms), "/usr/sbin/nft").empty());
}

TEST_CASE("relation: kernels and boot loaders are there, in whatever file") {
  std::string banner = "Linux version 5.10.0 (root@build) (gcc 10.2.1) #1 PREEMPT Mon\n\0"s;
  CHECK(has_hit(rule_hits_in(elf_blob(banner), "/boot/vmlinux"), "linux", "5.10.0", ""));
  CHECK(has_hit(rule_hits_in(banner, "image.bin"), "linux", "5.10.0", ""));
  // Library texts outside ELF files are quotes (documentation), not code.
  CHECK(rule_hits_in(" deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly and Mark Adler \0"s, "image.bin").empty());
}

TEST_CASE("evidence names the rule, the offset and the matched text") {
  std::string blob = elf_blob("xz (XZ Utils) 5.4.1\0"s);
  auto hits = rule_hits_in(blob);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].evidence.kind == "binary");
  CHECK(hits[0].evidence.source == "xz_cli");
  CHECK(hits[0].evidence.offset == blob.find("xz (XZ"));
  CHECK(hits[0].evidence.text == "xz (XZ Utils) 5.4.1");
  CHECK(hits[0].evidence.version == "5.4.1");
  CHECK(hits[0].evidence.origin == "image.bin → /usr/bin/prog");
}
