// C libraries and compiler runtime libraries.

rule glibc_banner {
  meta:
    component = "glibc"
    cpe = "gnu:glibc"
    purl = "pkg:generic/glibc"
    version = "release version {v}"
    files = "libc.so,libc-2.,ld-linux,ld.so,ld-2.,libc.a"
    verified = "libc6 2.36-9+deb12u14 mipsel, armhf"
  strings:
    // version.c banner: "GNU C Library (Debian GLIBC 2.36-9) stable release version 2.36."
    $v1 = /GNU C Library [^\x00]{0,64}release version [0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
  condition:
    is_elf and ($v1)
}

rule uclibc_ng_lib {
  meta:
    component = "uclibc-ng"
    cpe = "uclibc-ng_project:uclibc-ng"
    purl = "pkg:generic/uclibc-ng"
    version = "uClibc-ng {v} || uClibc {v}"
    files = "libc.so,libuClibc-,ld-uClibc"
  strings:
    $v1 = /uClibc(-ng)? [0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "ld-uClibc.so"
    $a2 = "libuClibc-"
    $a3 = "__uClibc_main"
  condition:
    is_elf and ($v1 or 2 of ($a*))
}

rule musl_lib {
  meta:
    component = "musl"
    cpe = "musl-libc:musl"
    purl = "pkg:generic/musl"
    version = "{0}{v}{0}"
    files = "libc.musl,ld-musl-,libc.so"
    verified = "musl 1.2.3-1 mipsel"
  strings:
    // libc_version, stored before the dynamic linker's first message
    $v1 = /\x00[0-9]\.[0-9]\.[0-9]{1,2}\x00{1,8}Dynamic linker failed/
    // ldso/dynlink.c usage text
    $a1 = "musl libc ("
    $a2 = "Dynamic Program Loader"
    $a3 = "/etc/ld-musl-"
  condition:
    is_elf and (2 of ($a*) and ($v1 or true))
}

rule libstdcxx_lib {
  meta:
    component = "libstdc++"
    cpe = "gnu:gcc"
    purl = "pkg:generic/libstdc++"
    files = "libstdc++.so"
    scope = "own-files"
  strings:
    $c1 = "GLIBCXX_3.4"
    $c2 = "basic_string::_M_construct null not valid"
  condition:
    is_elf and (all of them)
}

rule libgcc_lib {
  meta:
    component = "libgcc"
    cpe = "gnu:gcc"
    purl = "pkg:generic/libgcc"
    files = "libgcc_s.so"
    scope = "own-files"
    verified = "libgcc-s1 12.2.0-14+deb12u1 mipsel, armhf"
  strings:
    $c1 = "GCC_3.0"
    $c2 = "_Unwind_"
  condition:
    is_elf and (all of them)
}
