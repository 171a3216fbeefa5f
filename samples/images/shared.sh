# Parts several images share, prepared once per build in $SAMPLES_WORK:
# the mipsel kernel, the armhf kernel and boot loader, the router rootfs.

# Concatenates the source lists $2... into the image directory $1's sources.tsv.
image_sources() {
  local dir=$1 list
  shift
  : >"$SAMPLES_WORK/src/.merge"
  for list in "$@"; do
    cat "$SAMPLES_WORK/src/$list.list" >>"$SAMPLES_WORK/src/.merge"
  done
  write_sources "$SAMPLES_WORK/src/.merge" "$dir/sources.tsv"
}

# Writes source list $1 with the lines of list $2 for packages $3... only.
source_subset() {
  local to=$1 from=$2 pkg
  shift 2
  : >"$SAMPLES_WORK/src/$to.list"
  for pkg in "$@"; do
    grep "^$pkg	" "$SAMPLES_WORK/src/$from.list" >>"$SAMPLES_WORK/src/$to.list" \
      || die "package $pkg is not in $from"
  done
}

# Debian's Malta kernel is a self-decompressing ELF (vmlinuz). Routers boot the
# raw kernel, LZMA-compressed, from a U-Boot image, so take the raw kernel out:
#   MIPS_VMLINUZ  the ELF as shipped
#   MIPS_RAW      the raw kernel (objcopy -O binary of vmlinux), loaded at MIPS_LOAD
#   MIPS_LZMA     MIPS_RAW in LZMA-alone format, with the lc/lp/pb OpenWrt uses for
#                 MIPS; preset 1 (fast mode) takes a quarter of the default's time
prepare_mipsel_kernel() {
  local dir="$SAMPLES_WORK/mipsel-kernel"
  SOURCES="$SAMPLES_WORK/src/mipsel-kernel.list"
  unpack_members mipsel "$MIPSEL_KERNEL" "$dir" './boot/vmlinuz-*'
  MIPS_VMLINUZ=$(echo "$dir"/boot/vmlinuz-*)
  [ -f "$MIPS_VMLINUZ" ] || die "no vmlinuz in $MIPSEL_KERNEL"
  MIPS_KVER=${MIPS_VMLINUZ##*/vmlinuz-}
  # The decompressor keeps the xz-compressed kernel at the start of .data.
  mipsel-linux-gnu-objcopy -O binary --only-section=.data "$MIPS_VMLINUZ" "$dir/data.bin"
  MIPS_RAW="$dir/vmlinux.bin"
  xz -dc --single-stream <"$dir/data.bin" >"$MIPS_RAW" || die "cannot unpack the kernel inside $MIPS_VMLINUZ"
  grep -qa "Linux version $MIPS_KVER" "$MIPS_RAW" || die "unpacked mipsel kernel has no version banner"
  # VMLINUX_LOAD_ADDRESS of Malta (arch/mips/mti-malta/Platform).
  MIPS_LOAD=0x80100000
  MIPS_ENTRY=$("$PYTHON" "$SAMPLES_DIR/lib/mips_zboot.py" "$MIPS_VMLINUZ")
  MIPS_LZMA="$dir/vmlinux.bin.lzma"
  lzma --lzma1=preset=1,lc=1,lp=2,pb=2 -c "$MIPS_RAW" >"$MIPS_LZMA"
}

# The armhf side: a zImage, the BeagleBone Black device tree and its
# U-Boot (MLO is the SPL the ROM loads, u-boot.img the full loader).
prepare_armhf_boot() {
  local dir="$SAMPLES_WORK/armhf-boot"
  SOURCES="$SAMPLES_WORK/src/armhf-kernel.list"
  unpack_members armhf "$ARMHF_KERNEL" "$dir" './boot/vmlinuz-*' './boot/config-*' \
    './usr/lib/linux-image-*/am335x-boneblack.dtb'
  SOURCES="$SAMPLES_WORK/src/armhf-uboot.list"
  unpack_members armhf u-boot-omap "$dir" './usr/lib/u-boot/am335x_boneblack/*'
  ARM_ZIMAGE=$(echo "$dir"/boot/vmlinuz-*)
  ARM_KVER=${ARM_ZIMAGE##*/vmlinuz-}
  ARM_KCONFIG="$dir/boot/config-$ARM_KVER"
  ARM_DTB=$(echo "$dir"/usr/lib/linux-image-*/am335x-boneblack.dtb)
  ARM_MLO="$dir/usr/lib/u-boot/am335x_boneblack/MLO"
  ARM_UBOOT="$dir/usr/lib/u-boot/am335x_boneblack/u-boot.img"
  local f
  for f in "$ARM_ZIMAGE" "$ARM_KCONFIG" "$ARM_DTB" "$ARM_MLO" "$ARM_UBOOT"; do
    [ -f "$f" ] || die "missing $f in the armhf packages"
  done
}

# The router's root file system (mipsel): BusyBox, dropbear, hostapd, iw and
# lighttpd with their libraries, plus OpenWrt-style configuration.
ROUTER_PACKAGES=(
  busybox libc6 libcrypt1 libgcc-s1 zlib1g libtomcrypt1 libtommath1 dropbear-bin
  libssl3 libatomic1 libnl-3-200 libnl-genl-3-200 libnl-route-3-200 hostapd iw
  lighttpd libnettle8 libpcre2-8-0 libxxhash0
)

prepare_router_rootfs() {
  ROUTER_ROOT="$SAMPLES_WORK/router-rootfs"
  SOURCES="$SAMPLES_WORK/src/router-rootfs.list"
  unpack_debs mipsel "$ROUTER_ROOT" "${ROUTER_PACKAGES[@]}"
  prune_rootfs "$ROUTER_ROOT"
  make_skeleton "$ROUTER_ROOT"
  mkdir -p "$ROUTER_ROOT/etc/dropbear" "$ROUTER_ROOT/overlay" "$ROUTER_ROOT/rom"
  apply_overlay router "$ROUTER_ROOT"
  busybox_links "$ROUTER_ROOT"
  # Permission mistakes vendors ship: a setuid BusyBox, a world-writable config.
  chmod 4755 "$ROUTER_ROOT/bin/busybox"
  chmod 0666 "$ROUTER_ROOT/etc/config/network"
  finish_tree "$ROUTER_ROOT"
  # OpenWrt's options: xz, 256 KiB blocks, root-owned, no tail padding (the
  # image builder pads), and /dev/console made by a pseudo-file definition.
  ROUTER_SQUASHFS="$SAMPLES_WORK/router.squashfs"
  env -u SOURCE_DATE_EPOCH mksquashfs "$ROUTER_ROOT" "$ROUTER_SQUASHFS" -comp xz -b 256K -nopad -noappend \
    -all-root -no-xattrs -mkfs-time "$SOURCE_DATE_EPOCH" -all-time "$SOURCE_DATE_EPOCH" \
    -p '/dev/console c 600 0 0 5 1' -quiet -no-progress >/dev/null \
    || die "mksquashfs failed for the router rootfs"
}
