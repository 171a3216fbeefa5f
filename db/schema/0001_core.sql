-- 0001_core: the provenance core of the Pedigree database.
--
-- Every fact in the database can be traced to where it came from. Two kinds of
-- provenance live side by side:
--   * `data_source` (on every data row) names the row in `data_sources` that
--     loaded it: a seed file ("seed:vendors") or an import ("ieee-oui",
--     "pci-ids", "ca-store", ...). Re-importing a source first deletes the rows
--     carrying its name, so an import is idempotent.
--   * `source` and `checked` (on curated rows) cite the public document a fact
--     was taken from and the date it was last checked, as in db/seed/*.csv.
--
-- data_sources: one row per loaded input: its name, the importer kind, the
--   version or date the input states about itself, the SHA-256 of the input
--   bytes and when it was imported (UTC, ISO 8601; SOURCE_DATE_EPOCH when set).
--   data_source_rows holds how many rows it put into each table.
--
-- vendors: companies (SoC and module makers, device makers, SDK and component
--   vendors, certificate authorities). `country` is the ISO 3166-1 alpha-2 code
--   of the headquarters; `parent_id` points at the parent company, so a chip
--   unit or subsidiary inherits its parent's list entries. `roles` is a
--   '|'-separated set (soc, module, odm, oem, sdk, component, ca, cloud,
--   network). vendor_aliases maps every spelling (the name itself included) to
--   its vendor through `key`: the spelling lower-cased with everything but
--   letters and digits removed, so "Hikvision Digital Technology Co., Ltd." and
--   "HIKVISION digital technology co ltd" meet.
--
-- lists, list_entries: regulatory lists (FCC Covered List, NDAA §889, Entity
--   List, ...) and their entries. `entity` is the name as the list writes it;
--   `vendor_id` the vendor it is attributed to (NULL when the vendor is not in
--   the vendors table; `vendor_name` keeps what the seed said).
--
-- chipset_families, chipset_keys: SoC families and, one row per key, what
--   identifies them in firmware. `kind` is dt_compatible (a device-tree
--   compatible string, possibly a glob such as "mediatek,mt7621*"), dt_prefix
--   (a device-tree vendor prefix), string (a bootloader/kernel/SDK string),
--   kconfig (CONFIG_ symbol), pci or usb ("vvvv:dddd", lower-case hex).
--   `is_glob` is 1 when `key` holds * ? or [ and must be matched with GLOB.
--
-- components, component_aliases: the canonical component names used by rules,
--   reports and vulnerability ranges, with their CPE vendor/product, purl parts,
--   upstream and commercial supplier. The mapping from package names, sonames
--   and other CPE names to a component is data (component_aliases), not code.
--
-- mac_blocks: IEEE registry assignments. `prefix` is the upper-case hex of the
--   first `bits` bits of the address (6 digits for MA-L/24 bits, 7 for MA-M/28,
--   9 for MA-S/36); the longest matching prefix wins. `country` is derived from
--   the organisation's address (NULL when the address is empty or private).
--
-- hw_vendors, hw_devices: PCI and USB vendor and device names from pci.ids and
--   usb.ids; `bus` is 'pci' or 'usb', ids are integers.
--
-- certificate_authorities: CA certificates of a trust store: subject (one-line
--   RFC 2253 form), organisation, country, SHA-256 of the DER certificate
--   (lower-case hex), not_after (YYYY-MM-DD) and the store it belongs to. A
--   certificate in several stores has one row per store.

CREATE TABLE data_sources (
  name        TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  version     TEXT NOT NULL DEFAULT '',
  sha256      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE data_source_rows (
  source     TEXT NOT NULL REFERENCES data_sources(name) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  rows       INTEGER NOT NULL,
  PRIMARY KEY (source, table_name)
);

CREATE TABLE vendors (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  country     TEXT,
  parent_id   INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  parent_name TEXT,
  ownership   TEXT,
  website     TEXT,
  roles       TEXT,
  source      TEXT,
  checked     TEXT,
  data_source TEXT NOT NULL
);
CREATE INDEX vendors_parent ON vendors(parent_id);

CREATE TABLE vendor_aliases (
  key         TEXT NOT NULL,
  alias       TEXT NOT NULL,
  vendor_id   INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
  data_source TEXT NOT NULL,
  PRIMARY KEY (key, vendor_id)
);
CREATE INDEX vendor_aliases_vendor ON vendor_aliases(vendor_id);

CREATE TABLE lists (
  id           TEXT PRIMARY KEY,
  jurisdiction TEXT NOT NULL,
  title        TEXT NOT NULL,
  authority    TEXT,
  url          TEXT,
  checked      TEXT,
  data_source  TEXT NOT NULL
);

CREATE TABLE list_entries (
  id           INTEGER PRIMARY KEY,
  list         TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  entity       TEXT NOT NULL,
  vendor_id    INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  vendor_name  TEXT,
  scope        TEXT,
  date_added   TEXT,
  source       TEXT,
  checked      TEXT,
  data_source  TEXT NOT NULL
);
CREATE INDEX list_entries_vendor ON list_entries(vendor_id);
CREATE INDEX list_entries_list ON list_entries(list);

CREATE TABLE chipset_families (
  id          INTEGER PRIMARY KEY,
  vendor_id   INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  vendor_name TEXT NOT NULL,
  family      TEXT NOT NULL,
  models      TEXT,
  source      TEXT,
  checked     TEXT,
  data_source TEXT NOT NULL
);
CREATE INDEX chipset_families_vendor ON chipset_families(vendor_id);

CREATE TABLE chipset_keys (
  family_id   INTEGER NOT NULL REFERENCES chipset_families(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('dt_compatible', 'dt_prefix', 'string', 'kconfig', 'pci', 'usb')),
  key         TEXT NOT NULL,
  is_glob     INTEGER NOT NULL DEFAULT 0,
  data_source TEXT NOT NULL,
  PRIMARY KEY (kind, key, family_id)
);
CREATE INDEX chipset_keys_family ON chipset_keys(family_id);
CREATE INDEX chipset_keys_glob ON chipset_keys(kind, is_glob);

CREATE TABLE components (
  name           TEXT PRIMARY KEY,
  cpe_vendor     TEXT,
  cpe_product    TEXT,
  purl_type      TEXT,
  purl_namespace TEXT,
  purl_name      TEXT,
  supplier_id    INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  supplier_name  TEXT,
  upstream       TEXT,
  data_source    TEXT NOT NULL
);
CREATE INDEX components_cpe ON components(cpe_vendor, cpe_product);

CREATE TABLE component_aliases (
  alias       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('package', 'soname', 'cpe')),
  name        TEXT NOT NULL,
  data_source TEXT NOT NULL,
  PRIMARY KEY (alias, kind)
);
CREATE INDEX component_aliases_name ON component_aliases(name);

CREATE TABLE mac_blocks (
  prefix       TEXT NOT NULL,
  bits         INTEGER NOT NULL CHECK (bits IN (24, 28, 36)),
  registry     TEXT NOT NULL,
  organization TEXT NOT NULL,
  address      TEXT,
  country      TEXT,
  data_source  TEXT NOT NULL,
  PRIMARY KEY (bits, prefix)
);
CREATE INDEX mac_blocks_source ON mac_blocks(data_source);

CREATE TABLE hw_vendors (
  bus         TEXT NOT NULL CHECK (bus IN ('pci', 'usb')),
  vendor_id   INTEGER NOT NULL,
  name        TEXT NOT NULL,
  data_source TEXT NOT NULL,
  PRIMARY KEY (bus, vendor_id)
);

CREATE TABLE hw_devices (
  bus         TEXT NOT NULL CHECK (bus IN ('pci', 'usb')),
  vendor_id   INTEGER NOT NULL,
  device_id   INTEGER NOT NULL,
  name        TEXT NOT NULL,
  data_source TEXT NOT NULL,
  PRIMARY KEY (bus, vendor_id, device_id)
);

CREATE TABLE certificate_authorities (
  store        TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  subject      TEXT NOT NULL,
  organization TEXT,
  country      TEXT,
  not_after    TEXT,
  data_source  TEXT NOT NULL,
  PRIMARY KEY (store, sha256)
);
CREATE INDEX certificate_authorities_sha256 ON certificate_authorities(sha256);
CREATE INDEX certificate_authorities_org ON certificate_authorities(organization COLLATE NOCASE);
CREATE INDEX certificate_authorities_source ON certificate_authorities(data_source);
