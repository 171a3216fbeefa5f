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

TEST_CASE("versions next to version formats and banners of programs") {
  CHECK_RULE_MATCHES("gstreamer", "1.22.0",
                     elf_blob("GST_DEBUG\0gst_init\0../gst/gst.c\0\0\0\0gstreamer\0\0\0\0\0\0\0LGPL\0\0\0\0"
                              "1.22.0\0\0core elements linked into the GStreamer library\0"s));
  CHECK_RULE_MATCHES("tcpdump", "4.99.3",
                     elf_blob("tcpdump: \0-Z user\0Got %u\r\0%s version 4.99.3\n\0\0SMI-library: %s\n\0"s));
  CHECK_RULE_MATCHES("socat", "1.7.4.4",
                     elf_blob("socat by Gerhard Rieger and contributors - see www.dest-unreach.org\0\0\0\0"
                              "06 Nov 2022 08:15:51\0\0\0\0"
                              "1.7.4.4\0debug\0\0\0info\0"s));
  CHECK_RULE_MATCHES("coreutils", "9.1",
                     elf_blob("GNU coreutils\0Report any translation bugs to <%s>\n\0help\0\0\0\0version\0"
                              "9.1\0\0\0\0\0write error\0\0\0\0\0%s: %s\0"s));
  CHECK_RULE_MATCHES("sudo", "1.9.13p3",
                     elf_blob("sudoers\0sudo_mode 0x%x\0\0Sudo version %s\n\0\0\0\0\0\0\0\0"
                              "1.9.13p3\0\0\0\0\0\0\0\0Configure options: %s\n\0"s));
  CHECK_RULE_MATCHES("bluez", "5.66",
                     elf_blob("org.bluez\0bluetoothd\0/etc/bluetooth\0\0"
                              "5.66\0\0\0\0BlueZ %s\0\0\0\0%hhu.%hhu\0"s));
  CHECK_RULE_MATCHES("nftables", "1.0.6",
                     elf_blob("nft_ctx_new\0Options (command output formatting):\0\0\0"
                              "1.0.6\0\0\0nftables\0\0\0\0%s v%s (%s)\n\0"s));
  CHECK_RULE_MATCHES("pppd", "2.4.9",
                     elf_blob("Warning: disabling multilink\0\0\0\0"
                              "2.4.9\0\0\0pppd %s started by %s, uid %d\0"s));
  CHECK_RULE_MATCHES("chrony", "4.3",
                     elf_blob("chrony.conf\0chronyd\0+NTS +SECHASH +IPV6 -DEBUG\0"
                              "4.3\0chronyd (chrony) version %s (%s)\n\0"s));
  CHECK_RULE_MATCHES("dhcpcd", "9.4.1",
                     elf_blob("dhcpcd.conf\0dhcpcd\0--version\0\0\0"
                              "9.4.1\0\0\0--getconfigfile\0--getinterfaces\0"s));
  CHECK_RULE_MATCHES("mini_httpd", "1.30",
                     elf_blob("%s %d %s\r\n\0\0mini_httpd/1.30 26Oct2018\0\0\0Server: %s\r\n\0"s));
  CHECK_RULE_MATCHES("python", "3.11.2",
                     elf_blob("Py_Initialize\0PYTHONHOME\0Fatal Python error\0linux\0\0\0"
                              "3.11.2\0\0%.80s (%.80s) %.80s\0"s));
  auto e2 = rule_hits_in(elf_blob("ext2fs_open2\0e2fsprogs\0\0\0"
                                  "1.47.0\0\0mke2fs %s (%s)\n\0005-Feb-2023\0"s),
                         "/sbin/mke2fs");
  CHECK_MESSAGE(has_hit(e2, "e2fsprogs", "1.47.0", ""), describe(e2));
  auto mq = rule_hits_in(elf_blob("mosquitto\0MQTT\0Error: Invalid bridge topic remote prefix '%s'.\0"
                                  "2.0.11\0\0mosquitto version %s\n\n\0"s),
                         "/usr/sbin/mosquitto");
  CHECK_MESSAGE(has_hit(mq, "mosquitto", "2.0.11", ""), describe(mq));
}

