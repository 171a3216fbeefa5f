#include "scanner/unpack/formats/libarchive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pedigree::unpack {
namespace {

// Sparse holes are zeros we synthesise rather than data we read, so they are
// capped even when the budget is not.
constexpr std::uint64_t kMaxZeroFill = std::uint64_t{1} << 30;
// libarchive may keep failing on a damaged region without moving on.
constexpr int kMaxConsecutiveFailures = 64;

using ArchivePtr = std::unique_ptr<struct archive, decltype(&archive_read_free)>;

// libarchive converts names through the thread's LC_CTYPE; in the "C" locale
// every non-ASCII name fails to convert. A UTF-8 LC_CTYPE for this thread
// only, for the duration of one read, makes names arrive as UTF-8.
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() {
    static const locale_t kUtf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (kUtf8 != static_cast<locale_t>(nullptr)) previous_ = uselocale(kUtf8);
  }
  ~ScopedUtf8Locale() {
    if (previous_ != static_cast<locale_t>(nullptr)) uselocale(previous_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t previous_ = static_cast<locale_t>(nullptr);
};

int enable_reader(struct archive* a, ArchiveReader reader) {
  switch (reader) {
    case ArchiveReader::kTar: return archive_read_support_format_tar(a);
    case ArchiveReader::kCpio: return archive_read_support_format_cpio(a);
    case ArchiveReader::kZip: return archive_read_support_format_zip_seekable(a);
    case ArchiveReader::kZipStreamed: return archive_read_support_format_zip_streamable(a);
    case ArchiveReader::kSevenZip: return archive_read_support_format_7zip(a);
    case ArchiveReader::kIso9660: return archive_read_support_format_iso9660(a);
    case ArchiveReader::kAr: return archive_read_support_format_ar(a);
  }
  return ARCHIVE_FATAL;
}

// The UTF-8 form when libarchive can produce it, else the bytes as stored.
std::string pick_name(const char* utf8, const char* raw) {
  if (utf8 != nullptr) return utf8;
  if (raw != nullptr) return raw;
  return {};
}

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// What libarchive reads: the instance itself, or a copy of it behind
// `prefix` zero bytes (see LibarchiveOptions::zero_prefix).
struct Source {
  const Blob& instance;
  ByteView read;
  std::uint64_t prefix = 0;
};

// One entry's bytes, from libarchive's blocks: a view into the instance while
// every block points into it back to back (a stored member), else an owned
// copy (a decompressed or sparse member).
class EntryBytes {
 public:
  EntryBytes(const Source& source, const OutputBudget& budget) : source_(source), budget_(budget) {}

  /// Adds one block at `offset` within the entry; false when a limit stops
  /// the entry (why() says which).
  bool add(const void* block, std::size_t len, std::int64_t offset) {
    if (len == 0) return true;
    std::uint64_t start = offset < 0 ? size() : static_cast<std::uint64_t>(offset);
    std::uint64_t room = start < budget_.max_bytes ? budget_.max_bytes - start : 0;
    bool clipped = len > room;
    std::uint64_t take = clipped ? room : len;
    if (!copying_ && !extends_view(block, start, take)) start_copy();
    if (copying_ && !copy_in(block, start, take)) return false;
    if (clipped) return fail("output size limit");
    if (budget_.deadline != std::chrono::steady_clock::time_point::max() &&
        std::chrono::steady_clock::now() > budget_.deadline) {
      return fail("time limit");
    }
    return true;
  }

  /// Pads with zeros to `total` (a sparse member's trailing hole).
  bool extend_to(std::uint64_t total) {
    if (total <= size()) return true;
    if (total > budget_.max_bytes) return fail("output size limit");
    start_copy();
    return copy_in(nullptr, total, 0);
  }

  std::uint64_t size() const { return copying_ ? copy_.size() : view_len_; }
  const char* why() const { return why_; }
  /// Offset of the bytes inside the archive when they are a view.
  std::uint64_t offset() const { return copying_ || view_len_ == 0 ? kNoOffset : view_off_; }

  Blob take() {
    if (copying_) return Blob::from_vector(std::move(copy_));
    return view_len_ == 0 ? Blob() : source_.instance.sub(view_off_, view_len_);
  }

 private:
  bool extends_view(const void* block, std::uint64_t start, std::uint64_t len) {
    // Blocks that point into the bytes we handed libarchive, past the
    // prefix, are bytes of the instance.
    auto p = reinterpret_cast<std::uintptr_t>(block);
    auto base = reinterpret_cast<std::uintptr_t>(source_.read.data()) + source_.prefix;
    std::uint64_t size = source_.instance.size();
    if (start != view_len_ || p < base || p - base > size || len > size - (p - base)) return false;
    if (view_len_ == 0) view_off_ = p - base;
    if (p - base != view_off_ + view_len_) return false;
    view_len_ += len;
    return true;
  }

  void start_copy() {
    if (copying_) return;
    copying_ = true;
    ByteView v = slice(source_.instance.view(), view_off_, view_len_);
    copy_.assign(v.begin(), v.end());
  }

  // Writes len bytes at start (zeros in between); block may be null for len 0.
  bool copy_in(const void* block, std::uint64_t start, std::uint64_t len) {
    if (start > copy_.size()) {
      zero_filled_ += start - copy_.size();
      if (zero_filled_ > kMaxZeroFill) return fail("sparse hole limit");
    }
    std::uint64_t end = start + len;
    if (end > copy_.size()) copy_.resize(end);
    if (len != 0) std::memcpy(copy_.data() + start, block, len);
    if (budget_.max_ratio != 0 && copy_.size() > budget_.ratio_floor_bytes &&
        copy_.size() / std::max<std::uint64_t>(source_.instance.size(), 1) > budget_.max_ratio) {
      return fail("compression ratio limit");
    }
    return true;
  }

  bool fail(const char* why) {
    why_ = why;
    return false;
  }

  const Source& source_;
  OutputBudget budget_;
  bool copying_ = false;
  std::uint64_t view_off_ = 0;
  std::uint64_t view_len_ = 0;
  std::vector<std::uint8_t> copy_;
  std::uint64_t zero_filled_ = 0;
  const char* why_ = "";
};

// Hard links, emitted so that each link names a member already emitted that
// holds the data. cpio's newc writer stores a link set's data with its LAST
// name (earlier names have size 0, and libarchive links later names to the
// first), so a data-less name with more links waits until the data arrives
// or the archive ends.
class LinkSets {
 public:
  struct Pending {
    Entry first;               // the set's first name, a data-less file
    std::vector<Entry> links;  // later names without data
  };

  bool is_pending(const std::string& raw) const { return index_.count(raw) != 0; }
  void defer(const std::string& raw, Entry first) {
    index_[raw] = sets_.size();
    sets_.push_back({std::move(first), {}});
  }
  void add_link(const std::string& raw, Entry link) { sets_[index_.at(raw)].links.push_back(std::move(link)); }
  /// Removes a set once its data has arrived.
  Pending take(const std::string& raw) {
    auto it = index_.find(raw);
    Pending p = std::move(sets_[it->second]);
    sets_[it->second].first.path.clear();
    index_.erase(it);
    return p;
  }
  /// Sets whose data never came, in arrival order.
  std::vector<Pending> take_all() {
    std::vector<Pending> out;
    for (auto& s : sets_) {
      if (!s.first.path.empty()) out.push_back(std::move(s));
    }
    sets_.clear();
    index_.clear();
    return out;
  }

  /// The emitted path of the member with this stored name, when it holds data.
  const std::string* holder(const std::string& raw) const {
    auto it = holders_.find(raw);
    return it == holders_.end() ? nullptr : &it->second;
  }
  void set_holder(const std::string& raw, const std::string& path) { holders_[raw] = path; }

 private:
  std::vector<Pending> sets_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::string> holders_;
};

class Reader {
 public:
  Reader(const Blob& data, const LibarchiveOptions& options, Sink& sink)
      : options_(options),
        sink_(sink),
        source_{data, data.view(), 0},
        archive_(archive_read_new(), &archive_read_free) {}

  Result<LibarchiveSummary> run();

 private:
  enum class Next { kContinue, kStop };

  Next on_entry(struct archive_entry* e);
  Next on_file(struct archive_entry* e, Entry entry, const std::string& raw);
  Next on_hardlink(struct archive_entry* e, Entry entry, const std::string& raw);
  // Reads the current entry's bytes; kStop when the archive cannot go on.
  Next read_bytes(struct archive_entry* e, const std::string& path, EntryBytes& bytes);
  bool emit(Entry entry, Blob data);
  void flush_pending();
  void warn_at(const std::string& path, const std::string& what);
  std::string error_text() const {
    const char* s = archive_error_string(archive_.get());
    return s != nullptr ? s : "unreadable (truncated or damaged)";
  }

  std::uint64_t position() const {
    auto pos = static_cast<std::uint64_t>(std::max<la_int64_t>(archive_read_header_position(archive_.get()), 0));
    return pos > source_.prefix ? pos - source_.prefix : 0;
  }

  const LibarchiveOptions& options_;
  Sink& sink_;
  Source source_;
  std::vector<std::uint8_t> padded_;  // the instance behind its zero prefix
  ArchivePtr archive_;
  LibarchiveSummary summary_;
  LinkSets links_;
};

Result<LibarchiveSummary> Reader::run() {
  if (!archive_ || source_.instance.empty()) {
    return make_error(Errc::kTruncated, std::string(options_.format_name) + ": empty");
  }
  if (options_.zero_prefix != 0) {
    padded_.assign(options_.zero_prefix, 0);
    padded_.insert(padded_.end(), source_.instance.data(), source_.instance.data() + source_.instance.size());
    source_.read = padded_;
    source_.prefix = options_.zero_prefix;
  }
  if (enable_reader(archive_.get(), options_.reader) != ARCHIVE_OK ||
      archive_read_open_memory(archive_.get(), source_.read.data(), source_.read.size()) != ARCHIVE_OK) {
    return make_error(Errc::kCorrupt, std::string(options_.format_name) + ": " + error_text());
  }
  int failures = 0;
  bool read_any = false;
  for (;;) {
    struct archive_entry* e = nullptr;
    int r = archive_read_next_header(archive_.get(), &e);
    if (r == ARCHIVE_EOF) {
      summary_.reached_end = true;
      break;
    }
    if (r == ARCHIVE_FATAL) {
      if (!read_any) return make_error(Errc::kCorrupt, std::string(options_.format_name) + ": " + error_text());
      warn_at("entry", "stopped: " + error_text());
      break;
    }
    if (r < ARCHIVE_WARN) {  // FAILED or RETRY: this entry is unusable
      warn_at("entry", "skipped: " + error_text());
      if (++failures > kMaxConsecutiveFailures) break;
      continue;
    }
    failures = 0;
    read_any = true;
    if (r == ARCHIVE_WARN) warn_at(pick_name(archive_entry_pathname_utf8(e), archive_entry_pathname(e)), error_text());
    if (on_entry(e) == Next::kStop) break;
  }
  if (!summary_.stopped) flush_pending();
  auto consumed = static_cast<std::uint64_t>(std::max<la_int64_t>(archive_filter_bytes(archive_.get(), -1), 0));
  summary_.consumed = consumed > source_.prefix ? consumed - source_.prefix : 0;
  return summary_;
}

Reader::Next Reader::on_entry(struct archive_entry* e) {
  const char* raw_name = archive_entry_pathname(e);
  Entry entry;
  entry.path = pick_name(archive_entry_pathname_utf8(e), raw_name);
  if (entry.path.empty()) {
    warn_at("entry", "skipped: no usable name");
    return Next::kContinue;
  }
  if (options_.is_bookkeeping != nullptr && options_.is_bookkeeping(entry.path)) return Next::kContinue;
  entry.mode = archive_entry_perm(e) & 07777;
  std::string raw = raw_name != nullptr ? raw_name : entry.path;
  if (archive_entry_hardlink(e) != nullptr || archive_entry_hardlink_utf8(e) != nullptr) {
    return on_hardlink(e, std::move(entry), raw);
  }
  switch (archive_entry_filetype(e)) {
    case AE_IFDIR: entry.kind = EntryKind::kDir; break;
    case AE_IFLNK:
      entry.kind = EntryKind::kSymlink;
      entry.link_target = pick_name(archive_entry_symlink_utf8(e), archive_entry_symlink(e));
      break;
    case AE_IFCHR:
    case AE_IFBLK:
    case AE_IFIFO:
    case AE_IFSOCK: entry.kind = EntryKind::kSpecial; break;
    default: return on_file(e, std::move(entry), raw);  // AE_IFREG, and ar's untyped members
  }
  return emit(std::move(entry), Blob()) ? Next::kContinue : Next::kStop;
}

Reader::Next Reader::on_file(struct archive_entry* e, Entry entry, const std::string& raw) {
  if (archive_entry_is_data_encrypted(e) != 0) {
    warn_at(entry.path, "encrypted; not extracted");
    return Next::kContinue;
  }
  EntryBytes bytes(source_, sink_.budget());
  Next next = read_bytes(e, entry.path, bytes);
  if (bytes.size() == 0 && archive_entry_size(e) > 0) return next;  // nothing readable; warned
  entry.kind = EntryKind::kFile;
  if (bytes.size() == 0 && archive_entry_nlink(e) > 1) {
    links_.defer(raw, std::move(entry));
    return next;
  }
  if (bytes.size() != 0) links_.set_holder(raw, entry.path);
  entry.offset = bytes.offset();
  if (!emit(std::move(entry), bytes.take())) return Next::kStop;
  return next;
}

Reader::Next Reader::on_hardlink(struct archive_entry* e, Entry entry, const std::string& raw) {
  std::string target_raw = pick_name(archive_entry_hardlink(e), archive_entry_hardlink_utf8(e));
  entry.kind = EntryKind::kHardlink;
  entry.link_target = pick_name(archive_entry_hardlink_utf8(e), archive_entry_hardlink(e));
  EntryBytes bytes(source_, sink_.budget());
  Next next = Next::kContinue;
  if (archive_entry_size_is_set(e) != 0 && archive_entry_size(e) > 0) next = read_bytes(e, entry.path, bytes);
  if (bytes.size() == 0) {  // a plain link
    if (links_.is_pending(target_raw)) {
      links_.add_link(target_raw, std::move(entry));
      return next;
    }
    if (const auto* path = links_.holder(target_raw)) entry.link_target = *path;
    return emit(std::move(entry), Blob()) ? next : Next::kStop;
  }
  if (const auto* path = links_.holder(target_raw)) {  // the data is already out under another name
    entry.link_target = *path;
    return emit(std::move(entry), Blob()) ? next : Next::kStop;
  }
  // This name carries the set's data: it becomes the file, the rest link to it.
  entry.kind = EntryKind::kFile;
  entry.link_target.clear();
  entry.offset = bytes.offset();
  std::string holder = entry.path;
  links_.set_holder(raw, holder);
  links_.set_holder(target_raw, holder);
  if (!emit(std::move(entry), bytes.take())) return Next::kStop;
  if (!links_.is_pending(target_raw)) return next;
  LinkSets::Pending set = links_.take(target_raw);
  set.links.insert(set.links.begin(), std::move(set.first));
  for (auto& link : set.links) {
    link.kind = EntryKind::kHardlink;
    link.link_target = holder;
    if (!emit(std::move(link), Blob())) return Next::kStop;
  }
  return next;
}

Reader::Next Reader::read_bytes(struct archive_entry* e, const std::string& path, EntryBytes& bytes) {
  for (;;) {
    const void* block = nullptr;
    std::size_t len = 0;
    la_int64_t offset = 0;
    int r = archive_read_data_block(archive_.get(), &block, &len, &offset);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_WARN) warn_at(path, error_text());
    if (r < ARCHIVE_WARN) {
      std::string kept = bytes.size() != 0 ? "; kept the first " + std::to_string(bytes.size()) + " bytes" : "";
      warn_at(path, error_text() + kept);
      return r == ARCHIVE_FATAL ? Next::kStop : Next::kContinue;
    }
    if (!bytes.add(block, len, offset)) {
      warn_at(path, std::string(bytes.why()) + " reached after " + std::to_string(bytes.size()) + " bytes");
      return Next::kContinue;
    }
  }
  if (archive_entry_sparse_count(e) > 0 && archive_entry_size_is_set(e) != 0 && archive_entry_size(e) > 0 &&
      !bytes.extend_to(static_cast<std::uint64_t>(archive_entry_size(e)))) {
    warn_at(path, std::string(bytes.why()) + " reached after " + std::to_string(bytes.size()) + " bytes");
  }
  return Next::kContinue;
}

bool Reader::emit(Entry entry, Blob data) {
  ++summary_.members;
  if (sink_.add(std::move(entry), std::move(data))) return true;
  summary_.stopped = true;
  return false;
}

void Reader::flush_pending() {
  for (auto& set : links_.take_all()) {
    std::string first = set.first.path;
    if (!emit(std::move(set.first), Blob())) return;
    for (auto& link : set.links) {
      link.link_target = first;
      if (!emit(std::move(link), Blob())) return;
    }
  }
}

void Reader::warn_at(const std::string& path, const std::string& what) {
  sink_.warn(std::string(options_.format_name) + ": " + path + " @" + hex(position()) + ": " + what);
}

}  // namespace

Result<LibarchiveSummary> read_with_libarchive(const Blob& data, const LibarchiveOptions& options, Sink& sink) {
  ScopedUtf8Locale utf8;
  Reader reader(data, options, sink);
  return reader.run();
}

Result<std::uint64_t> extract_with_libarchive(const Blob& data, std::uint64_t size, const LibarchiveOptions& options,
                                              Sink& sink) {
  size = std::min<std::uint64_t>(size, data.size());
  auto r = read_with_libarchive(data.sub(0, size), options, sink);
  if (!r) return r.error();
  return size;
}

}  // namespace pedigree::unpack
