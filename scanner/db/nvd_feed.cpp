#include "scanner/db/nvd_feed.h"

#include <simdjson.h>

#include <algorithm>

#include "scanner/db/input_file.h"

namespace pedigree::db {
namespace {

namespace sj = simdjson;
namespace od = simdjson::ondemand;

// Propagates a simdjson error code out of a helper.
#define PEDIGREE_SJ_TRY(expr)                                 \
  do {                                                        \
    if (auto err_ = (expr); err_ != sj::SUCCESS) return err_; \
  } while (0)

using Code = sj::error_code;

Code read_string(od::value& v, std::string_view& out) { return v.get_string().get(out); }

Code parse_cvss_data(od::value& v, CvssScore& out) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    auto key = f.key();
    if (key == "version")
      PEDIGREE_SJ_TRY(read_string(f.value(), out.version));
    else if (key == "vectorString")
      PEDIGREE_SJ_TRY(read_string(f.value(), out.vector));
    else if (key == "baseScore")
      PEDIGREE_SJ_TRY(f.value().get_double().get(out.score));
    else if (key == "baseSeverity")
      PEDIGREE_SJ_TRY(read_string(f.value(), out.severity));
  }
  return sj::SUCCESS;
}

// One cvssMetricVxx array: keeps the Primary entry, else the first.
Code parse_cvss_list(od::value& v, CvssScore& out) {
  od::array arr;
  PEDIGREE_SJ_TRY(v.get_array().get(arr));
  bool have_primary = false;
  for (auto element : arr) {
    od::object obj;
    PEDIGREE_SJ_TRY(element.get_object().get(obj));
    CvssScore score;
    std::string_view type, outer_severity;
    for (auto field : obj) {
      od::field f;
      PEDIGREE_SJ_TRY(std::move(field).get(f));
      auto key = f.key();
      if (key == "type")
        PEDIGREE_SJ_TRY(read_string(f.value(), type));
      else if (key == "cvssData")
        PEDIGREE_SJ_TRY(parse_cvss_data(f.value(), score));
      else if (key == "baseSeverity")
        PEDIGREE_SJ_TRY(read_string(f.value(), outer_severity));
    }
    if (score.severity.empty()) score.severity = outer_severity;  // v2 keeps it outside cvssData
    bool primary = type == "Primary";
    if (!out.present() || (primary && !have_primary)) {
      out = score;
      have_primary = primary;
    }
  }
  return sj::SUCCESS;
}

Code parse_metrics(od::value& v, NvdRecord& rec) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  CvssScore v31, v30;
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    auto key = f.key();
    if (key == "cvssMetricV31")
      PEDIGREE_SJ_TRY(parse_cvss_list(f.value(), v31));
    else if (key == "cvssMetricV30")
      PEDIGREE_SJ_TRY(parse_cvss_list(f.value(), v30));
    else if (key == "cvssMetricV2")
      PEDIGREE_SJ_TRY(parse_cvss_list(f.value(), rec.cvss_v2));
    else if (key == "cvssMetricV40")
      PEDIGREE_SJ_TRY(parse_cvss_list(f.value(), rec.cvss_v4));
  }
  rec.cvss_v3 = v31.present() ? v31 : v30;
  return sj::SUCCESS;
}

// descriptions: the English text.
Code parse_descriptions(od::value& v, NvdRecord& rec) {
  od::array arr;
  PEDIGREE_SJ_TRY(v.get_array().get(arr));
  for (auto element : arr) {
    od::object obj;
    PEDIGREE_SJ_TRY(element.get_object().get(obj));
    std::string_view lang, value;
    for (auto field : obj) {
      od::field f;
      PEDIGREE_SJ_TRY(std::move(field).get(f));
      if (f.key() == "lang")
        PEDIGREE_SJ_TRY(read_string(f.value(), lang));
      else if (f.key() == "value")
        PEDIGREE_SJ_TRY(read_string(f.value(), value));
    }
    if (lang == "en" && rec.summary.empty()) rec.summary = value;
  }
  return sj::SUCCESS;
}

