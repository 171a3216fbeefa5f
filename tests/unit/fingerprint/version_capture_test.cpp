#include "scanner/fingerprint/version_capture.h"

#include <doctest/doctest.h>

#include <string>

using pedigree::fingerprint::capture_version;
using pedigree::fingerprint::valid_capture_spec;

TEST_CASE("version capture reads the token after the literal") {
  CHECK(capture_version("BusyBox v{v}", "BusyBox v1.35.0 (Debian 1:1.35.0-4)") == "1.35.0");
  CHECK(capture_version("OpenSSH_{v}", "OpenSSH_9.2p1 Debian-2") == "9.2p1");
  CHECK(capture_version("OpenSSL {v} ", "OpenSSL 1.1.1w  11 Sep 2023") == "1.1.1w");
  CHECK(capture_version("deflate {v}", "deflate 1.2.13 Copyright") == "1.2.13");
}

TEST_CASE("version capture tries alternatives in order") {
  const char* spec = "SMP Debian {v}- || Linux version {v}";
  CHECK(capture_version(spec, "Linux version 6.1.0-50-armmp (x) #1 SMP Debian 6.1.176-1 (2025-01-01)") == "6.1.176");
  CHECK(capture_version(spec, "Linux version 5.10.0 (builder@host) #1 SMP") == "5.10.0");
}

TEST_CASE("version capture refuses what is no version") {
  CHECK_FALSE(capture_version("BusyBox v{v}", "BusyBox v%s (%s)").has_value());
  CHECK_FALSE(capture_version("iw version {v}", "iw version 5").has_value());
  CHECK_FALSE(capture_version("x {v}", "x 1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16").has_value());
  CHECK_FALSE(capture_version("x {v}", "x 1.2abcdefgh").has_value());
  CHECK_FALSE(capture_version("SMP Debian {v}-", "SMP Debian 6.1.176 (").has_value());
  CHECK(capture_version("x {v}", "x 2. and x 2.1") == "2.1");
}

TEST_CASE("capture specs are checked") {
  CHECK(valid_capture_spec("a {v} || b{v}"));
  CHECK_FALSE(valid_capture_spec(""));
  CHECK_FALSE(valid_capture_spec("no placeholder"));
  CHECK_FALSE(valid_capture_spec("{v}{v}"));
  CHECK_FALSE(capture_version("a {v}{v}", "a 1.2").has_value());
}

TEST_CASE("version capture reads a version stored as a C string of its own") {
  using namespace std::string_literals;
  CHECK(capture_version("{0}{v}{0}", "\0002.10\0\0\0\0hostapd v%s\n"s) == "2.10");
  CHECK(capture_version("{0}{v}{0}", "-Wall\0\0001.21.3\0"s) == "1.21.3");
  // The NULs are required on both sides.
  CHECK_FALSE(capture_version("{0}{v}{0}", "x2.10\0hostapd"s).has_value());
  CHECK_FALSE(capture_version("{0}{v}{0}", "\0002.10 hostapd"s).has_value());
  CHECK(capture_version("hostapd v{v} || {0}{v}{0}", "\0002.10\0hostapd v%s"s) == "2.10");
}

TEST_CASE("{n} reads a dotless release number, and only where text ends it") {
  using namespace std::string_literals;
  CHECK(capture_version("kmod version {n}{0}", "kmod version 30\0+ZSTD +XZ"s) == "30");
  CHECK(capture_version("kmod version {n} ", "kmod version 312 (x)") == "312");
  // More digits than a release number has, letters after it, or no digit at all.
  CHECK_FALSE(capture_version("kmod version {n}{0}", "kmod version 123456\0"s).has_value());
  CHECK_FALSE(capture_version("kmod version {n}{0}", "kmod version 30a\0"s).has_value());
  CHECK_FALSE(capture_version("kmod version {n}{0}", "kmod version %s\0"s).has_value());
  // {v} still wants a dot: the same text gives it nothing.
  CHECK_FALSE(capture_version("kmod version {v}", "kmod version 30").has_value());
  // A number with nothing after it in the spec is refused.
  CHECK_FALSE(valid_capture_spec("kmod version {n}"));
  CHECK(valid_capture_spec("kmod version {n}{0}"));
  CHECK_FALSE(valid_capture_spec("{n}{v}{0}"));
}

TEST_CASE("{v-P} keeps a -P patch release, {v} does not") {
  using namespace std::string_literals;
  CHECK(capture_version("{0}{v-P}{0}", "dhclient.c\0\0004.4.3-P1\0"s) == "4.4.3-P1");
  CHECK(capture_version("{0}{v-P}{0}", "dhclient.c\0\0004.4.3\0"s) == "4.4.3");
  CHECK_FALSE(capture_version("DHCP {v-P} ", "DHCP 4.1-ESV-R16 x").has_value());
  // Not a patch release: letters or a dot after the digits, or no digit.
  CHECK_FALSE(capture_version("{0}{v-P}{0}", "\0004.4.3-P1b\0"s).has_value());
  CHECK_FALSE(capture_version("{0}{v-P}{0}", "\0004.4.3-Px\0"s).has_value());
  CHECK(capture_version("v{v-P}-", "v4.4.3-P-") == "4.4.3");
  // {v} stops at the dash, so a spec that needs a NUL after it reads nothing.
  CHECK_FALSE(capture_version("{0}{v}{0}", "\0004.4.3-P1\0"s).has_value());
}
