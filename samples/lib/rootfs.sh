# Assembling root file systems from unpacked Debian packages.
#
# A firmware root file system keeps the binaries and libraries and drops what
# a device never ships: documentation, translations, glibc's gconv modules,
# systemd units. What stays is exactly what goes into the manifest.

# Removes what embedded root file systems leave out.
prune_rootfs() {
  local root=$1
  rm -rf "${root:?}"/usr/share "$root"/usr/lib/*/gconv \
    "$root"/lib/systemd "$root"/usr/lib/systemd "$root"/usr/lib/tmpfiles.d \
    "$root"/etc/init.d "$root"/etc/logrotate.d "$root"/etc/default \
    "$root"/etc/network "$root"/etc/rc?.d "$root"/var/lib/dpkg
}

# The directories every Linux root file system has (overlays hold files only).
make_skeleton() {
  local root=$1
  mkdir -p "$root"/{bin,sbin,lib,dev,proc,sys,tmp,root,mnt,etc,var/run,var/log,usr/bin,usr/sbin}
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
}

# Copies an overlay directory from samples/overlay/ over the tree.
apply_overlay() {
  cp -a "$SAMPLES_DIR/overlay/$1/." "$2/"
}

# Adds a relative symlink for each BusyBox applet, as `busybox --install -s`
# would on the device, except where a real program already sits. One Python
# process: a shell loop would fork twice per applet.
busybox_links() {
  "$PYTHON" "$SAMPLES_DIR/lib/busybox_applets.py" --install "$1" \
    || die "cannot install the BusyBox applet links"
}

# Permissions a device expects, then one fixed timestamp on everything.
finish_tree() {
  local root=$1
  [ -f "$root/etc/shadow" ] && chmod 0600 "$root/etc/shadow"
  find "$root/etc/init.d" -type f -exec chmod 0755 {} + 2>/dev/null || true
  fix_times "$root"
}