Code parse_weaknesses(od::value& v, NvdRecord& rec) {
  od::array arr;
  PEDIGREE_SJ_TRY(v.get_array().get(arr));
  for (auto element : arr) {
    od::object obj;
    PEDIGREE_SJ_TRY(element.get_object().get(obj));
    for (auto field : obj) {
      od::field f;
      PEDIGREE_SJ_TRY(std::move(field).get(f));
      if (f.key() != "description") continue;
      od::array descs;
      PEDIGREE_SJ_TRY(f.value().get_array().get(descs));
      for (auto d : descs) {
        od::object dobj;
        PEDIGREE_SJ_TRY(d.get_object().get(dobj));
        for (auto dfield : dobj) {
          od::field df;
          PEDIGREE_SJ_TRY(std::move(dfield).get(df));
          if (df.key() != "value") continue;
          std::string_view cwe;
          PEDIGREE_SJ_TRY(read_string(df.value(), cwe));
          bool known = std::find(rec.cwes.begin(), rec.cwes.end(), cwe) != rec.cwes.end();
          if (cwe.substr(0, 4) == "CWE-" && !known) rec.cwes.push_back(cwe);
        }
      }
    }
  }
  return sj::SUCCESS;
}

Code parse_cpe_match(od::value& v, NvdCpeMatch& m) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    auto key = f.key();
    if (key == "vulnerable")
      PEDIGREE_SJ_TRY(f.value().get_bool().get(m.vulnerable));
    else if (key == "criteria")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.criteria));
    else if (key == "matchCriteriaId")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.match_criteria_id));
    else if (key == "versionStartIncluding")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.start_including));
    else if (key == "versionStartExcluding")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.start_excluding));
    else if (key == "versionEndIncluding")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.end_including));
    else if (key == "versionEndExcluding")
      PEDIGREE_SJ_TRY(read_string(f.value(), m.end_excluding));
  }
  return m.criteria.empty() ? sj::INCORRECT_TYPE : sj::SUCCESS;
}

// A negated node or configuration turns its entries into conditions.
void negate_from(NvdRecord& rec, std::size_t first) {
  for (std::size_t i = first; i < rec.matches.size(); ++i) rec.matches[i].vulnerable = false;
}

/// A configuration (its "nodes") and a node (its "cpeMatch") share one shape:
/// "negate" and a list whose elements `parse_child` reads.
template <class ParseChild>
Code parse_negatable(od::object& obj, NvdRecord& rec, std::string_view list_key, ParseChild parse_child) {
  std::size_t first = rec.matches.size();
  bool negate = false;
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    if (f.key() == "negate") {
      PEDIGREE_SJ_TRY(f.value().get_bool().get(negate));
    } else if (f.key() == list_key) {
      od::array arr;
      PEDIGREE_SJ_TRY(f.value().get_array().get(arr));
      for (auto element : arr) {
        od::value ev;
        PEDIGREE_SJ_TRY(std::move(element).get(ev));
        PEDIGREE_SJ_TRY(parse_child(ev));
      }
    }
  }
  if (negate) negate_from(rec, first);
  return sj::SUCCESS;
}

Code parse_node(od::value& v, NvdRecord& rec) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  return parse_negatable(obj, rec, "cpeMatch",
                         [&](od::value& mv) { return parse_cpe_match(mv, rec.matches.emplace_back()); });
}

Code parse_configurations(od::value& v, NvdRecord& rec) {
  od::array arr;
  PEDIGREE_SJ_TRY(v.get_array().get(arr));
  for (auto element : arr) {
    od::object obj;
    PEDIGREE_SJ_TRY(element.get_object().get(obj));
    PEDIGREE_SJ_TRY(parse_negatable(obj, rec, "nodes", [&](od::value& nv) { return parse_node(nv, rec); }));
  }
  return sj::SUCCESS;
}

Code count_array(od::value& v, std::size_t& count) {
  od::array arr;
  PEDIGREE_SJ_TRY(v.get_array().get(arr));
  for (auto element : arr) {
    PEDIGREE_SJ_TRY(element.error());
    ++count;
  }
  return sj::SUCCESS;
}

