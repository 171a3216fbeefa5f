#!/usr/bin/env python3
"""Prints the kernel entry point of a self-decompressing MIPS kernel (vmlinuz).

Debian's MIPS kernels are "zboot" images: an ELF holding a small decompressor
(arch/mips/boot/compressed) with the real kernel, xz-compressed, in .data.
The raw kernel (what `objcopy -O binary vmlinux` gives, loaded at
VMLINUX_LOAD_ADDRESS) is that xz stream decompressed; build.sh does so with
objcopy and xz. A U-Boot image of the raw kernel also needs the kernel's
entry point, which the decompressor jumps to at the end of head.S:

    PTR_LI  t9, KERNEL_ENTRY      # lui t9, hi ; ori t9, t9, lo
    jalr    t9

This script reads the ELF's .text and prints that KERNEL_ENTRY: the target of
the last "lui t9 / ori t9 / jalr t9" sequence (the earlier jalr t9 calls
decompress_kernel). Little-endian MIPS32 only.

Usage: mips_zboot.py VMLINUZ
"""
import struct
import sys

T9 = 25


def sections(elf):
    """Yields (name, offset, size) for each section of a 32-bit LE ELF."""
    if elf[:4] != b"\x7fELF" or elf[4] != 1 or elf[5] != 1:
        raise SystemExit("mips_zboot: not a 32-bit little-endian ELF")
    shoff, = struct.unpack_from("<I", elf, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x2E)
    headers = [struct.unpack_from("<IIIIIIIIII", elf, shoff + i * shentsize) for i in range(shnum)]
    strtab_off = headers[shstrndx][4]
    for h in headers:
        name_end = elf.index(b"\x00", strtab_off + h[0])
        yield elf[strtab_off + h[0]:name_end].decode(), h[4], h[5]


def kernel_entry(text):
    words = struct.unpack(f"<{len(text) // 4}I", text[:len(text) // 4 * 4])
    entry = None
    for i in range(2, len(words)):
        lui, ori, jalr = words[i - 2], words[i - 1], words[i]
        is_lui = lui >> 16 == (0x0F << 10 | T9)             # lui t9, imm
        is_ori = ori >> 16 == (0x0D << 10 | T9 << 5 | T9)   # ori t9, t9, imm
        is_jalr = jalr == (T9 << 21 | 31 << 11 | 0x09)      # jalr ra, t9
        if is_lui and is_ori and is_jalr:
            entry = (lui & 0xFFFF) << 16 | (ori & 0xFFFF)
    if entry is None:
        raise SystemExit("mips_zboot: no 'lui/ori/jalr t9' jump to the kernel found")
    return entry


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with open(sys.argv[1], "rb") as f:
        elf = f.read()
    text = [(off, size) for name, off, size in sections(elf) if name == ".text"]
    if not text:
        raise SystemExit("mips_zboot: no .text section")
    off, size = text[0]
    print(f"0x{kernel_entry(elf[off:off + size]):08x}")


if __name__ == "__main__":
    main()
