// OSV file, directory or zip → vulnerabilities + osv_affected (see vuln_import.h).
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <span>

#include "scanner/core/hash.h"
#include "scanner/db/cpe_findings.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"
#include "scanner/db/osv_record.h"
#include "scanner/db/vuln_import.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxMemberBytes = 64ull << 20;  ///< one OSV record is a few KiB

/// One OSV document and where it came from (for error messages).
struct OsvDocument {
  std::string name;
  std::string bytes;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

Result<std::vector<OsvDocument>> read_zip(const std::string& path, const std::string& bytes) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
    return make_error(Errc::kCorrupt, path + ": not a readable zip: " + archive_error_string(a.get()));
  std::vector<OsvDocument> docs;
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    if (archive_entry_filetype(entry) != AE_IFREG || !ends_with(name, ".json")) continue;
    if (archive_entry_size(entry) < 0 || static_cast<std::uint64_t>(archive_entry_size(entry)) > kMaxMemberBytes)
      return make_error(Errc::kLimit, path + ": " + name + ": member too large");
    OsvDocument doc{path + ": " + name, std::string(static_cast<std::size_t>(archive_entry_size(entry)), '\0')};
    la_ssize_t got = archive_read_data(a.get(), doc.bytes.data(), doc.bytes.size());
    if (got < 0 || static_cast<std::size_t>(got) != doc.bytes.size())
      return make_error(Errc::kCorrupt, doc.name + ": cannot read member");
    docs.push_back(std::move(doc));
  }
  if (rc != ARCHIVE_EOF) return make_error(Errc::kCorrupt, path + ": damaged zip: " + archive_error_string(a.get()));
  return docs;
}

Result<std::vector<OsvDocument>> read_directory(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && ends_with(it->path().string(), ".json")) files.push_back(it->path().string());
  if (ec) return make_error(Errc::kIo, path + ": " + ec.message());
  std::sort(files.begin(), files.end());  // deterministic order, and so a deterministic hash
  std::vector<OsvDocument> docs;
  for (const auto& f : files) {
    auto input = read_input_file(f, kMaxMemberBytes);
    if (!input) return input.error();
    docs.push_back(OsvDocument{f, std::move(input->bytes)});
  }
  return docs;
}

// A directory has no single input to hash: hash each member's name and bytes.
std::string hash_documents(const std::vector<OsvDocument>& docs) {
  std::string list;
  for (const auto& d : docs) {
    list += d.name;
    list.push_back('\0');
    list += sha256_hex(std::span(reinterpret_cast<const std::uint8_t*>(d.bytes.data()), d.bytes.size()));
    list.push_back('\n');
  }
  return sha256_hex(std::span(reinterpret_cast<const std::uint8_t*>(list.data()), list.size()));
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "|") + s;
  return out;
}

Status write_record(VulnWriter& w, const OsvRecord& rec, std::int64_t& vulns, std::int64_t& affected) {
  VulnRow row{rec.id, rec.summary, rec.published, rec.modified};
  row.cvss3_vector = rec.cvss_v3_vector;
  auto wrote = w.put_vulnerability(row, Upsert::kKeepExisting);
  if (!wrote) return wrote.error();
  vulns += *wrote ? 1 : 0;
  std::string aliases = join(rec.aliases);
  for (const auto& a : rec.affected) {
    if (auto st = w.put_osv_affected(rec.id, aliases, a); !st) return st;
    ++affected;
  }
  return Ok{};
}

}  // namespace

Result<ImportResult> import_osv_input(Database& db, const std::string& path) {
  std::vector<OsvDocument> docs;
  std::string sha;
  if (fs::is_directory(path)) {
    auto read = read_directory(path);
    if (!read) return read.error();
    docs = std::move(*read);
    sha = hash_documents(docs);
  } else {
    auto input = read_input_file(path);
    if (!input) return input.error();
    sha = input->sha256;
    bool zip = input->bytes.size() >= 4 && input->bytes.compare(0, 4, "PK\x03\x04") == 0;
    if (zip) {
      auto read = read_zip(path, input->bytes);
      if (!read) return read.error();
      docs = std::move(*read);
    } else {
      docs.push_back(OsvDocument{path, std::move(input->bytes)});
    }
  }
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  ImportResult result;
  auto writer = VulnWriter::prepare(db, "osv:" + input_stem(trimmed));
  if (!writer) return writer.error();
  for (std::string_view table : {"osv_affected", "vulnerabilities"})
    if (auto st = writer->delete_own_rows(table); !st) return st.error();
  std::int64_t vulns = 0, affected = 0;
  std::string newest;  // the latest `modified`: the version this source states
  for (const auto& doc : docs) {
    result.parsed_bytes += doc.bytes.size();
    auto records = parse_osv(doc.bytes);
    if (!records) return make_error(records.error().code, doc.name + ": " + records.error().message);
    for (const auto& rec : *records) {
      ++result.records;
      newest = std::max(newest, rec.modified);
      if (!rec.withdrawn.empty()) continue;  // withdrawn advisories affect nothing
      if (auto st = write_record(*writer, rec, vulns, affected); !st)
        return make_error(st.error().code, doc.name + ": " + rec.id + ": " + st.error().message);
    }
  }
  result.source =
      SourceRecord{writer->source(), "osv", newest, sha, {{"osv_affected", affected}, {"vulnerabilities", vulns}}};
  if (auto st = record_source(db, result.source); !st) return st.error();
  if (auto st = refresh_cpe_findings(db); !st) return st.error();
  return result;
}

Result<SourceRecord> import_osv(Database& db, const std::string& path) {
  auto r = import_osv_input(db, path);
  if (!r) return r.error();
  return std::move(r->source);
}

}  // namespace pedigree::db
