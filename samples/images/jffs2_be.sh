# jffs2-be: a big-endian JFFS2, as on big-endian MIPS routers: OpenWrt's
# rootfs_data overlay after the owner changed settings and installed a
# program (upper/ holds what differs from the read-only SquashFS).
# 64 KiB erase blocks (NOR flash), padded to the last erase block.

build_jffs2_be() {
  local out=$1 work="$SAMPLES_WORK/jffs2-be"
  local tree="$work/tree"
  mkdir -p "$tree/upper/usr/sbin" "$tree/work"
  apply_overlay rootfs_data "$tree"
  cp -a "$ROUTER_ROOT/sbin/iw" "$tree/upper/usr/sbin/iw"
  chmod 0600 "$tree/upper/etc/shadow"
  ln -s 2 "$tree/.fs_state"   # fstools' "overlay ready" state
  fix_times "$tree"
  mkfs.jffs2 -b -e 64KiB -p -r "$tree" -o "$out/image.bin"

  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree jffs2 image.bin "$tree" >"$work/rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$work/rows" "$out/manifest.tsv"
  source_subset jffs2-be router-rootfs iw
  image_sources "$out" jffs2-be

  verify_jffs2 "$out/image.bin" -b zlib
  verify_binwalk "$out/image.bin" 'JFFS2 filesystem, big endian'
}
