#include "scanner/db/provenance.h"

#include <doctest/doctest.h>

#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

/// A read-only ProvenanceDb over a database built from the fixtures.
struct Fixture {
  test::ScratchDir dir;
  ProvenanceDb db = open();
  ProvenanceDb open() {
    test::build_fixture_db(dir.path("p.db"));
    auto p = ProvenanceDb::open(dir.path("p.db"));
    REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message));
    return std::move(*p);
  }
};

TEST_CASE("provenance: a vendor by alias, with its parent chain and the parent's list entries") {
  Fixture f;
  auto v = f.db.vendor("HISILICON TECHNOLOGIES CO., LTD.");
  REQUIRE(v.ok());
  REQUIRE(v->has_value());
  const VendorInfo& hisi = **v;
  CHECK(hisi.name == "HiSilicon");
  CHECK(hisi.country == "CN");
  CHECK(hisi.roles == std::vector<std::string>{"soc"});
  REQUIRE(hisi.parents.size() == 1);
  CHECK(hisi.parents[0].name == "Huawei");
  REQUIRE(hisi.list_entries.size() == 1);
  CHECK(hisi.list_entries[0].list == "fcc-covered");
  CHECK(hisi.list_entries[0].vendor == "Huawei");
  CHECK(hisi.list_entries[0].date_added == "2021-03-12");
  CHECK_FALSE(f.db.vendor("No Such Vendor")->has_value());
}

TEST_CASE("provenance: a parent cycle in the data ends the chain") {
  test::ScratchDir dir;
  test::build_fixture_db(dir.path("p.db"));
  {
    auto rw = Database::open(dir.path("p.db"), OpenMode::kReadWrite);
    REQUIRE(rw->exec("UPDATE vendors SET parent_id = (SELECT id FROM vendors WHERE name = 'HiSilicon') "
                     "WHERE name = 'Huawei'")
                .ok());
  }
  auto p = ProvenanceDb::open(dir.path("p.db"));
  REQUIRE(p.ok());
  auto v = p->vendor("HiSilicon");
  REQUIRE(v->has_value());
  CHECK((*v)->parents.size() == 1);
  CHECK((*v)->list_entries.size() == 1);
}

TEST_CASE("provenance: a component by name, package, soname and CPE") {
  Fixture f;
  for (const char* n : {"curl", "CURL", "libcurl4", "libcurl.so", "haxx:libcurl", "haxx:curl"}) {
    std::string name = n;
    CAPTURE(name);
    auto c = f.db.component(n);
    REQUIRE(c.ok());
    REQUIRE(c->has_value());
    CHECK((*c)->name == "curl");
    CHECK((*c)->cpe_product == "curl");
  }
  CHECK((*f.db.component("libcurl4"))->matched_by == "package");
  CHECK((*f.db.component("wolfssl"))->supplier == "wolfSSL Inc.");
  CHECK_FALSE(f.db.component("nothing")->has_value());
}

TEST_CASE("provenance: the longest MAC prefix wins") {
  Fixture f;
  auto s = f.db.mac_organization("70:b3:d5:f2:f1:23");
  REQUIRE(s->has_value());
  CHECK((*s)->bits == 36);
  CHECK((*s)->organization == "TELEPLATFORMS");
  CHECK((*s)->country == "RU");
  auto l = f.db.mac_organization("70-B3-D5-00-00-01");
  REQUIRE(l->has_value());
  CHECK((*l)->bits == 24);
  CHECK((*l)->organization == "IEEE Registration Authority");
  auto m = f.db.mac_organization("208593B00001");
  REQUIRE(m->has_value());
  CHECK((*m)->bits == 28);
  CHECK_FALSE(f.db.mac_organization("ff:ff:ff:00:00:00")->has_value());
  CHECK_FALSE(f.db.mac_organization("zz")->has_value());
}

TEST_CASE("provenance: PCI and USB vendor and device names") {
  Fixture f;
  CHECK(**f.db.hw_vendor_name(Bus::kPci, 0x14c3) == "MEDIATEK Corp.");
  CHECK(**f.db.hw_device_name(Bus::kPci, 0x10ec, 0x0139) == "RTL-8139/8139C/8139C+ Ethernet Controller");
  CHECK(**f.db.hw_vendor_name(Bus::kUsb, 0x0e8d) == "MediaTek Inc.");
  CHECK_FALSE(f.db.hw_device_name(Bus::kUsb, 0x0e8d, 0xffff)->has_value());
}

TEST_CASE("provenance: chipset candidates by every kind of key") {
  Fixture f;
  auto by_glob = f.db.chipsets(ChipsetKey::kDtCompatible, "mediatek,mt7621-soc");
  REQUIRE(by_glob->size() == 1);
  CHECK((*by_glob)[0].family == "MT7621");
  CHECK((*by_glob)[0].vendor_country == "TW");
  CHECK((*by_glob)[0].matched_key == "mediatek,mt7621*");
  CHECK(f.db.chipsets(ChipsetKey::kDtCompatible, "hisilicon,hi3516cv300")->size() == 1);
  CHECK((*f.db.chipsets(ChipsetKey::kDtPrefix, "hisilicon,hi3518"))[0].family == "Hi3516");
  CHECK(f.db.chipsets(ChipsetKey::kString, "U-Boot 2010.06 (Hi3516EV200 SDK)")->size() == 1);
  CHECK(f.db.chipsets(ChipsetKey::kKconfig, "CONFIG_SOC_MT7621")->size() == 1);
  CHECK(f.db.chipsets(ChipsetKey::kPci, "14C3:7612")->size() == 1);
  CHECK(f.db.chipsets(ChipsetKey::kUsb, "0e8d:7612")->size() == 1);
  CHECK(f.db.chipsets(ChipsetKey::kDtCompatible, "brcm,bcm6358")->empty());
  CHECK(*f.db.chipset_keys(ChipsetKey::kDtPrefix) == std::vector<std::string>{"hisilicon", "mediatek"});
}

TEST_CASE("provenance: CAs by SHA-256 (any case, colons) and by organisation") {
  Fixture f;
  auto by_hash = f.db.ca_by_sha256(
      "96:BC:EC:06:26:49:76:F3:74:60:77:9A:CF:28:C5:A7:CF:E8:A3:C0:AA:E1:1A:8F:FC:EE:05:C0:BD:DF:08:C6");
  REQUIRE(by_hash->size() == 1);
  CHECK((*by_hash)[0].subject == "CN=ISRG Root X1,O=Internet Security Research Group,C=US");
  CHECK((*by_hash)[0].store == "system");
  CHECK(f.db.ca_by_organization("digicert inc")->size() == 1);
}

TEST_CASE("provenance: opening a missing, empty or foreign file is an error naming it") {
  test::ScratchDir dir;
  CHECK_FALSE(ProvenanceDb::open(dir.path("missing.db")).ok());
  dir.write("empty.db", "");
  auto empty = ProvenanceDb::open(dir.path("empty.db"));
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message.find(dir.path("empty.db")) == 0);
}

}  // namespace
}  // namespace pedigree::db
