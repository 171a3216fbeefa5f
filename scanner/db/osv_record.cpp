#include "scanner/db/osv_record.h"

#include <nlohmann/json.hpp>

namespace pedigree::db {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxSummary = 4096;  ///< details can be pages long; keep the gist

Error bad(std::string_view where, std::string_view what) {
  return make_error(Errc::kCorrupt, std::string(where) + ": " + std::string(what));
}

std::string string_at(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return (it != obj.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

Status read_events(const Json& events, OsvRange& out, std::string_view where) {
  if (!events.is_array()) return bad(where, "range without an events array");
  for (const Json& e : events) {
    if (!e.is_object() || e.size() != 1 || !e.begin().value().is_string())
      return bad(where, "a range event must be one of introduced/fixed/last_affected/limit");
    const std::string& key = e.begin().key();
    OsvEvent ev{OsvEvent::Kind::kIntroduced, e.begin().value().get<std::string>()};
    if (key == "fixed")
      ev.kind = OsvEvent::Kind::kFixed;
    else if (key == "last_affected")
      ev.kind = OsvEvent::Kind::kLastAffected;
    else if (key == "limit")
      ev.kind = OsvEvent::Kind::kLimit;
    else if (key != "introduced")
      return bad(where, "unknown range event " + key);
    out.events.push_back(std::move(ev));
  }
  return Ok{};
}

Status read_ranges(const Json& ranges, std::vector<OsvRange>& out, std::string_view where) {
  if (!ranges.is_array()) return bad(where, "ranges is not an array");
  for (const Json& r : ranges) {
    if (!r.is_object()) return bad(where, "a range is not an object");
    OsvRange range{string_at(r, "type"), {}};
    if (range.type.empty()) return bad(where, "range without a type");
    auto events = r.find("events");
    if (events == r.end()) return bad(where, "range without events");
    if (auto st = read_events(*events, range, where); !st) return st;
    out.push_back(std::move(range));
  }
  return Ok{};
}

Status read_affected(const Json& affected, OsvRecord& rec) {
  if (!affected.is_array()) return bad(rec.id, "affected is not an array");
  for (const Json& a : affected) {
    if (!a.is_object()) return bad(rec.id, "an affected entry is not an object");
    OsvAffected out;
    if (auto pkg = a.find("package"); pkg != a.end() && pkg->is_object()) {
      out.ecosystem = string_at(*pkg, "ecosystem");
      out.package = string_at(*pkg, "name");
    }
    if (auto ranges = a.find("ranges"); ranges != a.end())
      if (auto st = read_ranges(*ranges, out.ranges, rec.id); !st) return st;
    if (auto versions = a.find("versions"); versions != a.end() && versions->is_array())
      for (const Json& v : *versions)
        if (v.is_string()) out.versions.push_back(v.get<std::string>());
    rec.affected.push_back(std::move(out));
  }
  return Ok{};
}

Result<OsvRecord> read_record(const Json& j, std::size_t index) {
  std::string where = "record #" + std::to_string(index + 1);
  if (!j.is_object()) return bad(where, "not a JSON object");
  OsvRecord rec;
  rec.id = string_at(j, "id");
  if (rec.id.empty()) return bad(where, "no id");
  rec.published = string_at(j, "published");
  rec.modified = string_at(j, "modified");
  rec.withdrawn = string_at(j, "withdrawn");
  rec.summary = string_at(j, "summary");
  if (rec.summary.empty()) rec.summary = string_at(j, "details").substr(0, string_at(j, "details").find('\n'));
  if (rec.summary.size() > kMaxSummary) rec.summary.resize(kMaxSummary);
  if (auto al = j.find("aliases"); al != j.end() && al->is_array())
    for (const Json& a : *al)
      if (a.is_string()) rec.aliases.push_back(a.get<std::string>());
  if (auto sev = j.find("severity"); sev != j.end() && sev->is_array())
    for (const Json& s : *sev)
      if (s.is_object() && string_at(s, "type") == "CVSS_V3") rec.cvss_v3_vector = string_at(s, "score");
  if (auto aff = j.find("affected"); aff != j.end())
    if (auto st = read_affected(*aff, rec); !st) return st.error();
  return rec;
}

}  // namespace

Result<std::vector<OsvRecord>> parse_osv(std::string_view json) {
  Json doc = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error(Errc::kCorrupt, "not valid JSON");
  std::vector<OsvRecord> out;
  if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      auto rec = read_record(doc[i], i);
      if (!rec) return rec.error();
      out.push_back(std::move(*rec));
    }
    return out;
  }
  auto rec = read_record(doc, 0);
  if (!rec) return rec.error();
  out.push_back(std::move(*rec));
  return out;
}

std::string encode_osv_ranges(const std::vector<OsvRange>& ranges) {
  Json out = Json::array();
  for (const auto& r : ranges) {
    Json events = Json::array();
    for (const auto& e : r.events) {
      const char* key = e.kind == OsvEvent::Kind::kIntroduced ? "introduced"
                        : e.kind == OsvEvent::Kind::kFixed    ? "fixed"
                        : e.kind == OsvEvent::Kind::kLimit    ? "limit"
                                                              : "last_affected";
      events.push_back(Json{{key, e.version}});
    }
    out.push_back(Json{{"type", r.type}, {"events", std::move(events)}});
  }
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::vector<OsvRange>> decode_osv_ranges(std::string_view json) {
  Json doc = Json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded()) return make_error(Errc::kCorrupt, "stored OSV ranges are not JSON");
  std::vector<OsvRange> out;
  if (auto st = read_ranges(doc, out, "stored OSV ranges"); !st) return st.error();
  return out;
}

std::string encode_string_list(const std::vector<std::string>& list) {
  return Json(list).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<std::string> decode_string_list(std::string_view json) {
  Json doc = Json::parse(json.begin(), json.end(), nullptr, false);
  std::vector<std::string> out;
  if (doc.is_array())
    for (const Json& v : doc)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace pedigree::db
