// Kernels and boot loaders: their banners identify them even as bare images
// that no file system holds.

rule linux_kernel_banner {
  meta:
    component = "linux"
    cpe = "linux:linux_kernel"
    purl = "pkg:generic/linux"
    // Distribution kernels name an ABI ("6.1.0-50-armmp") and give the real
    // upstream release after "Debian"/"Ubuntu"; take that one first.
    version = "SMP Debian {v}- || SMP PREEMPT Debian {v}- || Linux version {v}"
    verified = "linux-image-6.1.0-50-armmp, -4kc-malta 6.1.176-1"
  strings:
    // linux_banner: "Linux version %s (%s@%s) (%s) %s\n", filled at build time
    $v1 = /Linux version [2-9]\.[0-9]{1,2}(\.[0-9]{1,3})?[^\x00 ]{0,64} \([^\x00]{1,128}\) (\([^\x00]{1,192}\) )?#[0-9]+/
  condition:
    $v1
}

rule u_boot_banner {
  meta:
    component = "u-boot"
    cpe = "denx:u-boot"
    purl = "pkg:generic/u-boot"
    version = "U-Boot SPL {v} || U-Boot {v}"
    verified = "u-boot-omap 2023.01+dfsg-2+deb12u3 armhf (u-boot.img, MLO)"
  strings:
    // version_string: "U-Boot 2023.01 (Jan 09 2023 - 12:00:00 +0000)"; SPL: "U-Boot SPL 2023.01 (…)"
    $v1 = /U-Boot( SPL| TPL)? 20[0-9]{2}\.[0-9]{2}[^\x00]{0,48} \([A-Z][a-z]{2} [ 0-9][0-9] [0-9]{4} - [0-9]{2}:[0-9]{2}:[0-9]{2}/
    $v2 = /U-Boot 1\.[0-9]\.[0-9]{1,2}[^\x00]{0,48} \([A-Z][a-z]{2} [ 0-9][0-9] [0-9]{4} - /
  condition:
    any of them
}

rule barebox_banner {
  meta:
    component = "barebox"
    cpe = "pengutronix:barebox"
    purl = "pkg:generic/barebox"
    version = "barebox {v}"
  strings:
    // version_string: "barebox 2023.01.0-00001-g… #1 Mon Jan 9 …"
    $v1 = /barebox 20[0-9]{2}\.[0-9]{2}\.[0-9]{1,2}[^\x00]{0,64} #[0-9]+/
  condition:
    $v1
}

rule grub_version {
  meta:
    component = "grub"
    cpe = "gnu:grub2"
    purl = "pkg:generic/grub"
    version = "GRUB  version {v} || GNU GRUB  version {v} || GRUB version {v}"
  strings:
    $v1 = /GNU GRUB  version %s\x00/
    $v2 = /GRUB version [0-9]\.[0-9]{2}/
    $a1 = "grub_mod_init"
    $a2 = "GRUB_MOD"
    $a3 = "grub-core/kern/"
    $a4 = "Welcome to GRUB!"
  condition:
    any of ($v*) or 2 of ($a*)
}
