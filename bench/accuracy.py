#!/usr/bin/env python3
"""Precision and recall of the components `pedigree scan` reports, on the
labelled sample images (samples/build.sh OUTDIR labelled).

Each image directory holds image.bin and labels.tsv (component, upstream
version, generated from the .deb control fields). A reported component counts
when it is present (no relation: statically linked and built-against copies
are second copies, not the packages that went in) and has a version. It is
scored when its name is a canonical component (db/seed components.csv or
operating_systems.csv); package names the catalog cannot map are listed as
not scored. Every miss and every false positive is printed.

Usage: bench/accuracy.py [--pedigree build/pedigree] [--images build/labelled]
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def canonical_names():
    names = set()
    for f in ("components.csv", "operating_systems.csv"):
        path = os.path.join(REPO, "db", "seed", f)
        if os.path.exists(path):
            with open(path, newline="") as fh:
                names |= {r["name"] for r in csv.DictReader(fh)}
    return names


def labels_of(path):
    with open(path) as fh:
        return {tuple(line.rstrip("\n").split("\t")[:2]) for line in fh if not line.startswith("#") and line.strip()}


def reported(pedigree, image):
    out = subprocess.run([pedigree, "scan", image, "-o", "json", "--quiet"], check=True,
                         capture_output=True, text=True).stdout
    comps = json.loads(out)["components"]
    present = [c for c in comps if not c.get("relation") and c.get("version")]
    versionless = {c["name"] for c in comps if not c.get("relation") and not c.get("version")}
    other = {}
    for c in comps:
        if c.get("relation") and c.get("version"):
            other.setdefault(c["name"], []).append(f'{c["version"]} {c["relation"]}')
    return {(c["name"], c["version"]): c for c in present}, versionless, other


def evidence_kinds(c):
    return ",".join(sorted({e["kind"] for e in c.get("evidence", [])}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pedigree", default=os.path.join(REPO, "build", "pedigree"))
    ap.add_argument("--images", default=os.path.join(REPO, "build", "labelled"))
    args = ap.parse_args()
    names = canonical_names()
    dirs = sorted(d for d in glob.glob(os.path.join(args.images, "labelled-*")) if os.path.isdir(d))
    if not dirs:
        sys.exit(f"no labelled images under {args.images} (samples/build.sh {args.images} labelled)")
    total = {"tp": 0, "fp": 0, "fn": 0}
    details = []
    print(f"{'image':<22} {'labels':>6} {'found':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for d in dirs:
        labels = labels_of(os.path.join(d, "labels.tsv"))
        got, versionless, second_copies = reported(args.pedigree, os.path.join(d, "image.bin"))
        scored = {k: c for k, c in got.items() if k[0] in names}
        tp = labels & scored.keys()
        fp = scored.keys() - labels
        fn = labels - scored.keys()
        for k, v in zip(("tp", "fp", "fn"), (tp, fp, fn)):
            total[k] += len(v)
        p = len(tp) / len(scored) if scored else 1.0
        r = len(tp) / len(labels) if labels else 1.0
        print(f"{os.path.basename(d):<22} {len(labels):>6} {len(scored):>6} {len(tp):>4} {len(fp):>4} {len(fn):>4} "
              f"{p:>9.1%} {r:>7.1%}")
        by_name = {}
        for (n, v) in got:
            by_name.setdefault(n, []).append(v)
        for n, v in sorted(fn):
            seen = sorted(by_name.get(n, [])) + sorted(second_copies.get(n, []))
            if n in versionless:
                seen.append("without a version")
            other = ", ".join(seen) or "not found"
            details.append(f"{os.path.basename(d)}: miss {n} {v} (reported: {other})")
        for n, v in sorted(fp):
            details.append(f"{os.path.basename(d)}: false positive {n} {v} ({evidence_kinds(scored[(n, v)])})")
        for n, v in sorted(got.keys() - scored.keys()):
            details.append(f"{os.path.basename(d)}: not scored {n} {v} (no canonical name)")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"{'all':<22} {tp + fn:>6} {tp + fp:>6} {tp:>4} {fp:>4} {fn:>4} {p:>9.1%} {r:>7.1%}")
    for line in details:
        print(line)


if __name__ == "__main__":
    main()
