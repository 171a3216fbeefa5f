// Network daemons and their libraries.

rule dnsmasq_version {
  meta:
    component = "dnsmasq"
    cpe = "thekelleys:dnsmasq"
    purl = "pkg:generic/dnsmasq"
    version = "dnsmasq-{v}"
  strings:
    // VERSION is compiled in as "dnsmasq-2.89" (used in CHAOS TXT replies)
    $v1 = /dnsmasq-[0-9]\.[0-9]{2,3}(rc[0-9]+|test[0-9]+)?\x00/
    $a1 = "Dnsmasq version %s  %s"
    $a2 = "dnsmasq.conf"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule hostapd_version {
  meta:
    component = "hostapd"
    cpe = "w1.fi:hostapd"
    purl = "pkg:generic/hostapd"
    version = "hostapd v{v} || {0}{v}{0}"
    verified = "hostapd 2:2.10-12+deb12u3 arm64, armhf, mipsel"
  strings:
    $v1 = /hostapd v[0-9]\.[0-9]{1,2}(-devel|-rc[0-9]?)?\x00/
    // VERSION_STR, stored right before the banner format that prints it
    $v2 = /\x00[0-9]\.[0-9]{1,2}\x00{1,8}hostapd v%s\nUser space daemon/
    $a1 = "hostapd v%s"
    $a2 = "User space daemon for IEEE 802.11 AP management"
  condition:
    is_elf and (any of ($a*) and (any of ($v*) or true))
}

rule wpa_supplicant_version {
  meta:
    component = "wpa_supplicant"
    cpe = "w1.fi:wpa_supplicant"
    purl = "pkg:generic/wpa_supplicant"
    version = "wpa_supplicant v{v}"
  strings:
    // the copyright banner: "wpa_supplicant v2.10\nCopyright (c) 2003-2022, ..."
    $v1 = /wpa_supplicant v[0-9]\.[0-9]{1,2}(-devel|-rc[0-9]?)?[\x00\n]/
    $a1 = "wpa_supplicant v%s"
    $a2 = "Copyright (c) 2003-20"
  condition:
    is_elf and ($a1 and $a2 and ($v1 or true))
}

rule miniupnpd_version {
  meta:
    component = "miniupnpd"
    cpe = "miniupnp_project:miniupnpd"
    purl = "pkg:generic/miniupnpd"
    version = "MiniUPnPd/{v} || miniupnpd/{v} || miniupnpd {v}"
    verified = "miniupnpd-nftables 2.3.1-1 arm64, armhf, mipsel"
  strings:
    $v1 = /[Mm]iniUPnPd\/[0-9]\.[0-9](\.[0-9]{1,2})?/
    $v2 = /miniupnpd [0-9]\.[0-9](\.[0-9]{1,2})?/
    $a1 = "miniupnpd"
    $a2 = "urn:schemas-upnp-org:service:WANIPConnection:"
  condition:
    is_elf and ($a1 and $a2 and ($v1 or true) and ($v2 or true))
}

rule libupnp_version {
  meta:
    component = "libupnp"
    cpe = "pupnp_project:pupnp"
    purl = "pkg:generic/libupnp"
    version = "Portable SDK for UPnP devices/{v}"
    files = "libupnp.so"
  strings:
    $v1 = /Portable SDK for UPnP devices\/[0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "UpnpInit"
    $a2 = "UPnP/1.0"
  condition:
    is_elf and ($v1 or all of ($a*))
}

rule avahi_daemon {
  meta:
    component = "avahi"
    cpe = "avahi:avahi"
    purl = "pkg:generic/avahi"
    version = "avahi {v} || avahi-daemon {v} || %s {v} starting up"
    files = "libavahi-,avahi-"
    verified = "avahi-daemon 0.8-10+deb12u1 armhf"
  strings:
    $v1 = /avahi [0-9]\.[0-9]\.[0-9]{1,2}\x00/
    // the daemon's start-up message, the program name left to printf
    $v2 = /%s [0-9]\.[0-9]{1,2}(\.[0-9]{1,2})? starting up\./
    $a1 = "avahi-daemon"
    $a2 = "org.freedesktop.Avahi"
    $a3 = "avahi_"
  condition:
    is_elf and (2 of ($a*) and (any of ($v*) or true))
}

rule samba_version {
  meta:
    component = "samba"
    cpe = "samba:samba"
    purl = "pkg:generic/samba"
    version = "Samba {v} || SAMBA_VERSION_STRING {v} || Version {v}"
  strings:
    $v1 = /Samba [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "smb.conf"
    $a2 = "SAMBA"
    $a3 = "samba_version_string"
  condition:
    is_elf and (2 of ($a*) and ($v1 or true))
}

rule samba_wbclient {
  meta:
    component = "samba"
    cpe = "samba:samba"
    purl = "pkg:generic/samba"
    files = "libwbclient.so"
    scope = "own-files"
    // Samba's winbind client library holds no Samba version: only its own
    // interface version (WBCLIENT_0.15), which is not the release
    verified = "libwbclient0 2:4.17.12+dfsg-0+deb12u4 arm64, armhf, mipsel (no version)"
  strings:
    $c1 = "Samba libwbclient"
    $c2 = "wbcLibraryDetails"
  condition:
    is_elf and (all of them)
}

rule proftpd_version {
  meta:
    component = "proftpd"
    cpe = "proftpd:proftpd"
    purl = "pkg:generic/proftpd"
    version = "ProFTPD {v} || Version: {v} ("
    verified = "proftpd-core 1.3.8+dfsg-4 armhf"
  strings:
    $v1 = /ProFTPD [0-9]\.[0-9]\.[0-9][a-z]?( |\x00)/
    // the -V text: "  Version: 1.3.8 (stable)"
    $v2 = /  Version: 1\.[0-9]\.[0-9]{1,2}[a-z]? \((stable|maint|devel|rc[0-9])\)/
    $a1 = "proftpd.conf"
    $a2 = "ProFTPD"
  condition:
    is_elf and $a1 and $a2 and (any of ($v*) or true)
}

rule vsftpd_version {
  meta:
    component = "vsftpd"
    cpe = "beasts:vsftpd"
    purl = "pkg:generic/vsftpd"
    version = "vsFTPd {v}"
  strings:
    $v1 = /vsFTPd [0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "vsftpd.conf"
  condition:
    is_elf and (all of them)
}

rule pure_ftpd_version {
  meta:
    component = "pure-ftpd"
    cpe = "pureftpd:pure-ftpd"
    purl = "pkg:generic/pure-ftpd"
    version = "pure-ftpd v{v} || Pure-FTPd v{v}"
  strings:
    $v1 = /[Pp]ure-[Ff][Tt][Pp]d v[0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "pure-ftpd"
    $a2 = "Pure-FTPd"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule openvpn_version {
  meta:
    component = "openvpn"
    cpe = "openvpn:openvpn"
    purl = "pkg:generic/openvpn"
    version = "OpenVPN {v} "
  strings:
    $v1 = /OpenVPN [0-9]\.[0-9]\.[0-9]{1,2}(_[a-z0-9]+)? [a-z0-9_\-]{3,40} \[/
    $a1 = "openvpn"
  condition:
    is_elf and (all of them)
}

rule strongswan_version {
  meta:
    component = "strongswan"
    cpe = "strongswan:strongswan"
    purl = "pkg:generic/strongswan"
    version = "strongSwan {v} || Linux strongSwan U{v}"
    files = "libstrongswan.so,charon,ipsec,libcharon.so"
  strings:
    $v1 = /[Ss]trong[Ss]wan U?[0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "strongswan.conf"
    $a2 = "charon"
  condition:
    is_elf and (any of ($a*) and ($v1 or all of ($a*)))
}

rule pppd_version {
  meta:
    component = "pppd"
    cpe = "point-to-point_protocol_project:point-to-point_protocol"
    purl = "pkg:generic/ppp"
    version = "pppd version {v} || pppd {v} || {0}{v}{0}"
    verified = "ppp 2.4.9-1+1.1+b1 armhf"
  strings:
    $v1 = /pppd( version)? [0-9]\.[0-9]\.[0-9]{1,2}\x00/
    // VERSION, stored right before the start-up message that logs it
    $v2 = /\x00[0-9]\.[0-9]\.[0-9]{1,2}\x00{1,8}pppd %s started by %s, uid %d/
    $a1 = "pppd %s started by %s, uid %d"
  condition:
    is_elf and ($a1 and (any of ($v*) or true))
}

rule net_snmp_version {
  meta:
    component = "net-snmp"
    cpe = "net-snmp:net-snmp"
    purl = "pkg:generic/net-snmp"
    version = "NET-SNMP version: {v} || net-snmp {v}"
    files = "libnetsnmp,snmpd,snmp"
  strings:
    $v1 = /NET-SNMP version: +[0-9]\.[0-9]\.[0-9]/
    $a1 = "NET-SNMP"
    $a2 = "netsnmp_"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule net_snmp_lone_version {
  meta:
    component = "net-snmp"
    cpe = "net-snmp:net-snmp"
    purl = "pkg:generic/net-snmp"
    files = "libnetsnmp.so"
    scope = "own-files"
    // NetSnmpVersionInfo, which netsnmp_get_version() returns
    lone_version = "5.*.*"
    verified = "libsnmp40 5.9.3+dfsg-2+deb12u1 arm64, armhf, mipsel (libnetsnmp.so.40)"
  strings:
    $a1 = "NET-SNMP"
    $a2 = "netsnmp_get_version"
  condition:
    is_elf and (all of them)
}

rule ntp_version {
  meta:
    component = "ntp"
    cpe = "ntp:ntp"
    purl = "pkg:generic/ntp"
    version = "ntpd {v} || ntpsec-{v} || ntpd ntpsec-{v}"
  strings:
    $v1 = /ntpd (ntpsec-)?[0-9]\.[0-9]\.[0-9]{1,2}(p[0-9]{1,3})?/
    $a1 = "ntp.conf"
    $a2 = "ntpd"
  condition:
    is_elf and (all of them)
}

rule chrony_version {
  meta:
    component = "chrony"
    cpe = "tuxfamily:chrony"
    purl = "pkg:generic/chrony"
    version = "chronyd ({v} || chronyc ({v} || chrony version {v} || {0}{v}{0}"
    verified = "chrony 4.3-2+deb12u3 armhf"
  strings:
    $v1 = /chrony[dc]? \(?(version )?[0-9]\.[0-9](\.[0-9])?/
    // CHRONY_VERSION, stored right before the format that prints it
    $v2 = /\x00[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?\x00{1,8}chrony[cd] \(chrony\) version %s/
    $a1 = "chrony.conf"
    $a2 = "chronyd"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or true))
}

rule dhcpcd_version {
  meta:
    component = "dhcpcd"
    cpe = "roy_marples:dhcpcd"
    purl = "pkg:generic/dhcpcd"
    version = "dhcpcd-{v} || dhcpcd {v} || {0}{v}{0}"
    verified = "dhcpcd-base 9.4.1-24~deb12u5 armhf"
  strings:
    $v1 = /dhcpcd[\- ][0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    // VERSION, printed for --version, stored between two option names
    $v2 = /--version\x00{1,8}[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}\x00{1,8}--getconfigfile\x00/
    $a1 = "dhcpcd.conf"
    $a2 = "dhcpcd"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or true))
}

rule isc_dhcp_version {
  meta:
    component = "isc-dhcp"
    cpe = "isc:dhcp"
    purl = "pkg:generic/isc-dhcp"
    version = "Internet Systems Consortium DHCP Client {v-P} || Internet Systems Consortium DHCP Server {v-P} || isc-dhclient-{v-P} || {0}{v-P}{0}"
    verified = "isc-dhcp-client 4.4.3-P1-2 arm64, armhf, mipsel (dhclient)"
  strings:
    $v1 = /(isc-dhclient-|Internet Systems Consortium DHCP (Client|Server|Relay Agent) )[0-9]\.[0-9]\.[0-9]/
    // PACKAGE_VERSION, stored after the name of dhclient's source file
    $v2 = /dhclient\.c\x00{1,8}4\.[0-9]\.[0-9]{1,2}(-P[0-9]{1,2})?\x00/
    $a1 = "Internet Systems Consortium"
    $a2 = "dhcp"
  condition:
    is_elf and (all of ($a*) and any of ($v*))
}

rule bind_library_name {
  meta:
    component = "bind"
    cpe = "isc:bind"
    purl = "pkg:generic/bind"
    version = "-{v}"
    files = "libisc-,libdns-,libns-,libbind9-,libisccfg-,libisccc-"
    scope = "own-files"
    verified = "bind9-libs 1:9.18.49-1~deb12u1 arm64"
  strings:
    // BIND names its libraries after its release: the SONAME in the library's
    // own dynamic string table ("libisc-9.18.49-1~deb12u1-Debian.so")
    $v1 = /libisc-9\.[0-9]{1,2}\.[0-9]{1,3}[^\x00\/]{0,32}\.so\x00/
    $v2 = /libdns-9\.[0-9]{1,2}\.[0-9]{1,3}[^\x00\/]{0,32}\.so\x00/
    $a1 = "isc_mem_"
  condition:
    is_elf and (any of ($v*) and $a1)
}

rule bind_version {
  meta:
    component = "bind"
    cpe = "isc:bind"
    purl = "pkg:generic/bind"
    version = "BIND {v} || {0}{v}{0}"
    files = "libisc,libdns,libns,named,libbind9,libisccfg"
    verified = "isc-dhcp-client 4.4.3-P1-2 armhf (dhclient holds BIND 9.11.36's libdns)"
  strings:
    // A banner ends at the version. libdns 9.11-9.16 also holds "... will
    // fail in BIND 9.17.2 and later ...", which names no release of its own.
    $v1 = /BIND 9\.[0-9]{1,2}\.[0-9]{1,2}(\x00| \(|-)/
    // libdns's version.c: its major release, then the release ("9.11\0\0\0\0
    // 9.11.36\0"); isc-dhcp links this libdns into dhclient and dhcpd.
    $v2 = /9\.[0-9]{1,2}\x00{1,8}9\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "isc_mem_"
    $a2 = "named.conf"
  condition:
    is_elf and (any of ($a*) and (any of ($v*) or all of ($a*)))
}

rule unbound_version {
  meta:
    component = "unbound"
    cpe = "nlnetlabs:unbound"
    purl = "pkg:generic/unbound"
    version = "unbound {v}"
    files = "libunbound.so,unbound"
  strings:
    $v1 = /unbound [0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "unbound.conf"
    $a2 = "ub_ctx_"
  condition:
    is_elf and (any of ($a*) and ($v1 or all of ($a*)))
}

rule mosquitto_version {
  meta:
    component = "mosquitto"
    cpe = "eclipse:mosquitto"
    purl = "pkg:generic/mosquitto"
    version = "mosquitto version {v} || mosquitto/{v} || {0}{v}{0}"
    files = "libmosquitto.so,mosquitto"
    verified = "mosquitto 2.0.11-1.2+deb12u2 mipsel"
  strings:
    $v1 = /mosquitto version [0-9]\.[0-9]\.[0-9]{1,2}/
    // VERSION, stored right before the format that prints it
    $v2 = /\x00[0-9]\.[0-9]\.[0-9]{1,2}\x00{1,8}mosquitto(_[a-z]{2,8})? version %s/
    $a1 = "mosquitto"
    $a2 = "MQTT"
    $b1 = "mosquitto_"
    $b2 = "mosquitto.conf"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or any of ($b*)))
}

rule rsync_version {
  meta:
    component = "rsync"
    cpe = "samba:rsync"
    purl = "pkg:generic/rsync"
    version = "rsync  version {v} || rsync version {v}"
  strings:
    $v1 = "%s  version %s  protocol version %d%s"
    $a1 = "rsync error"
    $a2 = "rsyncd.conf"
  condition:
    is_elf and (2 of them)
}

rule rsync_lone_version {
  meta:
    component = "rsync"
    cpe = "samba:rsync"
    purl = "pkg:generic/rsync"
    files = "rsync"
    scope = "own-files"
    // RSYNC_VERSION, which the version line prints through "%s"
    lone_version = "3.*.*"
    verified = "rsync 3.2.7-1+deb12u6 arm64, armhf, mipsel"
  strings:
    $a1 = "%s  version %s  protocol version %d%s"
    $a2 = "rsyncd.conf"
  condition:
    is_elf and (all of them)
}

rule socat_version {
  meta:
    component = "socat"
    cpe = "dest-unreach:socat"
    purl = "pkg:generic/socat"
    version = "socat version {v} || {0}{v}{0}"
    verified = "socat 1.7.4.4-2 arm64"
  strings:
    $v1 = /socat version [0-9]\.[0-9]\.[0-9]\.[0-9]/
    // the build time stamp and the version, stored after the project address
    $v2 = /dest-unreach\.org\x00{1,16}[0-9]{2} [A-Z][a-z]{2} 20[0-9]{2} [0-9:]{8}\x00{1,8}[0-9]\.[0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "socat by Gerhard Rieger"
  condition:
    is_elf and (any of them)
}

rule live555_version {
  meta:
    component = "live555"
    cpe = "live555:streaming_media"
    purl = "pkg:generic/live555"
    version = "LIVE555 Streaming Media v{v} || LIVE555 Media Server version {v}"
    files = "libliveMedia.so,liblivemedia.so"
  strings:
    $v1 = /LIVE555 (Streaming Media v|Media Server version )20[0-9]{2}\.[0-9]{2}\.[0-9]{2}/
    $a1 = "LIVE555"
  condition:
    is_elf and (any of them)
}
