#!/usr/bin/env python3
"""Checks the seed CSV files against the layouts in README.md.

Usage: check_seed.py [SEED_DIR]   (default: the directory of this script)

Checks, for every CSV that README.md describes and that exists:
  - UTF-8 without BOM, LF line ends, a final newline, no blank lines;
  - the header is exactly the layout README.md gives;
  - every row has as many fields as the header, and is written with
    minimal RFC 4180 quoting (a field is quoted only when it holds a
    comma, a quote or a newline), so the files stay byte-stable;
  - rows are sorted by the file's key (code point or numeric-aware order) and
    keys are unique (CVE ranges may repeat a CVE and component);
  - references resolve: vendor parents, component suppliers, list entries'
    list and vendor, chipset vendors, alias and CVE-range components;
  - parent chains end (no cycles);
  - country codes are ISO 3166-1 alpha-2, dates are ISO (YYYY-MM-DD);
  - enumerated fields (roles, alias kinds, KEV flag) hold known values, and
    keys such as PCI/USB ids, Kconfig symbols and compatibles are well formed.
Exit status 0 when everything passes, 1 otherwise (each problem is printed).
"""

import csv
import datetime
import io
import os
import re
import sys

# ISO 3166-1 alpha-2 (officially assigned codes).
ISO_ALPHA2 = set(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL
    BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW
    CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
    GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ
    IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU
    LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC
    NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE
    RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD
    TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU
    WF WS YE YT ZA ZM ZW""".split()
)
# A jurisdiction may also be the European Union (exceptionally reserved "EU").
JURISDICTIONS = ISO_ALPHA2 | {"EU"}

ROLES = {"soc", "module", "odm", "oem", "sdk", "component", "ca", "cloud", "network"}
ALIAS_KINDS = {"package", "soname", "cpe"}

# Sort key of each file (the columns that identify a row) and whether it is unique.
KEYS = {
    "components.csv": (["name"], True),
    "component_aliases.csv": (["alias", "kind"], True),
    "vendors.csv": (["name"], True),
    "list_entries.csv": (["list", "entity"], True),
    "lists.csv": (["list"], True),
    "chipsets.csv": (["vendor", "family"], True),
    "domains.csv": (["domain"], True),
    "cves.csv": (["id"], True),
    "cve_ranges.csv": (["id", "component"], False),  # one CVE may have several ranges
}

# Date columns: whether the value is required, and whether a time may follow the date.
DATE_COLUMNS = {
    "checked": (True, False),
    "date_added": (False, False),
    "published": (False, True),
    "kev_date": (False, True),
}

RE_PCI_USB = re.compile(r"^[0-9a-f]{4}:[0-9a-f]{4}$")
RE_KCONFIG = re.compile(r"^CONFIG_[A-Za-z0-9_]+$")
RE_COMPAT = re.compile(r"^[a-z0-9-]+,[A-Za-z0-9_.+*-]+$")
RE_PREFIX = re.compile(r"^[a-z0-9-]+$")
RE_CPE_PAIR = re.compile(r"^[a-z0-9_.\-]+:[a-z0-9_.\-+]+$")


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, message):
        self.items.append(f"{where}: {message}")


def parse_layouts(readme_text):
    """Maps each file name to its header, from '## name.csv' headings and the `a,b,c` line under them."""
    layouts = {}
    current = None
    for line in readme_text.splitlines():
        heading = re.match(r"^##\s+([a-z_]+\.csv)\b", line)
        if heading:
            current = heading.group(1)
            continue
        if current and current not in layouts:
            # The layout is the first backtick span of the first line that starts with one.
            code = re.match(r"^`([^`]+)`", line.strip())
            if code and "," in code.group(1):
                layouts[current] = code.group(1).split(",")
    return layouts


def minimal_line(row):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerow(row)
    return out.getvalue()


def read_csv(path, name, header, problems):
    """Returns the rows as dicts, after checking encoding, header, quoting and field counts."""
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(name, "starts with a UTF-8 BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problems.add(name, f"not UTF-8 ({err})")
        return []
    if "\r" in text:
        problems.add(name, "has CR characters (use LF line ends)")
    if not text.endswith("\n"):
        problems.add(name, "does not end with a newline")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        problems.add(name, "is empty")
        return []
    if rows[0] != header:
        problems.add(name, f"header {rows[0]} differs from README.md layout {header}")
        return []
    # Re-serialising must give back the same bytes: minimal, canonical quoting.
    physical = text.splitlines(keepends=True)
    canonical = "".join(minimal_line(r) for r in rows)
    if canonical != text:
        for number, (got, want) in enumerate(zip(physical, canonical.splitlines(keepends=True)), 1):
            if got != want:
                problems.add(f"{name}:{number}", "not minimal RFC 4180 quoting (or a blank line)")
                break
    records = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            problems.add(f"{name}:{number}", f"{len(row)} fields, expected {len(header)}")
            continue
        records.append((number, dict(zip(header, row))))
    return records


def natural(key):
    """Numeric-aware form of a key, so CVE-2021-3156 sorts before CVE-2021-23017."""
    return tuple(tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", part)) for part in key)


def check_order(name, records, key_columns, unique, problems):
    """Rows must be sorted by key, in code point order or in numeric-aware order."""
    keys = [(number, tuple(rec[c] for c in key_columns)) for number, rec in records]
    seen = set()
    for number, key in keys:
        if unique and key in seen:
            problems.add(f"{name}:{number}", f"duplicate key {key}")
        seen.add(key)
    plain = [k for _, k in keys]
    if plain == sorted(plain) or plain == sorted(plain, key=natural):
        return
    for (number, key), (_, previous) in zip(keys[1:], keys):
        if key < previous:
            problems.add(f"{name}:{number}", f"not sorted: {key} after {previous}")
            return


def check_dates(name, records, problems):
    for number, rec in records:
        for column, (required, time_allowed) in DATE_COLUMNS.items():
            if column not in rec:
                continue
            value = rec[column]
            if not value:
                # A curated CVE not yet compared with its record is allowed, and visible.
                if required and name != "cves.csv":
                    problems.add(f"{name}:{number}", f"{column} is empty")
                continue
            date_part = value[:10] if time_allowed and value[10:11] == "T" else value
            try:
                ok = datetime.date.fromisoformat(date_part).isoformat() == date_part
                if date_part != value:
                    datetime.datetime.fromisoformat(value.rstrip("Z"))
            except ValueError:
                ok = False
            if not ok:
                problems.add(f"{name}:{number}", f"{column} {value!r} is not an ISO date (YYYY-MM-DD)")


def split_list(value):
    return [item for item in value.split("|")] if value else []


def check_vendors(records, problems):
    names = {rec["name"] for _, rec in records}
    parents = {}
    alias_owner = {}
    for number, rec in records:
        where = f"vendors.csv:{number}"
        if not rec["name"].strip() or rec["name"] != rec["name"].strip():
            problems.add(where, "empty name or surrounding spaces")
        if rec["country"] and rec["country"] not in ISO_ALPHA2:
            problems.add(where, f"country {rec['country']!r} is not ISO 3166-1 alpha-2")
        if rec["parent"]:
            if rec["parent"] not in names:
                problems.add(where, f"parent {rec['parent']!r} is not a vendor name")
            parents[rec["name"]] = rec["parent"]
        for role in split_list(rec["roles"]):
            if role not in ROLES:
                problems.add(where, f"unknown role {role!r}")
        if not rec["source"]:
            problems.add(where, "source is empty")
        for alias in split_list(rec["aliases"]):
            if not alias:
                problems.add(where, "empty alias")
                continue
            owner = alias_owner.setdefault(alias.casefold(), rec["name"])
            if owner != rec["name"]:
                problems.add(where, f"alias {alias!r} also belongs to {owner!r}")
    for name in names:
        seen, current = set(), name
        while current in parents:
            if current in seen:
                problems.add("vendors.csv", f"parent chain of {name!r} loops")
                break
            seen.add(current)
            current = parents[current]
    for name in names:
        owner = alias_owner.get(name.casefold())
        if owner and owner != name:
            problems.add("vendors.csv", f"vendor name {name!r} is an alias of {owner!r}")
    return names


def check_references(tables, vendor_names, problems):
    components = {rec["name"] for _, rec in tables.get("components.csv", [])}
    lists = {rec["list"] for _, rec in tables.get("lists.csv", [])}
    cves = {rec["id"] for _, rec in tables.get("cves.csv", [])}
    have_vendors = "vendors.csv" in tables

    def need(name, number, kind, value, pool, present=True):
        if value and present and value not in pool:
            problems.add(f"{name}:{number}", f"{kind} {value!r} does not resolve")

    for number, rec in tables.get("components.csv", []):
        need("components.csv", number, "supplier", rec["supplier"], vendor_names, have_vendors)
    for number, rec in tables.get("component_aliases.csv", []):
        need("component_aliases.csv", number, "component", rec["name"], components)
        if rec["kind"] not in ALIAS_KINDS:
            problems.add(f"component_aliases.csv:{number}", f"unknown kind {rec['kind']!r}")
        if rec["kind"] == "cpe" and not RE_CPE_PAIR.match(rec["alias"]):
            problems.add(f"component_aliases.csv:{number}", f"cpe alias {rec['alias']!r} is not vendor:product")
        if rec["kind"] == "soname" and ".so" not in rec["alias"]:
            problems.add(f"component_aliases.csv:{number}", f"soname {rec['alias']!r} has no .so")
    for number, rec in tables.get("domains.csv", []):
        need("domains.csv", number, "vendor", rec["vendor"], vendor_names, have_vendors)
    for number, rec in tables.get("lists.csv", []):
        if rec["jurisdiction"] not in JURISDICTIONS:
            problems.add(f"lists.csv:{number}", f"jurisdiction {rec['jurisdiction']!r} is not ISO alpha-2 or EU")
        if not rec["url"]:
            problems.add(f"lists.csv:{number}", "url is empty")
    for number, rec in tables.get("list_entries.csv", []):
        need("list_entries.csv", number, "list", rec["list"], lists)
        need("list_entries.csv", number, "vendor", rec["vendor"], vendor_names, have_vendors)
        if rec["jurisdiction"] not in JURISDICTIONS:
            problems.add(f"list_entries.csv:{number}", f"jurisdiction {rec['jurisdiction']!r} is not ISO alpha-2 or EU")
        if not rec["source"]:
            problems.add(f"list_entries.csv:{number}", "source is empty")
    for number, rec in tables.get("chipsets.csv", []):
        where = f"chipsets.csv:{number}"
        need("chipsets.csv", number, "vendor", rec["vendor"], vendor_names, have_vendors)
        checks = [
            ("dt_compatible", RE_COMPAT),
            ("dt_prefixes", RE_PREFIX),
            ("kconfig", RE_KCONFIG),
            ("pci_ids", RE_PCI_USB),
            ("usb_ids", RE_PCI_USB),
        ]
        for column, pattern in checks:
            for item in split_list(rec[column]):
                if not pattern.match(item):
                    problems.add(where, f"{column} item {item!r} is malformed")
        if not rec["source"]:
            problems.add(where, "source is empty")
    for number, rec in tables.get("cves.csv", []):
        if rec.get("kev") not in ("", "0", "1"):
            problems.add(f"cves.csv:{number}", f"kev {rec.get('kev')!r} is not 0 or 1")
    for number, rec in tables.get("cve_ranges.csv", []):
        need("cve_ranges.csv", number, "component", rec["component"], components)
        need("cve_ranges.csv", number, "id", rec["id"], cves, "cves.csv" in tables)


def main(argv):
    seed_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems = Problems()
    layouts = parse_layouts(open(os.path.join(seed_dir, "README.md"), encoding="utf-8").read())
    missing_layouts = set(KEYS) - set(layouts)
    for name in sorted(missing_layouts):
        problems.add("README.md", f"no layout found for {name}")
    tables = {}
    for name, header in sorted(layouts.items()):
        path = os.path.join(seed_dir, name)
        if not os.path.exists(path):
            continue
        records = read_csv(path, name, header, problems)
        key_columns, unique = KEYS.get(name, (header[:1], True))
        check_order(name, records, key_columns, unique, problems)
        check_dates(name, records, problems)
        tables[name] = records
    for path in sorted(os.listdir(seed_dir)):
        if path.endswith(".csv") and path not in layouts:
            problems.add(path, "has no layout in README.md")
    vendor_names = check_vendors(tables.get("vendors.csv", []), problems) if "vendors.csv" in tables else set()
    check_references(tables, vendor_names, problems)
    for item in problems.items:
        print(item)
    counts = ", ".join(f"{name} {len(records)}" for name, records in sorted(tables.items()))
    print(f"checked {len(tables)} files ({counts}): {len(problems.items)} problems")
    return 1 if problems.items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
