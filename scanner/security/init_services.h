// What an image starts at boot, read from its init system's files:
//   inittab   id:runlevels:action:process (BusyBox and SysV init)
//   rc        shell scripts: /etc/init.d/*, /etc/rc.d/*, rcS, /init
//   systemd   *.service units, ExecStart= lines
//   procd     OpenWrt init scripts: procd_set_param command ...
//   inetd     inetd.conf lines and xinetd "server =" entries
// A daemon counts when its program is in command position (after exec,
// nohup, start-stop-daemon -x, busybox, ...), not when it is killed, tested
// or named in a path. Also reads SSH server settings (dropbear flags and uci
// options, sshd_config).
#pragma once

#include <string_view>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/security_facts.h"

namespace pedigree::security {

/// Largest init file read.
inline constexpr std::size_t kMaxInitFile = 512 * 1024;

/// Which init-system file `path` (inside its layer) is: inittab, rc, systemd,
/// inetd, xinetd, sshd-config, dropbear-config, or empty for none.
std::string_view init_file_kind(std::string_view path);

/// Services and SSH settings the file states, origins left empty.
fingerprint::SecurityFacts parse_init_file(std::string_view kind, ByteView data);

}  // namespace pedigree::security
