# Checks run on every image right after it is built, with independent tools
# (dumpimage, unsquashfs, jffs2dump, binwalk, cpio, tar, ...), so a broken
# sample fails the build instead of a scanner test later.

# Writes a layout.tsv: one "name<TAB>offset<TAB>size<TAB>content" argument per
# region, offsets and sizes given in decimal and written in hex.
write_layout() {
  local out=$1 line name off size what
  shift
  printf '# name\toffset\tsize\tcontent\n' >"$out"
  for line in "$@"; do
    IFS=$'\t' read -r name off size what <<<"$line"
    printf '%s\t0x%x\t0x%x\t%s\n' "$name" "$off" "$size" "$what" >>"$out"
  done
}

# Reads a big-endian 32-bit word at byte $2 of file $1.
be32_at() {
  echo $((16#$(od -An -tx1 -j "$2" -N4 "$1" | tr -d ' \n')))
}

# A legacy U-Boot image at byte $2 of $1 whose header and data CRCs hold, of
# type $3 (as dumpimage names it). dumpimage checks the data CRC over the
# whole file, so the image is cut out first: 64-byte header + data size.
verify_uimage() {
  local file=$1 offset=$2 type=$3 size listing cut="$SAMPLES_WORK/uimage.cut"
  size=$(be32_at "$file" $((offset + 12)))
  cut_bytes "$file" "$offset" $((64 + size)) "$cut"
  listing=$(dumpimage -l "$cut" 2>&1) || die "dumpimage rejects the uImage in $(basename "$file"): $listing"
  grep -qF "$type" <<<"$listing" || die "the uImage in $(basename "$file") is not a '$type'"
}

# Compares two directory trees: same paths, modes, contents and link targets.
same_tree() {
  local expected=$1 actual=$2 what=$3
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree t . "$expected" >"$SAMPLES_WORK/tree.expected"
  "$PYTHON" "$SAMPLES_DIR/lib/manifest.py" tree t . "$actual" >"$SAMPLES_WORK/tree.actual"
  cmp -s "$SAMPLES_WORK/tree.expected" "$SAMPLES_WORK/tree.actual" \
    || die "$what differs from its source tree: $(diff "$SAMPLES_WORK/tree.expected" "$SAMPLES_WORK/tree.actual" | sed -n 2p || true)"
}

# unsquashfs must read the SquashFS at byte $2 of $1 back into the tree $3.
verify_squashfs_at() {
  local file=$1 offset=$2 tree=$3 dest="$SAMPLES_WORK/unsquashfs"
  rm -rf "$dest"
  unsquashfs -n -q -ig -o "$offset" -d "$dest" "$file" >/dev/null 2>&1 \
    || die "unsquashfs cannot read $(basename "$file") at offset $offset"
  # The pseudo device /dev/console is not in the source tree.
  rm -f "$dest/dev/console"
  same_tree "$tree" "$dest" "SquashFS in $(basename "$file")"
  rm -rf "$dest"
}

# cpio must give back the tree $2 from archive $1 (format $3).
verify_cpio() {
  local file=$1 tree=$2 format=$3 dest="$SAMPLES_WORK/uncpio"
  rm -rf "$dest"
  mkdir -p "$dest"
  (cd "$dest" && cpio -i -d -H "$format" --quiet --no-absolute-filenames <"$file") \
    || die "cpio cannot read $(basename "$file")"
  same_tree "$tree" "$dest" "cpio archive $(basename "$file")"
  rm -rf "$dest"
}

# binwalk must find each of the given signature descriptions in $1.
verify_binwalk() {
  local file=$1 pattern listing
  shift
  listing=$(binwalk "$file" 2>/dev/null) || die "binwalk failed on $(basename "$file")"
  for pattern in "$@"; do
    grep -qiE "$pattern" <<<"$listing" || die "binwalk finds no '$pattern' in $(basename "$file")"
  done
}

# jffs2dump must walk the image ($2: -l or -b) and find nodes compressed with
# each of the compressors $3... (names as jffs2dump prints them).
verify_jffs2() {
  local file=$1 endian=$2 dump compr
  shift 2
  dump=$(jffs2dump "$endian" -c "$file" 2>&1) || die "jffs2dump rejects $(basename "$file")"
  grep -q 'Inode  *node' <<<"$dump" || die "jffs2dump finds no inode in $(basename "$file")"
  for compr in "$@"; do
    jffs2_has_compr "$file" "$endian" "$compr" || die "$(basename "$file") has no $compr-compressed node"
  done
}

jffs2_has_compr() {
  # Output captured first: grep -q closing the pipe early would fail the pipeline.
  local counts
  counts=$("$PYTHON" "$SAMPLES_DIR/lib/jffs2_compr.py" "$1" "$2")
  grep -q "^$3 " <<<"$counts"
}

le32_at() {
  echo $((16#$(od -An -tx1 -j "$2" -N4 "$1" | awk '{print $4 $3 $2 $1}')))
}

# A TRX header checked independently of lib/trx.py: magic, length and CRC.
# The stored CRC is zlib's crc32 without the final inversion, so the
# standard CRC-32 of the covered bytes is the stored value inverted.
verify_trx() {
  local file=$1 len stored computed
  [ "$(head -c 4 "$file")" = "HDR0" ] || die "$(basename "$file") has no TRX magic"
  len=$(le32_at "$file" 4)
  [ "$len" -eq "$(stat -c %s "$file")" ] || die "$(basename "$file"): TRX length $len is not the file size"
  stored=$(le32_at "$file" 8)
  computed=$(tail -c +13 "$file" | gzip -1 -c | tail -c 8 | od -An -tx1 -N4 | awk '{print $4 $3 $2 $1}')
  [ $((16#$computed ^ 0xffffffff)) -eq "$stored" ] || die "$(basename "$file"): TRX CRC does not match"
}

# Offset (decimal) of region $2 in layout.tsv $1.
layout_offset() {
  local off
  off=$(awk -F'\t' -v n="$2" '$1 == n {print $2}' "$1")
  [ -n "$off" ] || die "no region $2 in $(basename "$1")"
  echo $((off))
}
