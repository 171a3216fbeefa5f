// One test per rule family on minimal blobs holding the strings real builds
// put into binaries (checked against Debian bookworm packages where the rule
// says `verified`).
#include "scanner/fingerprint/component_rules_analyzer.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/unit/fingerprint/rule_check.h"

using namespace std::string_literals;
using pedigree::fingerprint::testing::elf_blob;
using pedigree::fingerprint::testing::has_hit;
using pedigree::fingerprint::testing::rule_hits_in;

TEST_CASE("busybox rule") {
  CHECK_RULE_MATCHES("busybox", "1.35.0",
                     elf_blob("BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)\0applet not found\0"s));
}

TEST_CASE("ssh rules") {
  CHECK_RULE_MATCHES("dropbear", "2022.83", elf_blob("SSH-2.0-dropbear_2022.83\0Dropbear server v%s\0"s));
  CHECK_RULE_MATCHES("openssh", "9.2p1", elf_blob("OpenSSH_9.2p1 Debian-2+deb12u3\0kex_exchange_identification\0"s));
  CHECK_RULE_MATCHES("libssh2", "1.10.0", elf_blob("SSH-2.0-libssh2_1.10.0\0"s));
}

TEST_CASE("tls rules") {
  CHECK_RULE_MATCHES("mbedtls", "2.28.3", elf_blob("mbed TLS 2.28.3\0MBEDTLS_HAVE_ASM\0"s));
  CHECK_RULE_MATCHES("libtomcrypt", "1.18.2", elf_blob("LibTomCrypt 1.18.2 (www.libtom.net)\0"s));
  CHECK_RULE_MATCHES("gnutls", "3.7.9", elf_blob("GnuTLS 3.7.9\0GNUTLS_DEBUG_LEVEL\0"s));
}

TEST_CASE("compression rules") {
  CHECK_RULE_MATCHES("zlib", "1.2.13",
                     elf_blob(" deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly and Mark Adler \0"s));
  CHECK_RULE_MATCHES("bzip2", "1.0.8",
                     elf_blob("\0001.0.8, 13-Jul-2019\0bzip2/libbzip2: internal error number %d.\0"s));
  CHECK_RULE_MATCHES("xz", "5.4.1", elf_blob("xz (XZ Utils) 5.4.1\0"s));
}

TEST_CASE("kernel and boot loader rules hold in bare images") {
  std::string kernel =
      "\0\0Linux version 6.1.0-50-armmp (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, "
      "GNU ld (GNU Binutils for Debian) 2.40) #1 SMP Debian 6.1.176-1 (2025-01-01)\n\0"s;
  CHECK_RULE_MATCHES("linux", "6.1.176", kernel);
  CHECK_RULE_MATCHES("linux", "5.10.0", "Linux version 5.10.0 (root@build) (gcc 10.2.1) #1 PREEMPT Mon\n\0"s);
  CHECK_RULE_MATCHES("u-boot", "2023.01", "\0U-Boot 2023.01+dfsg-2+deb12u3 (Jun 22 2026 - 08:38:07 +0000)\0"s);
  CHECK_RULE_MATCHES("u-boot", "2021.04", "\0U-Boot SPL 2021.04 (Apr 05 2021 - 10:00:00 +0000)\0"s);
  CHECK_RULE_MATCHES("barebox", "2023.01.0", "barebox 2023.01.0-00001-gabc #1 Mon Jan 9 2023\0"s);
}

TEST_CASE("rtos rules") {
  CHECK_RULE_MATCHES("freertos", "10.4.3", "FreeRTOS Kernel V10.4.3\0\0IDLE\0Tmr Svc\0"s);
  CHECK_RULE_MATCHES("zephyr", "3.5.0", "*** Booting Zephyr OS build v3.5.0 ***\n\0"s);
  CHECK_RULE_MATCHES("lwip", "",
                     "pbuf_free: p->ref > 0\0tcp_bind: can only bind in state CLOSED\0pbuf_alloc: erroneous type\0"s);
  CHECK_RULE_MATCHES("threadx", "6.1",
                     "Copyright (c) Microsoft Corporation. *  ThreadX Cortex-M4/GNU Version 6.1 *\0"s);
}

TEST_CASE("web server and service rules") {
  CHECK_RULE_MATCHES("lighttpd", "1.4.69", elf_blob("lighttpd/1.4.69\0server.document-root\0"s));
  CHECK_RULE_MATCHES("nginx", "1.22.1", elf_blob("nginx/1.22.1\0nginx version: \0"s));
  CHECK_RULE_MATCHES("dnsmasq", "2.90", elf_blob("dnsmasq-2.90\0Dnsmasq version %s  %s\0"s));
  CHECK_RULE_MATCHES("hostapd", "2.10", elf_blob("hostapd v2.10\0hostapd v%s\0"s));
  CHECK_RULE_MATCHES("openwrt", "23.05.2", "OpenWrt 23.05.2 r23630-842932a63d\0"s);
}

TEST_CASE("library rules") {
  CHECK_RULE_MATCHES("glibc", "2.36",
                     elf_blob("GNU C Library (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36.\n\0"s));
  CHECK_RULE_MATCHES("expat", "2.5.0", elf_blob("expat_2.5.0\0XML_ParserCreate\0"s));
  CHECK_RULE_MATCHES("libpcap", "1.10.3", elf_blob("libpcap version 1.10.3 (with TPACKET_V3)\0pcap_open_live\0"s));
}

TEST_CASE("a rule without a version still reports the component") {
  CHECK_RULE_MATCHES("iw", "", elf_blob("iw version %s\0nl80211 not found.\0"s));
}

TEST_CASE("negatives: help text, documentation and look-alike banners") {
  // A format string is no version.
  auto help = rule_hits_in(elf_blob("BusyBox v%s (%s) multi-call binary\0applet not found\0"s));
  CHECK_FALSE(has_hit(help, "busybox", ""));
  // Documentation quoting a banner is not an ELF file.
  CHECK(rule_hits_in("vsFTPd 1.1.0: beat me\0vsftpd.conf\0"s, "/usr/share/doc/README").empty());
  // OpenSSH's compatibility patterns name versions of peers.
  auto compat = rule_hits_in(elf_blob("OpenSSH_2.*,OpenSSH_3.0*\0kex_exchange_identification\0"s));
  CHECK_FALSE(has_hit(compat, "openssh", "2"));
  CHECK(compat.empty());
  // LibreSSL is not OpenSSL.
  auto libre = rule_hits_in(elf_blob("LibreSSL 3.8.2\0"s), "/usr/lib/libcrypto.so.52");
  CHECK(has_hit(libre, "libressl", "3.8.2"));
  CHECK_FALSE(has_hit(libre, "openssl", "3.8.2"));
  // U-Boot's environment text is no banner.
  CHECK(rule_hits_in("bootcmd=run distro_bootcmd; U-Boot 2023.01 env\0"s).empty());
}

TEST_CASE("the analyzer gives the same hits from several threads at once") {
  std::string blob =
      elf_blob("BusyBox v1.35.0 (Debian 1:1.35.0-4)\0applet not found\0SSH-2.0-dropbear_2022.83\0Dropbear v%s\0"s);
  auto expected = pedigree::fingerprint::testing::describe(rule_hits_in(blob));
  REQUIRE(expected.find("busybox@1.35.0") != std::string::npos);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) got[t] = pedigree::fingerprint::testing::describe(rule_hits_in(blob));
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) CHECK(g == expected);
}
