#!/usr/bin/env python3
"""Times `pedigree extract` against `binwalk -Me` and against the decompression
floor on each sample image, in the same run, with hyperfine, and prints ratios.

The floor is the time the reference tools (unsquashfs, xz/lzma/gzip/bzip2/zstd/lz4
-dc) take to decompress the same streams that pedigree finds in the image (taken
from pedigree's own JSON report). Formats without a reference decompressor in
Debian (JFFS2, UBIFS, CramFS, ...) are not part of the floor; the table says which
layers were counted.

Usage: bench/extract_bench.py [--pedigree build/pedigree] [--samples build/samples] [--runs 5]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REFERENCE = {  # format -> command template; {src} the stream, {dst} a scratch dir
    "squashfs": "unsquashfs -no-xattrs -q -f -d {dst} {src} >/dev/null",
    "xz": "xz -dc {src} >/dev/null",
    "lzma": "lzma -dc {src} >/dev/null 2>&1 || true",
    "gzip": "gzip -dc {src} >/dev/null 2>&1 || true",
    "bzip2": "bzip2 -dc {src} >/dev/null",
    "zstd": "zstd -qdc {src} >/dev/null",
    "lz4": "lz4 -dc {src} >/dev/null",
}


def disk_path(out_dir, origin):
    """Maps an origin chain ('img @0x40 uimage → /kernel') to pedigree extract's path."""
    parts = re.split(r" → ", origin)
    rel = ""
    for i, part in enumerate(parts):
        path, *layers = re.split(r" @", part)
        if i > 0:
            rel += path
        for layer in layers:
            off, fmt = layer.split(" ", 1)
            rel += (".extracted/" if rel else "") + f"{int(off, 16):#x}.{fmt}"
    return os.path.join(out_dir, rel) if rel else None


def floor_commands(image, report, out_dir, work):
    """Cuts each counted stream out of its parent file; returns the commands."""
    cmds, counted = [], []
    for i, layer in enumerate(report["layers"]):
        tool = REFERENCE.get(layer["format"])
        if tool is None:
            continue
        parent = image if layer["parent"] == report["image"]["name"] else disk_path(out_dir, layer["parent"])
        if parent is None or not os.path.isfile(parent):
            continue
        src = os.path.join(work, f"stream{i}.{layer['format']}")
        with open(parent, "rb") as f, open(src, "wb") as o:
            f.seek(layer["offset"])
            o.write(f.read(layer["size"]))
        cmds.append(tool.format(src=src, dst=os.path.join(work, f"sq{i}")))
        counted.append(layer["format"])
    return cmds, counted


def hyperfine(commands, prepare, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["hyperfine", "--style", "none", "--runs", str(runs), "--export-json", out.name, "-N"]
        args = args[:-1]  # commands use shell features
        for c in commands:
            args += ["--prepare", prepare, c]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        return [r["mean"] for r in json.load(open(out.name))["results"]]


def count_files(d):
    return sum(len(files) for _, _, files in os.walk(d))


def bench_image(pedigree, image, runs):
    work = tempfile.mkdtemp(prefix="pedigree-bench-")
    try:
        p_out, b_out = os.path.join(work, "p"), os.path.join(work, "b")
        subprocess.run([pedigree, "extract", image, "-C", p_out, "--quiet", "-o", f"json={work}/r.json"], check=True)
        report = json.load(open(f"{work}/r.json"))
        cmds, counted = floor_commands(image, report, p_out, work)
        floor_script = os.path.join(work, "floor.sh")
        with open(floor_script, "w") as f:
            f.write("set -e\n" + "\n".join(cmds) + "\n")
        run_as = "--run-as=root" if os.geteuid() == 0 else ""
        prepare = f"rm -rf {p_out} {b_out} {work}/sq*"
        times = hyperfine(
            [
                f"{pedigree} extract {image} -C {p_out} --quiet",
                f"binwalk -Me -q {run_as} -C {b_out} {image} >/dev/null 2>&1",
                f"bash {floor_script}",
            ],
            prepare,
            runs,
        )
        subprocess.run(f"{prepare}; {pedigree} extract {image} -C {p_out} --quiet; "
                       f"binwalk -Me -q {run_as} -C {b_out} {image} >/dev/null 2>&1", shell=True)
        return times, counted, count_files(p_out), count_files(b_out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pedigree", default="build/pedigree")
    ap.add_argument("--samples", default="build/samples")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    pedigree = os.path.abspath(args.pedigree)
    images = sorted(
        os.path.join(args.samples, d, f)
        for d in os.listdir(args.samples)
        if os.path.isdir(os.path.join(args.samples, d)) and not d.startswith(".")
        for f in os.listdir(os.path.join(args.samples, d))
        if f.startswith("image") or f.startswith("bundle")
    )
    print("| image | pedigree s | binwalk -Me s | floor s | binwalk/pedigree | pedigree/floor | files: pedigree / binwalk | floor counts |")
    print("|---|---|---|---|---|---|---|---|")
    for image in images:
        (p, b, fl), counted, pf, bf = bench_image(pedigree, os.path.abspath(image), args.runs)
        print(f"| {os.path.relpath(image, args.samples)} | {p:.3f} | {b:.3f} | {fl:.3f} | {b / p:.1f}x | "
              f"{p / fl if fl > 0 else float('nan'):.2f}x | {pf} / {bf} | {', '.join(sorted(set(counted))) or '-'} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
