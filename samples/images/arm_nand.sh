# arm-nand: a raw dump of a 2 KiB-page NAND flash of an AM335x (BeagleBone
# Black class) gateway, laid out like U-Boot's am335x_evm NAND partitions:
#
#   NAND.SPL (+3 backups)  MLO, the U-Boot SPL the boot ROM loads
#   NAND.u-boot-spl-os     raw device tree blob (for SPL "falcon" boot)
#   NAND.u-boot            u-boot.img
#   NAND.u-boot-env (+1)   U-Boot environment (mkenvimage, redundant)
#   NAND.kernel            FIT image (mkimage -f): zImage + device tree
#   NAND.file-system       UBI (ubinize): volume "rootfs" (UBIFS, lzo) and
#                          volume "data" (UBIFS, zlib)
#   NAND.config            JFFS2 (little-endian, 128 KiB erase blocks)
#
# Erased flash reads 0xff, so every gap is 0xff.
#
# The rootfs also carries the kernel package's /boot/config-<release> (the
# real build configuration of the armmp kernel) and the free AR9271/AR7010
# USB Wi-Fi firmware (firmware-ath9k-htc → /lib/firmware/ath9k_htc/), so
# that device tree, kernel configuration and firmware blob names can be
# checked as chipset evidence.

NAND_PEB=$((128 * 1024))   # erase block
NAND_PAGE=2048             # minimum I/O unit
NAND_LEB=126976            # PEB minus the two pages UBI's headers take

GATEWAY_PACKAGES=(
  busybox libc6 libcrypt1 libgcc-s1 zlib1g libtomcrypt1 libtommath1 dropbear-bin
  openssl libssl3 ethtool libmnl0 iw libnl-3-200 libnl-genl-3-200 firmware-ath9k-htc
)
GATEWAY_DATA_PACKAGES=(libmbedcrypto7 libmbedx509-1 libmbedtls14)

# The gateway's root file system (armhf).
make_gateway_rootfs() {
  local root=$1
  SOURCES="$SAMPLES_WORK/src/gateway-rootfs.list"
  unpack_debs armhf "$root" "${GATEWAY_PACKAGES[@]}"
  prune_rootfs "$root"
  make_skeleton "$root"
  mkdir -p "$root/data" "$root/config" "$root/etc/dropbear" "$root/boot"
  cp "$ARM_KCONFIG" "$root/boot/"
  apply_overlay gateway "$root"
  busybox_links "$root"
  finish_tree "$root"
}

# The data volume: the gateway's application with its own TLS library.
make_gateway_data() {
  local root=$1 debs="$SAMPLES_WORK/gateway-data-debs"
  SOURCES="$SAMPLES_WORK/src/gateway-data.list"
  unpack_debs armhf "$debs" "${GATEWAY_DATA_PACKAGES[@]}"
  mkdir -p "$root/app/lib"
  cp -a "$debs"/usr/lib/arm-linux-gnueabihf/libmbed* "$root/app/lib/"
  apply_overlay appdata "$root"
  finish_tree "$root"
}

make_fit() {
  local its="$SAMPLES_WORK/arm-nand/gateway.its"
  cat >"$its" <<ITS
/dts-v1/;
/ {
	description = "GW335 kernel and device tree";
	#address-cells = <1>;
	images {
		kernel-1 {
			description = "Linux $ARM_KVER";
			data = /incbin/("$ARM_ZIMAGE");
			type = "kernel";
			arch = "arm";
			os = "linux";
			compression = "none";
			load = <0x82000000>;
			entry = <0x82000000>;
			hash-1 { algo = "sha256"; };
		};
		fdt-1 {
			description = "TI AM335x BeagleBone Black";
			data = /incbin/("$ARM_DTB");
			type = "flat_dt";
			arch = "arm";
			compression = "none";
			load = <0x88000000>;
			hash-1 { algo = "sha256"; };
		};
	};
	configurations {
		default = "conf-1";
		conf-1 {
			description = "BeagleBone Black";
			kernel = "kernel-1";
			fdt = "fdt-1";
		};
	};
};
ITS
  mkimage -f "$its" "$1" >/dev/null || die "mkimage cannot build the FIT image"
}

make_env() {
  local txt="$SAMPLES_WORK/arm-nand/env.txt"
  cat >"$txt" <<ENV
bootargs=console=ttyO0,115200n8 ubi.mtd=9 root=ubi0:rootfs rootfstype=ubifs rw
bootcmd=nand read \${loadaddr} NAND.kernel; bootm \${loadaddr}
bootdelay=1
ethaddr=04:a3:16:b0:0c:01
loadaddr=0x82000000
mtdids=nand0=omap2-nand.0
mtdparts=$2
serial#=GW335-2311-000421
ENV
  mkenvimage -r -s "$NAND_PEB" -o "$1" "$txt"
}

