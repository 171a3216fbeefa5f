// X.509 certificates (RFC 5280) through OpenSSL: DER bytes in, the report's
// description out. Judgements that need the reference date (expired, expiring
// soon) are made later, in security_report.cpp.
#pragma once

#include <optional>

#include "scanner/core/bytes.h"
#include "scanner/report/report.h"

namespace pedigree::security {

/// Parses exactly one DER certificate filling all of `der`; nullopt when the
/// bytes are not one, or when parsing stops short of the end.
std::optional<report::Certificate> parse_certificate(ByteView der);

}  // namespace pedigree::security
