// The curated vulnerability seed: db/seed/cves.csv and db/seed/cve_ranges.csv
// (layouts in db/seed/README.md), loaded by `pedigree db build` through
// load_vulnerability_seed (declared in seed.h, registered in
// seed_loaders.def). Rows are tagged "seed:cves" and "seed:cve_ranges";
// reloading replaces them. A CVE an NVD import already stored keeps NVD's
// record (the feed is richer); the seed's ranges are added beside it, and the
// lookup reports each CVE once. The seed's `kev`/`kev_date` and `epss` go to
// the kev and epss tables (an EPSS score without a percentile).
#pragma once

#include "scanner/db/seed.h"