TEST_CASE("library version constants") {
  auto cap = rule_hits_in(
      elf_blob("%s is the shared library version: libcap-2.66.\nSee the License file for distribution information.\0"s),
      "/lib/aarch64-linux-gnu/libcap.so.2.66");
  CHECK_MESSAGE(has_hit(cap, "libcap", "2.66", ""), describe(cap));
  auto krb = rule_hits_in(elf_blob("KRB5_BRAND: krb5-1.20.1-final 1.20.1 20221111\0"s),
                          "/usr/lib/aarch64-linux-gnu/libkrb5.so.3.3");
  CHECK_MESSAGE(has_hit(krb, "krb5", "1.20.1", ""), describe(krb));
  auto sasl = rule_hits_in(elf_blob("SASL_PATH\0\0\0\0\0\0\0Cyrus SASL\0\0\0\0\0\0"
                                    "2.1.28\0\0called sasl_decode with application that does not support it\0"s),
                           "/usr/lib/aarch64-linux-gnu/libsasl2.so.2.0.25");
  CHECK_MESSAGE(has_hit(sasl, "cyrus-sasl", "2.1.28", ""), describe(sasl));
  auto musl = rule_hits_in(elf_blob("musl libc (\0Dynamic Program Loader\0/proc/self/fd/\0\0"
                                    "1.2.3\0\0\0Dynamic linker failed to allocate memory for TLS\0"s),
                           "/lib/mipsel-linux-musl/libc.so");
  CHECK_MESSAGE(has_hit(musl, "musl", "1.2.3", ""), describe(musl));
  auto ssh = rule_hits_in(elf_blob("ssh_channel_open_session\0SSH-2.0-libssh_0.10.6\0\0\0SSH-2.0-%s\0"s),
                          "/usr/lib/mipsel-linux-gnu/libssh.so.4.9.6");
  CHECK_MESSAGE(has_hit(ssh, "libssh", "0.10.6", ""), describe(ssh));
  auto wolf = rule_hits_in(elf_blob("client finished\0./src/pk.c\0\0wolfSSL 5.5.4\0\0\0FFDHE_4096\0"s),
                           "/usr/lib/mipsel-linux-gnu/libwolfssl.so.35.3.0");
  CHECK_MESSAGE(has_hit(wolf, "wolfssl", "5.5.4", ""), describe(wolf));
  auto pcre2 = rule_hits_in(elf_blob("BSR_ANYCRLF)\0\0\0\0BSR_UNICODE)\0\0\0\0"
                                     "10.42 2022-12-11\0\0\0\0"s),
                            "/usr/lib/mipsel-linux-gnu/libpcre2-8.so.0.11.2");
  CHECK_MESSAGE(has_hit(pcre2, "pcre2", "10.42", ""), describe(pcre2));
}

TEST_CASE("negatives for version constants: not the component's own version") {
  // libssh2's banner is not libssh's.
  auto ssh2 = rule_hits_in(elf_blob("ssh_channel_open_session\0SSH-2.0-libssh2_1.10.0\0"s), "/usr/lib/libssh.so.4");
  CHECK_FALSE(has_hit(ssh2, "libssh", "1.10.0", "*"));
  // A program quoting wolfSSL's version is built against it, not wolfSSL itself.
  auto app = rule_hits_in(elf_blob("wolfSSL 5.5.4\0"s));
  CHECK_FALSE(has_hit(app, "wolfssl", "5.5.4", ""));
  // Another program's version before "write error" is not coreutils'.
  auto grep = rule_hits_in(elf_blob("GNU grep\0\0003.8\0\0\0\0\0write error\0"s));
  CHECK_FALSE(has_hit(grep, "coreutils", "3.8", "*"));
  // A libcap user printing its own text names no libcap version.
  auto user = rule_hits_in(elf_blob("libcap-2.66 is required\0"s));
  CHECK_FALSE(has_hit(user, "libcap", "2.66", "*"));
}

