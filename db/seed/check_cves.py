#!/usr/bin/env python3
"""Consistency checks for cves.csv and cve_ranges.csv.

Checks the header, RFC 4180 quoting (by re-serialising every row and comparing
bytes), row order, that every CVE has at least one range and every range a CVE,
that components resolve against components.csv, that CVSS vectors parse and
their base score (CVSS v3.0/v3.1 specification formula) equals the recorded
score, ISO dates, and that a KEV date is not before the published date.

Usage: check_cves.py [SEED_DIR]   (default: the directory of this file)
Exit status 0 when clean, 1 with one line per problem otherwise.
"""
import csv
import datetime
import io
import math
import os
import re
import sys

CVES_HEADER = ['id', 'summary', 'published', 'cvss_version', 'cvss_score', 'cvss_vector',
               'cwe', 'kev', 'kev_date', 'epss', 'source', 'checked']
RANGES_HEADER = ['id', 'component', 'cpe_vendor', 'cpe_product', 'version_exact',
                 'start_including', 'start_excluding', 'end_including', 'end_excluding',
                 'fixed_in']
CVE_ID = re.compile(r'^CVE-\d{4}-\d{4,}$')
CWE_ID = re.compile(r'^(CWE-\d+|NVD-CWE-Other|NVD-CWE-noinfo)$')
NVD_URL = 'https://nvd.nist.gov/vuln/detail/'

# Metric weights from the CVSS v3.1 specification, section 7.4 (same values in v3.0).
AV = {'N': 0.85, 'A': 0.62, 'L': 0.55, 'P': 0.2}
AC = {'L': 0.77, 'H': 0.44}
PR_UNCHANGED = {'N': 0.85, 'L': 0.62, 'H': 0.27}
PR_CHANGED = {'N': 0.85, 'L': 0.68, 'H': 0.5}
UI = {'N': 0.85, 'R': 0.62}
CIA = {'H': 0.56, 'L': 0.22, 'N': 0.0}
BASE_METRICS = ('AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A')


def roundup_v31(value):
    """CVSS v3.1 Appendix A Roundup: avoids floating-point artefacts."""
    scaled = round(value * 100000)
    if scaled % 10000 == 0:
        return scaled / 100000.0
    return (math.floor(scaled / 10000) + 1) / 10.0


def roundup_v30(value):
    """CVSS v3.0 Roundup: smallest one-decimal number not below the value."""
    return math.ceil(value * 10) / 10.0


def parse_vector(vector):
    """Returns (version, metrics dict) or raises ValueError."""
    parts = vector.split('/')
    head = parts[0]
    if head not in ('CVSS:3.0', 'CVSS:3.1'):
        raise ValueError(f'unsupported prefix {head!r}')
    metrics = {}
    for part in parts[1:]:
        key, sep, value = part.partition(':')
        if not sep or key in metrics:
            raise ValueError(f'bad or repeated metric {part!r}')
        metrics[key] = value
    if tuple(metrics) != BASE_METRICS:
        raise ValueError('base metrics missing or out of order')
    valid = {'AV': AV, 'AC': AC, 'PR': PR_UNCHANGED, 'UI': UI, 'S': {'U': 0, 'C': 0},
             'C': CIA, 'I': CIA, 'A': CIA}
    for key, value in metrics.items():
        if value not in valid[key]:
            raise ValueError(f'bad value {key}:{value}')
    return head[5:], metrics


def base_score(vector):
    """Base score of a CVSS v3.0/v3.1 vector string."""
    version, m = parse_vector(vector)
    changed = m['S'] == 'C'
    iss = 1 - (1 - CIA[m['C']]) * (1 - CIA[m['I']]) * (1 - CIA[m['A']])
    if changed:
        impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15
    else:
        impact = 6.42 * iss
    pr = (PR_CHANGED if changed else PR_UNCHANGED)[m['PR']]
    exploitability = 8.22 * AV[m['AV']] * AC[m['AC']] * pr * UI[m['UI']]
    if impact <= 0:
        return 0.0
    roundup = roundup_v31 if version == '3.1' else roundup_v30
    total = impact + exploitability
    if changed:
        total *= 1.08
    return roundup(min(total, 10))


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text) if re.fullmatch(r'\d{4}-\d{2}-\d{2}', text) else None
    except ValueError:
        return None


