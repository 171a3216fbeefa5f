// The read-only lookups a scan makes in the provenance database. Plain structs
// out; no SQLite type crosses this header. Open one ProvenanceDb per thread:
// a connection and its statements are not shared between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// A regulatory list entry that names a vendor or one of its parents.
struct ListEntryInfo {
  std::string list;  ///< "fcc-covered", "entity-list", ...
  std::string jurisdiction;
  std::string entity;  ///< as the list writes it
  std::string vendor;  ///< the vendor it is attributed to (the looked-up one or a parent)
  std::string scope;
  std::string date_added;
  std::string source;
};

/// A vendor and the companies above it.
struct VendorLink {
  std::string name;
  std::string country;  ///< ISO 3166-1 alpha-2; empty when unknown
  std::string ownership;
};

struct VendorInfo {
  std::string name;
  std::string country;
  std::string ownership;
  std::string website;
  std::vector<std::string> roles;
  std::string source;
  std::string checked;
  std::vector<VendorLink> parents;          ///< nearest parent first
  std::vector<ListEntryInfo> list_entries;  ///< of the vendor and of each parent
};

struct ComponentInfo {
  std::string name;  ///< canonical name
  std::string cpe_vendor;
  std::string cpe_product;
  std::string purl_type;
  std::string purl_namespace;
  std::string purl_name;
  std::string supplier;  ///< vendor name, empty for community projects
  std::string upstream;
  std::string matched_by;  ///< "name", "package", "soname", "cpe"
};

struct MacOrganization {
  std::string prefix;  ///< upper-case hex of the matching block
  int bits = 0;        ///< 24, 28 or 36
  std::string registry;
  std::string organization;
  std::string country;
  std::string address;
};

enum class Bus { kPci, kUsb };

/// What identifies a chipset family; see chipset_keys in db/schema/0001_core.sql.
enum class ChipsetKey { kDtCompatible, kDtPrefix, kString, kKconfig, kPci, kUsb };

struct ChipsetCandidate {
  std::string vendor;
  std::string vendor_country;
  std::string family;
  std::vector<std::string> models;
  std::string matched_key;  ///< the key (or glob) that matched
};

struct CaInfo {
  std::string store;
  std::string sha256;
  std::string subject;
  std::string organization;
  std::string country;
  std::string not_after;
};

/// The vendor that operates a registrable domain (db/seed/domains.csv).
struct DomainOwner {
  std::string domain;
  std::string vendor;
  std::string vendor_country;  ///< empty when the vendor is not in vendors.csv
  std::string role;            ///< cloud, iot-platform, update, telemetry, ntp
};

class ProvenanceDb {
 public:
  /// Opens `path` read-only; a missing file, a file that is not a Pedigree
  /// database or one at another schema version is an error naming the path.
  static Result<ProvenanceDb> open(const std::string& path);

  /// By name or any alias, ignoring case and punctuation.
  Result<std::optional<VendorInfo>> vendor(std::string_view name);
  /// By canonical name, then a package/soname/cpe alias, then "vendor:product" CPE.
  Result<std::optional<ComponentInfo>> component(std::string_view name);
  /// `mac` as "00:11:22:33:44:55", "00-11-22-…" or hex digits (at least 6);
  /// the longest registered prefix wins (MA-S, then MA-M, then MA-L).
  Result<std::optional<MacOrganization>> mac_organization(std::string_view mac);
  Result<std::optional<std::string>> hw_vendor_name(Bus bus, std::uint16_t vendor);
  Result<std::optional<std::string>> hw_device_name(Bus bus, std::uint16_t vendor, std::uint16_t device);
  /// Families whose `kind` keys match `value`: dt_compatible exactly or by
  /// glob; dt_prefix by the part of `value` before ','; string when the key
  /// occurs in `value`; kconfig exactly; pci/usb as "vvvv:dddd". One
  /// candidate per family and its smallest matching key, except for strings:
  /// one per family and matching key, in key order, since the caller keeps
  /// only keys that occur as whole words.
  Result<std::vector<ChipsetCandidate>> chipsets(ChipsetKey kind, std::string_view value);
  /// Every key of a kind, sorted (for building a matcher over file contents).
  Result<std::vector<std::string>> chipset_keys(ChipsetKey kind);
  /// By registrable domain ("aliyuncs.com"), lower case.
  Result<std::optional<DomainOwner>> domain_owner(std::string_view domain);
  /// Hex with or without ':' separators, any case.
  Result<std::vector<CaInfo>> ca_by_sha256(std::string_view sha256);
  /// Subject organisation, ignoring case.
  Result<std::vector<CaInfo>> ca_by_organization(std::string_view organization);

  /// The connection, for lookups that live elsewhere (vulnerabilities).
  Database& database() { return db_; }

 private:
  explicit ProvenanceDb(Database db) : db_(std::move(db)) {}
  /// The statement for `sql`, compiled on first use and reset for this one:
  /// a scan asks the same questions thousands of times (one per module alias).
  Result<Statement*> statement(const std::string& sql);
  /// The parent chain of vendor `id`; appends each parent's id to `ids`.
  Result<std::vector<VendorLink>> parents_of(std::int64_t id, std::vector<std::int64_t>& ids);
  Result<std::vector<ListEntryInfo>> entries_of(std::int64_t id);

  Database db_;
  std::map<std::string, Statement, std::less<>> statements_;  // after db_: finalized before it closes
};

/// The chipset_keys.kind text of a ChipsetKey.
std::string_view chipset_key_name(ChipsetKey kind);

}  // namespace pedigree::db
