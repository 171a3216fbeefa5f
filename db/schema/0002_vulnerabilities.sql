-- 0002_vulnerabilities: known vulnerabilities and the versions they affect.
--
-- Every row carries `data_source`, the data_sources name that loaded it
-- ("seed:cves", "nvd-2024", "osv-…", "cisa-kev", "first-epss"), so a re-import
-- deletes what the same source loaded before and an answer can be traced.
--
-- vulnerabilities: one row per advisory id (a CVE id, or an OSV id such as
--   GHSA-… when the record is not a CVE). NVD records are upserted by id and
--   the row with the latest `modified` (NVD lastModified) wins, whichever
--   yearly file it came from. `summary` is the English description.
--   CVSS: v3.x is the score a report shows (`cvss3_*`, v3.1 preferred over
--   v3.0, NVD's own "Primary" assessment preferred over a CNA's). v2 and v4
--   are kept only when the record has them: v2 because older CVEs have nothing
--   else, v4 because newer CNAs publish it first; reports fall back v3 → v4 → v2.
--   `cwes` is a '|'-separated list of CWE ids (CWE-787|CWE-120).
--
-- cpe_ranges: one row per NVD cpeMatch entry (or curated seed range). The
--   criteria CPE's part, vendor and product are split out and indexed, which
--   is how a component is looked up. `version` is the exact version named in
--   the criteria ('*' ANY: then the four bounds apply, all open meaning every
--   version; '-' NA: matches no concrete version). The bounds are NVD's
--   versionStartIncluding / versionStartExcluding / versionEndIncluding /
--   versionEndExcluding, NULL when open. `vulnerable` is 0 for platform
--   conditions ("running on …") and for entries under a negated node: those
--   rows are kept for evidence but never match alone. `fixed_in` is the first
--   fixed version when the source says it (NVD: versionEndExcluding).
--   `end_key` is a sort key of the upper bound (the exact version, else
--   versionEnd*; '~' when open; '' for NA) that never orders two versions
--   against the comparator (scanner/db/version.h, version_sort_key). The index
--   (vendor, product, end_key) lets a lookup skip every range that ends below
--   the version asked about; the comparator then decides each remaining row
--   from the index alone (it covers the bounds), so only matching rows are read.
--   vulnerabilities keeps a rowid (rows are large: summaries) with id UNIQUE.
--
-- osv_affected: one row per OSV `affected` entry: ecosystem and package name
--   (indexed), the ranges as compact JSON ([{"type":"SEMVER","events":
--   [{"introduced":"0"},{"fixed":"1.2.3"}]}]) and the explicit versions as a
--   JSON array. `aliases` ('|'-separated) holds the record's other ids (CVE-…).
--
-- kev: CISA Known Exploited Vulnerabilities (one row per CVE): date added to
--   the catalog, remediation due date, known ransomware campaign use
--   ("Known"/"Unknown"), and the vendor/product/name as CISA writes them.
--
-- epss: FIRST EPSS probability of exploitation in the next 30 days (score)
--   and its percentile, both in [0, 1], with the date of the scores (the
--   curated seed gives a score without a percentile: NULL).
--
-- KEV and EPSS live in their own tables because they arrive on their own
-- schedule and may name CVEs the database has no record for yet; the view
-- vulnerability_facts joins them onto vulnerabilities.

CREATE TABLE vulnerabilities (
  id             TEXT NOT NULL UNIQUE,
  summary        TEXT NOT NULL DEFAULT '',
  published      TEXT,
  modified       TEXT,
  status         TEXT,
  cvss3_version  TEXT,
  cvss3_score    REAL,
  cvss3_vector   TEXT,
  cvss3_severity TEXT,
  cvss2_score    REAL,
  cvss2_vector   TEXT,
  cvss4_score    REAL,
  cvss4_vector   TEXT,
  cvss4_severity TEXT,
  cwes           TEXT NOT NULL DEFAULT '',
  data_source    TEXT NOT NULL
);
CREATE INDEX vulnerabilities_source ON vulnerabilities(data_source);

CREATE TABLE cpe_ranges (
  vuln_id         TEXT NOT NULL,
  vulnerable      INTEGER NOT NULL,
  criteria        TEXT NOT NULL,
  part            TEXT NOT NULL,
  vendor          TEXT NOT NULL,
  product         TEXT NOT NULL,
  version         TEXT NOT NULL,
  start_including TEXT,
  start_excluding TEXT,
  end_including   TEXT,
  end_excluding   TEXT,
  fixed_in        TEXT,
  end_key         TEXT NOT NULL,
  data_source     TEXT NOT NULL
);
CREATE INDEX cpe_ranges_product ON cpe_ranges(vendor, product, end_key, vulnerable, version, start_including,
                                              start_excluding, end_including, end_excluding);
CREATE INDEX cpe_ranges_vuln ON cpe_ranges(vuln_id);
CREATE INDEX cpe_ranges_source ON cpe_ranges(data_source);

CREATE TABLE osv_affected (
  vuln_id     TEXT NOT NULL,
  aliases     TEXT NOT NULL DEFAULT '',
  ecosystem   TEXT NOT NULL,
  package     TEXT NOT NULL,
  ranges      TEXT NOT NULL,
  versions    TEXT NOT NULL,
  data_source TEXT NOT NULL
);
CREATE INDEX osv_affected_package ON osv_affected(package, ecosystem);
CREATE INDEX osv_affected_source ON osv_affected(data_source);

CREATE TABLE kev (
  cve_id         TEXT PRIMARY KEY,
  vendor_project TEXT,
  product        TEXT,
  name           TEXT,
  date_added     TEXT NOT NULL,
  due_date       TEXT,
  ransomware     TEXT,
  data_source    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE epss (
  cve_id      TEXT PRIMARY KEY,
  score       REAL NOT NULL,
  percentile  REAL,
  score_date  TEXT,
  data_source TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIEW vulnerability_facts AS
  SELECT v.*, k.cve_id IS NOT NULL AS kev, k.date_added AS kev_date_added, k.due_date AS kev_due_date,
         k.ransomware AS kev_ransomware, e.score AS epss_score, e.percentile AS epss_percentile,
         e.score_date AS epss_date
  FROM vulnerabilities v
  LEFT JOIN kev k ON k.cve_id = v.id
  LEFT JOIN epss e ON e.cve_id = v.id;
