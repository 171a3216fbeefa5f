// ProvenanceDb: MAC blocks, PCI/USB names, chipset keys and CAs.
#include "scanner/db/provenance.h"
#include "scanner/db/seed_file.h"

namespace pedigree::db {
namespace {

/// Hex digits of the MA-L, MA-M and MA-S prefixes, longest first.
constexpr int kPrefixDigits[] = {9, 7, 6};

std::string_view bus_name(Bus bus) { return bus == Bus::kPci ? "pci" : "usb"; }

/// Hex digits of `s`, upper-cased, with ':', '-', '.' and spaces removed;
/// empty when anything else appears.
std::string hex_digits(std::string_view s, bool upper) {
  std::string out;
  for (char c : s) {
    if (c == ':' || c == '-' || c == '.' || c == ' ') continue;
    bool digit = c >= '0' && c <= '9';
    bool lo = c >= 'a' && c <= 'f', hi = c >= 'A' && c <= 'F';
    if (!digit && !lo && !hi) return {};
    if (upper && lo) c = static_cast<char>(c - 'a' + 'A');
    if (!upper && hi) c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

Result<std::vector<CaInfo>> ca_rows(Statement& q) {
  std::vector<CaInfo> out;
  for (;;) {
    auto row = q.step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(
        {q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4), q.column_text(5)});
  }
  return out;
}

Result<std::optional<std::string>> one_text(Statement& q) {
  auto row = q.step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(q.column_text(0));
}

}  // namespace

Result<std::optional<MacOrganization>> ProvenanceDb::mac_organization(std::string_view mac) {
  std::string hex = hex_digits(mac, true);
  if (hex.size() < static_cast<std::size_t>(kPrefixDigits[2])) return std::optional<MacOrganization>();
  auto q = db_.prepare(
      "SELECT prefix, bits, registry, organization, country, address FROM mac_blocks "
      "WHERE (bits = 36 AND prefix = ?1) OR (bits = 28 AND prefix = ?2) OR (bits = 24 AND prefix = ?3) "
      "ORDER BY bits DESC LIMIT 1");
  if (!q) return q.error();
  for (int i = 0; i < 3; ++i) q->bind(i + 1, hex.substr(0, static_cast<std::size_t>(kPrefixDigits[i])));
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<MacOrganization>();
  return std::optional<MacOrganization>(MacOrganization{q->column_text(0), static_cast<int>(q->column_int(1)),
                                                        q->column_text(2), q->column_text(3), q->column_text(4),
                                                        q->column_text(5)});
}

Result<std::optional<std::string>> ProvenanceDb::hw_vendor_name(Bus bus, std::uint16_t vendor) {
  auto q = db_.prepare("SELECT name FROM hw_vendors WHERE bus = ? AND vendor_id = ?");
  if (!q) return q.error();
  q->bind(1, bus_name(bus)).bind(2, static_cast<std::int64_t>(vendor));
  return one_text(*q);
}

Result<std::optional<std::string>> ProvenanceDb::hw_device_name(Bus bus, std::uint16_t vendor, std::uint16_t device) {
  auto q = db_.prepare("SELECT name FROM hw_devices WHERE bus = ? AND vendor_id = ? AND device_id = ?");
  if (!q) return q.error();
  q->bind(1, bus_name(bus)).bind(2, static_cast<std::int64_t>(vendor)).bind(3, static_cast<std::int64_t>(device));
  return one_text(*q);
}

Result<std::vector<ChipsetCandidate>> ProvenanceDb::chipsets(ChipsetKey kind, std::string_view value) {
  std::string v(value);
  const char* match = "k.key = ?2";
  if (kind == ChipsetKey::kDtCompatible) match = "(k.key = ?2 OR (k.is_glob = 1 AND ?2 GLOB k.key))";
  if (kind == ChipsetKey::kString) match = "instr(?2, k.key) > 0";
  if (kind == ChipsetKey::kDtPrefix) v = v.substr(0, v.find(','));
  if (kind == ChipsetKey::kPci || kind == ChipsetKey::kUsb) v = hex_digits(v, false);
  if ((kind == ChipsetKey::kPci || kind == ChipsetKey::kUsb) && v.size() == 8) v.insert(4, ":");
  // A string key found inside `value` may still not be a word of it; each is
  // returned so that the caller can check them all.
  const char* group =
      kind == ChipsetKey::kString ? " GROUP BY f.id, k.key ORDER BY f.id, k.key" : " GROUP BY f.id ORDER BY f.id";
  auto st = statement(std::string("SELECT f.vendor_name, coalesce(vd.country, ''), f.family, f.models, min(k.key) "
                                  "FROM chipset_keys k JOIN chipset_families f ON f.id = k.family_id "
                                  "LEFT JOIN vendors vd ON vd.id = f.vendor_id WHERE k.kind = ?1 AND ") +
                      match + group);
  if (!st) return st.error();
  Statement& q = **st;
  q.bind(1, chipset_key_name(kind)).bind(2, v);
  std::vector<ChipsetCandidate> out;
  for (;;) {
    auto row = q.step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(
        {q.column_text(0), q.column_text(1), q.column_text(2), split_list(q.column_text(3)), q.column_text(4)});
  }
  q.reset();
  return out;
}

Result<std::vector<std::string>> ProvenanceDb::chipset_keys(ChipsetKey kind) {
  auto q = db_.prepare("SELECT DISTINCT key FROM chipset_keys WHERE kind = ? ORDER BY key");
  if (!q) return q.error();
  q->bind(1, chipset_key_name(kind));
  std::vector<std::string> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(q->column_text(0));
  }
  return out;
}

Result<std::vector<CaInfo>> ProvenanceDb::ca_by_sha256(std::string_view sha256) {
  auto q = db_.prepare(
      "SELECT store, sha256, subject, coalesce(organization, ''), coalesce(country, ''), coalesce(not_after, '') "
      "FROM certificate_authorities WHERE sha256 = ? ORDER BY store");
  if (!q) return q.error();
  q->bind(1, hex_digits(sha256, false));
  return ca_rows(*q);
}

Result<std::vector<CaInfo>> ProvenanceDb::ca_by_organization(std::string_view organization) {
  auto q = db_.prepare(
      "SELECT store, sha256, subject, coalesce(organization, ''), coalesce(country, ''), coalesce(not_after, '') "
      "FROM certificate_authorities WHERE organization = ? COLLATE NOCASE ORDER BY subject, sha256, store");
  if (!q) return q.error();
  q->bind(1, organization);
  return ca_rows(*q);
}

}  // namespace pedigree::db
