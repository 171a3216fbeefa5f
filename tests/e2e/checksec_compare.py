#!/usr/bin/env python3
"""Compares pedigree's ELF hardening facts with checksec's on the sample images.

    checksec_compare.py PEDIGREE_EXE SAMPLES_DIR WORK_DIR

Each sample image is unpacked with `pedigree extract` and scanned with
`pedigree scan`, checksec judges every
ELF file in the extracted tree (`checksec --output=json --dir=…`), and the
verdicts are matched to pedigree's report through the files' SHA-256. Every
disagreement is listed; the test fails on any whose reason is not a known,
documented difference (KNOWN below).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

IMAGES = [
    "mips-sysupgrade/image.bin",
    "arm-nand/image.bin",
    "trx/image.trx",
    "jffs2-be/image.bin",
    "kernel-initramfs/image.elf",
    "bundle/update.zip",
]

# Differences that come from checksec's method, not from the file; each is
# explained in docs and in the test's output.
KNOWN = {
    # checksec greps `readelf -d` for "BIND_NOW"; a file that asks for
    # immediate binding only through DF_1_NOW prints "Flags: NOW" there.
    ("relro", "full", "partial"): "DF_1_NOW without DF_BIND_NOW: immediate binding that checksec's grep misses",
}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ours(report):
    by_origin = {f["origin"]: f.get("sha256") for f in report["files"]}
    out = {}
    for b in report["binaries"]:
        h = by_origin.get(b["origin"])
        if h:
            out[h] = b
    return out


def verdicts(b):
    h = b["hardening"]
    return {
        "relro": {"none": "no"}.get(h["relro"], h["relro"]),
        "canary": "yes" if h["canary"] else "no",
        "nx": "yes" if h["nx"] else "no",
        "pie": h["pie"],
        "rpath": "yes" if b.get("rpath") else "no",
        "runpath": "yes" if b.get("runpath") else "no",
        "symbols": "no" if b["stripped"] else "yes",
        "fortify_source": "yes" if h["fortify"] else "no",
        "fortified": str(h["fortified"]),
        "fortify-able": str(h["fortifiable"]),
    }


def checksec_dir(tree):
    out = subprocess.run(["checksec", "--output=json", f"--dir={tree}"], capture_output=True, text=True, check=False)
    doc = json.loads(out.stdout)
    doc.pop("dir", None)
    return doc


def compare(exe, image, work):
    name = image.replace("/", "_")
    tree = os.path.join(work, name)
    shutil.rmtree(tree, ignore_errors=True)
    report_path = tree + ".json"
    # extract only unpacks; the ELF facts come from a scan of the same image.
    subprocess.run([exe, "extract", image, "-C", tree, "-q"], check=True)
    subprocess.run([exe, "scan", image, "-q", "-o", f"json={report_path}"], check=True)
    with open(report_path, encoding="utf-8") as f:
        mine = ours(json.load(f))
    theirs = checksec_dir(tree)
    rows, unexplained, compared = [], 0, 0
    for path, verdict in sorted(theirs.items()):
        b = mine.get(sha256(path))
        rel = os.path.relpath(path, tree)
        if b is None:
            rows.append(f"  {rel}: checksec judged it, pedigree did not read it as ELF")
            unexplained += 1
            continue
        compared += 1
        v = verdicts(b)
        for key, want in verdict.items():
            if key not in v or v[key] == want:
                continue
            reason = KNOWN.get((key, v[key], want))
            rows.append(f"  {rel}: {key} pedigree={v[key]} checksec={want}" + (f" ({reason})" if reason else ""))
            unexplained += reason is None
    print(f"{image}: {compared} ELF files compared, {len(rows)} disagreements, {unexplained} unexplained")
    for r in rows:
        print(r)
    return compared, unexplained


def main():
    exe, samples, work = sys.argv[1:4]
    if shutil.which("checksec") is None:
        print("checksec is not installed (scripts/install-deps.sh installs it)")
        return 1
    os.makedirs(work, exist_ok=True)
    total, bad = 0, 0
    for image in IMAGES:
        path = os.path.join(samples, image)
        if not os.path.exists(path):
            print(f"missing sample {path}")
            return 1
        n, u = compare(exe, path, work)
        total, bad = total + n, bad + u
    print(f"{total} ELF files compared with checksec, {bad} unexplained disagreements")
    return 0 if bad == 0 and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
