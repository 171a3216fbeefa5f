// Rules that read a version stored as a C string of its own, next to a
// distinctive string (`{0}{v}{0}`). The blobs are excerpts of the bytes of
// Debian bookworm binaries (arm64, armhf, mipsel), padding included.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/fingerprint/rule_check.h"

using namespace std::string_literals;
using pedigree::fingerprint::testing::describe;
using pedigree::fingerprint::testing::elf_blob;
using pedigree::fingerprint::testing::has_hit;
using pedigree::fingerprint::testing::rule_hits_in;

TEST_CASE("hostapd and wpa_supplicant versions next to their banners") {
  CHECK_RULE_MATCHES("hostapd", "2.10",
                     elf_blob("Signal %d received - reloading configuration\0\0\0\0"
                              "2.10\0\0\0\0hostapd v%s\nUser space daemon for IEEE 802.11 AP management,\n"s));
  CHECK_RULE_MATCHES(
      "wpa_supplicant", "2.10",
      elf_blob("wpa_supplicant v%s\0\0Copyright (c) 2003-2022, Jouni Malinen\0"
               "wpa_supplicant v2.10\nCopyright (c) 2003-2022, Jouni Malinen <j@w1.fi> and contributors\0"s));
  // wpa_supplicant keeps the same version string for its control interface:
  // not next to the banner, so it gives hostapd nothing.
  auto wpa =
      rule_hits_in(elf_blob("CTRL_IFACE GET '%s'\0002.10\0\0\0\0max_command_len\0"
                            "wpa_supplicant v%s\0\0hostapd v%s\0"s));
  CHECK_FALSE(has_hit(wpa, "hostapd", "2.10", "*"));
}

TEST_CASE("wget version after its compilation string") {
  CHECK_RULE_MATCHES("wget", "1.21.3",
                     elf_blob("GNU Wget %s, a non-interactive network retriever.\0"
                              "gcc -DHAVE_CONFIG_H -DSYSTEM_WGETRC=\"/etc/wgetrc\" -DLOCALEDIR=\"/usr/share/locale\" "
                              "-I. -D_FORTIFY_SOURCE=2 -DNO_SSLv2 -D_FILE_OFFSET_BITS=64 -g -Wall\0\0"
                              "1.21.3\0\0\0\0\0\0\0\0\0\0\0\0\0\0ABCDEFGHIJKLMNOPQRSTUVWXYZ234567\0"s));
  // The compiler flags hold numbers but no dotted version: nothing read from them.
  auto flags =
      rule_hits_in(elf_blob("GNU Wget %s, a non-interactive network retriever.\0"
                            "gcc -DSYSTEM_WGETRC=\"/etc/wgetrc\" -O2 -D_FILE_OFFSET_BITS=64\0\0"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567\0"s));
  CHECK_MESSAGE(has_hit(flags, "wget", "", "*"), describe(flags));
  CHECK(flags.size() == 1);
}

TEST_CASE("sqlite3_version before the allocator's messages") {
  auto lib = rule_hits_in(elf_blob("sqlite_master\0\x08\0\0\0\0\0\0\0\0\0\0\0"
                                   "3.40.1\0\0failed memory resize %u to %u bytes\0failed to allocate %u bytes\0"s),
                          "/usr/lib/aarch64-linux-gnu/libsqlite3.so.0.8.6");
  CHECK_MESSAGE(has_hit(lib, "sqlite", "3.40.1", ""), describe(lib));
  // Without the neighbouring message a bare number is not read.
  auto bare = rule_hits_in(elf_blob("sqlite_master\0\0003.40.1\0\0some other text\0"s),
                           "/usr/lib/aarch64-linux-gnu/libsqlite3.so.0.8.6");
  CHECK_FALSE(has_hit(bare, "sqlite", "3.40.1", "*"));
}

TEST_CASE("json-c version returned by json_c_version") {
  auto arm64 = rule_hits_in(elf_blob("\xc0\x03_\xd6\0\0\0\0"
                                     "0.16\0\0\0\0%ld\0\0\0\0\0%lu\0\0\0\0\0json-c aborts with error: %s\n\0"s),
                            "/usr/lib/aarch64-linux-gnu/libjson-c.so.5.2.0");
  CHECK_MESSAGE(has_hit(arm64, "json-c", "0.16", ""), describe(arm64));
  auto mipsel = rule_hits_in(elf_blob("\0\0\0\0"
                                      "0.16\0\0\0\0%lld\0\0\0\0%llu\0\0\0\0json-c aborts with error: %s\n\0"s),
                             "/usr/lib/mipsel-linux-gnu/libjson-c.so.5.2.0");
  CHECK(has_hit(mipsel, "json-c", "0.16", ""));
}
