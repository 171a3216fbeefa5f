#!/usr/bin/env python3
"""Rewrites a little-endian SquashFS 4.0 image in big-endian byte order.

Linux reads SquashFS 4.0 only little endian, and Debian's mksquashfs writes
only that. Vendor kernels for big-endian SoCs carried patches that read the
whole image in the host's order instead, so such firmware holds images whose
magic reads "sqsh": every multi-byte field is byte-swapped, while data blocks
and compressed payloads stay the same bytes. This script makes such an image
from one mksquashfs wrote, field by field:

- the 96-byte superblock;
- the compressor options, if stored (a metadata block after the superblock);
- every metadata block header: a u16 whose bit 15 marks a block stored
  uncompressed and whose low 15 bits give the stored size;
- the inode table, every inode by its type (16-byte header, then the body:
  directory, file with its block list, symlink, device, fifo, socket, and
  their extended forms, including directory indexes);
- the directory table: listing headers (count - 1, inode block, base inode
  number) and entries (offset, inode delta, type, name length - 1, name);
- the fragment (u64 start, u32 size, u32 unused), export (u64 inode
  references) and id (u32) tables, and the u64 indexes that point at their
  metadata blocks.

Metadata blocks are decompressed, swapped and compressed again (gzip, that
is zlib streams, and xz are supported; blocks stored uncompressed stay so).
Compressed sizes change, so the tables are laid out again after the data
area, and every reference to a metadata block is moved: inode references
(the root, directory headers, the export table) and directory positions (in
directory inodes and their indexes) point into each other's tables, so the
layout is repeated until no position changes. Extended attributes are not
supported (use mksquashfs -no-xattrs). The output is padded to 4 KiB when the
input was. The same input always gives the same output.

Usage: squashfs_to_be.py IN OUT
"""
import lzma
import struct
import sys
import zlib

SUPER_SIZE = 96
META_SIZE = 8192
META_UNCOMPRESSED = 0x8000
NO_TABLE = 0xFFFFFFFFFFFFFFFF
NO_FRAGMENT = 0xFFFFFFFF
FLAG_COMP_OPT = 0x0400
COMP_GZIP, COMP_XZ = 1, 4
PAD = 4096
MAX_ROUNDS = 50
# Superblock fields: (offset, struct code) in order.
SUPER_FIELDS = "IIIIIHHHHHHQQQQQQQQ"
# Compressor options, by compressor id.
OPTION_FIELDS = {COMP_GZIP: "IHH", COMP_XZ: "II"}
# Inode bodies after the 16-byte header, by type; files, symlinks and
# extended directories have variable parts handled in code.
FIXED_BODIES = {4: "II", 5: "II", 6: "I", 7: "I", 11: "III", 12: "III", 13: "II", 14: "II"}


class Error(Exception):
    pass


def swap(fmt, buf, off):
    """Swaps the fields `fmt` at buf[off:] in place; returns the LE values and the size."""
    values = struct.unpack_from("<" + fmt, buf, off)
    struct.pack_into(">" + fmt, buf, off, *values)
    return values, struct.calcsize("<" + fmt)


class Codec:
    def __init__(self, comp):
        if comp not in (COMP_GZIP, COMP_XZ):
            raise Error(f"compressor {comp} not supported (only gzip and xz)")
        self.comp = comp

    def decompress(self, data):
        if self.comp == COMP_GZIP:
            return zlib.decompress(data)
        return lzma.decompress(data, format=lzma.FORMAT_XZ)

    def compress(self, data):
        if self.comp == COMP_GZIP:
            return zlib.compress(data, 9)
        return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32)


def read_block(img, pos, codec):
    """One metadata block at pos: (decompressed bytes, stored compressed?, stored size)."""
    (header,) = struct.unpack_from("<H", img, pos)
    size = header & 0x7FFF
    body = img[pos + 2 : pos + 2 + size]
    if size == 0 or len(body) != size:
        raise Error(f"metadata block at {pos} cut off")
    if header & META_UNCOMPRESSED:
        return bytes(body), False, size
    return codec.decompress(body), True, size


def write_block(raw, compressed, codec):
    """A metadata block, header in big-endian order."""
    if compressed:
        packed = codec.compress(raw)
        if len(packed) < len(raw):
            return struct.pack(">H", len(packed)) + packed
    return struct.pack(">H", len(raw) | META_UNCOMPRESSED) + raw


