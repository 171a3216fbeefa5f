# bundle: a vendor's update package for the mips-sysupgrade image, three ways:
#
#   update.zip   zip  > firmware.tar.gz > sysupgrade.bin + RELEASE_NOTES.txt
#   bundle.7z    7z   > the same firmware.tar.gz
#   bundle.iso   ISO 9660 (Rock Ridge + Joliet) > the same firmware.tar.gz
#
# sysupgrade.bin is mips-sysupgrade/image.bin, so that image is built first.

# firmware.tar.gz from the staging directory $1 into $2.
make_firmware_tarball() {
  local stage=$1 out=$2
  (cd "$stage" && tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --format=gnu -cf - RELEASE_NOTES.txt sysupgrade.bin) | gzip -n -9 >"$out"
}

make_containers() {
  local dir=$1 out=$2
  # -X: no extra fields (uid/gid, extended timestamps); DOS times are from
  # the fixed mtime in UTC.
  (cd "$dir" && zip -X -9 -q "$out/update.zip" firmware.tar.gz)
  # 7z keeps only the modification time; creation and access times are off.
  (cd "$dir" && 7z a -t7z -mx=9 -mtm=on -mtc=off -mta=off "$out/bundle.7z" firmware.tar.gz >/dev/null) \
    || die "7z failed"
  # xorriso reads SOURCE_DATE_EPOCH too; the explicit dates pin every volume
  # and file date and the volume UUID.
  xorriso -as mkisofs -quiet -R -J -V FIRMWARE_23_05_2 \
    --modification-date=2023111422132000 --set_all_file_dates 2023111422132000 \
    -o "$out/bundle.iso" "$dir" 2>"$SAMPLES_WORK/bundle/xorriso.log" \
    || die "xorriso failed: $(tail -n1 "$SAMPLES_WORK/bundle/xorriso.log")"
}

build_bundle() {
  local out=$1 work="$SAMPLES_WORK/bundle" sysupgrade="$OUTDIR/mips-sysupgrade"
  local m="$SAMPLES_DIR/lib/manifest.py" outer layer artifact
  [ -f "$sysupgrade/image.bin" ] || die "bundle needs mips-sysupgrade built first"
  mkdir -p "$work/stage" "$work/outer"
  cp "$sysupgrade/image.bin" "$work/stage/sysupgrade.bin"
  cp "$SAMPLES_DIR/overlay/bundle/RELEASE_NOTES.txt" "$work/stage/"
  fix_times "$work/stage"
  make_firmware_tarball "$work/stage" "$work/outer/firmware.tar.gz"
  gzip -dc "$work/outer/firmware.tar.gz" >"$work/firmware.tar"
  fix_times "$work/outer"
  make_containers "$work/outer" "$out"

  : >"$work/rows"
  for outer in zip:update.zip 7z:bundle.7z iso9660:bundle.iso; do
    layer=${outer%%:*}
    artifact=${outer#*:}
    "$PYTHON" "$m" tree "$layer" "$artifact" "$work/outer" >>"$work/rows"
    "$PYTHON" "$m" blob "$layer>gzip" "$artifact/firmware.tar" "$work/firmware.tar" >>"$work/rows"
    "$PYTHON" "$m" tree "$layer>gzip>tar" "$artifact" "$work/stage" >>"$work/rows"
    "$PYTHON" "$m" nest "$layer>gzip>tar" "$artifact" "$sysupgrade/manifest.tsv" >>"$work/rows"
  done
  "$PYTHON" "$m" finish "$work/rows" "$out/manifest.tsv"
  cp "$sysupgrade/sources.tsv" "$out/sources.tsv"

  verify_bundle "$out" "$work"
}

# Each container unpacked with its own tool must give back firmware.tar.gz.
verify_bundle() {
  local out=$1 work="$2/verify"
  mkdir -p "$work/zip" "$work/7z" "$work/iso"
  "$PYTHON" -m zipfile -e "$out/update.zip" "$work/zip" || die "zipfile rejects update.zip"
  7z x -o"$work/7z" "$out/bundle.7z" >/dev/null || die "7z rejects bundle.7z"
  xorriso -osirrox on -indev "$out/bundle.iso" -extract / "$work/iso" >/dev/null 2>&1 \
    || die "xorriso cannot extract bundle.iso"
  local d
  for d in zip 7z iso; do
    cmp -s "$work/$d/firmware.tar.gz" "$2/outer/firmware.tar.gz" || die "$d: firmware.tar.gz differs"
  done
  tar -xzf "$work/zip/firmware.tar.gz" -C "$work" sysupgrade.bin
  cmp -s "$work/sysupgrade.bin" "$OUTDIR/mips-sysupgrade/image.bin" || die "the tarball's sysupgrade.bin differs"
  verify_binwalk "$out/update.zip" 'Zip archive data'
  verify_binwalk "$out/bundle.iso" 'ISO 9660'
}
