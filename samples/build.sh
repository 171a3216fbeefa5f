#!/usr/bin/env bash
# Builds the sample firmware images: real Debian binaries of other CPU
# architectures, packed with the tools device makers use.
#
# Usage: samples/build.sh [OUTDIR [IMAGE...]]   (default: build/samples, all images)
#        samples/build.sh OUTDIR labelled     (the accuracy benchmark's images only)
#
# Each image lands in OUTDIR/<name>/ with manifest.tsv (what went in) and
# sources.tsv (the .deb files it came from); see samples/README.md.
# Downloads are kept in $SAMPLES_CACHE (default build/samples-cache), so a
# rerun needs no network. The output is byte-identical on every run.
set -Eeuo pipefail
# Command substitutions stop at their first failure too.
shopt -s inherit_errexit

SAMPLES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$SAMPLES_DIR")
OUTDIR=${1:-$REPO_DIR/build/samples}
SAMPLES_CACHE=${SAMPLES_CACHE:-$REPO_DIR/build/samples-cache}

# Any command that fails without a die() gets one line naming it; the first
# trap to fire (innermost subshell) prints, the others see the marker.
SAMPLES_FAILED="${TMPDIR:-/tmp}/samples-failed.$$"
on_error() {
  if [ ! -e "$SAMPLES_FAILED" ]; then
    echo "samples: '$2' failed with exit code $1" >&2
    : >"$SAMPLES_FAILED"
  fi
}
trap 'on_error $? "$BASH_COMMAND"' ERR
trap 'rm -f "$SAMPLES_FAILED"' EXIT

. "$SAMPLES_DIR/lib/common.sh"
. "$SAMPLES_DIR/lib/debs.sh"
. "$SAMPLES_DIR/lib/rootfs.sh"
. "$SAMPLES_DIR/lib/verify.sh"
for f in "$SAMPLES_DIR"/images/*.sh; do
  . "$f"
done

# Every package any image uses (the images' own lists plus single packages
# they name), fetched in one apt call per architecture.
MIPSEL_PACKAGES=("${ROUTER_PACKAGES[@]}" busybox-static)
ARMHF_PACKAGES=("${GATEWAY_PACKAGES[@]}" "${GATEWAY_DATA_PACKAGES[@]}" busybox-static u-boot-omap)

check_tools() {
  [ -n "$PYTHON" ] || die "missing tool 'python3' (run scripts/install-deps.sh)"
  need_tools apt-get dpkg-deb mksquashfs unsquashfs mkfs.ubifs ubinize mkfs.jffs2 jffs2dump \
    mkimage dumpimage mkenvimage dtc cpio gzip xz lzma bzip2 lz4 zstd zip 7z xorriso \
    objcopy mipsel-linux-gnu-objcopy ar tar mkfs.cramfs fsck.cramfs mkbootimg unpack_bootimg \
    binwalk od dd flock
}

fetch_all() {
  apt_lists mipsel
  apt_lists armhf
  MIPSEL_KERNEL=$(kernel_package mipsel linux-image-4kc-malta)
  ARMHF_KERNEL=$(kernel_package armhf linux-image-armmp)
  fetch_debs mipsel "${MIPSEL_PACKAGES[@]}" "$MIPSEL_KERNEL"
  fetch_debs armhf "${ARMHF_PACKAGES[@]}" "$ARMHF_KERNEL"
}

# Runs one image builder in a fresh OUTDIR/<name>, timing it; with image
# names on the command line, only those are rebuilt.
build_image() {
  local name=$1 fn=$2 start
  if [ ${#ONLY[@]} -gt 0 ] && [[ " ${ONLY[*]} " != *" $name "* ]]; then
    return 0
  fi
  start=$(date +%s)
  rm -rf "${OUTDIR:?}/$name"
  mkdir -p "$OUTDIR/$name"
  "$fn" "$OUTDIR/$name"
  # The facts a scan should report (bench/fact_accuracy.py), beside the manifest.
  if [ -f "$SAMPLES_DIR/expected/$name.tsv" ]; then
    "$PYTHON" "$SAMPLES_DIR/lib/expected_facts.py" "$name" >"$OUTDIR/$name/expected_facts.tsv"
  fi
  log "$name built in $(($(date +%s) - start))s"
}

main() {
  ONLY=("${@:2}")
  check_tools
  mkdir -p "$OUTDIR" "$SAMPLES_CACHE"
  OUTDIR=$(cd "$OUTDIR" && pwd)
  # Builds into one OUTDIR wait for each other (they share OUTDIR/.work);
  # builds sharing the cache fetch one at a time.
  exec 8>"$OUTDIR/.lock"
  flock 8
  SAMPLES_WORK="$OUTDIR/.work"
  rm -rf "$SAMPLES_WORK"
  mkdir -p "$SAMPLES_WORK/src"
  exec 9>"$SAMPLES_CACHE/.lock"
  flock 9
  # The labelled benchmark images are built only when asked for by name.
  if [ "${ONLY[*]}" = labelled ]; then
    build_labelled
    rm -rf "$SAMPLES_WORK"
    return 0
  fi
  fetch_all
  exec 9>&-
  # Parts several images share: kernels, boot loader, root file systems.
  prepare_mipsel_kernel
  prepare_armhf_boot
  prepare_router_rootfs
  build_image mips-sysupgrade build_mips_sysupgrade
  build_image trx build_trx
  build_image kernel-initramfs build_kernel_initramfs
  build_image arm-nand build_arm_nand
  build_image jffs2-be build_jffs2_be
  build_image formats build_formats
  build_image bundle build_bundle
  rm -rf "$SAMPLES_WORK"
  log "all images are in $OUTDIR"
}

main "$@"