class Checker:
    def __init__(self, seed_dir):
        self.seed_dir = seed_dir
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f'{where}: {message}')

    def load(self, name, header):
        """Reads a CSV file, checking header and byte-exact canonical quoting."""
        path = os.path.join(self.seed_dir, name)
        with open(path, 'rb') as f:
            raw = f.read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as err:
            self.fail(name, f'not UTF-8: {err}')
            return []
        rows = list(csv.reader(io.StringIO(text, newline='')))
        if not rows or rows[0] != header:
            self.fail(name, f'header must be {",".join(header)}')
            return []
        canonical = io.StringIO()
        csv.writer(canonical, lineterminator='\n').writerows(rows)
        for number, (got, want) in enumerate(
                zip(text.splitlines(), canonical.getvalue().splitlines()), start=1):
            if got != want:
                self.fail(f'{name}:{number}', 'quoting differs from minimal RFC 4180 form')
                break
        if not text.endswith('\n'):
            self.fail(name, 'last line must end with a newline')
        body = rows[1:]
        for number, row in enumerate(body, start=2):
            if len(row) != len(header):
                self.fail(f'{name}:{number}', f'{len(row)} fields, expected {len(header)}')
        return [dict(zip(header, row)) for row in body if len(row) == len(header)]

    def check_cves(self, rows):
        ids = [r['id'] for r in rows]
        if ids != sorted(ids):
            self.fail('cves.csv', 'rows are not sorted by id')
        if len(set(ids)) != len(ids):
            self.fail('cves.csv', 'duplicate ids')
        for r in rows:
            where = f'cves.csv {r["id"]}'
            if not CVE_ID.match(r['id']):
                self.fail(where, 'malformed id')
            if not r['summary'].strip():
                self.fail(where, 'empty summary')
            published = iso_date(r['published'])
            if published is None:
                self.fail(where, f'published {r["published"]!r} is not YYYY-MM-DD')
            self.check_cvss(where, r)
            if r['cwe'] and not all(CWE_ID.match(c) for c in r['cwe'].split('|')):
                self.fail(where, f'bad cwe {r["cwe"]!r}')
            if r['kev'] not in ('0', '1'):
                self.fail(where, 'kev must be 0 or 1')
            if r['kev_date']:
                kev_date = iso_date(r['kev_date'])
                if r['kev'] != '1':
                    self.fail(where, 'kev_date without kev=1')
                if kev_date is None:
                    self.fail(where, 'kev_date is not YYYY-MM-DD')
                elif published and kev_date < published:
                    self.fail(where, 'kev_date before published')
            if r['epss']:
                try:
                    if not 0.0 <= float(r['epss']) <= 1.0:
                        raise ValueError
                except ValueError:
                    self.fail(where, 'epss must be a probability in [0, 1]')
            if r['source'] != NVD_URL + r['id']:
                self.fail(where, 'source must be the NVD detail page of the id')
            if r['checked'] and iso_date(r['checked']) is None:
                self.fail(where, 'checked is not YYYY-MM-DD')

    def check_cvss(self, where, r):
        vector, score, version = r['cvss_vector'], r['cvss_score'], r['cvss_version']
        if not vector:
            if score or version:
                self.fail(where, 'score or version without a vector')
            return
        try:
            computed = base_score(vector)
        except ValueError as err:
            self.fail(where, f'bad vector {vector!r}: {err}')
            return
        if version != vector[5:8]:
            self.fail(where, f'cvss_version {version!r} does not match the vector')
        try:
            recorded = float(score)
        except ValueError:
            self.fail(where, f'bad score {score!r}')
            return
        if abs(recorded - computed) > 1e-9:
            self.fail(where, f'score {score} but the vector computes to {computed}')

    def check_ranges(self, rows, cve_ids, components):
        keys = [list(r.values()) for r in rows]
        if keys != sorted(keys):
            self.fail('cve_ranges.csv', 'rows are not sorted (by id, then the other columns)')
        seen = set()
        for r in rows:
            where = f'cve_ranges.csv {r["id"]} {r["component"]}'
            key = tuple(r.values())
            if key in seen:
                self.fail(where, 'duplicate row')
            seen.add(key)
            if r['id'] not in cve_ids:
                self.fail(where, 'id not in cves.csv')
            if r['component'] not in components:
                self.fail(where, 'component not in components.csv')
            bounds = [r[k] for k in ('start_including', 'start_excluding',
                                     'end_including', 'end_excluding')]
            if r['version_exact'] and any(bounds):
                self.fail(where, 'version_exact together with range bounds')
            if r['start_including'] and r['start_excluding']:
                self.fail(where, 'two start bounds')
            if r['end_including'] and r['end_excluding']:
                self.fail(where, 'two end bounds')
            if not r['version_exact'] and not any(bounds):
                self.fail(where, 'no version bound at all')
            if not r['cpe_vendor'] or not r['cpe_product']:
                self.fail(where, 'empty CPE vendor or product')
        for cve in cve_ids - {r['id'] for r in rows}:
            self.fail(f'cves.csv {cve}', 'no row in cve_ranges.csv')

    def run(self):
        components = {r['name'] for r in self.load('components.csv',
                      ['name', 'cpe_vendor', 'cpe_product', 'purl_type', 'purl_namespace',
                       'purl_name', 'supplier', 'upstream'])}
        cves = self.load('cves.csv', CVES_HEADER)
        self.check_cves(cves)
        ranges = self.load('cve_ranges.csv', RANGES_HEADER)
        self.check_ranges(ranges, {r['id'] for r in cves}, components)
        return cves, ranges


def self_test():
    """Known scores from the specification's examples and NVD records."""
    cases = {
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H': 9.8,
        'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H': 7.8,
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H': 10.0,
        'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N': 5.9,
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N': 6.1,
        'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N': 7.5,
        'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:H': 5.3,
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N': 0.0,
    }
    for vector, want in cases.items():
        got = base_score(vector)
        if got != want:
            raise SystemExit(f'self-test: {vector} computes {got}, expected {want}')


def main(argv):
    self_test()
    seed_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    checker = Checker(seed_dir)
    cves, ranges = checker.run()
    for problem in checker.problems:
        print(problem)
    kev = sum(1 for r in cves if r['kev'] == '1')
    print(f'{len(cves)} CVEs, {len(ranges)} ranges, {kev} KEV; '
          f'{len(checker.problems)} problem(s)')
    return 1 if checker.problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
