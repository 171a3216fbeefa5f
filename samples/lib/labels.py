#!/usr/bin/env python3
"""Writes the labels of a labelled sample image: which components, at which
upstream versions, its .deb files put in, read from their control fields.

Usage: labels.py SEED_DIR DEB...   (labels.tsv on stdout)

A package names its component through db/seed (package aliases, then its
source package, then a components.csv name); packages that name no known
component are left out. The upstream version is the Debian version without
epoch, revision, repack tags, a "-stable" release tag and a "+YYYYMMDD" snapshot
date, as the scanner computes it (upstream_version.cpp).
"""
import csv
import os
import re
import subprocess
import sys

REPACK = re.compile(r"(?<=.)([+~.](dfsg|ds|repack|debian)).*$")
# A git snapshot after a release ("30+20221128"): the binary states the release.
SNAPSHOT = re.compile(r"(?<=.)\+20[0-9]{6}$")
# A release tag ("2.1.12-stable"): the version is the number before it.
STABLE = re.compile(r"(?<=.)-stable$")


def upstream(version):
    v = re.sub(r"^[0-9]+:", "", version)
    if "-" in v:
        v = v[: v.rfind("-")]
    if "+really" in v:
        v = v[v.find("+really") + len("+really"):]
    return SNAPSHOT.sub("", STABLE.sub("", REPACK.sub("", v)))


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main():
    seed, debs = sys.argv[1], sys.argv[2:]
    names = {r["name"] for r in read_csv(os.path.join(seed, "components.csv"))}
    aliases = {}
    for f in ("component_aliases.csv", "package_aliases.csv"):
        for r in read_csv(os.path.join(seed, f)):
            if r["kind"] == "package":
                aliases.setdefault(r["alias"], r["name"])

    def component(pkg):
        return aliases.get(pkg) or (pkg if pkg in names else None)

    labels = {}
    for deb in debs:
        out = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Version", "Source"],
                             check=True, capture_output=True, text=True).stdout
        fields = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
        pkg, version = fields["Package"], fields["Version"]
        source = fields.get("Source", "").split(" ")[0]
        name = component(pkg) or (component(source) if source else None)
        if not name:
            continue
        key = (name, upstream(version))
        labels.setdefault(key, set()).add(f"{pkg}={version}")
    print("# component\tversion\tpackages")
    for (name, version), pkgs in sorted(labels.items()):
        print(f"{name}\t{version}\t{','.join(sorted(pkgs))}")


if __name__ == "__main__":
    main()
