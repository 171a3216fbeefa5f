-- 0005_cpe_findings_packed: cpe_findings keeps what a lookup reads in four
-- columns instead of 21.
--
-- A lookup reads every matching row of a CPE product (a Linux kernel version
-- matches thousands), and SQLite's cost per row grows with the number of
-- columns it decodes and hands over. The row keeps the columns the index and
-- the version test need; everything else a finding shows is joined into:
--   facts   criteria, fixed_in, data_source, published, then the CVSS score,
--           version, vector and severity a finding shows (v3.x first, then
--           v4, then v2, as 0002_vulnerabilities.sql orders them), then cwes;
--   kev     the KEV date added, due date and ransomware use;
-- and the EPSS score and percentile stay numbers. KEV and EPSS are kept
-- apart so that their imports rewrite only those columns, read from this
-- view (scanner/db/cpe_findings.cpp); an EPSS file rescores nearly every CVE,
-- and numbers need no formatting.
-- Fields are separated by the unit separator, char(31), which is replaced
-- by a space inside a field; an absent value is an empty field. The CVSS
-- score is SQLite's text of the REAL (15 significant digits: the sources'
-- one-decimal scores come back exactly). The status column goes: the view
-- leaves out Rejected advisories, so every row's advisory is in force.
-- Everything 0004 says of match_key, the index and the upkeep still holds.

DROP VIEW cpe_findings_source;
DROP TABLE cpe_findings;

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
  facts           TEXT NOT NULL,
  kev             TEXT NOT NULL,
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
       r.version, r.start_including, r.start_excluding, r.end_including, r.end_excluding, r.vuln_id,
       replace(r.criteria, char(31), ' ') || char(31) || replace(ifnull(r.fixed_in, ''), char(31), ' ') || char(31)
       || replace(r.data_source, char(31), ' ') || char(31) || replace(ifnull(v.published, ''), char(31), ' ')
       || char(31)
       || CASE WHEN v.cvss3_score IS NOT NULL THEN
                 v.cvss3_score || char(31) || replace(ifnull(v.cvss3_version, ''), char(31), ' ') || char(31)
                 || replace(ifnull(v.cvss3_vector, ''), char(31), ' ') || char(31)
                 || replace(ifnull(v.cvss3_severity, ''), char(31), ' ')
               WHEN v.cvss4_score IS NOT NULL THEN
                 v.cvss4_score || char(31) || '4.0' || char(31) || replace(ifnull(v.cvss4_vector, ''), char(31), ' ')
                 || char(31) || replace(ifnull(v.cvss4_severity, ''), char(31), ' ')
               WHEN v.cvss2_score IS NOT NULL THEN
                 v.cvss2_score || char(31) || '2.0' || char(31) || replace(ifnull(v.cvss2_vector, ''), char(31), ' ')
                 || char(31)
               ELSE char(31) || char(31) || char(31) END
       || char(31) || replace(ifnull(v.cwes, ''), char(31), ' ') AS facts,
       replace(ifnull(k.date_added, ''), char(31), ' ') || char(31) || replace(ifnull(k.due_date, ''), char(31), ' ')
       || char(31) || replace(ifnull(k.ransomware, ''), char(31), ' ') AS kev,
       e.score AS epss_score, e.percentile AS epss_percentile
FROM cpe_ranges r
LEFT JOIN vulnerabilities v ON v.id = r.vuln_id
LEFT JOIN kev k ON k.cve_id = r.vuln_id
LEFT JOIN epss e ON e.cve_id = r.vuln_id
WHERE r.vulnerable = 1 AND r.version <> '-' AND v.status IS NOT 'Rejected';

-- A database migrated from version 4 gets its findings now, in index order
-- so one product's rows are adjacent (as refresh_cpe_findings() inserts them).
INSERT INTO cpe_findings (vendor, product, match_key, version, start_including, start_excluding, end_including,
                          end_excluding, vuln_id, facts, kev, epss_score, epss_percentile)
SELECT * FROM cpe_findings_source ORDER BY vendor, product, match_key;
