#!/usr/bin/env python3
"""Reads a sample's expected-facts list (samples/expected/NAME.tsv), with its
`include` lines resolved; prints it flattened when run.

Usage: expected_facts.py NAME   (the flattened list on stdout)
"""
import os
import sys

EXPECTED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "expected")


def read(name, seen=None):
    """(kind, key) rows in file order, includes in place, comments dropped."""
    seen = seen or set()
    path = os.path.join(EXPECTED_DIR, name if name.endswith(".tsv") else name + ".tsv")
    if path in seen:
        raise ValueError(f"{path}: included twice")
    seen.add(path)
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2 or not fields[1]:
                raise ValueError(f"{path}:{number}: want 'kind<TAB>key'")
            if fields[0] == "include":
                rows += read(fields[1], seen)
            else:
                rows.append((fields[0], fields[1]))
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print("# kind\tkey (samples/expected/README.md)")
    for kind, key in read(sys.argv[1]):
        print(f"{kind}\t{key}")


if __name__ == "__main__":
    main()