TEST_CASE("bind's release from the names of its own libraries") {
  std::string dynstr = "isc_mem_get\0libisc-9.18.49-1~deb12u1-Debian.so\0libc.so.6\0"s;
  auto own = rule_hits_in(elf_blob(dynstr), "/usr/lib/aarch64-linux-gnu/libdns-9.18.49-1~deb12u1-Debian.so");
  CHECK_MESSAGE(has_hit(own, "bind", "9.18.49", ""), describe(own));
  // A program linking the library names it too, but is not BIND.
  auto user = rule_hits_in(elf_blob(dynstr), "/usr/bin/app");
  CHECK_FALSE(has_hit(user, "bind", "9.18.49", "*"));
}

TEST_CASE("libevent's version without its release tag") {
  auto lib = rule_hits_in(elf_blob("%s: %d events finalizing\0\0\0\0"
                                   "2.1.12-stable\0\0\0EV_READ \0\0\0\0EV_WRITE \0"s),
                          "/usr/lib/mipsel-linux-gnu/libevent-2.1.so.7.0.1");
  CHECK_MESSAGE(has_hit(lib, "libevent", "2.1.12", ""), describe(lib));
}

TEST_CASE("interpreter and daemon versions: lua, perl, avahi") {
  auto lua = rule_hits_in(elf_blob("attempt to %s a %s value%s\0"
                                   "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\0"s),
                          "/usr/lib/mipsel-linux-gnu/liblua5.4.so.0.0.0");
  CHECK_MESSAGE(has_hit(lua, "lua", "5.4.4", ""), describe(lua));
  auto perl = rule_hits_in(elf_blob("PERL5LIB\0pagesize unknown\0\0\0\0 \n-\0PERL_INTERNAL_RAND_SEED\0"
                                    "v5.36.0\0panic: sysconf: %s\0"s),
                           "/usr/bin/perl");
  CHECK_MESSAGE(has_hit(perl, "perl", "5.36.0", ""), describe(perl));
  auto avahi = rule_hits_in(elf_blob("avahi-daemon\0org.freedesktop.Avahi\0failed to start chroot() helper daemon.\0"
                                     "%s 0.8 starting up.\0STATUS=%s 0.8 starting up.\0"s),
                            "/usr/sbin/avahi-daemon");
  CHECK_MESSAGE(has_hit(avahi, "avahi", "0.8", ""), describe(avahi));
  // Perl extension modules quote the version they were built for, without the interpreter's texts.
  auto xs =
      rule_hits_in(elf_blob("_POSIX_JOB_CONTROL\0\0v5.36.0\0POSIX.c\0"s), "/usr/lib/perl-base/auto/POSIX/POSIX.so");
  CHECK_FALSE(has_hit(xs, "perl", "5.36.0", "*"));
}

TEST_CASE("dbus: the release in the private interface's symbol version") {
  std::string dynstr = "GLIBC_2.4\0LIBSYSTEMD_209\0LIBDBUS_1_3\0LIBDBUS_PRIVATE_1.14.10\0GLIBC_2.34\0"s;
  auto daemon = rule_hits_in(elf_blob(dynstr), "/usr/lib/dbus-1.0/dbus-daemon-launch-helper");
  CHECK_MESSAGE(has_hit(daemon, "dbus", "1.14.10", ""), describe(daemon));
  // Other programs do not link the private interface; if one did, it would not be D-Bus.
  CHECK_FALSE(has_hit(rule_hits_in(elf_blob(dynstr), "/usr/bin/app"), "dbus", "1.14.10", "*"));
}

TEST_CASE("libwebsockets' library version after the context destructor's message") {
  std::string rodata =
      "lws_create_context\0lws_free\0\0\0\0%s: ctx %p freed\n\0\0\0"
      "4.1.6-\0\0cpdcheck\0\0\0\0\"trigger\":\0"s;
  auto lib = rule_hits_in(elf_blob(rodata), "/usr/lib/mipsel-linux-gnu/libwebsockets.so.17");
  CHECK_MESSAGE(has_hit(lib, "libwebsockets", "4.1.6", ""), describe(lib));
  // A program that carries its own copy holds a second, statically linked one.
  auto app = rule_hits_in(elf_blob(rodata), "/usr/sbin/mosquitto");
  CHECK_MESSAGE(has_hit(app, "libwebsockets", "4.1.6", "statically-linked"), describe(app));
}
