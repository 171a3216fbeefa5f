-- 0004_cpe_findings: what a lookup by CPE product reads, in one place.
--
-- cpe_findings is derived data: one row per vulnerable cpe_ranges row whose
--   advisory is not Rejected and whose version is not NA ('-', which matches
--   nothing), with the bounds and evidence of the range and the facts of its
--   advisory (vulnerabilities, kev, epss) copied beside it, so a lookup joins
--   nothing. The 17 fact columns mirror the ones a lookup used to join (v.*
--   with the vulnerabilities names, kev_*, epss_*).
--   `match_key` orders the rows of one CPE vendor:product: for a range
--   (version '*') it is cpe_ranges.end_key (see 0002_vulnerabilities.sql), and
--   a lookup reads the keys at or above its version's; for an exact version
--   it is '#' and the version's sort key, which sorts below every other key
--   and is found by equality (versions the comparator calls equal have equal
--   sort keys), so exact versions other than the one asked about are never
--   read. The index cpe_findings_product covers the key and the bounds: the
--   version test runs on the index and only matching rows are read.
--   Every writer of the four source tables records the advisory ids it
--   touched and the same transaction rebuilds their rows
--   (scanner/db/cpe_findings.h); `pedigree db verify` recomputes the table
--   and reports any difference.
--
-- cpe_ranges_product goes: its only reader was the lookup, which now reads
--   cpe_findings; keeping it would cost every import an index write per range.

DROP INDEX cpe_ranges_product;

CREATE TABLE cpe_findings (
  id              INTEGER PRIMARY KEY,
  vendor          TEXT NOT NULL,
  product         TEXT NOT NULL,
  match_key       TEXT NOT NULL,
  version         TEXT NOT NULL,
  start_including TEXT,
  start_excluding TEXT,
  end_including   TEXT,
  end_excluding   TEXT,
  vuln_id         TEXT NOT NULL,
  criteria        TEXT NOT NULL,
  fixed_in        TEXT,
  data_source     TEXT NOT NULL,
  published       TEXT,
  cvss3_score     REAL,
  cvss3_version   TEXT,
  cvss3_vector    TEXT,
  cvss3_severity  TEXT,
  cvss4_score     REAL,
  cvss4_vector    TEXT,
  cvss4_severity  TEXT,
  cvss2_score     REAL,
  cvss2_vector    TEXT,
  cwes            TEXT,
  status          TEXT,
  kev_date_added  TEXT,
  kev_due_date    TEXT,
  kev_ransomware  TEXT,
  epss_score      REAL,
  epss_percentile REAL
);
CREATE INDEX cpe_findings_product ON cpe_findings(vendor, product, match_key, version, start_including,
                                                  start_excluding, end_including, end_excluding);
CREATE INDEX cpe_findings_vuln ON cpe_findings(vuln_id);

-- What cpe_findings holds (every column but id), computed from the source
-- tables: the rebuild of touched advisories and `db verify` both read it
-- (SQLite flattens the view, so a filter on vuln_id uses cpe_ranges_vuln).
CREATE VIEW cpe_findings_source AS
SELECT r.vendor, r.product, CASE r.version WHEN '*' THEN r.end_key ELSE '#' || r.end_key END AS match_key,
       r.version, r.start_including, r.start_excluding, r.end_including, r.end_excluding, r.vuln_id, r.criteria, r.fixed_in, r.data_source, v.published,
       v.cvss3_score, v.cvss3_version, v.cvss3_vector, v.cvss3_severity, v.cvss4_score, v.cvss4_vector,
       v.cvss4_severity, v.cvss2_score, v.cvss2_vector, v.cwes, v.status, k.date_added AS kev_date_added,
       k.due_date AS kev_due_date, k.ransomware AS kev_ransomware, e.score AS epss_score,
       e.percentile AS epss_percentile
FROM cpe_ranges r
LEFT JOIN vulnerabilities v ON v.id = r.vuln_id
LEFT JOIN kev k ON k.cve_id = r.vuln_id
LEFT JOIN epss e ON e.cve_id = r.vuln_id
WHERE r.vulnerable = 1 AND r.version <> '-' AND v.status IS NOT 'Rejected';

-- A database migrated from version 3 gets its findings now, in index order
-- so one product's rows are adjacent (as refresh_cpe_findings() inserts them).
INSERT INTO cpe_findings (vendor, product, match_key, version, start_including, start_excluding, end_including,
                          end_excluding, vuln_id, criteria, fixed_in, data_source, published, cvss3_score,
                          cvss3_version, cvss3_vector, cvss3_severity, cvss4_score, cvss4_vector, cvss4_severity,
                          cvss2_score, cvss2_vector, cwes, status, kev_date_added, kev_due_date, kev_ransomware,
                          epss_score, epss_percentile)
SELECT * FROM cpe_findings_source ORDER BY vendor, product, match_key;
