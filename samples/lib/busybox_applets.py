#!/usr/bin/env python3
"""Lists the applets of a BusyBox binary of any CPU architecture with their
install directory ("bin/ls", "sbin/ifconfig", "usr/bin/wget", ...).

`busybox --list-full` would say the same, but only on a CPU that runs the
binary. BusyBox keeps two tables in .rodata (see applets/applet_tables.c):
  applet_names        the applet names, sorted, NUL-separated, ending in "\\0\\0"
  applet_install_loc  one 4-bit install location per applet, two per byte,
                      low nibble first: 0 /, 1 /bin, 2 /sbin, 3 /usr/bin,
                      4 /usr/sbin
The location table is found as the only run of bytes, at least as long as
the table, whose nibbles are all 0..4 and whose first byte matches "[" and
"[[" (both /usr/bin).

Usage: busybox_applets.py BUSYBOX            print "dir/applet" lines
       busybox_applets.py --install ROOT     add the applet symlinks under ROOT
                                             for ROOT/bin/busybox

--install makes the links `busybox --install -s` would, but relative
(bin/ls -> busybox, sbin/init -> ../bin/busybox, usr/bin/wget ->
../../bin/busybox), leaves any path that already exists alone and skips
applets installed at the root (/linuxrc).
"""
import os
import sys

DIRS = ["", "bin", "sbin", "usr/bin", "usr/sbin"]


def applet_names(data):
    start = data.find(b"[\x00[[\x00")
    if start < 0:
        raise SystemExit("busybox_applets: no applet name table found")
    names = []
    while True:
        end = data.index(b"\x00", start)
        if end == start:
            return names
        names.append(data[start:end].decode("ascii"))
        start = end + 1


def valid(byte):
    return (byte & 15) <= 4 and (byte >> 4) <= 4


def location_table(data, count):
    length = (count + 1) // 2
    found = []
    pos = data.find(b"\x33")
    while pos >= 0:
        window = data[pos:pos + length]
        # The table starts a run of valid bytes: the byte before it is not one.
        starts_run = pos == 0 or not valid(data[pos - 1])
        if starts_run and len(window) == length and all(valid(b) for b in window):
            found.append(window)
        pos = data.find(b"\x33", pos + 1)
    if len(found) != 1:
        raise SystemExit(f"busybox_applets: {len(found)} candidate install tables, expected 1")
    return found[0]


def applets(path):
    """Yields (install directory, applet name) pairs."""
    with open(path, "rb") as f:
        data = f.read()
    names = applet_names(data)
    table = location_table(data, len(names))
    for i, name in enumerate(names):
        nibble = table[i // 2] >> 4 if i % 2 else table[i // 2] & 15
        yield DIRS[nibble], name


def install(root):
    for where, name in applets(os.path.join(root, "bin", "busybox")):
        if not where:
            continue
        link = os.path.join(root, where, name)
        if os.path.lexists(link):
            continue
        os.makedirs(os.path.dirname(link), exist_ok=True)
        up = "../" * (where.count("/") + 1)
        os.symlink("busybox" if where == "bin" else f"{up}bin/busybox", link)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--install":
        install(sys.argv[2])
    elif len(sys.argv) == 2:
        for where, name in applets(sys.argv[1]):
            print(f"{where}/{name}" if where else name)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
