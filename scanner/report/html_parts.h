// Pieces of the HTML report (html_parts.cpp): the page frame, filterable
// tables and the sections that are plain tables.
#pragma once

#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::report {

/// A table with a filter box: every cell is escaped; "\n" in a cell is a line break.
struct Table {
  std::string id;
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
};

std::string table_html(const Table& t);
std::string page_head(const Report& r);
std::string page_tail();
std::string findings_section(const Report& r);
std::string vulnerabilities_section(const Report& r);
std::string crypto_section(const Report& r);
std::string credentials_section(const Report& r);
std::string provisions_section(const Report& r);
std::string evidence_section(const Report& r);

}  // namespace pedigree::report
