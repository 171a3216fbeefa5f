# Fetching and unpacking real Debian packages of other CPU architectures.
#
# apt runs with its own lists, cache and an empty dpkg status, so the host's
# dpkg configuration (its architectures, its installed packages) is never
# touched. Downloads stay in $SAMPLES_CACHE; a rerun finds them there, checks
# their SHA-256 against the package lists and needs no network.
#
# Nothing is pinned by version: the suite's current package is used, and each
# image's sources.tsv records the exact .deb and its SHA-256.

SAMPLES_MIRROR=${SAMPLES_MIRROR:-http://deb.debian.org/debian}
SAMPLES_SUITE=${SAMPLES_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}

# Runs an apt command (apt-get or apt-cache) for one foreign architecture.
apt_for() {
  local tool=$1 arch=$2
  shift 2
  "$tool" -q \
    -oAPT::Architecture="$arch" -oAPT::Architectures::="$arch" \
    -oDir::State::Lists="$SAMPLES_CACHE/lists-$arch" \
    -oDir::Cache="$SAMPLES_CACHE/apt-$arch" \
    -oDir::State::status=/dev/null \
    -oDir::Etc::SourceList="$SAMPLES_CACHE/sources-$arch.sources" \
    -oDir::Etc::SourceParts=/dev/null \
    -oDir::Etc::Preferences=/dev/null -oDir::Etc::PreferencesParts=/dev/null \
    -oAPT::Sandbox::User=root \
    "$@"
}

# Makes sure the package lists of $1 exist (fetched once; SAMPLES_REFRESH=1
# refetches). Called once per architecture before any deb_path.
apt_lists() {
  local arch=$1
  local lists="$SAMPLES_CACHE/lists-$arch"
  mkdir -p "$lists/partial" "$SAMPLES_CACHE/apt-$arch/archives/partial"
  # Only the release suite: it changes at point releases alone, so reruns
  # keep finding the same packages.
  cat >"$SAMPLES_CACHE/sources-$arch.sources" <<SRC
Types: deb
URIs: $SAMPLES_MIRROR
Suites: $SAMPLES_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  if [ -z "${SAMPLES_REFRESH:-}" ] && compgen -G "$lists/*_Packages*" >/dev/null; then
    return 0
  fi
  log "fetching $arch package lists"
  apt_for apt-get "$arch" update >"$SAMPLES_CACHE/update-$arch.log" 2>&1 \
    || die "apt-get update for $arch failed (see $SAMPLES_CACHE/update-$arch.log)"
}

# Makes sure packages $2... of architecture $1 are in the cache, downloading
# those missing or not matching the SHA-256 in the package lists, and writes
# "package<TAB>path" lines to $SAMPLES_WORK/debs-$1.tsv for deb_path.
# One apt call per architecture: each call costs about a second.
fetch_debs() {
  local arch=$1
  shift
  local dir="$SAMPLES_CACHE/debs-$arch" index="$SAMPLES_WORK/debs-$arch.tsv"
  local uris pkg uri file sum missing=()
  mkdir -p "$dir"
  uris=$(apt_for apt-get "$arch" download --print-uris "$@" 2>"$SAMPLES_WORK/uris-$arch.err") \
    || die "cannot resolve packages for $arch: $(tail -n1 "$SAMPLES_WORK/uris-$arch.err")"
  : >"$index"
  # Each line: 'URL' FILENAME SIZE SHA256:HEX, in the order asked.
  while read -r uri file _ sum; do
    pkg=$(basename "${uri//\'/}" | cut -d_ -f1)
    printf '%s\t%s\t%s\n' "$pkg" "$dir/$file" "${sum#SHA256:}" >>"$index"
    if [ ! -f "$dir/$file" ] || [ "$(sha256_of "$dir/$file")" != "${sum#SHA256:}" ]; then
      missing+=("$pkg")
    fi
  done <<<"$uris"
  for pkg in "$@"; do
    grep -q "^$pkg	" "$index" || die "package $pkg is not available for $arch"
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "downloading ${missing[*]} ($arch)"
  (cd "$dir" && apt_for apt-get "$arch" download "${missing[@]}" >/dev/null 2>"$SAMPLES_WORK/download-$arch.err") \
    || die "download for $arch failed: $(tail -n1 "$SAMPLES_WORK/download-$arch.err")"
  while IFS=$'\t' read -r pkg file sum; do
    [ "$(sha256_of "$file")" = "$sum" ] || die "$(basename "$file") does not match its SHA-256"
  done <"$index"
}

# Prints the cached .deb of package $2 for architecture $1 (fetched by fetch_debs).
deb_path() {
  local path
  path=$(awk -F'\t' -v p="$2" '$1 == p {print $2; exit}' "$SAMPLES_WORK/debs-$1.tsv" 2>/dev/null) || true
  [ -n "$path" ] || die "package $2 ($1) was not fetched first"
  echo "$path"
}

# Prints the versioned kernel image package a meta-package (linux-image-armmp) points to.
kernel_package() {
  local arch=$1 meta=$2 dep
  # awk reads all of apt-cache's output: no early exit to break the pipe.
  dep=$(apt_for apt-cache "$arch" show "$meta" 2>/dev/null | awk '
    /^Depends:/ && !found {
      n = split(substr($0, 10), deps, ",")
      for (i = 1; i <= n; i++)
        if (match(deps[i], /linux-image-[0-9][^ ]*/)) { found = substr(deps[i], RSTART, RLENGTH); break }
    }
    END { print found }') || true
  [ -n "$dep" ] || die "cannot resolve $meta for $arch"
  echo "$dep"
}

# Appends one line per .deb to a sources list: package, version, arch, file, sha256.
record_source() {
  local list=$1 deb=$2
  printf '%s\t%s\t%s\t%s\t%s\n' \
    "$(dpkg-deb -f "$deb" Package)" "$(dpkg-deb -f "$deb" Version)" \
    "$(dpkg-deb -f "$deb" Architecture)" "$(basename "$deb")" "$(sha256_of "$deb")" >>"$list"
}

# Unpacks packages $3... of architecture $1 into $2 and records them in $SOURCES.
unpack_debs() {
  local arch=$1 dest=$2 pkg deb
  shift 2
  mkdir -p "$dest"
  for pkg in "$@"; do
    deb=$(deb_path "$arch" "$pkg")
    dpkg-deb -x "$deb" "$dest"
    record_source "$SOURCES" "$deb"
  done
}

# Extracts only members $4... (tar paths like ./boot/vmlinuz-*) of package $2 into $3.
# Kernel packages are mostly modules; reading just the members keeps disk use small.
unpack_members() {
  local arch=$1 pkg=$2 dest=$3 deb
  shift 3
  deb=$(deb_path "$arch" "$pkg")
  mkdir -p "$dest"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dest" --wildcards "$@"
  record_source "$SOURCES" "$deb"
}

# Writes a sources.tsv (header, sorted unique lines) from a raw list.
write_sources() {
  local list=$1 out=$2
  {
    printf '# package\tversion\tarchitecture\tdeb\tsha256\n'
    sort -u "$list"
  } >"$out"
}
