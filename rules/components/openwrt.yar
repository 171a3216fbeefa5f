// OpenWrt's own system daemons and libraries.

rule ubus_lib {
  meta:
    component = "ubus"
    cpe = "openwrt:ubus"
    purl = "pkg:generic/ubus"
    files = "libubus.so,ubus,ubusd"
  strings:
    $a1 = "ubus_connect"
    $a2 = "/var/run/ubus"
    $a3 = "ubus_add_object"
  condition:
    is_elf and ($a2 and any of ($a1, $a3))
}

rule uci_lib {
  meta:
    component = "uci"
    cpe = "openwrt:uci"
    purl = "pkg:generic/uci"
    files = "libuci.so,uci"
    scope = "own-files"
  strings:
    $a1 = "uci_alloc_context"
    $a2 = "/etc/config"
  condition:
    is_elf and (all of them)
}

rule procd_daemon {
  meta:
    component = "procd"
    cpe = "openwrt:procd"
    purl = "pkg:generic/procd"
  strings:
    $a1 = "procd"
    $a2 = "- preinit -"
    $a3 = "/etc/init.d/"
    $a4 = "ubus"
  condition:
    is_elf and (all of them)
}

rule netifd_daemon {
  meta:
    component = "netifd"
    cpe = "openwrt:netifd"
    purl = "pkg:generic/netifd"
  strings:
    $a1 = "netifd"
    $a2 = "network.interface"
    $a3 = "proto_shell"
  condition:
    is_elf and (all of them)
}

rule openwrt_release_banner {
  meta:
    component = "openwrt"
    cpe = "openwrt:openwrt"
    purl = "pkg:generic/openwrt"
    version = "OpenWrt {v}"
  strings:
    // The kernel and /etc/banner name the release: "OpenWrt 23.05.2 r23630-842932a63d"
    $v1 = /OpenWrt [0-9]{2}\.[0-9]{2}\.[0-9]{1,2}( |-rc[0-9])?( r[0-9]{4,6}-[0-9a-f]{8,12})/
  condition:
    $v1
}
