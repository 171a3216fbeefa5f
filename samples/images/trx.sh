# trx: a Broadcom TRX v1 image as CFE-based routers flash it: the LZMA
# kernel in the first partition, the SquashFS root file system in the second,
# on a 64 KiB boundary. The header is written by lib/trx.py.

build_trx() {
  local out=$1 work="$SAMPLES_WORK/trx" kernel_off rootfs_off
  mkdir -p "$work"
  "$PYTHON" "$SAMPLES_DIR/lib/trx.py" --align 0x10000 -o "$out/image.trx" "$MIPS_LZMA" "$ROUTER_SQUASHFS"

  kernel_off=$(le32_at "$out/image.trx" 16)
  rootfs_off=$(le32_at "$out/image.trx" 20)
  write_layout "$out/layout.tsv" \
    "header	0	28	TRX v1 header" \
    "kernel	$kernel_off	$(stat -c %s "$MIPS_LZMA")	lzma of $MIPS_KVER" \
    "rootfs	$rootfs_off	$(stat -c %s "$ROUTER_SQUASHFS")	squashfs (xz)"

  {
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" blob trx:kernel image.trx/trx/kernel "$MIPS_RAW"
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree 'trx:rootfs>squashfs' image.trx "$ROUTER_ROOT"
  } >"$work/rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$work/rows" "$out/manifest.tsv"
  image_sources "$out" mipsel-kernel router-rootfs

  verify_trx "$out/image.trx"
  cut_bytes "$out/image.trx" "$kernel_off" "$(stat -c %s "$MIPS_LZMA")" "$work/kernel.lzma"
  lzma -dc "$work/kernel.lzma" | cmp -s - "$MIPS_RAW" || die "the TRX kernel does not decompress to the kernel"
  verify_squashfs_at "$out/image.trx" "$rootfs_off" "$ROUTER_ROOT"
  verify_binwalk "$out/image.trx" 'TRX firmware header' 'LZMA compressed data' 'Squashfs filesystem'
}
