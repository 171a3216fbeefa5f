// Vendor attribution of a certificate's issuer: the issuer organisation is
// recorded as a vendor in the role certificate-issuer, mapped to a
// vendors.csv vendor through its aliases where the database knows it, and
// otherwise kept as written with the certificate's issuer country.
#pragma once

#include <string>

#include "scanner/core/result.h"
#include "scanner/match/vendor_book.h"

namespace pedigree::match {

/// Records that `organization` (issuer O=, country C=) issued the certificate
/// `subject` found at `origin`. An empty organisation records nothing.
Status attribute_certificate_issuer(VendorBook& vendors, const std::string& organization, const std::string& country,
                                    const std::string& subject, const std::string& origin);

}  // namespace pedigree::match
