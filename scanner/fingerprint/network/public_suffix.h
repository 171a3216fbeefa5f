// Registrable domains by the Public Suffix List (ICANN section): the
// registrable domain of "iot.tuyacn.com" is "tuyacn.com", of
// "ota.foo.com.cn" is "foo.com.cn". The private section (cloud customer
// suffixes such as s3.amazonaws.com) is left out on purpose: the owner of
// amazonaws.com is what provenance asks about, not the customer's bucket.
#pragma once

#include <string>
#include <string_view>

namespace pedigree::fingerprint {

/// The rules, one a line, as the list writes them ("com.cn", "*.ck", "!www.ck").
std::string_view public_suffix_rules();
/// SHA-256 of the list file the rules came from.
std::string_view public_suffix_list_sha256();

/// The registrable domain (public suffix plus one label) of a lower-case DNS
/// name; "" when the name is itself a public suffix or its TLD is unknown.
std::string registrable_domain(std::string_view host);

/// ISO 3166-1 alpha-2 code suggested by a country-code top-level domain
/// ("cn" → "CN", "uk" → "GB"); "" for generic TLDs.
std::string tld_country(std::string_view host);

}  // namespace pedigree::fingerprint
