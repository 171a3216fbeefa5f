# mips-sysupgrade: an OpenWrt-style sysupgrade image for a mipsel router.
#
#   0x0       legacy U-Boot image (uImage) of the LZMA-compressed kernel,
#             padded with 0xff to the 64 KiB erase block
#   aligned   SquashFS 4 root file system (xz, 256 KiB blocks), padded to
#             64 KiB, then the 0xdeadc0de marker where the JFFS2 overlay
#             (rootfs_data) starts on first boot

ERASE_BLOCK=$((64 * 1024))

# Writes the uImage of the mipsel kernel to $1.
make_mips_uimage() {
  mkimage -A mips -O linux -T kernel -C lzma -a "$MIPS_LOAD" -e "$MIPS_ENTRY" \
    -n "MIPS Linux-$MIPS_KVER" -d "$MIPS_LZMA" "$1" >/dev/null
}

build_mips_sysupgrade() {
  local out=$1 work="$SAMPLES_WORK/mips-sysupgrade"
  mkdir -p "$work"
  make_mips_uimage "$work/kernel.part"
  pad_to_multiple "$work/kernel.part" "$ERASE_BLOCK"
  cp "$ROUTER_SQUASHFS" "$work/rootfs.part"
  pad_to_multiple "$work/rootfs.part" "$ERASE_BLOCK"
  printf '\xde\xad\xc0\xde' >>"$work/rootfs.part"
  cat "$work/kernel.part" "$work/rootfs.part" >"$out/image.bin"

  local ksize rsize
  ksize=$(stat -c %s "$work/kernel.part")
  rsize=$(stat -c %s "$ROUTER_SQUASHFS")
  write_layout "$out/layout.tsv" \
    "kernel	0	$ksize	uImage (lzma) of $MIPS_KVER" \
    "rootfs	$ksize	$rsize	squashfs (xz)" \
    "rootfs_data	$((ksize + $(stat -c %s "$work/rootfs.part") - 4))	4	0xdeadc0de marker"

  {
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" blob uimage:kernel image.bin/uimage/kernel "$MIPS_RAW"
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree squashfs image.bin "$ROUTER_ROOT"
  } >"$work/rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$work/rows" "$out/manifest.tsv"
  image_sources "$out" mipsel-kernel router-rootfs

  verify_uimage "$out/image.bin" 0 'MIPS Linux Kernel Image (lzma compressed)'
  verify_squashfs_at "$out/image.bin" "$ksize" "$ROUTER_ROOT"
  verify_binwalk "$out/image.bin" 'uImage header' 'LZMA compressed data' 'Squashfs filesystem, little endian, version 4.0, compression:xz'
}
