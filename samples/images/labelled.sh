# Labelled images for the accuracy benchmark (bench/accuracy.py): real
# Debian packages of three architectures, unpacked into SquashFS images
# whose labels.tsv (component, upstream version) is generated from the
# packages' control fields. Each architecture gives two images of the same
# tree: labelled-ARCH with a dpkg status file, labelled-ARCH-bare without
# any package metadata, so that only binary evidence remains.
#
# Not part of the default build: samples/build.sh OUTDIR labelled

# libstdc++6 is left out: its download URI is percent-encoded, which fetch_debs
# does not match back to the package name. miniupnpd itself (architecture
# "all") holds only scripts and configuration: the daemon is in
# miniupnpd-nftables, without which the label names a program the image lacks.
LABELLED_COMMON=(busybox dropbear-bin openssh-server openssh-client openssl libssl3 libcurl4 curl wget
  dnsmasq-base hostapd wpasupplicant lighttpd zlib1g libsqlite3-0 libexpat1 libxml2 libjson-c5 libc6
  libgcc-s1)
LABELLED_ARMHF=("${LABELLED_COMMON[@]}" mini-httpd miniupnpd miniupnpd-nftables libupnp13 avahi-daemon proftpd-core vsftpd
  openvpn strongswan-charon libstrongswan ppp iptables nftables iproute2 libsnmp40 chrony dhcpcd-base
  isc-dhcp-client unbound libbz2-1.0 liblzma5 libzstd1 liblz4-1 libbrotli1 libpng16-16 libjpeg62-turbo
  libfreetype6)
LABELLED_MIPSEL=("${LABELLED_COMMON[@]}" libjansson4 libcjson1 liblua5.4-0 perl-base python3.11-minimal
  libpython3.11-minimal mosquitto libwebsockets17 libevent-2.1-7 libuv1 libnl-3-200 libpcap0.8 tcpdump dbus
  util-linux e2fsprogs bluez libusb-1.0-0 libprotobuf32 libnghttp2-14 libpcre2-8-0 libgnutls30
  libmbedcrypto7 libwolfssl35 libssh-4 libssh2-1 pure-ftpd musl)
LABELLED_ARM64=("${LABELLED_COMMON[@]}" libgstreamer1.0-0 libavutil57 libsystemd0 bind9-libs libwbclient0
  bash coreutils kmod socat rsync sudo ethtool iw libmnl0 libgcrypt20 libnettle8 libgmp10 libidn2-0
  libtasn1-6 libp11-kit0 libkrb5-3 libsasl2-2 libmicrohttpd12 libffi8 libcap2 libreadline8 libncursesw6
  libpcre3 libnghttp2-14 libpcap0.8 tcpdump liblzma5 libzstd1 libbz2-1.0)

# Writes a dpkg status file for the .deb files $2... to $1.
labelled_status() {
  local out=$1 deb
  shift
  mkdir -p "$(dirname "$out")"
  : >"$out"
  for deb in "$@"; do
    dpkg-deb -f "$deb" | awk 'NR == 1 { print; print "Status: install ok installed"; next } { print }' >>"$out"
    echo >>"$out"
  done
}

# Builds labelled-$1 and labelled-$1-bare from packages $2... into $OUTDIR.
build_labelled_arch() {
  local arch=$1 debs=() pkg name
  local root="$SAMPLES_WORK/labelled-$arch"
  shift
  rm -rf "$root"
  SOURCES="$SAMPLES_WORK/src/labelled-$arch.list"
  : >"$SOURCES"
  unpack_debs "$arch" "$root" "$@"
  for pkg in "$@"; do debs+=("$(deb_path "$arch" "$pkg")"); done
  # Documentation carries changelogs with versions in them: not evidence a
  # firmware image would have.
  rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/locale" \
    "$root/usr/share/lintian"
  for name in "labelled-$arch-bare" "labelled-$arch"; do
    rm -rf "${OUTDIR:?}/$name"
    mkdir -p "$OUTDIR/$name"
    "$PYTHON" "$SAMPLES_DIR/lib/labels.py" "$REPO_DIR/db/seed" "${debs[@]}" >"$OUTDIR/$name/labels.tsv"
    write_sources "$SOURCES" "$OUTDIR/$name/sources.tsv"
  done
  fix_times "$root"
  labelled_squashfs "$root" "$OUTDIR/labelled-$arch-bare/image.bin"
  labelled_status "$root/var/lib/dpkg/status" "${debs[@]}"
  fix_times "$root"
  labelled_squashfs "$root" "$OUTDIR/labelled-$arch/image.bin"
}

labelled_squashfs() {
  env -u SOURCE_DATE_EPOCH mksquashfs "$1" "$2" -comp xz -noappend -all-root -no-xattrs \
    -mkfs-time "$SOURCE_DATE_EPOCH" -all-time "$SOURCE_DATE_EPOCH" -quiet -no-progress >/dev/null \
    || die "mksquashfs failed for $2"
}

# Fetches the packages of every architecture, then builds the six images.
build_labelled() {
  local arch
  for arch in armhf mipsel arm64; do apt_lists "$arch"; done
  fetch_debs armhf "${LABELLED_ARMHF[@]}"
  fetch_debs mipsel "${LABELLED_MIPSEL[@]}"
  fetch_debs arm64 "${LABELLED_ARM64[@]}"
  build_labelled_arch armhf "${LABELLED_ARMHF[@]}"
  build_labelled_arch mipsel "${LABELLED_MIPSEL[@]}"
  build_labelled_arch arm64 "${LABELLED_ARM64[@]}"
}
