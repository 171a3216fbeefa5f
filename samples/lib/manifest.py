#!/usr/bin/env python3
"""Writes the rows of a sample's manifest.tsv: what went into an image.

A manifest has one tab-separated row per file put into a sample image:

    layer  path  size  sha256  mode  link_target

layer   the chain of containers the file sits in, outermost first, joined by
        '>' (e.g. "squashfs", "uimage:kernel", "zip>gzip>tar>squashfs").
        "format:name" names one member of a format that holds named parts
        (a FIT node, a UBI volume, a TRX partition, an Android boot image part).
path    the artifact's file name, '/', then the path inside the innermost
        container (no leading slash). Payloads that have no file name of their
        own use a pseudo path such as "uimage/kernel".
size, sha256
        of the bytes an extractor should output: for a compressed payload
        (the LZMA kernel in a uImage) that is the decompressed data.
mode    octal permission bits (no file type bits), '-' for a bare payload.
link_target
        for symbolic links (size 0, sha256 '-'); '-' otherwise.

Subcommands (rows go to stdout; `finish` sorts and adds the header):
    tree LAYER PREFIX DIR        every file and symlink under DIR
    blob LAYER PATH FILE [MODE]  one payload file (MODE '-' unless given)
    nest LAYER_PREFIX ARTIFACT MANIFEST
                                 the rows of another manifest, moved inside a
                                 container: LAYER_PREFIX is prepended to each
                                 layer and the path's artifact is replaced
    finish ROWS OUT              header + rows sorted by path, then layer
"""
import hashlib
import os
import stat
import sys

HEADER = "# layer\tpath\tsize\tsha256\tmode\tlink_target\n"


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row(layer, path, size, sha, mode, link):
    return f"{layer}\t{path}\t{size}\t{sha}\t{mode}\t{link}\n"


def tree_rows(layer, prefix, root):
    """Rows for every regular file and symlink below root (directories are implied)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        # os.walk lists symlinks to directories among dirnames: report them too.
        names = sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))])
        for name in names:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            st = os.lstat(full)
            mode = f"{stat.S_IMODE(st.st_mode):04o}"
            if stat.S_ISLNK(st.st_mode):
                yield row(layer, f"{prefix}/{rel}", 0, "-", mode, os.readlink(full))
            elif stat.S_ISREG(st.st_mode):
                yield row(layer, f"{prefix}/{rel}", st.st_size, sha256_file(full), mode, "-")
            else:
                raise SystemExit(f"manifest: unsupported file type: {full}")


def blob_row(layer, path, file, mode="-"):
    return row(layer, path, os.path.getsize(file), sha256_file(file), mode, "-")


def nest_rows(layer_prefix, artifact, manifest):
    with open(manifest) as f:
        for line in f:
            if line.startswith("#"):
                continue
            layer, path, rest = line.split("\t", 2)
            inner = path.split("/", 1)[1]
            yield f"{layer_prefix}>{layer}\t{artifact}/{inner}\t{rest}"


def finish(rows_file, out):
    with open(rows_file) as f:
        rows = [line for line in f if line.strip()]
    # Sort by path, then layer: the same path may sit in two containers.
    rows.sort(key=lambda r: (r.split("\t")[1], r.split("\t")[0]))
    with open(out, "w") as f:
        f.write(HEADER)
        f.writelines(rows)


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "tree" and len(args) == 3:
        sys.stdout.writelines(tree_rows(*args))
    elif cmd == "blob" and len(args) in (3, 4):
        sys.stdout.write(blob_row(*args))
    elif cmd == "nest" and len(args) == 3:
        sys.stdout.writelines(nest_rows(*args))
    elif cmd == "finish" and len(args) == 2:
        finish(*args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
