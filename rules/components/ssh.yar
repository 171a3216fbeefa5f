// SSH servers, clients and libraries.

rule dropbear_ident {
  meta:
    component = "dropbear"
    cpe = "dropbear_ssh_project:dropbear_ssh"
    purl = "pkg:generic/dropbear"
    version = "dropbear_{v}"
    verified = "dropbear-bin 2022.83-1+deb12u3 mipsel, armhf"
  strings:
    // LOCAL_IDENT "SSH-2.0-dropbear_" DROPBEAR_VERSION
    $v1 = /SSH-2\.0-dropbear_[0-9]{4}\.[0-9]{2}/
    $a1 = "Dropbear server v%s"
    $a2 = "Dropbear v%s"
    $a3 = "Dropbear SSH client v%s"
    $a4 = "Dropbear multi-purpose"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule openssh_version {
  meta:
    component = "openssh"
    cpe = "openbsd:openssh"
    purl = "pkg:generic/openssh"
    version = "OpenSSH_{v}"
    verified = "openssh-server, openssh-client 1:9.2p1-2+deb12u3 armhf"
  strings:
    // SSH_VERSION "OpenSSH_9.2" SSH_PORTABLE "p1", then a space or the end of
    // the string; compat.c's patterns ("OpenSSH_2.*") end otherwise.
    $v1 = /OpenSSH_[0-9]{1,2}\.[0-9]{1,2}p[0-9]{1,2}( |\x00)/
    $a1 = "OpenSSH_%s"
    $a2 = "no hostkey alg"
    $a3 = "ssh_exchange_identification"
    $a4 = "kex_exchange_identification"
  condition:
    is_elf and (any of ($v*) and any of ($a*))
}

rule libssh_version {
  meta:
    component = "libssh"
    cpe = "libssh:libssh"
    purl = "pkg:generic/libssh"
    version = "libssh {v} || SSH-2.0-libssh_{v}"
    files = "libssh.so,libssh_threads.so"
    scope = "own-files"
  strings:
    $v1 = /libssh [0-9]+\.[0-9]+\.[0-9]+/
    // the client and server banner
    $v2 = /SSH-2\.0-libssh_[0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "ssh_channel_open_session"
  condition:
    is_elf and ($a1 and any of ($v*))
}

rule libssh2_banner {
  meta:
    component = "libssh2"
    cpe = "libssh2:libssh2"
    purl = "pkg:generic/libssh2"
    version = "SSH-2.0-libssh2_{v}"
    files = "libssh2.so"
  strings:
    // LIBSSH2_SSH_DEFAULT_BANNER "SSH-2.0-libssh2_" LIBSSH2_VERSION
    $v1 = /SSH-2\.0-libssh2_[0-9]+\.[0-9]+\.[0-9]+/
  condition:
    is_elf and ($v1)
}