# UBIFS images, made reproducible, then one UBI image holding both.
make_ubi() {
  local out=$1 work="$SAMPLES_WORK/arm-nand"
  mkfs.ubifs -m "$NAND_PAGE" -e "$NAND_LEB" -c 2048 -x lzo -F -U -r "$work/rootfs" -o "$work/rootfs.ubifs"
  mkfs.ubifs -m "$NAND_PAGE" -e "$NAND_LEB" -c 256 -x zlib -F -U -r "$work/data" -o "$work/data.ubifs"
  "$PYTHON" "$SAMPLES_DIR/lib/ubifs_reproducible.py" "$work/rootfs.ubifs" "$NAND_LEB" rootfs
  "$PYTHON" "$SAMPLES_DIR/lib/ubifs_reproducible.py" "$work/data.ubifs" "$NAND_LEB" data
  cat >"$work/ubinize.cfg" <<CFG
[rootfs]
mode=ubi
image=$work/rootfs.ubifs
vol_id=0
vol_type=dynamic
vol_name=rootfs

[data]
mode=ubi
image=$work/data.ubifs
vol_id=1
vol_type=dynamic
vol_name=data
vol_flags=autoresize
CFG
  # -Q fixes the image sequence number, random otherwise.
  ubinize -o "$out" -m "$NAND_PAGE" -p "$NAND_PEB" -Q "$SOURCE_DATE_EPOCH" "$work/ubinize.cfg" >"$work/ubinize.log" 2>&1 \
    || die "ubinize failed: $(tail -n1 "$work/ubinize.log")"
}

build_arm_nand() {
  local out=$1 work="$SAMPLES_WORK/arm-nand"
  mkdir -p "$work"
  : >"$work/rows"
  make_gateway_rootfs "$work/rootfs"
  make_gateway_data "$work/data"
  apply_overlay config "$work/config"
  finish_tree "$work/config"
  make_fit "$work/kernel.itb"
  make_ubi "$work/ubi.img"
  mkfs.jffs2 -l -n -e "$NAND_PEB" --pad=0x100000 -r "$work/config" -o "$work/config.jffs2"

  # name, size, content file: the partitions in flash order.
  local ubi_size
  ubi_size=$(( ($(stat -c %s "$work/ubi.img") + 0xfffff) / 0x100000 * 0x100000 ))
  local parts=(
    "NAND.SPL 0x20000 $ARM_MLO"
    "NAND.SPL.backup1 0x20000 $ARM_MLO"
    "NAND.SPL.backup2 0x20000 $ARM_MLO"
    "NAND.SPL.backup3 0x20000 $ARM_MLO"
    "NAND.u-boot-spl-os 0x40000 $ARM_DTB"
    "NAND.u-boot 0x100000 $ARM_UBOOT"
    "NAND.u-boot-env 0x20000 $work/env.bin"
    "NAND.u-boot-env.backup1 0x20000 $work/env.bin"
    "NAND.kernel 0x800000 $work/kernel.itb"
    "NAND.file-system $ubi_size $work/ubi.img"
    "NAND.config 0x100000 $work/config.jffs2"
  )
  local mtdparts="omap2-nand.0:" part name size file
  for part in "${parts[@]}"; do
    read -r name size file <<<"$part"
    mtdparts+="$((size / 1024))k($name),"
  done
  make_env "$work/env.bin" "mtdparts=${mtdparts%,}"
  write_nand "$out/image.bin" "$out/layout.tsv" "$work/rows" "${parts[@]}"

  manifest_rows_arm_nand "$work" >>"$work/rows"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" finish "$work/rows" "$out/manifest.tsv"
  image_sources "$out" armhf-kernel armhf-uboot gateway-rootfs gateway-data

  verify_arm_nand "$out/image.bin" "$out/layout.tsv"
}

