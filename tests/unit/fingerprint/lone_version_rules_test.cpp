// Rules that read a library's version from a version string standing alone
// in its own file (`lone_version`, scanner/fingerprint/lone_version.h), and
// the version forms `{n}` and `{v-P}`. The excerpts around each version are
// the bytes of Debian bookworm binaries (the architecture is named); the
// rules were checked on arm64, armhf and mipsel (their `verified` meta).
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/fingerprint/rule_check.h"

using namespace std::string_literals;
using pedigree::fingerprint::testing::describe;
using pedigree::fingerprint::testing::elf_blob;
using pedigree::fingerprint::testing::has_hit;
using pedigree::fingerprint::testing::rule_hits_in;

namespace {

struct LoneCase {
  const char* component;
  const char* version;
  const char* path;
  std::string strings;  // what makes the file positively the component
  std::string excerpt;  // the bytes around the version
};

void check_lone(const LoneCase& c) {
  std::string component = c.component;
  CAPTURE(component);
  auto hits = rule_hits_in(elf_blob(c.strings + c.excerpt), c.path);
  CHECK_MESSAGE(has_hit(hits, c.component, c.version, ""), describe(hits));
  // The same bytes again with another version of the series: the file has no version.
  std::string version = c.version;
  std::string other = version;
  other.back() = other.back() == '9' ? '8' : static_cast<char>(other.back() + 1);
  std::string again = c.excerpt;
  again.replace(again.find(version), version.size(), other);
  auto two = rule_hits_in(elf_blob(c.strings + c.excerpt + again), c.path);
  CHECK_MESSAGE(has_hit(two, c.component, "", ""), describe(two));
  CHECK_FALSE(has_hit(two, c.component, c.version, "*"));
}

}  // namespace

TEST_CASE("library versions stored as strings of their own") {
  check_lone({"gmp", "6.2.1", "/usr/lib/aarch64-linux-gnu/libgmp.so.10.4.1", "__gmpz_init\0__gmp_version\0"s,
              "\xc7I3U\xff"
              "6.2.1\0\0\0\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0000123456789ABCDEF"s});
  check_lone({"nghttp2", "1.52.0", "/usr/lib/aarch64-linux-gnu/libnghttp2.so.14.24.1",
              "nghttp2_session_client_new\0nghttp2_hd_deflate_new\0"s,
              "\x1a\0\0\0\x80\xfb\xff\xff\x1e\0\0\0\xfc\xff\xff\xff"
              "1.52.0\0\0h2\0\0\0\0"s});
  check_lone({"libuv", "1.44.2", "/usr/lib/mipsel-linux-gnu/libuv.so.1.0.0", "uv_loop_init\0uv_version_string\0"s,
              "\xe4\x44\xfc\xff\0\0\0\0\0\0\0\0\0\0\0\0"
              "1.44.2\0\0./src/unix"s});
  check_lone({"libidn2", "2.3.3", "/usr/lib/arm-linux-gnueabihf/libidn2.so.0.3.8",
              "idn2_lookup_u8\0idn2_check_version\0"s,
              "xn--\0\0\0\0"
              "2.3.3\0\0\0Copyright\0"
              "2.3.3-1+b1\0"s});
  check_lone({"libtasn1", "4.19.0", "/usr/lib/aarch64-linux-gnu/libtasn1.so.6.6.3",
              "asn1_der_decoding\0asn1_check_version\0"s,
              "\x16\xff\x16\xff\0\0\0\0\0\0"
              "4.19.0\0\0\x01\x1b\x03;T\x03\0\0"s});
  check_lone({"jansson", "2.14", "/usr/lib/mipsel-linux-gnu/libjansson.so.4.14.0", "json_object_set_new_nocheck\0"s,
              "\xff\xff\xff\xff\xff\xff\xef\x7f"
              "2.14\0\0\0\0\0\0\0\0\0\0\xf0"
              "A"s});
  check_lone({"libmicrohttpd", "0.9.75", "/usr/lib/arm-linux-gnueabihf/libmicrohttpd.so.12.60.0",
              "MHD_start_daemon\0MHD_create_response_from_buffer\0"s,
              "eate pool thread: %s\n\0\0\0"
              "0.9.75\0\0\0\0\0\0\x01\0\0\0"s});
  check_lone({"net-snmp", "5.9.3", "/usr/lib/mipsel-linux-gnu/libnetsnmp.so.40.2.0", "NET-SNMP\0netsnmp_get_version\0"s,
              "usm_get_user\0\0\0\0\0\0\0\0\0\0\0\0"
              "5.9.3\0\0\0container"s});
  check_lone({"rsync", "3.2.7", "/usr/bin/rsync", "%s  version %s  protocol version %d%s\0rsyncd.conf\0"s,
              "program\0%c\n  \"%s\": \"%s\"\0"
              "3.2.7\0\0\0%d.%d\0"s});
  check_lone({"iw", "5.19", "/sbin/iw", "iw version %s\n\0nl80211 not found.\0"s,
              "foo ssid bar\0\0\0\0\0\0\0\0\0\0\0\0"
              "5.19\0\0\0\0"s});
  check_lone({"iproute2", "6.1.0", "/bin/ip", "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n\0"s,
              "ioam\0\0\0\0stats\0\0\0moo\0\0\0\0\0"
              "6.1.0\0\0\0Failed to"s});
  check_lone({"pcre", "8.39", "/lib/mipsel-linux-gnu/libpcre.so.3.13.3",
              "this version of PCRE is compiled without UTF support\0pcre_compile\0"s,
              "\x9c\xe5\xfc\xff\0\0\0\0\0\0\0\0"
              "8.39 2016-06-14\0"s});
}

