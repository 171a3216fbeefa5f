#!/usr/bin/env bash
# Installs every build, test and sample-building dependency from Debian packages.
# Idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries linked by the scanner
  libarchive-dev libyara-dev libsqlite3-dev libfmt-dev doctest-dev libsquashfs-dev
  libssl-dev nlohmann-json3-dev libcli11-dev liblzma-dev zlib1g-dev liblzo2-dev
  libzstd-dev liblz4-dev libbz2-dev libfdt-dev libelf-dev libsimdjson-dev libcrypt-dev
  # data sources imported into the provenance database
  ieee-data pci.ids usb.ids ca-certificates openssl
  # compiled into the scanner: registrable domains of hosts
  publicsuffix
  # tools that build sample images the way vendors do
  squashfs-tools mtd-utils u-boot-tools device-tree-compiler cpio xz-utils bzip2 lz4 zstd lzop
  gzip zip p7zip-full xorriso binutils binutils-mipsel-linux-gnu dpkg-dev util-linux-extra mkbootimg
  # tests and benchmarks
  python3 python3-jsonschema openssl binwalk hyperfine yara sqlite3 clang-format clang-tidy clang libclang-rt-14-dev
  checksec
  # report validators: headless Chromium for the HTML report, npm for the SARIF and CycloneDX validators
  chromium nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm comes with some nodejs builds and is a Debian package of its own otherwise.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
