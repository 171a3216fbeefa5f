# Shared helpers for the sample builders. Sourced by build.sh, never run.
#
# Everything written here must come out byte-identical on every run, so the
# helpers pin time, ownership, ordering and padding explicitly.

# One fixed moment for every timestamp that lands in an image.
export SOURCE_DATE_EPOCH=1700000000
# zip stores local DOS time, gzip/cpio/tar read TZ in places: pin it.
export TZ=UTC LC_ALL=C
umask 022

# Debian's interpreter when present: a version manager's shim on PATH can
# cost seconds per call, and the helpers need nothing beyond the standard library.
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3 || true)}

die() {
  echo "samples: $*" >&2
  # Tells build.sh's ERR trap the reason is printed, even from a subshell.
  [ -z "${SAMPLES_FAILED:-}" ] || : >"$SAMPLES_FAILED"
  exit 1
}

log() {
  echo "samples: $*" >&2
}

need_tools() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || die "missing tool '$t' (run scripts/install-deps.sh)"
  done
}

# Sets every mtime (and atime) under a tree, links included, to the fixed epoch.
fix_times() {
  find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# Pads a file with 0xff (erased flash) up to the next multiple of $2 bytes.
pad_to_multiple() {
  local file=$1 align=$2 size
  size=$(stat -c %s "$file")
  pad_ff "$file" $(((size + align - 1) / align * align))
}

# Pads a file with 0xff up to exactly $2 bytes; fails when it is already larger.
pad_ff() {
  local file=$1 target=$2 size
  size=$(stat -c %s "$file")
  [ "$size" -le "$target" ] || die "$(basename "$file") is $size bytes, larger than its $target-byte slot"
  [ "$size" -eq "$target" ] && return 0
  head -c $((target - size)) /dev/zero | tr '\0' '\377' >>"$file"
}

# Writes $2 at byte offset $3 of $1 without truncating (the slot must exist).
place_at() {
  dd if="$2" of="$1" bs=64K seek="$3" oflag=seek_bytes conv=notrunc status=none
}

# Creates a file of $2 bytes of 0xff.
ff_file() {
  head -c "$2" /dev/zero | tr '\0' '\377' >"$1"
}

sha256_of() {
  sha256sum "$1" | cut -d' ' -f1
}

hex() {
  printf '0x%x' "$1"
}

# Copies $3 bytes from byte offset $2 of file $1 into $4.
cut_bytes() {
  dd if="$1" of="$4" bs=64K iflag=skip_bytes,count_bytes skip="$2" count="$3" status=none
}
