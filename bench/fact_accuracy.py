#!/usr/bin/env python3
"""Precision and recall per fact kind of `pedigree scan` on the sample images,
against what the sample build put in (samples/expected/, see its README.md):
chipsets, certificates, keys, weak accounts, clear-text secrets, services,
MAC addresses and endpoints.

For each sample with an expected-facts list, scans its image to JSON and
compares every reported fact with the list. A reported fact that is listed is
a true positive; one that is not is a false positive when it comes from a
file the build wrote itself (the list's `scope` overlays) or is a chipset or
MAC address, and is counted apart as "unlabelled" otherwise (the Debian
packages' own files, which no list describes). Every false positive and every
miss is printed, then one table.

Usage: bench/fact_accuracy.py [--pedigree build/pedigree] [--samples build/samples]
                              [--now 2026-11-30] [SAMPLE...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "samples", "lib"))
import expected_facts  # noqa: E402

# The artifact of each sample that is scanned.
ARTIFACTS = {
    "mips-sysupgrade": "image.bin",
    "trx": "image.trx",
    "kernel-initramfs": "image.elf",
    "arm-nand": "image.bin",
    "jffs2-be": "image.bin",
    "bundle": "update.zip",
}
KINDS = ["chipset", "certificate", "key", "weak-account", "secret", "service", "mac", "endpoint"]
# Kinds judged over the whole image: every reported one is labelled.
WHOLE_IMAGE = {"chipset", "mac"}
ACCOUNT_SOURCES = {"passwd", "shadow", "passwd+shadow", "htpasswd"}


def inner_path(origin):
    """The path inside the innermost layer: the last '→' step of an origin chain."""
    return origin.split(" → ")[-1].split(" @0x")[0]


LEVELS = ["high", "medium", "low"]


def reported_facts(report):
    """{kind: {key: (set of in-layer paths it came from, best confidence)}}."""
    out = {k: {} for k in KINDS}
    confidence = {}

    def add(kind, key, origins, level=None):
        out[kind].setdefault(key, set()).update(inner_path(o) for o in origins)
        if level in LEVELS:  # the best of its sightings
            best = confidence.get((kind, key), level)
            confidence[(kind, key)] = min(best, level, key=LEVELS.index)

    for c in report.get("chipsets", []):
        add("chipset", f"{c['role']}|{c['vendor']}|{c['family']}", [], c.get("confidence"))
    for c in report.get("certificates", []):
        for o in [c["origin"]] + c.get("also_at", []):
            add("certificate", f"{inner_path(o)}|{c['serial']}", [o], c.get("confidence"))
    for k in report.get("keys", []):
        # also_at names copies in other formats (a Dropbear file of a PEM key): each is its own entry.
        add("key", f"{inner_path(k['origin'])}|{k['format']}", [k["origin"]], k.get("confidence"))
    for c in report.get("credentials", []):
        if c["source"] in ACCOUNT_SOURCES:
            if c.get("password_known") or c.get("empty_password"):
                add("weak-account", f"{inner_path(c['origin'])}|{c['user']}", [c["origin"]], c.get("confidence"))
        else:
            add("secret", inner_path(c["origin"]), [c["origin"]], c.get("confidence"))
    for s in report.get("services", []):
        add("service", f"{s['name']}|{inner_path(s['origin'])}", [s["origin"]], s.get("confidence"))
    for m in report.get("network", {}).get("mac_addresses", []):
        add("mac", m["address"], m.get("origins", []), m.get("confidence"))
    for e in report.get("network", {}).get("endpoints", []):
        add("endpoint", e.get("host", e.get("url", "")), e.get("origins", []), e.get("confidence"))
    return out, confidence


def overlay_paths(names):
    """'/'-rooted paths of every file in samples/overlay/NAME for each name."""
    paths = set()
    for name in names:
        root = os.path.join(REPO, "samples", "overlay", name)
        for d, _, files in os.walk(root):
            for f in files:
                paths.add("/" + os.path.relpath(os.path.join(d, f), root))
    return paths


def expected_of(samples_dir, name):
    """(scopes, {kind: set of keys}) from the list beside the manifest, else samples/expected/."""
    beside = os.path.join(samples_dir, name, "expected_facts.tsv")
    if os.path.exists(beside):
        with open(beside, encoding="utf-8") as fh:
            rows = [tuple(line.rstrip("\n").split("\t")) for line in fh if line.strip() and not line.startswith("#")]
    else:
        rows = expected_facts.read(name)
    scopes = [key for kind, key in rows if kind == "scope"]
    want = {k: set() for k in KINDS}
    for kind, key in rows:
        if kind in want:
            want[kind].add(key)
        elif kind != "scope":
            raise ValueError(f"{name}: unknown fact kind {kind}")
    return scopes, want


def scan(pedigree, image, now):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        subprocess.run([pedigree, "scan", image, "-q", "--now", now, "-o", f"json={out}"], check=True)
        with open(out, encoding="utf-8") as fh:
            return json.load(fh)


def judge(name, report, scopes, want, totals):
    labelled_files = overlay_paths(scopes)
    got, confidence = reported_facts(report)
    for kind in KINDS:
        t = totals.setdefault(kind, {"expected": 0, "tp": 0, "fp": 0, "fn": 0, "unlabelled": 0})
        t.setdefault("levels", {level: 0 for level in LEVELS})
        for key in got[kind]:
            if (kind, key) in confidence:
                t["levels"][confidence[(kind, key)]] += 1
        t["expected"] += len(want[kind])
        for key, paths in sorted(got[kind].items()):
            if key in want[kind]:
                t["tp"] += 1
            elif kind in WHOLE_IMAGE or paths & labelled_files:
                t["fp"] += 1
                print(f"  {name}: false positive {kind} {key}")
            else:
                t["unlabelled"] += 1
        for key in sorted(want[kind] - set(got[kind])):
            t["fn"] += 1
            print(f"  {name}: missed {kind} {key}")


def ratio(a, b):
    return f"{a / b:.3f}" if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pedigree", default=os.path.join(REPO, "build", "pedigree"))
    ap.add_argument("--samples", default=os.path.join(REPO, "build", "samples"))
    ap.add_argument("--now", default="2026-11-30", help="reference date passed to the scan")
    ap.add_argument("names", nargs="*", default=list(ARTIFACTS))
    args = ap.parse_args()
    totals = {}
    for name in args.names:
        image = os.path.join(args.samples, name, ARTIFACTS[name])
        if not os.path.exists(image):
            sys.exit(f"missing {image}: run samples/build.sh")
        scopes, want = expected_of(args.samples, name)
        judge(name, scan(args.pedigree, image, args.now), scopes, want, totals)
    print(f"\n{len(args.names)} samples: {', '.join(args.names)}")
    print(f"{'kind':<13} {'expected':>8} {'TP':>5} {'FP':>5} {'FN':>5} {'unlabelled':>10} {'precision':>9} {'recall':>7}"
          "  confidence high/medium/low (all reported)")
    for kind in KINDS:
        t = totals[kind]
        levels = "/".join(str(t["levels"][level]) for level in LEVELS)
        print(f"{kind:<13} {t['expected']:>8} {t['tp']:>5} {t['fp']:>5} {t['fn']:>5} {t['unlabelled']:>10} "
              f"{ratio(t['tp'], t['tp'] + t['fp']):>9} {ratio(t['tp'], t['tp'] + t['fn']):>7}  {levels}")


if __name__ == "__main__":
    main()
