# formats: one small sample per container or stream format, each made by the
# format's own tool from real binaries:
#
#   busybox.{gz,xz,lzma,bz2,zst,lz4,zlib}   the mipsel BusyBox binary, compressed
#   squashfs-<comp>.img                      SquashFS 4 with each compressor
#   squashfs-{gzip,xz}-be.img                the same, rewritten big endian (lib/squashfs_to_be.py)
#   cramfs.img                               CramFS (mkfs.cramfs)
#   jffs2-{lzo,zlib,rtime}.img               JFFS2 whose data nodes use that compressor
#   android-boot.img                         Android boot image (mkbootimg): zImage + ramdisk
#   multi.img                                legacy multi-file uImage: zImage + ramdisk
#   MLO.hex, MLO.srec                        U-Boot SPL as Intel HEX and Motorola S-records
#   libtommath1_mipsel.deb                   a Debian package (an ar archive)
#   archive.a                                an ar archive made with `ar rcD`
#   rootfs.tar, rootfs.cpio, rootfs-odc.cpio tar, newc cpio and odc cpio of the small tree
#   am335x-boneblack.dtb                     a device tree blob

FORMATS_SQUASHFS_COMPRESSORS=(gzip lzma lzo lz4 xz zstd)
# Compressors whose images are also made big endian: no Debian tool writes
# big-endian SquashFS 4, so the converter rewrites mksquashfs's output, and it
# recompresses metadata with what Python's standard library has.
FORMATS_SQUASHFS_BE_COMPRESSORS=(gzip xz)

# The small tree the file system and archive samples hold: dropbear with
# its library, BusyBox, a few configuration files, from the router rootfs.
make_format_tree() {
  local tree=$1 f
  for f in bin/busybox bin/sh usr/sbin/dropbear usr/bin/dbclient usr/bin/dropbearkey \
    usr/lib/mipsel-linux-gnu/libtomcrypt.so.1 usr/lib/mipsel-linux-gnu/libtomcrypt.so.1.0.1 \
    etc/passwd etc/shadow etc/group etc/banner etc/openwrt_release; do
    mkdir -p "$tree/$(dirname "$f")"
    cp -a "$ROUTER_ROOT/$f" "$tree/$f"
  done
  fix_times "$tree"
}

# Compressed streams of one file, each as its tool writes it (-T1 and no
# names or timestamps, so runs agree).
make_streams() {
  local out=$1 payload=$2 rows=$3 m="$SAMPLES_DIR/lib/manifest.py" ext
  gzip -n -9 -c "$payload" >"$out/busybox.gz"
  xz -9 -T1 -c "$payload" >"$out/busybox.xz"
  lzma -9 -c "$payload" >"$out/busybox.lzma"
  bzip2 -9 -c "$payload" >"$out/busybox.bz2"
  zstd -19 -q -c "$payload" >"$out/busybox.zst"
  lz4 -9 -q -c "$payload" >"$out/busybox.lz4"
  "$PYTHON" -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
    "$payload" >"$out/busybox.zlib"
  for ext in gz:gzip xz:xz lzma:lzma bz2:bzip2 zst:zstd lz4:lz4 zlib:zlib; do
    "$PYTHON" "$m" blob "${ext#*:}" "busybox.${ext%%:*}/busybox" "$payload" >>"$rows"
  done
}

