#!/usr/bin/env python3
"""Builds a Broadcom TRX v1 firmware image, as the CFE boot loader expects it.

Layout (all fields little-endian, as written by Broadcom's and OpenWrt's trx
tools):

    offset  size  field
    0       4     magic "HDR0"
    4       4     total length of the image, header included
    8       4     CRC32 of bytes 12 .. length-1 (flag_version to the end)
    12      2     flags
    14      2     version (1)
    16      12    offsets of up to three partitions from the image start;
                  0 marks an unused slot
    28            partition data

The CRC is the plain CRC-32 (polynomial 0xEDB88320) started at 0xFFFFFFFF
but, unlike zlib's crc32, NOT inverted at the end; the tools compute it with
crc32 tables seeded ~0 and store the raw register.

Partitions start on 4-byte boundaries; --align N moves the second and later
partitions to multiples of N (a root file system on an erase-block boundary,
so the kernel's MTD parser can map it). The image is padded with zeros to a
multiple of 4 KiB, the granularity CFE flashes in.

Usage: trx.py [--align N] -o OUT PART [PART [PART]]
"""
import argparse
import struct
import zlib

MAGIC = b"HDR0"
HEADER_SIZE = 28
VERSION = 1
MAX_PARTS = 3


def round_up(value, align):
    return (value + align - 1) // align * align


def trx_crc(data):
    # zlib.crc32 inverts its result; undo that to get the raw register.
    return zlib.crc32(data) ^ 0xFFFFFFFF


def build(parts, align):
    body = bytearray(HEADER_SIZE)
    offsets = []
    for i, part in enumerate(parts):
        start = round_up(len(body), align if i > 0 else 4)
        body.extend(b"\x00" * (start - len(body)))
        offsets.append(start)
        body.extend(part)
    body.extend(b"\x00" * (round_up(len(body), 4096) - len(body)))
    offsets += [0] * (MAX_PARTS - len(offsets))
    flag_version = VERSION << 16  # flags 0 in the low half, version 1 in the high half
    struct.pack_into("<4sII I3I", body, 0, MAGIC, len(body), 0, flag_version, *offsets)
    struct.pack_into("<I", body, 8, trx_crc(bytes(body[12:])))
    return bytes(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--align", type=lambda s: int(s, 0), default=4)
    parser.add_argument("parts", nargs="+")
    args = parser.parse_args()
    if len(args.parts) > MAX_PARTS:
        parser.error("a TRX v1 image holds at most three partitions")
    parts = []
    for path in args.parts:
        with open(path, "rb") as f:
            parts.append(f.read())
    with open(args.output, "wb") as f:
        f.write(build(parts, args.align))


if __name__ == "__main__":
    main()
