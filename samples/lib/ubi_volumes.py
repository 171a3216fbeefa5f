#!/usr/bin/env python3
"""Reassembles the volumes of a UBI image, to check what ubinize wrote.

Each physical eraseblock (PEB) starts with an erase-count header; a PEB that
holds data also has a volume-identifier header saying which logical
eraseblock (LEB) of which volume it carries (drivers/mtd/ubi/ubi-media.h).
Big-endian fields:
  EC header  @0:   magic "UBI#", version, ..., vid_hdr_offset @16,
                   data_offset @20, image_seq @24, hdr_crc @60
  VID header @vid_hdr_offset: magic "UBI!", version, vol_type, copy_flag,
                   compat, vol_id @8, lnum @12
Header CRCs are CRC-32 seeded 0xFFFFFFFF without the final inversion, over
the header minus its last 4 bytes. The volume table is internal volume
0x7fffefff and is skipped.

Writes each volume as OUTDIR/<vol_id>: its LEBs in order (a PEB's data area
is the LEB, trailing 0xff included).

Usage: ubi_volumes.py IMAGE PEB_SIZE OUTDIR
"""
import os
import struct
import sys
import zlib

LAYOUT_VOLUME = 0x7FFFEFFF


def crc_ok(header, size):
    stored, = struct.unpack_from(">I", header, size - 4)
    return zlib.crc32(header[:size - 4]) ^ 0xFFFFFFFF == stored


def volumes(image, peb_size):
    found = {}
    for start in range(0, len(image), peb_size):
        peb = image[start:start + peb_size]
        if peb[:4] != b"UBI#" or not crc_ok(peb[:64], 64):
            raise SystemExit(f"ubi_volumes: bad erase-count header at 0x{start:x}")
        vid_off, data_off = struct.unpack_from(">II", peb, 16)
        vid = peb[vid_off:vid_off + 64]
        if vid[:4] == b"\xff\xff\xff\xff":
            continue  # a free PEB
        if vid[:4] != b"UBI!" or not crc_ok(vid, 64):
            raise SystemExit(f"ubi_volumes: bad volume header at 0x{start + vid_off:x}")
        vol_id, lnum = struct.unpack_from(">II", vid, 8)
        if vol_id != LAYOUT_VOLUME:
            found.setdefault(vol_id, {})[lnum] = peb[data_off:]
    return found


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    with open(sys.argv[1], "rb") as f:
        image = f.read()
    peb_size = int(sys.argv[2], 0)
    os.makedirs(sys.argv[3], exist_ok=True)
    for vol_id, lebs in volumes(image, peb_size).items():
        if sorted(lebs) != list(range(len(lebs))):
            raise SystemExit(f"ubi_volumes: volume {vol_id} has missing LEBs")
        with open(os.path.join(sys.argv[3], str(vol_id)), "wb") as f:
            f.writelines(lebs[n] for n in range(len(lebs)))


if __name__ == "__main__":
    main()