make_filesystems() {
  local out=$1 tree=$2 rows=$3 m="$SAMPLES_DIR/lib/manifest.py" comp
  for comp in "${FORMATS_SQUASHFS_COMPRESSORS[@]}"; do
    env -u SOURCE_DATE_EPOCH mksquashfs "$tree" "$out/squashfs-$comp.img" -comp "$comp" -noappend \
      -all-root -no-xattrs -mkfs-time "$SOURCE_DATE_EPOCH" -all-time "$SOURCE_DATE_EPOCH" \
      -quiet -no-progress >/dev/null || die "mksquashfs -comp $comp failed"
    "$PYTHON" "$m" tree squashfs "squashfs-$comp.img" "$tree" >>"$rows"
  done
  for comp in "${FORMATS_SQUASHFS_BE_COMPRESSORS[@]}"; do
    "$PYTHON" "$SAMPLES_DIR/lib/squashfs_to_be.py" "$out/squashfs-$comp.img" "$out/squashfs-$comp-be.img" \
      || die "squashfs_to_be.py failed on squashfs-$comp.img"
    "$PYTHON" "$m" tree squashfs "squashfs-$comp-be.img" "$tree" >>"$rows"
  done
  mkfs.cramfs -n samples "$tree" "$out/cramfs.img" >/dev/null || die "mkfs.cramfs failed"
  "$PYTHON" "$m" tree cramfs cramfs.img "$tree" >>"$rows"
  # mkfs.jffs2 tries its enabled compressors by priority and keeps a node
  # uncompressed when none helps; enable exactly one to get its nodes.
  mkfs.jffs2 -l -e 128KiB -p -X lzo -x zlib -x rtime -r "$tree" -o "$out/jffs2-lzo.img"
  mkfs.jffs2 -l -e 128KiB -p -x rtime -r "$tree" -o "$out/jffs2-zlib.img"
  mkfs.jffs2 -l -e 128KiB -p -x zlib -r "$tree" -o "$out/jffs2-rtime.img"
  for comp in lzo zlib rtime; do
    "$PYTHON" "$m" tree jffs2 "jffs2-$comp.img" "$tree" >>"$rows"
  done
}

# Boot images around the armhf kernel and a BusyBox ramdisk.
make_boot_images() {
  local out=$1 work=$2 rows=$3 m="$SAMPLES_DIR/lib/manifest.py"
  make_initramfs_tree armhf "$work/ramdisk"
  make_cpio "$work/ramdisk" "$work/ramdisk.cpio" newc
  gzip -n -9 -c "$work/ramdisk.cpio" >"$work/ramdisk.cpio.gz"
  mkbootimg --kernel "$ARM_ZIMAGE" --ramdisk "$work/ramdisk.cpio.gz" --base 0x80000000 \
    --pagesize 2048 --board gw335 --cmdline 'console=ttyO0,115200n8 androidboot.hardware=am335x' \
    --os_version 12.0.0 --os_patch_level 2023-11 -o "$out/android-boot.img"
  "$PYTHON" "$m" blob android:kernel android-boot.img/kernel "$ARM_ZIMAGE" >>"$rows"
  "$PYTHON" "$m" blob android:ramdisk android-boot.img/ramdisk "$work/ramdisk.cpio.gz" >>"$rows"
  "$PYTHON" "$m" tree 'android:ramdisk>gzip>cpio' android-boot.img "$work/ramdisk" >>"$rows"

  mkimage -A arm -O linux -T multi -C none -a 0x82000000 -e 0x82000000 -n "GW335 kernel+ramdisk" \
    -d "$ARM_ZIMAGE:$work/ramdisk.cpio.gz" "$out/multi.img" >/dev/null
  "$PYTHON" "$m" blob uimage:0 multi.img/uimage/0 "$ARM_ZIMAGE" >>"$rows"
  "$PYTHON" "$m" blob uimage:1 multi.img/uimage/1 "$work/ramdisk.cpio.gz" >>"$rows"
  "$PYTHON" "$m" tree 'uimage:1>gzip>cpio' multi.img "$work/ramdisk" >>"$rows"
}

# Text encodings of a binary, as flash programmers take them. The SPL runs
# from the AM335x's internal SRAM at 0x402f0400.
make_hex_files() {
  local out=$1 rows=$2 m="$SAMPLES_DIR/lib/manifest.py"
  # Run in $out: the S0 header record of an S-record file holds the output
  # file name as given, which must not depend on OUTDIR.
  (cd "$out" && objcopy -I binary -O ihex --change-addresses 0x402f0400 "$ARM_MLO" MLO.hex)
  (cd "$out" && objcopy -I binary -O srec --change-addresses 0x402f0400 "$ARM_MLO" MLO.srec)
  "$PYTHON" "$m" blob ihex MLO.hex/MLO "$ARM_MLO" >>"$rows"
  "$PYTHON" "$m" blob srec MLO.srec/MLO "$ARM_MLO" >>"$rows"
}

