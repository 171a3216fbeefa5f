#!/usr/bin/env python3
"""Makes a mkfs.ubifs image reproducible, in place.

mkfs.ubifs (mtd-utils 2.1) writes two things that change on every run:
  - a random UUID in the superblock node;
  - each inode's atime and ctime as the build host's stat() reports them;
    ctime cannot be set from user space, so it is always "now".
This script sets the UUID to one derived from a name and sets atime and
ctime to the inode's mtime (which build.sh fixes beforehand), then
recomputes the CRC of every node it changed. Nothing else refers to these
bytes: index nodes point at nodes by LEB, offset and length only.

UBIFS on-flash format (fs/ubifs/ubifs-media.h), little-endian:
  common header (24 bytes): magic 0x06101831, crc, sqnum (8), len, node_type,
      group_type, padding (2). crc covers bytes 8 .. len-1 of the node and is
      CRC-32 seeded 0xFFFFFFFF without the final inversion.
  Nodes are 8-byte aligned within a LEB; free space is 0xFF.
  superblock (type 6, LEB 0): uuid at byte 108 (16 bytes).
  inode (type 0): atime_sec at 56, ctime_sec at 64, mtime_sec at 72 (8 bytes
      each), atime_nsec 80, ctime_nsec 84, mtime_nsec 88 (4 bytes each).

Usage: ubifs_reproducible.py IMAGE LEB_SIZE NAME
"""
import hashlib
import struct
import sys
import zlib

MAGIC = 0x06101831
INO_NODE, SB_NODE = 0, 6
PAD_NODE = 5
INO_NODE_SIZE = 160  # shorter "type 0" nodes are not inodes (mkfs leaves one in LEB 0)


def node_crc(node):
    return zlib.crc32(node[8:]) ^ 0xFFFFFFFF


def fix_node(buf, pos, length, node_type, uuid):
    node = buf[pos:pos + length]
    if node_type == SB_NODE:
        node[108:124] = uuid
    elif node_type == INO_NODE and length >= INO_NODE_SIZE:
        mtime_sec, = struct.unpack_from("<Q", node, 72)
        mtime_nsec, = struct.unpack_from("<I", node, 88)
        struct.pack_into("<QQ", node, 56, mtime_sec, mtime_sec)
        struct.pack_into("<II", node, 80, mtime_nsec, mtime_nsec)
    else:
        return False
    struct.pack_into("<I", node, 4, node_crc(node))
    buf[pos:pos + length] = node
    return True


def walk_leb(buf, start, leb_size, uuid):
    """Fixes the nodes of one LEB; returns how many were changed."""
    pos, end, changed = start, start + leb_size, 0
    while pos + 24 <= end:
        magic, _crc, _sqnum, length, node_type = struct.unpack_from("<IIQIB", buf, pos)
        if magic != MAGIC or length < 24 or pos + length > end:
            break  # free space (0xFF) or the end of the LEB's nodes
        if node_crc(buf[pos:pos + length]) != _crc:
            raise SystemExit(f"ubifs_reproducible: bad node CRC at 0x{pos:x}")
        changed += fix_node(buf, pos, length, node_type, uuid)
        if node_type == PAD_NODE:
            # A padding node's len is its header; pad_len bytes follow it.
            pad_len, = struct.unpack_from("<I", buf, pos + 24)
            length += pad_len
        pos += (length + 7) & ~7
    return changed


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    path, leb_size, name = sys.argv[1], int(sys.argv[2], 0), sys.argv[3]
    with open(path, "rb") as f:
        buf = bytearray(f.read())
    if len(buf) % leb_size:
        raise SystemExit("ubifs_reproducible: image is not a whole number of LEBs")
    # A version-4-style UUID made from the name, so each volume keeps its own.
    uuid = bytearray(hashlib.sha256(b"pedigree-sample:" + name.encode()).digest()[:16])
    uuid[6] = (uuid[6] & 0x0F) | 0x40
    uuid[8] = (uuid[8] & 0x3F) | 0x80
    changed = sum(walk_leb(buf, leb, leb_size, bytes(uuid)) for leb in range(0, len(buf), leb_size))
    if changed == 0:
        raise SystemExit("ubifs_reproducible: no superblock or inode node found")
    with open(path, "wb") as f:
        f.write(buf)


if __name__ == "__main__":
    main()
