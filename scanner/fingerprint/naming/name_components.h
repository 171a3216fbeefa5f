// Fills each merged component's type, CPE, purl and supplier from the
// catalog. A purl stated by a package database (pkg:deb/debian/…) is kept:
// it names exactly what is installed. Names the catalog lacks (packages it
// cannot map) keep their package purl and get no CPE.
#pragma once

#include <vector>

#include "scanner/fingerprint/naming/component_catalog.h"
#include "scanner/report/report.h"

namespace pedigree::fingerprint {

void name_components(std::vector<report::Component>& components, const ComponentCatalog& catalog);

}  // namespace pedigree::fingerprint
