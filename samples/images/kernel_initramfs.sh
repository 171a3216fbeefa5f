# kernel-initramfs: a kernel carrying its own root file system.
#
#   image.elf           the real mipsel kernel ELF with a gzip'd newc cpio
#                       added as section .init.ramfs, as CONFIG_INITRAMFS_SOURCE
#                       builds do
#   initramfs-odc.cpio  the same tree as a plain "old portable" (odc) cpio

# A rescue tree for architecture $1 in $2: static BusyBox (no libraries
# needed), its applets, /init. Sources go to the list initramfs-$1.
make_initramfs_tree() {
  local arch=$1 root=$2 debs="$SAMPLES_WORK/initramfs-deb-$1"
  SOURCES="$SAMPLES_WORK/src/initramfs-$arch.list"
  unpack_debs "$arch" "$debs" busybox-static
  mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,root,usr/bin,usr/sbin}
  cp -a "$debs/bin/busybox" "$root/bin/busybox"
  apply_overlay initramfs "$root"
  chmod 0755 "$root/init"
  busybox_links "$root"
  finish_tree "$root"
}

# Writes a cpio archive ($3: newc or odc) of tree $1 to $2: sorted names
# without "./", root-owned, inode and device numbers renumbered.
make_cpio() {
  local root=$1 out=$2 format=$3
  (cd "$root" && find . -mindepth 1 -printf '%P\n' | sort \
    | cpio -o -H "$format" -R 0:0 --reproducible --quiet) >"$out" \
    || die "cpio failed for $(basename "$out")"
}

build_kernel_initramfs() {
  local out=$1 work="$SAMPLES_WORK/kernel-initramfs"
  local tree="$work/tree"
  mkdir -p "$work"
  make_initramfs_tree mipsel "$tree"
  make_cpio "$tree" "$work/initramfs.cpio" newc
  gzip -n -9 -c "$work/initramfs.cpio" >"$work/initramfs.cpio.gz"
  mipsel-linux-gnu-objcopy --add-section .init.ramfs="$work/initramfs.cpio.gz" \
    --set-section-flags .init.ramfs=contents,readonly "$MIPS_VMLINUZ" "$out/image.elf"
  make_cpio "$tree" "$out/initramfs-odc.cpio" odc

  {
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" blob elf image.elf/.init.ramfs "$work/initramfs.cpio.gz"
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree 'elf:.init.ramfs>gzip>cpio' image.elf "$tree"
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree cpio initramfs-odc.cpio "$tree"
  } >"$work/rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$work/rows" "$out/manifest.tsv"
  image_sources "$out" mipsel-kernel initramfs-mipsel

  mipsel-linux-gnu-objcopy --dump-section .init.ramfs="$work/section.bin" "$out/image.elf" "$work/elf.tmp"
  cmp -s "$work/section.bin" "$work/initramfs.cpio.gz" || die "image.elf has no intact .init.ramfs section"
  gzip -dc "$work/section.bin" >"$work/section.cpio"
  verify_cpio "$work/section.cpio" "$tree" newc
  verify_cpio "$out/initramfs-odc.cpio" "$tree" odc
  verify_binwalk "$out/image.elf" 'ELF, 32-bit LSB' 'gzip compressed data'
}