TEST_CASE("a lone version counts only in the library's own file") {
  std::string gmp = elf_blob(
      "__gmpz_init\0__gmp_version\0\xff"
      "6.2.1\0\0\0\0"s);
  // A program that links gmp statically holds the same strings and other numbers.
  auto prog = rule_hits_in(gmp, "/usr/bin/prog");
  CHECK_FALSE(has_hit(prog, "gmp", "6.2.1", "*"));
  // The iw banner in a file not named iw reads no lone version either.
  auto other = rule_hits_in(elf_blob("iw version %s\n\0nl80211 not found.\0\0"
                                     "5.19\0"s),
                            "/usr/bin/wifi-helper");
  CHECK_FALSE(has_hit(other, "iw", "5.19", "*"));
}

TEST_CASE("kmod's dotless release and dhclient's patch release") {
  // bin/kmod, arm64 (armhf and mipsel hold the same strings)
  CHECK_RULE_MATCHES("kmod", "30",
                     elf_blob("kmod_module_new_from_name\0kmod\0\0\0\0kmod version 30\0+ZSTD +XZ -ZLIB +LIBCRYPTO\0"s));
  auto fmt = rule_hits_in(elf_blob("kmod_module_new_from_name\0kmod version %s\0"s), "/bin/kmod");
  CHECK_MESSAGE(has_hit(fmt, "kmod", ""), describe(fmt));
  // sbin/dhclient, armhf: PACKAGE_VERSION after the name of the source file
  CHECK_RULE_MATCHES("isc-dhcp", "4.4.3-P1",
                     elf_blob("gnore not permitted here.\0\0\0dhclient.c\0\0"
                              "4.4.3-P1\0\0\0\0                [-s server-addr]\0"
                              "Internet Systems Consortium DHCP Client\0/etc/dhcp/dhclient.conf\0"s));
  // arm64 pads more between the two strings
  CHECK_RULE_MATCHES("isc-dhcp", "4.4.3-P1",
                     elf_blob("dhclient.c\0\0\0\0\0\0"
                              "4.4.3-P1\0\0\0\0\0\0\0\0%s %s\0"
                              "Internet Systems Consortium DHCP Client\0/etc/dhcp/dhclient.conf\0"s));
}

// Regression: dhclient was reported as holding BIND 9.17.2, read from a
// libdns message about a later release.
TEST_CASE("BIND: the release libdns carries, not the one a message names") {
  // sbin/dhclient, armhf: BIND 9.11.36's libdns, linked in by isc-dhcp
  const std::string message =
      "detected message ID mismatch on incoming AXFR stream, transfer will fail in BIND 9.17.2 and later if AXFR "
      "source is not fixed\0isc_mem_get\0"s;
  auto dhclient = rule_hits_in(elf_blob(message + "1.0\0"s + "9.11\0\0\0\0"s + "9.11.36\0view.c\0"s), "/sbin/dhclient");
  CHECK_MESSAGE(has_hit(dhclient, "bind", "9.11.36", "*"), describe(dhclient));
  CHECK_FALSE(has_hit(dhclient, "bind", "9.17.2", "*"));
  // The message alone names no release.
  auto alone = rule_hits_in(elf_blob(message), "/sbin/dhclient");
  CHECK_FALSE(has_hit(alone, "bind", "9.17.2", "*"));
  // A banner still gives its release.
  CHECK_RULE_MATCHES("bind", "9.16.44", elf_blob("isc_mem_get\0BIND 9.16.44 (Extended Support Version)\0"s));
}

TEST_CASE("Samba's winbind client library is Samba, without a version") {
  // libwbclient.so.0.15 (arm64): its interface version is no Samba release.
  auto lib = rule_hits_in(elf_blob("WBCLIENT_0.15\0wbcLibraryDetails\0Samba libwbclient\0/run/samba/winbindd\0"s),
                          "/usr/lib/aarch64-linux-gnu/libwbclient.so.0.15");
  CHECK_MESSAGE(has_hit(lib, "samba", "", ""), describe(lib));
  CHECK(lib.size() == 1);
  // A program that calls the library names its function too: not Samba.
  auto prog = rule_hits_in(elf_blob("wbcLibraryDetails\0Samba libwbclient\0"s), "/usr/bin/prog");
  CHECK_FALSE(has_hit(prog, "samba", "", "*"));
}
