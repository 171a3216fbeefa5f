// BusyBox: the multi-call binary of most embedded Linux systems.

rule busybox_banner {
  meta:
    component = "busybox"
    cpe = "busybox:busybox"
    purl = "pkg:generic/busybox"
    version = "BusyBox v{v}"
    verified = "busybox 1:1.35.0-4+deb12u1 mipsel, armhf"
  strings:
    // bb_banner: "BusyBox v" BB_VER " (" BB_BT ")"
    $v1 = /BusyBox v[0-9]+\.[0-9]+\.[0-9]+[^\x00]{0,64}\(/
    $a1 = "BusyBox is copyrighted by many authors"
    $a2 = "applet not found"
    $a3 = "multi-call binary"
  condition:
    is_elf and ($v1 and any of ($a*))
}
