#include "scanner/match/issuer_attribution.h"

namespace pedigree::match {

Status attribute_certificate_issuer(VendorBook& vendors, const std::string& organization, const std::string& country,
                                    const std::string& subject, const std::string& origin) {
  if (organization.empty()) return Ok{};
  return vendors.add(organization, {"certificate-issuer", subject, origin}, country);
}

}  // namespace pedigree::match
