#include "scanner/unpack/formats/hex_image.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace pedigree::unpack {
namespace {

// Bad lines reported one by one; the rest are only counted.
constexpr std::uint64_t kMaxLineWarnings = 10;
// A flat image may be this many times larger than its text (text spends at
// least two characters per byte, so real images stay far below), or up to
// kFlatFloor whatever the text size: small sparse files still give one image.
constexpr std::uint64_t kMaxSpanPerInputByte = 64;
constexpr std::uint64_t kFlatFloor = 1ULL << 20;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string address_name(std::string_view stem, std::uint64_t address) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "@0x%08llx.bin", static_cast<unsigned long long>(address));
  return std::string(stem) + buf;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return lower(a) == lower(b); });
}

}  // namespace

bool LineReader::next(TextLine& line) {
  if (pos_ >= text_.size()) return false;
  std::size_t end = text_.find('\n', pos_);
  std::size_t next = end == std::string_view::npos ? text_.size() : end + 1;
  if (end == std::string_view::npos) end = text_.size();
  std::string_view text = text_.substr(pos_, end - pos_);
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  line = TextLine{text, pos_, ++number_};
  pos_ = next;
  return true;
}

bool decode_hex(std::string_view digits, std::vector<std::uint8_t>& out) {
  out.clear();
  if (digits.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    int hi = hex_value(digits[i]), lo = hex_value(digits[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return true;
}

LineWarnings::~LineWarnings() {
  if (count_ > kMaxLineWarnings) {
    sink_.warn(std::string(format_) + ": " + std::to_string(count_ - kMaxLineWarnings) + " more bad lines skipped");
  }
}

void LineWarnings::bad(const TextLine& line, std::string_view why) {
  if (++count_ > kMaxLineWarnings) return;
  char where[48];
  std::snprintf(where, sizeof where, " line %llu (offset 0x%llx): ", static_cast<unsigned long long>(line.number),
                static_cast<unsigned long long>(line.offset));
  sink_.warn(std::string(format_) + where + std::string(why) + ", skipped");
}

void HexImage::add(std::uint64_t address, ByteView bytes) {
  if (bytes.empty()) return;
  // Consecutive records usually continue one another: grow the last chunk.
  if (!chunks_.empty()) {
    Chunk& last = chunks_.back();
    if (last.address + last.size == address && last.pool_offset + last.size == pool_.size()) {
      pool_.insert(pool_.end(), bytes.begin(), bytes.end());
      last.size += bytes.size();
      return;
    }
  }
  chunks_.push_back({address, pool_.size(), bytes.size()});
  pool_.insert(pool_.end(), bytes.begin(), bytes.end());
}

void HexImage::emit(Sink& sink, std::string_view stem, std::uint64_t input_size) const {
  if (chunks_.empty()) return;
  if (stem.empty()) stem = "image";
  std::uint64_t low = UINT64_MAX, high = 0;
  for (const Chunk& c : chunks_) {
    low = std::min(low, c.address);
    high = std::max(high, c.address + c.size);
  }
  std::uint64_t span = high - low;
  std::uint64_t sane = std::max(kFlatFloor, input_size * kMaxSpanPerInputByte);
  if (span <= sink.budget().max_bytes && span <= sane) {
    emit_flat(sink, stem, low, high);
  } else {
    emit_runs(sink, stem);
  }
}

void HexImage::emit_flat(Sink& sink, std::string_view stem, std::uint64_t low, std::uint64_t high) const {
  std::vector<std::uint8_t> image(high - low, 0xff);
  for (const Chunk& c : chunks_) {
    std::copy_n(pool_.begin() + static_cast<std::ptrdiff_t>(c.pool_offset), c.size,
                image.begin() + static_cast<std::ptrdiff_t>(c.address - low));
  }
  Entry e;
  e.path = std::string(stem) + ".bin";
  sink.add(std::move(e), Blob::from_vector(std::move(image)));
}

std::vector<HexImage::Run> HexImage::runs(std::vector<std::size_t>& run_of_chunk) const {
  std::vector<std::size_t> order(chunks_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [this](std::size_t a, std::size_t b) { return chunks_[a].address < chunks_[b].address; });
  std::vector<Run> out;
  run_of_chunk.assign(chunks_.size(), 0);
  for (std::size_t i : order) {
    const Chunk& c = chunks_[i];
    if (out.empty() || c.address > out.back().end) out.push_back({c.address, c.address});
    out.back().end = std::max(out.back().end, c.address + c.size);
    run_of_chunk[i] = out.size() - 1;
  }
  return out;
}

void HexImage::emit_runs(Sink& sink, std::string_view stem) const {
  std::vector<std::size_t> run_of_chunk;
  std::vector<Run> all = runs(run_of_chunk);
  // Chunks in file order, per run, so that later records still win.
  std::vector<std::vector<std::size_t>> members(all.size());
  for (std::size_t i = 0; i < chunks_.size(); ++i) members[run_of_chunk[i]].push_back(i);
  for (std::size_t r = 0; r < all.size(); ++r) {
    // A run is covered by its chunks, so it is never larger than the input.
    std::vector<std::uint8_t> bytes(all[r].end - all[r].start, 0xff);
    for (std::size_t i : members[r]) {
      const Chunk& c = chunks_[i];
      std::copy_n(pool_.begin() + static_cast<std::ptrdiff_t>(c.pool_offset), c.size,
                  bytes.begin() + static_cast<std::ptrdiff_t>(c.address - all[r].start));
    }
    std::uint64_t limit = sink.budget().max_bytes;
    if (bytes.size() > limit) {
      sink.warn("data at " + address_name(stem, all[r].start) + " cut at the output size limit");
      bytes.resize(static_cast<std::size_t>(limit));
    }
    Entry e;
    e.path = address_name(stem, all[r].start);
    if (!sink.add(std::move(e), Blob::from_vector(std::move(bytes)))) return;
  }
}

std::string hex_stem(std::string_view name, std::span<const std::string_view> extensions) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  for (std::string_view ext : extensions) {
    if (name.size() > ext.size() && ends_with_nocase(name, ext)) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  return std::string(name);
}

}  // namespace pedigree::unpack
