// Network configuration tools and their libraries.

rule iptables_version {
  meta:
    component = "iptables"
    cpe = "netfilter:iptables"
    purl = "pkg:generic/iptables"
    version = "{v} (nf_tables) || {v} (legacy) || iptables v{v}"
    verified = "iptables 1.8.9-2 armhf (xtables-nft-multi, libxtables)"
  strings:
    // xtables-nft-multi: PACKAGE_VERSION " (nf_tables)"; older builds "iptables v1.4.21"
    $v1 = /1\.[4-9]\.[0-9]{1,2} \((nf_tables|legacy)\)/
    $v2 = /iptables v1\.[4-9]\.[0-9]{1,2}/
    $a1 = "Perhaps %s or your kernel needs to be upgraded."
    $a2 = "Perhaps iptables or your kernel needs to be upgraded."
    $a3 = "Perhaps you want to use the -w option?"
  condition:
    is_elf and (any of ($a1, $a2) or ($a3 and any of ($v*))) and (any of ($v*) or true)
}

rule nftables_version {
  meta:
    component = "nftables"
    cpe = "netfilter:nftables"
    purl = "pkg:generic/nftables"
    version = "nftables v{v} || {0}{v}{0}"
    files = "libnftables.so,nft"
    verified = "nftables 1.0.6-2+deb12u2 armhf"
  strings:
    $v1 = /nftables v[0-9]\.[0-9]\.[0-9]{1,2}/
    // PACKAGE_VERSION and PACKAGE_NAME, stored before the "%s v%s (%s)" version line
    $v2 = /\x00[0-9]\.[0-9]\.[0-9]{1,2}\x00{1,8}nftables\x00{1,8}%s v%s \(%s\)/
    $a1 = "nft_ctx_new"
    $a2 = "nftables"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or true))
}

rule iproute2_version {
  meta:
    component = "iproute2"
    cpe = "iproute2_project:iproute2"
    purl = "pkg:generic/iproute2"
    version = "iproute2-{v} || iproute2-ss{v} || ip utility, iproute2-{v}"
  strings:
    $v1 = /iproute2-(ss)?[0-9]{1,6}(\.[0-9]{1,2}){0,2}/
    $a1 = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }"
    $a2 = "Usage: tc [ OPTIONS ] OBJECT { COMMAND | help }"
    $a3 = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }"
    $a4 = "Usage: ss [ OPTIONS ]"
  condition:
    is_elf and (any of ($a*) and ($v1 or true))
}

rule iproute2_lone_version {
  meta:
    component = "iproute2"
    cpe = "iproute2_project:iproute2"
    purl = "pkg:generic/iproute2"
    files = "ip,tc,bridge,ss"
    scope = "own-files"
    // the version each tool prints with -V, a string of its own since the
    // tools stopped printing an "iproute2-ss" snapshot name
    lone_version = "5.*.* || 6.*.*"
    verified = "iproute2 6.1.0-3 arm64, armhf, mipsel (ip, ss, bridge)"
  strings:
    $a1 = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }"
    $a2 = "Usage: tc [ OPTIONS ] OBJECT { COMMAND | help }"
    $a3 = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }"
    $a4 = "Usage: ss [ OPTIONS ]"
  condition:
    is_elf and (any of them)
}

rule libmnl_lib {
  meta:
    component = "libmnl"
    cpe = "netfilter:libmnl"
    purl = "pkg:generic/libmnl"
    files = "libmnl.so"
    scope = "own-files"
    verified = "libmnl0 1.0.4-3 armhf"
  strings:
    $c1 = "mnl_socket_open"
    $c2 = "mnl_attr_parse"
  condition:
    is_elf and (all of them)
}

rule libnl_lib {
  meta:
    component = "libnl"
    cpe = "libnl_project:libnl"
    purl = "pkg:generic/libnl"
    files = "libnl-3.so,libnl-genl-3.so,libnl-route-3.so,libnl-nf-3.so,libnl-"
    scope = "own-files"
    verified = "libnl-3-200 3.7.0-0.2+b1 mipsel, armhf"
  strings:
    $c1 = "nl_socket_alloc"
    $c2 = "libnl_"
    $c3 = "nl_cache_mngt_register"
    $c4 = "genl_connect"
    $c5 = "rtnl_link_alloc"
  condition:
    is_elf and (2 of them)
}

