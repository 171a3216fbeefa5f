// The HTML report: one self-contained file (inline CSS, inline script, an
// inline SVG chart; a Content-Security-Policy that forbids any network
// access) for readers who prefer to look. Every string from the image is
// escaped: file names and certificate fields are hostile input.
#pragma once

#include <string>
#include <string_view>

#include "scanner/report/report.h"

namespace pedigree::report {

std::string to_html(const Report& r);

/// Escapes & < > " ' for text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace pedigree::report
