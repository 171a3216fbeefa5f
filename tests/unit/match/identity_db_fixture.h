// A small provenance database for the chipset and network match steps, built
// the way `pedigree db build` builds one: two SoC vendors, a Wi-Fi chip
// vendor, a cloud, an IEEE registry of three blocks and a pci.ids excerpt.
#pragma once

#include <doctest/doctest.h>

#include "scanner/db/builder.h"
#include "scanner/db/provenance.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::test {

struct IdentityDb {
  ScratchDir dir;
  std::string path = dir.path("pedigree.db");

  IdentityDb() {
    dir.write("seed/vendors.csv",
              "name,aliases,country,parent,ownership,website,roles,source,checked\n"
              "Acme Cloud,acmecloud.cn,CN,,,https://acme.invalid,cloud,https://acme.invalid,2026-11-30\n"
              "Allwinner Technology,Allwinner,CN,,,https://aw.invalid,soc,https://aw.invalid,2026-11-30\n"
              "Qualcomm,Qualcomm Atheros|Atheros,US,,,https://q.invalid,soc,https://q.invalid,2026-11-30\n"
              "Texas Instruments,TI,US,,,https://ti.invalid,soc,https://ti.invalid,2026-11-30\n");
    dir.write("seed/chipsets.csv",
              "vendor,family,models,dt_compatible,dt_prefixes,strings,kconfig,pci_ids,usb_ids,source,checked\n"
              "Allwinner Technology,H3 (sun8i),H3,\"allwinner,sun8i-h3\",allwinner,H3|sunxi,CONFIG_MACH_SUN8I,,,s,"
              "2026-11-30\n"
              "Qualcomm,ath10k Wi-Fi,QCA9880|QCA9888,,,ath10k|QCA988X,CONFIG_ATH10K,168c:003c,,s,2026-11-30\n"
              "Qualcomm,ath9k Wi-Fi,AR9280,,,ath9k,CONFIG_ATH9K,,,s,2026-11-30\n"
              "Qualcomm,ath9k_htc USB Wi-Fi,AR9271|AR7010,,,ath9k_htc|htc_9271|htc_7010,CONFIG_ATH9K_HTC,,,s,"
              "2026-11-30\n"
              "Texas Instruments,AM335x (Sitara),AM3352|AM3358,\"ti,am33xx\",ti,AM335X,CONFIG_SOC_AM33XX,,,s,"
              "2026-11-30\n"
              "Texas Instruments,OMAP3/OMAP4,OMAP3530,\"ti,omap3\",ti,OMAP3,CONFIG_ARCH_OMAP3,,,s,2026-11-30\n");
    dir.write("seed/domains.csv",
              "domain,vendor,role,source,checked\n"
              "acmecloud.cn,Acme Cloud,cloud,https://acme.invalid,2026-11-30\n");
    dir.write("oui.csv",
              "Registry,Assignment,Organization Name,Organization Address\n"
              "MA-L,04A316,Texas Instruments,12500 TI Blvd Dallas TX US 75243 \n"
              "MA-L,00904C,\"Epigram, Inc.\",870 West Maude Ave. Sunnyvale CA US 94086 \n"
              "MA-L,001018,Broadcom,16215 Alton Parkway Irvine CA US 92619-7013 \n");
    dir.write("pci.ids", "168c  Qualcomm Atheros\n\t003c  QCA986x/988x 802.11ac Wireless Network Adapter\n");
    auto built =
        db::build_database({path, dir.path("seed"), {{"oui", dir.path("oui.csv")}, {"pci-ids", dir.path("pci.ids")}}});
    REQUIRE_MESSAGE(built.ok(), (built.ok() ? "" : built.error().message));
  }

  db::ProvenanceDb open() {
    auto db = db::ProvenanceDb::open(path);
    REQUIRE(db.ok());
    return std::move(*db);
  }
};

}  // namespace pedigree::test