rule libnl_version {
  meta:
    component = "libnl"
    cpe = "libnl_project:libnl"
    purl = "pkg:generic/libnl"
    files = "libnl-3.so"
    scope = "own-files"
    // the core library exports its version as three const ints
    version_symbols = "nl_ver_maj.nl_ver_min.nl_ver_mic"
    verified = "libnl-3-200 3.7.0-0.2+b1 arm64, armhf, mipsel"
  strings:
    $c1 = "nl_ver_maj"
    $c2 = "nl_ver_mic"
    $c3 = "nl_socket_alloc"
  condition:
    is_elf and (all of them)
}

rule iw_lone_version {
  meta:
    component = "iw"
    cpe = "kernel:iw"
    purl = "pkg:generic/iw"
    files = "iw"
    scope = "own-files"
    // iw_version, a string of its own whose neighbours differ per architecture
    lone_version = "5.* || 6.*"
    verified = "iw 5.19-1 arm64, armhf, mipsel"
  strings:
    $a1 = "iw version %s"
    $a2 = "nl80211 not found."
  condition:
    is_elf and (all of them)
}

rule ethtool_version {
  meta:
    component = "ethtool"
    cpe = "kernel:ethtool"
    purl = "pkg:generic/ethtool"
    version = "ethtool version {v}"
    verified = "ethtool 1:6.1-1 armhf"
  strings:
    // show_version(): "ethtool version " PACKAGE_VERSION "\n"
    $v1 = /ethtool version [0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?\n/
    $a1 = "ethtool: bad command line argument(s)"
    $a2 = "For more information run ethtool -h"
    $a3 = "Cannot get driver information"
  condition:
    is_elf and (2 of ($a*) or ($v1 and any of ($a*))) and ($v1 or true)
}

rule iw_tool {
  meta:
    component = "iw"
    cpe = "kernel:iw"
    purl = "pkg:generic/iw"
    verified = "iw 5.19-1 mipsel, armhf (no version string next to the banner)"
  strings:
    $a1 = "iw version %s"
    $a2 = "Usage:\t%s [options] command"
    $a3 = "nl80211 not found."
  condition:
    is_elf and (2 of them)
}

rule wireless_tools {
  meta:
    component = "wireless-tools"
    cpe = "wireless_tools_project:wireless_tools"
    purl = "pkg:generic/wireless-tools"
    files = "libiw.so,iwconfig,iwlist,iwpriv"
  strings:
    $a1 = "Wireless-Tools version"
    $a2 = "iw_get_kernel_we_version"
  condition:
    is_elf and (any of them)
}

rule libpcap_version {
  meta:
    component = "libpcap"
    cpe = "tcpdump:libpcap"
    purl = "pkg:generic/libpcap"
    version = "libpcap version {v}"
    files = "libpcap.so,libpcap.a"
  strings:
    // pcap_lib_version(): "libpcap version " PACKAGE_VERSION
    $v1 = /libpcap version [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "pcap_open_live"
    $a2 = "can't mmap rx ring"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule tcpdump_version {
  meta:
    component = "tcpdump"
    cpe = "tcpdump:tcpdump"
    purl = "pkg:generic/tcpdump"
    version = "tcpdump version {v} || %s version {v}"
    verified = "tcpdump 4.99.3-1 arm64"
  strings:
    $v1 = /tcpdump version [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    // print_version(): "%s version " PACKAGE_VERSION "\n", the program name left to printf
    $v2 = /%s version [0-9]\.[0-9]{1,2}\.[0-9]{1,2}\n/
    $a1 = "tcpdump: "
    $a2 = "-Z user"
  condition:
    is_elf and (any of ($a*) and (any of ($v*) or all of ($a*)))
}