# The members of the containers in the dump. u-boot.img is itself a FIT with
# external data (firmware-1: U-Boot proper, fdt-N: device trees).
manifest_rows_arm_nand() {
  local work=$1 m="$SAMPLES_DIR/lib/manifest.py" i node
  mkdir -p "$work/u-boot-fit"
  for i in 0 1 2; do
    node=$(dumpimage -l "$ARM_UBOOT" | sed -n "s/^ Image $i (\(.*\))$/\1/p")
    [ -n "$node" ] || die "u-boot.img has no image $i"
    dumpimage -T flat_dt -p "$i" -o "$work/u-boot-fit/$node" "$ARM_UBOOT" >/dev/null
    "$PYTHON" "$m" blob "nand:NAND.u-boot>fit:$node" "image.bin/fit/$node" "$work/u-boot-fit/$node"
  done
  "$PYTHON" "$m" blob 'nand:NAND.kernel>fit:kernel-1' image.bin/fit/kernel-1 "$ARM_ZIMAGE"
  "$PYTHON" "$m" blob 'nand:NAND.kernel>fit:fdt-1' image.bin/fit/fdt-1 "$ARM_DTB"
  "$PYTHON" "$m" blob 'nand:NAND.file-system>ubi:rootfs' image.bin/ubi/rootfs "$work/rootfs.ubifs"
  "$PYTHON" "$m" blob 'nand:NAND.file-system>ubi:data' image.bin/ubi/data "$work/data.ubifs"
  "$PYTHON" "$m" tree 'nand:NAND.file-system>ubi:rootfs>ubifs' image.bin "$work/rootfs"
  "$PYTHON" "$m" tree 'nand:NAND.file-system>ubi:data>ubifs' image.bin "$work/data"
  "$PYTHON" "$m" tree 'nand:NAND.config>jffs2' image.bin "$work/config"
}

# Reads the pieces back out of the dump with independent tools.
verify_arm_nand() {
  local image=$1 layout=$2 work="$SAMPLES_WORK/arm-nand/verify" off
  mkdir -p "$work"
  off=$(layout_offset "$layout" NAND.kernel)
  cut_bytes "$image" "$off" "$(be32_at "$image" $((off + 4)))" "$work/kernel.itb"
  grep -q 'Hash value' <<<"$(dumpimage -l "$work/kernel.itb")" || die "dumpimage cannot list the kernel FIT"
  dumpimage -T flat_dt -p 0 -o "$work/kernel-1" "$work/kernel.itb" >/dev/null
  dumpimage -T flat_dt -p 1 -o "$work/fdt-1" "$work/kernel.itb" >/dev/null
  cmp -s "$work/kernel-1" "$ARM_ZIMAGE" || die "FIT kernel-1 is not the zImage"
  cmp -s "$work/fdt-1" "$ARM_DTB" || die "FIT fdt-1 is not the device tree"

  off=$(layout_offset "$layout" NAND.u-boot-spl-os)
  cut_bytes "$image" "$off" "$(be32_at "$image" $((off + 4)))" "$work/raw.dtb"
  dtc -q -I dtb -O dts -o /dev/null "$work/raw.dtb" || die "dtc cannot read the raw device tree"

  off=$(layout_offset "$layout" NAND.file-system)
  cut_bytes "$image" "$off" "$(stat -c %s "$SAMPLES_WORK/arm-nand/ubi.img")" "$work/ubi.img"
  "$PYTHON" "$SAMPLES_DIR/lib/ubi_volumes.py" "$work/ubi.img" "$NAND_PEB" "$work/volumes"
  cmp -s "$work/volumes/0" "$SAMPLES_WORK/arm-nand/rootfs.ubifs" || die "UBI volume 0 is not the rootfs UBIFS"
  cmp -s "$work/volumes/1" "$SAMPLES_WORK/arm-nand/data.ubifs" || die "UBI volume 1 is not the data UBIFS"

  off=$(layout_offset "$layout" NAND.config)
  cut_bytes "$image" "$off" $((0x100000)) "$work/config.jffs2"
  verify_jffs2 "$work/config.jffs2" -l zlib

  verify_binwalk "$image" 'Flattened device tree' 'UBI erase count header' 'JFFS2 filesystem, little endian'
}

# Lays the partitions out one after another, each padded with 0xff to its
# size; writes layout.tsv and a "nand:<partition>" manifest row for each.
write_nand() {
  local image=$1 layout=$2 rows=$3 part name size file offset=0 regions=()
  shift 3
  : >"$image"
  for part in "$@"; do
    read -r name size file <<<"$part"
    cp "$file" "$SAMPLES_WORK/part.bin"
    pad_ff "$SAMPLES_WORK/part.bin" $((size))
    cat "$SAMPLES_WORK/part.bin" >>"$image"
    regions+=("$name	$offset	$((size))	$(basename "$file") ($(stat -c %s "$file") bytes)")
    "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" blob "nand:$name" "image.bin/$name" "$file" >>"$rows"
    offset=$((offset + size))
  done
  write_layout "$layout" "${regions[@]}"
}
