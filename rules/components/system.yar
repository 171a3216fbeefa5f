// System services, utilities and general-purpose libraries.

rule systemd_version {
  meta:
    component = "systemd"
    cpe = "systemd_project:systemd"
    purl = "pkg:generic/systemd"
    version = "systemd {v} || systemd-{v}"
    files = "libsystemd,systemd,libsystemd-shared,libudev,udevadm,journalctl,systemctl"
  strings:
    $v1 = /systemd [0-9]{3}(\.[0-9]{1,2})? \(/
    $a1 = "SYSTEMD_"
    $a2 = "/run/systemd/"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule dbus_lib {
  meta:
    component = "dbus"
    cpe = "freedesktop:dbus"
    purl = "pkg:generic/dbus"
    version = "D-Bus {v} || D-Bus Message Bus Daemon {v}"
    files = "libdbus-1.so,dbus-"
  strings:
    $v1 = /D-Bus (Message Bus Daemon )?1\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "org.freedesktop.DBus"
    $a2 = "DBUS_SESSION_BUS_ADDRESS"
    $a3 = "dbus_connection_"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule util_linux_version {
  meta:
    component = "util-linux"
    cpe = "kernel:util-linux"
    purl = "pkg:generic/util-linux"
    version = "util-linux {v}"
  strings:
    $v1 = /util-linux [0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
    $a2 = "util-linux"
  condition:
    is_elf and ($v1 and $a2)
}

rule e2fsprogs_version {
  meta:
    component = "e2fsprogs"
    cpe = "e2fsprogs_project:e2fsprogs"
    purl = "pkg:generic/e2fsprogs"
    version = "E2fsprogs {v} || e2fsprogs {v} || {0}{v}{0}"
    files = "libext2fs.so,libe2p.so,libcom_err.so,libss.so,e2fsck,mke2fs,tune2fs,resize2fs,debugfs,dumpe2fs,e2image,e2label,chattr,lsattr,filefrag,e4defrag,e4crypt,mklost+found,badblocks,logsave"
    verified = "e2fsprogs 1.47.0-2+b2 mipsel"
  strings:
    $v1 = /[Ee]2fsprogs [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    // E2FSPROGS_VERSION, stored right before the "<program> %s (%s)" version line
    $v2 = /\x00[0-9]\.[0-9]{2}(\.[0-9]{1,2})?\x00{1,8}(mke2fs|e2fsck|tune2fs|e2image|resize2fs|dumpe2fs|debugfs|chattr|lsattr|filefrag|e4defrag|mklost\+found) %s \(%s\)\n/
    $a1 = "ext2fs_open2"
    $a2 = "e2fsprogs"
  condition:
    is_elf and (any of ($a*) and (any of ($v*) or all of ($a*)))
}

rule bluez_lib {
  meta:
    component = "bluez"
    cpe = "bluez:bluez"
    purl = "pkg:generic/bluez"
    version = "Bluetooth daemon {v} || bluetoothd {v} || BlueZ {v} || {0}{v}{0}"
    files = "libbluetooth.so,bluetoothd,bluetoothctl,btmon,hciconfig,hcitool"
  strings:
    $v1 = /(Bluetooth daemon|BlueZ) [0-9]\.[0-9]{1,2}\x00/
    // VERSION, stored right before the format bluetoothd logs it with
    $v2 = /\x00[0-9]\.[0-9]{2}\x00{1,8}BlueZ %s\x00/
    $a1 = "org.bluez"
    $a2 = "hci_open_dev"
    $a3 = "bluetoothd"
  condition:
    is_elf and (2 of ($a*) and (any of ($v*) or true))
}

rule libusb_lib {
  meta:
    component = "libusb"
    cpe = "libusb:libusb"
    purl = "pkg:generic/libusb"
    files = "libusb-1.0.so,libusb-0.1.so,libusb.so"
    role = "code"
  strings:
    $c1 = "libusb: "
    $c2 = "libusb_init"
    $c3 = "libusb_get_device_list"
  condition:
    is_elf and (all of them)
}

rule kmod_version {
  meta:
    component = "kmod"
    cpe = "kmod_project:kmod"
    purl = "pkg:generic/kmod"
    // kmod numbers its releases without a dot ("kmod version 30")
    version = "kmod version {v}{0} || kmod version {n}{0}"
    files = "libkmod.so,kmod,modprobe,insmod,lsmod,rmmod,depmod,modinfo"
    verified = "kmod 30+20221128-1 arm64, armhf, mipsel"
  strings:
    $v1 = /kmod version [0-9]{2,3}(\.[0-9]{1,2})?\x00/
    $a1 = "kmod_module_new_from_"
    $a2 = "kmod_"
  condition:
    is_elf and (any of ($a*) and ($v1 or all of ($a*)))
}

rule coreutils_version {
  meta:
    component = "coreutils"
    cpe = "gnu:coreutils"
    purl = "pkg:generic/coreutils"
    version = "(GNU coreutils) {v} || {0}{v}{0}"
    verified = "coreutils 9.1-1 arm64"
  strings:
    $v1 = /\(GNU coreutils\) [0-9]\.[0-9]{1,2}/
    // the Version constant (gnulib), stored before close_stdout()'s message
    $v2 = /\x00[0-9]{1,2}\.[0-9]{1,2}\x00{1,8}write error\x00/
    $a1 = "GNU coreutils"
    $a2 = "Report any translation bugs to"
  condition:
    is_elf and ($a1 and ($v1 or $a2) and ($v2 or true))
}

rule sudo_version {
  meta:
    component = "sudo"
    cpe = "sudo_project:sudo"
    purl = "pkg:generic/sudo"
    version = "Sudo version {v} || sudo {v} || {0}{v}{0}"
    verified = "sudo 1.9.13p3-1+deb12u4 arm64"
  strings:
    $v1 = /[Ss]udo version [0-9]\.[0-9]\.[0-9]{1,2}(p[0-9]{1,2})?/
    // PACKAGE_VERSION, stored right after the format that prints it
    $v2 = /Sudo version %s\n\x00{1,16}[0-9]\.[0-9]\.[0-9]{1,2}(p[0-9]{1,2})?\x00/
    $a1 = "sudoers"
    $a2 = "Sudo version %s"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or true))
}

rule libcap_version {
  meta:
    component = "libcap"
    cpe = "libcap_project:libcap"
    purl = "pkg:generic/libcap"
    version = "version: libcap-{v} || version: libpsx-{v}"
    files = "libcap.so,libpsx.so"
    verified = "libcap2 1:2.66-4+deb12u3+b1 arm64"
  strings:
    // what the library prints when run as a program
    $v1 = /is the shared library version: lib(cap|psx)-[0-9]\.[0-9]{1,3}\./
  condition:
    is_elf and $v1
}

rule libcap_lib {
  meta:
    component = "libcap"
    cpe = "libcap_project:libcap"
    purl = "pkg:generic/libcap"
    files = "libcap.so"
    scope = "own-files"
  strings:
    $c1 = "cap_get_proc"
    $c2 = "cap_to_text"
  condition:
    is_elf and (all of them)
}

rule libselinux_lib {
  meta:
    component = "libselinux"
    cpe = "selinuxproject:libselinux"
    purl = "pkg:generic/libselinux"
    files = "libselinux.so"
    scope = "own-files"
  strings:
    $c1 = "is_selinux_enabled"
    $c2 = "selinux_mnt"
  condition:
    is_elf and (all of them)
}

rule ncurses_lib {
  meta:
    component = "ncurses"
    cpe = "gnu:ncurses"
    purl = "pkg:generic/ncurses"
    version = "ncurses {v}"
    files = "libncurses,libtinfo,libncursesw,libmenu,libpanel,libform"
  strings:
    // curses_version(): "ncurses " NCURSES_VERSION_STRING
    $v1 = /ncurses [0-9]\.[0-9]\.20[0-9]{6}/
    $a1 = "TERMINFO"
  condition:
    is_elf and (all of them)
}

rule readline_lib {
  meta:
    component = "readline"
    cpe = "gnu:readline"
    purl = "pkg:generic/readline"
    files = "libreadline.so"
    scope = "own-files"
  strings:
    $c1 = "rl_readline_version"
    $c2 = "rl_library_version"
  condition:
    is_elf and (all of them)
}

rule libffi_lib {
  meta:
    component = "libffi"
    cpe = "libffi_project:libffi"
    purl = "pkg:generic/libffi"
    files = "libffi.so"
    scope = "own-files"
  strings:
    $c1 = "ffi_prep_cif"
    $c2 = "ffi_call"
  condition:
    is_elf and (all of them)
}

rule libxcrypt_lib {
  meta:
    component = "libxcrypt"
    cpe = "libxcrypt_project:libxcrypt"
    purl = "pkg:generic/libxcrypt"
    files = "libcrypt.so"
    scope = "own-files"
    verified = "libcrypt1 1:4.4.33-2 mipsel, armhf"
  strings:
    $c1 = "XCRYPT_2.0"
    $c2 = "crypt_gensalt"
  condition:
    is_elf and (all of them)
}

rule dbus_private_abi {
  meta:
    component = "dbus"
    cpe = "freedesktop:dbus"
    purl = "pkg:generic/dbus"
    version = "LIBDBUS_PRIVATE_{v}"
    files = "libdbus-1.so,dbus-daemon,dbus-"
    scope = "own-files"
    verified = "dbus 1.14.10-1~deb12u1 mipsel"
  strings:
    // the symbol version of libdbus's private interface, named after the release;
    // only the library and the daemon built with it use it
    $v1 = /LIBDBUS_PRIVATE_1\.[0-9]{1,2}\.[0-9]{1,2}\x00/
  condition:
    is_elf and $v1
}

rule libevent_version {
  meta:
    component = "libevent"
    cpe = "libevent_project:libevent"
    purl = "pkg:generic/libevent"
    version = "{0}{v}-"
    files = "libevent"
    verified = "libevent-2.1-7 2.1.12-stable-8 mipsel"
  strings:
    // EVENT__VERSION ("2.1.12-stable"), stored before the event flag names of
    // the debug dump; the release tag after the dash is not part of the version
    $v1 = /\x002\.[0-9]\.[0-9]{1,2}-(stable|beta|alpha|rc)\x00{1,8}EV_READ \x00/
  condition:
    is_elf and $v1
}

rule libevent_lib {
  meta:
    component = "libevent"
    cpe = "libevent_project:libevent"
    purl = "pkg:generic/libevent"
    files = "libevent"
    role = "code"
  strings:
    $c1 = "event_base_loop"
    $c2 = "EVENT_NOEPOLL"
  condition:
    is_elf and (all of them)
}

rule libuv_lib {
  meta:
    component = "libuv"
    cpe = "libuv:libuv"
    purl = "pkg:generic/libuv"
    files = "libuv.so"
    scope = "own-files"
    // UV_VERSION's string, which uv_version_string() returns
    lone_version = "1.*.*"
    verified = "libuv1 1.44.2-1+deb12u1 arm64, armhf, mipsel"
  strings:
    $c1 = "uv_loop_init"
    $c2 = "uv_version_string"
  condition:
    is_elf and (all of them)
}

rule libidn2_lib {
  meta:
    component = "libidn2"
    cpe = "gnu:libidn2"
    purl = "pkg:generic/libidn2"
    files = "libidn2.so"
    scope = "own-files"
    // IDN2_VERSION, which idn2_check_version() compares with
    lone_version = "2.*.*"
    verified = "libidn2-0 2.3.3-1+b1 arm64, armhf, mipsel"
  strings:
    $c1 = "idn2_lookup_u8"
    $c2 = "idn2_check_version"
  condition:
    is_elf and (all of them)
}

rule libtasn1_lib {
  meta:
    component = "libtasn1"
    cpe = "gnu:libtasn1"
    purl = "pkg:generic/libtasn1"
    files = "libtasn1.so"
    scope = "own-files"
    // ASN1_VERSION, which asn1_check_version() compares with
    lone_version = "4.*.*"
    verified = "libtasn1-6 4.19.0-2+deb12u1 arm64, armhf, mipsel"
  strings:
    $c1 = "asn1_der_decoding"
    $c2 = "asn1_check_version"
  condition:
    is_elf and (all of them)
}

rule p11_kit_lib {
  meta:
    component = "p11-kit"
    cpe = "p11-kit_project:p11-kit"
    purl = "pkg:generic/p11-kit"
    files = "libp11-kit.so,p11-kit"
    scope = "own-files"
  strings:
    $c1 = "p11_kit_modules_load"
    $c2 = "P11_KIT_"
  condition:
    is_elf and (all of them)
}

rule krb5_lib {
  meta:
    component = "krb5"
    cpe = "mit:kerberos_5"
    purl = "pkg:generic/krb5"
    files = "libkrb5.so,libkrb5support.so,libgssapi_krb5.so,libk5crypto.so"
    scope = "own-files"
  strings:
    $c1 = "krb5_init_context"
    $c2 = "KRB5_CONFIG"
  condition:
    is_elf and (all of them)
}

rule krb5_version {
  meta:
    component = "krb5"
    cpe = "mit:kerberos_5"
    purl = "pkg:generic/krb5"
    version = "KRB5_BRAND: krb5-{v}-"
    files = "libkrb5.so,libkrb5support.so,libgssapi_krb5.so,libk5crypto.so"
    verified = "libkrb5-3 1.20.1-2+deb12u5 arm64"
  strings:
    $v1 = /KRB5_BRAND: krb5-[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?-/
  condition:
    is_elf and $v1
}

rule cyrus_sasl_version {
  meta:
    component = "cyrus-sasl"
    cpe = "cyrusimap:cyrus-sasl"
    purl = "pkg:generic/cyrus-sasl"
    version = "{0}{v}{0}"
    files = "libsasl2.so"
    verified = "libsasl2-2 2.1.28+dfsg-10 arm64"
  strings:
    // the implementation name and version sasl_version_info() returns
    $v1 = /Cyrus SASL\x00{1,8}2\.[0-9]{1,2}\.[0-9]{1,2}\x00/
  condition:
    is_elf and $v1
}

rule cyrus_sasl_lib {
  meta:
    component = "cyrus-sasl"
    cpe = "cyrusimap:cyrus-sasl"
    purl = "pkg:generic/cyrus-sasl"
    files = "libsasl2.so"
    scope = "own-files"
  strings:
    $c1 = "sasl_client_init"
    $c2 = "sasl_server_init"
  condition:
    is_elf and (all of them)
}

rule gnupg_version {
  meta:
    component = "gnupg"
    cpe = "gnupg:gnupg"
    purl = "pkg:generic/gnupg"
    version = "(GnuPG) {v}"
  strings:
    $v1 = /\(GnuPG\) [0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "GNUPGHOME"
  condition:
    is_elf and (all of them)
}

rule tzdata_zoneinfo {
  meta:
    component = "tzdata"
    cpe = "iana:tzdata"
    purl = "pkg:generic/tzdata"
    files = "tzdata.zi"
    scope = "own-files"
  strings:
    // tzdata.zi starts with "# version 2024a"
    $v1 = /# version 20[0-9]{2}[a-z]\n/
  condition:
    $v1 at 0
}
