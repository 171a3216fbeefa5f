#!/usr/bin/env python3
"""Counts the compressors used by the data nodes of a JFFS2 image.

jffs2dump lists the nodes but not how each is compressed; this prints one
"compressor count" line per compressor found, e.g. "zlib 212".

JFFS2 (include/uapi/linux/jffs2.h): nodes start on 4-byte boundaries with
magic 0x1985, a 16-bit node type and a 32-bit total length; erased space is
0xff. An inode node (type 0xe002) has its compression byte at offset 56:
0 none, 1 zero, 2 rtime, 3 rubinmips, 4 copy, 5 dynrubin, 6 zlib, 7 lzo.

Usage: jffs2_compr.py IMAGE -l|-b
"""
import collections
import struct
import sys

NAMES = {0: "none", 1: "zero", 2: "rtime", 3: "rubinmips", 4: "copy", 5: "dynrubin", 6: "zlib", 7: "lzo"}
MAGIC, INODE = 0x1985, 0xE002


def count(data, endian):
    found = collections.Counter()
    pos = 0
    while pos + 12 <= len(data):
        magic, nodetype, totlen = struct.unpack_from(endian + "HHI", data, pos)
        if magic != MAGIC or totlen < 12:
            pos += 4  # erased flash or padding: look at the next word
            continue
        if nodetype == INODE and pos + 57 <= len(data):
            found[NAMES.get(data[pos + 56], "unknown")] += 1
        pos += (totlen + 3) & ~3
    return found


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("-l", "-b"):
        raise SystemExit(__doc__)
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    for name, n in sorted(count(data, "<" if sys.argv[2] == "-l" else ">").items()):
        print(name, n)


if __name__ == "__main__":
    main()
