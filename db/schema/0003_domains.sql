-- 0003_domains: who operates the domains devices talk to.
--
-- domain_owners: one row per registrable domain (eTLD+1 by the Public Suffix
--   List, lower case: "aliyuncs.com", "tuyacn.com") and the vendor that
--   operates it, with the role it plays there ("cloud", "iot-platform",
--   "update", "telemetry", "ntp"). A scan looks an endpoint's registrable
--   domain up here to name the cloud behind it. `vendor_id` is NULL when the
--   vendor is not in vendors.csv; `vendor_name` keeps the name as written.
CREATE TABLE domain_owners (
  domain      TEXT PRIMARY KEY,
  vendor_id   INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  vendor_name TEXT NOT NULL,
  role        TEXT NOT NULL,
  source      TEXT,
  checked     TEXT,
  data_source TEXT NOT NULL
);
CREATE INDEX domain_owners_vendor ON domain_owners(vendor_id);