make_archives() {
  local out=$1 tree=$2 work=$3 rows=$4 m="$SAMPLES_DIR/lib/manifest.py" deb member
  # A real .deb is an ar archive: debian-binary, control.tar.*, data.tar.*.
  deb=$(deb_path mipsel libtommath1)
  cp "$deb" "$out/libtommath1_mipsel.deb"
  mkdir -p "$work/deb" "$work/deb-data"
  (cd "$work/deb" && ar x "$out/libtommath1_mipsel.deb")
  for member in $(ar t "$out/libtommath1_mipsel.deb"); do
    "$PYTHON" "$m" blob ar "libtommath1_mipsel.deb/$member" "$work/deb/$member" 0644 >>"$rows"
  done
  tar -xf "$work/deb/data.tar.xz" -C "$work/deb-data"
  find "$work/deb-data" -type d -empty -delete
  "$PYTHON" "$m" tree 'ar>xz>tar' libtommath1_mipsel.deb "$work/deb-data" >>"$rows"

  # `ar rcD`: deterministic mode, members stored with uid/gid 0, mtime 0, mode 0644.
  ar rcD "$out/archive.a" "$tree/usr/lib/mipsel-linux-gnu/libtomcrypt.so.1.0.1" "$tree/usr/sbin/dropbear"
  "$PYTHON" "$m" blob ar archive.a/libtomcrypt.so.1.0.1 "$tree/usr/lib/mipsel-linux-gnu/libtomcrypt.so.1.0.1" 0644 >>"$rows"
  "$PYTHON" "$m" blob ar archive.a/dropbear "$tree/usr/sbin/dropbear" 0644 >>"$rows"

  # Top-level names given sorted, without "./"; tar sorts what lies below.
  (cd "$tree" && find . -mindepth 1 -maxdepth 1 -printf '%P\0' | sort -z \
    | tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
      --format=gnu --null -T - -cf "$out/rootfs.tar")
  "$PYTHON" "$m" tree tar rootfs.tar "$tree" >>"$rows"
  make_cpio "$tree" "$out/rootfs.cpio" newc
  make_cpio "$tree" "$out/rootfs-odc.cpio" odc
  "$PYTHON" "$m" tree cpio rootfs.cpio "$tree" >>"$rows"
  "$PYTHON" "$m" tree cpio rootfs-odc.cpio "$tree" >>"$rows"
}

build_formats() {
  local out=$1 work="$SAMPLES_WORK/formats"
  local tree="$work/tree" rows="$work/rows"
  mkdir -p "$work"
  : >"$rows"
  make_format_tree "$tree"
  make_streams "$out" "$tree/bin/busybox" "$rows"
  make_filesystems "$out" "$tree" "$rows"
  make_boot_images "$out" "$work" "$rows"
  make_hex_files "$out" "$rows"
  make_archives "$out" "$tree" "$work" "$rows"
  cp "$ARM_DTB" "$out/am335x-boneblack.dtb"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" blob file am335x-boneblack.dtb "$ARM_DTB" >>"$rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$rows" "$out/manifest.tsv"

  source_subset formats-mipsel router-rootfs busybox dropbear-bin libtomcrypt1
  SOURCES="$SAMPLES_WORK/src/formats-deb.list"
  : >"$SOURCES"
  record_source "$SOURCES" "$(deb_path mipsel libtommath1)"
  image_sources "$out" formats-mipsel formats-deb armhf-kernel armhf-uboot initramfs-armhf
  verify_formats "$out" "$work"
}