Code parse_cve(od::value& v, NvdRecord& rec) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    auto key = f.key();
    if (key == "id")
      PEDIGREE_SJ_TRY(read_string(f.value(), rec.id));
    else if (key == "published")
      PEDIGREE_SJ_TRY(read_string(f.value(), rec.published));
    else if (key == "lastModified")
      PEDIGREE_SJ_TRY(read_string(f.value(), rec.last_modified));
    else if (key == "vulnStatus")
      PEDIGREE_SJ_TRY(read_string(f.value(), rec.vuln_status));
    else if (key == "descriptions")
      PEDIGREE_SJ_TRY(parse_descriptions(f.value(), rec));
    else if (key == "metrics")
      PEDIGREE_SJ_TRY(parse_metrics(f.value(), rec));
    else if (key == "weaknesses")
      PEDIGREE_SJ_TRY(parse_weaknesses(f.value(), rec));
    else if (key == "configurations")
      PEDIGREE_SJ_TRY(parse_configurations(f.value(), rec));
    else if (key == "references")
      PEDIGREE_SJ_TRY(count_array(f.value(), rec.references));
  }
  return sj::SUCCESS;
}

// One element of `vulnerabilities`: {"cve": {...}}.
Code parse_item(od::value& v, NvdRecord& rec) {
  od::object obj;
  PEDIGREE_SJ_TRY(v.get_object().get(obj));
  bool seen = false;
  for (auto field : obj) {
    od::field f;
    PEDIGREE_SJ_TRY(std::move(field).get(f));
    if (f.key() != "cve") continue;
    PEDIGREE_SJ_TRY(parse_cve(f.value(), rec));
    seen = true;
  }
  return seen ? sj::SUCCESS : sj::NO_SUCH_FIELD;
}

std::string where(const NvdRecord& rec, std::size_t index) {
  if (!rec.id.empty()) return std::string(rec.id);
  return "record #" + std::to_string(index + 1);
}

Error json_error(std::string_view at, Code code) {
  return make_error(Errc::kCorrupt, std::string(at) + ": " + sj::error_message(code));
}

}  // namespace

void NvdRecord::clear() {
  // Keep the vectors' capacity: one record after another reuses it.
  auto kept_cwes = std::move(cwes);
  auto kept_matches = std::move(matches);
  kept_cwes.clear();
  kept_matches.clear();
  *this = NvdRecord{};
  cwes = std::move(kept_cwes);
  matches = std::move(kept_matches);
}

Result<NvdFeedInfo> parse_nvd_feed(std::string& json, const NvdRecordSink& sink) {
  // simdjson reads a little past the end; give it initialised padding. An
  // input file is read with room for it (kInputPadding): no reallocation.
  static_assert(kInputPadding >= sj::SIMDJSON_PADDING);
  const std::size_t size = json.size();
  json.append(sj::SIMDJSON_PADDING, '\0');
  json.resize(size);
  od::parser parser;
  od::document doc;
  if (auto err = parser.iterate(sj::padded_string_view(json.data(), size, json.capacity())).get(doc))
    return json_error("feed", err);
  od::object top;
  if (auto err = doc.get_object().get(top)) return json_error("feed", err);
  NvdFeedInfo info;
  NvdRecord rec;
  bool saw_list = false;
  for (auto field : top) {
    od::field f;
    if (auto err = std::move(field).get(f)) return json_error("feed", err);
    auto key = f.key();
    std::string_view text;
    if (key == "format" || key == "version" || key == "timestamp") {
      if (auto err = read_string(f.value(), text)) return json_error("feed header", err);
      (key == "format" ? info.format : key == "version" ? info.version : info.timestamp) = std::string(text);
      if (key == "format" && text != "NVD_CVE")
        return make_error(Errc::kUnsupported, "feed: format is " + info.format + ", not NVD_CVE");
      continue;
    }
    if (key != "vulnerabilities") continue;
    saw_list = true;
    od::array arr;
    if (auto err = f.value().get_array().get(arr)) return json_error("vulnerabilities", err);
    for (auto element : arr) {
      rec.clear();
      od::value v;
      Code err = std::move(element).get(v);
      if (!err) err = parse_item(v, rec);
      if (err) return json_error(where(rec, info.records), err);
      if (rec.id.empty()) return make_error(Errc::kCorrupt, where(rec, info.records) + ": no CVE id");
      if (auto st = sink(rec); !st) return st.error();
      ++info.records;
    }
  }
  if (!saw_list) return make_error(Errc::kCorrupt, "feed: no \"vulnerabilities\" array");
  return info;
}

}  // namespace pedigree::db