class Table:
    """A run of metadata blocks, decompressed into one stream."""

    def __init__(self, img, start, end, codec):
        self.starts = []  # stored position of each block, relative to start
        self.offsets = []  # position of each block in the stream
        self.compressed = []
        self.stream = bytearray()
        pos = start
        while pos < end:
            raw, comp, size = read_block(img, pos, codec)
            self.starts.append(pos - start)
            self.offsets.append(len(self.stream))
            self.compressed.append(comp)
            self.stream += raw
            pos += 2 + size
        self.end = pos - start  # where an empty directory's listing points
        self.block_of = {s: i for i, s in enumerate(self.starts)}

    def stream_pos(self, block, offset):
        """Position in the stream of (stored block position, offset)."""
        if block not in self.block_of:
            raise Error(f"reference to {block}, not a metadata block start")
        return self.offsets[self.block_of[block]] + offset

    def chunks(self):
        ends = self.offsets[1:] + [len(self.stream)]
        return [(a, b) for a, b in zip(self.offsets, ends)]

    def encode(self, stream, codec):
        """The blocks of a same-sized stream, and the new position of every old block start."""
        out, moved = bytearray(), {}
        for (a, b), old, comp in zip(self.chunks(), self.starts, self.compressed):
            moved[old] = len(out)
            out += write_block(bytes(stream[a:b]), comp, codec)
        moved[self.end] = len(out)
        return out, moved

    def unmoved(self):
        return {s: s for s in self.starts + [self.end]}


class Inodes:
    """The inode table, with the positions of the fields that hold references."""

    def __init__(self, stream, block_size):
        self.dir_refs = []  # stream positions of u32 directory block positions
        self.listings = []  # (directory block, offset, listing size)
        self.swapped = bytearray(stream)
        pos = 0
        while pos < len(stream):
            pos = self.inode(pos, block_size)

    def inode(self, pos, block_size):
        s = self.swapped
        (kind, *_), n = swap("HHHHII", s, pos)
        body = pos + n
        if kind == 1:  # start_block, nlink, size, offset, parent
            (start, _, size, offset, _), n = swap("IIHHI", s, body)
            self.dir_refs.append(body)
            self.listings.append((start, offset, size))
            return body + n
        if kind == 8:  # nlink, size, start_block, parent, i_count, offset, xattr
            (_, size, start, _, count, offset, _), n = swap("IIIIHHI", s, body)
            self.dir_refs.append(body + 8)
            self.listings.append((start, offset, size))
            pos = body + n
            for _ in range(count):  # index entries: index, start_block, name size - 1, name
                (_, _, name), n = swap("III", s, pos)
                self.dir_refs.append(pos + 4)
                pos += n + name + 1
            return pos
        if kind in (2, 9):
            fmt = "IIII" if kind == 2 else "QQQIIII"
            values, n = swap(fmt, s, body)
            frag, size = (values[1], values[3]) if kind == 2 else (values[4], values[1])
            blocks = size // block_size + (1 if size % block_size and frag == NO_FRAGMENT else 0)
            swap("I" * blocks, s, body + n)
            return body + n + 4 * blocks
        if kind in (3, 10):  # nlink, target size, target, [xattr]
            (_, size), n = swap("II", s, body)
            pos = body + n + size
            if kind == 10:
                pos += swap("I", s, pos)[1]
            return pos
        if kind in FIXED_BODIES:
            return body + swap(FIXED_BODIES[kind], s, body)[1]
        raise Error(f"unknown inode type {kind} at stream position {pos}")


def swap_listings(dirs, listings):
    """Swaps every directory listing; returns (swapped stream, positions of inode block fields)."""
    s, refs, done = bytearray(dirs.stream), [], set()
    for block, offset, size in listings:
        if size <= 3:
            continue
        pos = dirs.stream_pos(block, offset)
        if pos in done:  # swap each listing once, however it is named
            continue
        done.add(pos)
        end = pos + size - 3
        while pos < end:
            (count, _, _), n = swap("III", s, pos)
            refs.append(pos + 4)
            pos += n
            for _ in range(count + 1):
                (_, _, _, name), n = swap("HhHH", s, pos)
                pos += n + name + 1
    return s, refs


def move_refs(stream, refs, moved, width):
    """Rewrites big-endian block positions at refs through `moved`."""
    out = bytearray(stream)
    code = ">I" if width == 4 else ">Q"
    for pos in refs:
        (old,) = struct.unpack_from(code, out, pos)
        if old not in moved:
            raise Error(f"reference to {old}, not a metadata block start")
        struct.pack_into(code, out, pos, moved[old])
    return out


def move_inode_ref(ref, moved):
    block, offset = ref >> 16, ref & 0xFFFF
    if block not in moved:
        raise Error(f"inode reference {ref:#x} not at a metadata block start")
    return (moved[block] << 16) | offset


def lay_out(inodes, dirs, inode_stream, dir_stream, dir_refs, ino_refs, codec):
    """Encodes both tables until the references between them stop moving."""
    moved_dirs, moved_inodes = dirs.unmoved(), inodes.unmoved()
    for _ in range(MAX_ROUNDS):
        ino_bytes, new_inodes = inodes.encode(move_refs(inode_stream, dir_refs, moved_dirs, 4), codec)
        dir_bytes, new_dirs = dirs.encode(move_refs(dir_stream, ino_refs, new_inodes, 4), codec)
        if new_inodes == moved_inodes and new_dirs == moved_dirs:
            return ino_bytes, dir_bytes, new_inodes
        moved_inodes, moved_dirs = new_inodes, new_dirs
    raise Error("table layout does not settle")


