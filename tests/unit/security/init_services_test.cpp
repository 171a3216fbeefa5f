#include "scanner/security/init_services.h"

#include <doctest/doctest.h>

namespace pedigree::security {
namespace {

fingerprint::SecurityFacts parse(std::string_view path, std::string_view text) {
  return parse_init_file(init_file_kind(path), as_bytes(text));
}

TEST_CASE("services: inittab shells without login, and getty with login") {
  auto f = parse("/etc/inittab",
                 "::sysinit:/etc/init.d/rcS\n::askconsole:/bin/ash --login\nttyS0::respawn:-/bin/sh\n"
                 "ttyS1::respawn:/sbin/getty -L 115200 ttyS1 vt100\n");
  REQUIRE(f.services.size() == 2);
  CHECK(f.services[0].name == "console-shell");
  CHECK(f.services[0].details == "askconsole shell without login on console");
  CHECK(f.services[0].line == 2);
  CHECK(f.services[1].details == "respawn shell without login on ttyS0");
}

TEST_CASE("services: daemons in command position of rc scripts, not when killed or in paths") {
  auto f =
      parse("/etc/init.d/S40telnetd",
            "#!/bin/sh\ncase \"$1\" in\nstart) /usr/sbin/telnetd -l /bin/login ;;\nstop) killall telnetd ;;\nesac\n"
            "mkdir -p /var/run/dropbear\n");
  REQUIRE(f.services.size() == 1);
  CHECK(f.services[0].name == "telnetd");
  CHECK(f.services[0].started == "rc-script");
  CHECK(f.services[0].line == 3);
}

TEST_CASE("services: dropbear flags decide password login") {
  auto open = parse("/etc/init.d/dropbear", "/usr/sbin/dropbear -p 22\n");
  REQUIRE(open.services.size() == 1);
  CHECK(open.services[0].details.find("root included") != std::string::npos);
  auto no_root = parse("/etc/rcS", "exec dropbear -R -g -p 22\n");
  CHECK(no_root.services.at(0).details.find("not for root") != std::string::npos);
  auto keys_only = parse("/etc/rcS", "dropbear -s\n");
  CHECK(keys_only.services.at(0).details.find("disabled") != std::string::npos);
}

TEST_CASE("services: systemd ExecStart, procd command, start-stop-daemon, inetd and xinetd") {
  CHECK(parse("/lib/systemd/system/vsftpd.service", "[Service]\nExecStart=-/usr/sbin/vsftpd /etc/vsftpd.conf\n")
            .services.at(0)
            .name == "ftpd");
  auto procd = parse("/etc/init.d/miniupnpd", "\tprocd_set_param command /usr/sbin/miniupnpd -f x\n");
  CHECK(procd.services.at(0).name == "upnpd");
  CHECK(procd.services.at(0).started == "procd");
  CHECK(parse("/etc/init.d/adb", "start-stop-daemon -S -b -x /sbin/adbd\n").services.at(0).name == "adbd");
  CHECK(parse("/etc/inetd.conf", "tftp dgram udp wait root /usr/sbin/tftpd tftpd /srv\n").services.at(0).name ==
        "tftpd");
  CHECK(parse("/etc/xinetd.d/telnet", "service telnet\n{\n  server = /usr/sbin/in.telnetd\n}\n").services.at(0).name ==
        "telnetd");
}

TEST_CASE("services: SSH settings of dropbear uci and sshd_config") {
  auto uci =
      parse("/etc/config/dropbear", "config dropbear\n\toption PasswordAuth 'on'\n\toption RootPasswordAuth 'off'\n");
  REQUIRE(uci.ssh_settings.size() == 2);
  CHECK(uci.ssh_settings[0].key == "password-auth");
  CHECK(uci.ssh_settings[0].enabled);
  CHECK_FALSE(uci.ssh_settings[1].enabled);
  auto sshd = parse("/etc/ssh/sshd_config", "PermitRootLogin yes\n#PasswordAuthentication no\n");
  REQUIRE(sshd.ssh_settings.size() == 1);
  CHECK(sshd.ssh_settings[0].key == "root-login");
}

TEST_CASE("services: files that are not init files, and binaries, give nothing") {
  CHECK(init_file_kind("/usr/bin/telnetd").empty());
  CHECK(parse("/etc/inittab", std::string("\0\0\0telnetd", 10)).services.empty());
  CHECK(parse("/etc/inittab", "garbage without colons\n:::\n").services.empty());
}

}  // namespace
}  // namespace pedigree::security