# Each sample read back with the format's own tool.
verify_formats() {
  local out=$1 work="$2/verify" payload="$2/tree/bin/busybox" tree="$2/tree" comp
  mkdir -p "$work"
  for comp in "gzip -dc busybox.gz" "xz -dc busybox.xz" "lzma -dc busybox.lzma" "bzip2 -dc busybox.bz2" \
    "zstd -dcq busybox.zst" "lz4 -dcq busybox.lz4"; do
    (cd "$out" && $comp) | cmp -s - "$payload" || die "'$comp' does not give back the payload"
  done
  "$PYTHON" -c 'import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], "rb").read()))' \
    "$out/busybox.zlib" | cmp -s - "$payload" || die "busybox.zlib does not inflate to the payload"

  for comp in "${FORMATS_SQUASHFS_COMPRESSORS[@]}"; do
    grep -q "Compression $comp" <<<"$(unsquashfs -s "$out/squashfs-$comp.img")" \
      || die "squashfs-$comp.img is not $comp-compressed"
    verify_squashfs_at "$out/squashfs-$comp.img" 0 "$tree"
  done
  # unsquashfs reads only little endian: check the magic and the version.
  for comp in "${FORMATS_SQUASHFS_BE_COMPRESSORS[@]}"; do
    [ "$(od -An -c -N4 "$out/squashfs-$comp-be.img" | tr -d ' ')" = sqsh ] \
      && [ "$(od -An -tx1 -j28 -N4 "$out/squashfs-$comp-be.img" | tr -d ' ')" = 00040000 ] \
      || die "squashfs-$comp-be.img is not a big-endian SquashFS 4.0 image"
  done
  rm -rf "$work/cramfs"
  fsck.cramfs --extract="$work/cramfs" "$out/cramfs.img" >/dev/null || die "fsck.cramfs rejects cramfs.img"
  same_tree "$tree" "$work/cramfs" cramfs.img
  for comp in lzo zlib rtime; do
    verify_jffs2 "$out/jffs2-$comp.img" -l "$comp"
  done

  unpack_bootimg --boot_img "$out/android-boot.img" --out "$work/android" >/dev/null \
    || die "unpack_bootimg rejects android-boot.img"
  cmp -s "$work/android/kernel" "$ARM_ZIMAGE" || die "android-boot.img: kernel differs"
  cmp -s "$work/android/ramdisk" "$2/ramdisk.cpio.gz" || die "android-boot.img: ramdisk differs"
  verify_uimage "$out/multi.img" 0 'Multi-File Image'
  dumpimage -T multi -p 1 -o "$work/multi-1" "$out/multi.img" >/dev/null
  cmp -s "$work/multi-1" "$2/ramdisk.cpio.gz" || die "multi.img: part 1 is not the ramdisk"
  gzip -dc "$work/multi-1" >"$work/ramdisk.cpio"
  verify_cpio "$work/ramdisk.cpio" "$2/ramdisk" newc

  objcopy -I ihex -O binary "$out/MLO.hex" "$work/MLO.from-hex"
  objcopy -I srec -O binary "$out/MLO.srec" "$work/MLO.from-srec"
  cmp -s "$work/MLO.from-hex" "$ARM_MLO" || die "MLO.hex does not decode to MLO"
  cmp -s "$work/MLO.from-srec" "$ARM_MLO" || die "MLO.srec does not decode to MLO"

  [ "$(ar t "$out/archive.a" | tr '\n' ' ')" = "libtomcrypt.so.1.0.1 dropbear " ] || die "archive.a lists the wrong members"
  dpkg-deb -I "$out/libtommath1_mipsel.deb" >/dev/null || die "dpkg-deb rejects the .deb sample"
  rm -rf "$work/tar" && mkdir -p "$work/tar"
  tar -xf "$out/rootfs.tar" -C "$work/tar" || die "tar cannot read rootfs.tar"
  same_tree "$tree" "$work/tar" rootfs.tar
  verify_cpio "$out/rootfs.cpio" "$tree" newc
  verify_cpio "$out/rootfs-odc.cpio" "$tree" odc
  dtc -q -I dtb -O dts -o /dev/null "$out/am335x-boneblack.dtb" || die "dtc cannot read the DTB sample"
}