def index_table(img, index_pos, entries, entry_size, codec):
    """The metadata blocks an index points at, and their concatenated stream."""
    count = (entries * entry_size + META_SIZE - 1) // META_SIZE
    pointers = struct.unpack_from(f"<{count}Q", img, index_pos)
    stream, compressed = bytearray(), []
    for p in pointers:
        raw, comp, _ = read_block(img, p, codec)
        stream += raw
        compressed.append(comp)
    return pointers, stream[: entries * entry_size], compressed


def encode_index_table(stream, compressed, base, codec):
    """Blocks of up to 8 KiB, then the big-endian index of their positions."""
    blocks, pointers = bytearray(), []
    for i, comp in enumerate(compressed):
        pointers.append(base + len(blocks))
        blocks += write_block(bytes(stream[i * META_SIZE : (i + 1) * META_SIZE]), comp, codec)
    return blocks + struct.pack(f">{len(pointers)}Q", *pointers)


def convert(img):
    if img[:4] != b"hsqs":
        raise Error("not a little-endian SquashFS image")
    sb = struct.unpack_from("<" + SUPER_FIELDS, img, 0)
    (_, inode_count, _, block_size, frag_count, comp, _, flags, id_count, major, minor, root, used, id_tab,
     xattr_tab, inode_tab, dir_tab, frag_tab, export_tab) = sb
    if (major, minor) != (4, 0):
        raise Error(f"version {major}.{minor}, not 4.0")
    if xattr_tab != NO_TABLE:
        raise Error("extended attributes are not supported (mksquashfs -no-xattrs)")
    codec = Codec(comp)
    # The fragment, export and id tables, in the order they are stored.
    extra = [(t, name, n, size) for t, name, n, size in
             [(frag_tab, "fragment", frag_count, 16), (export_tab, "export", inode_count, 8),
              (id_tab, "id", id_count, 4)] if t != NO_TABLE and n > 0]
    extra.sort()
    tables = {name: index_table(img, t, n, size, codec) for t, name, n, size in extra}
    dir_end = min([min(p[0]) for p in tables.values()] + [t for t, *_ in extra] + [used])
    inodes = Table(img, inode_tab, dir_tab, codec)
    dirs = Table(img, dir_tab, dir_end, codec)
    parsed = Inodes(inodes.stream, block_size)
    dir_stream, ino_refs = swap_listings(dirs, parsed.listings)
    ino_bytes, dir_bytes, moved_inodes = lay_out(inodes, dirs, parsed.swapped, dir_stream, parsed.dir_refs,
                                                 ino_refs, codec)

    out = bytearray(img[:inode_tab])
    if flags & FLAG_COMP_OPT:
        (header,) = struct.unpack_from("<H", out, SUPER_SIZE)
        if not header & META_UNCOMPRESSED:
            raise Error("compressed compressor options")
        struct.pack_into(">H", out, SUPER_SIZE, header)
        swap(OPTION_FIELDS[comp], out, SUPER_SIZE + 2)
    new_inode_tab = len(out)
    out += ino_bytes
    new_dir_tab = len(out)
    out += dir_bytes
    starts = {}
    for _, name, n, size in extra:
        _, stream, compressed = tables[name]
        if name == "fragment":
            for i in range(n):
                swap("QII", stream, i * 16)
        elif name == "export":
            for i in range(n):
                (ref,) = struct.unpack_from("<Q", stream, i * 8)
                struct.pack_into(">Q", stream, i * 8, move_inode_ref(ref, moved_inodes))
        else:
            swap("I" * n, stream, 0)
        table = encode_index_table(stream, compressed, len(out), codec)
        starts[name] = len(out) + len(table) - 8 * len(compressed)
        out += table
    new_used = len(out)
    fields = list(sb)
    fields[11] = move_inode_ref(root, moved_inodes)
    fields[12] = new_used
    fields[13] = starts.get("id", NO_TABLE)
    fields[15], fields[16] = new_inode_tab, new_dir_tab
    fields[17] = starts.get("fragment", NO_TABLE)
    fields[18] = starts.get("export", NO_TABLE)
    struct.pack_into(">" + SUPER_FIELDS, out, 0, *fields)
    if len(img) > used:  # padded input: pad the same way
        out += bytes(-len(out) % PAD)
    return bytes(out)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__.split("Usage: ")[1])
        return 2
    with open(argv[1], "rb") as f:
        img = f.read()
    try:
        out = convert(img)
    except (Error, struct.error, zlib.error, lzma.LZMAError) as e:
        sys.stderr.write(f"squashfs_to_be: {argv[1]}: {e}\n")
        return 1
    with open(argv[2], "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
