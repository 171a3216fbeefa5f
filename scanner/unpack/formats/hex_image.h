// Shared by the text firmware formats (Intel HEX, Motorola S-records): line
// scanning, hex-digit decoding, capped warnings about bad lines, and the
// memory image their data records describe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// One line of a text file, without its line ending.
struct TextLine {
  std::string_view text;
  std::uint64_t offset = 0;  ///< where the line starts
  std::uint64_t number = 0;  ///< 1-based
};

/// Splits a buffer into lines (LF or CR LF; trailing blanks dropped).
class LineReader {
 public:
  explicit LineReader(ByteView data) : text_(as_chars(data)) {}
  /// The next line, false at the end of the buffer.
  bool next(TextLine& line);
  /// Offset just past the last line returned, line ending included.
  std::uint64_t pos() const { return pos_; }

 private:
  std::string_view text_;
  std::uint64_t pos_ = 0;
  std::uint64_t number_ = 0;
};

/// The probe of a text format: true when most of the first `records`
/// non-empty lines are sound records (one damaged line among them is still
/// extracted around). `read` says of a line: nullopt when it is not a sound
/// record, else whether it is the file's last record.
template <class ReadRecord>
bool first_records_sound(ByteView data, std::size_t records, ReadRecord read) {
  LineReader lines(data);
  TextLine line;
  std::size_t good = 0, bad = 0;
  while (good + bad < records && lines.next(line)) {
    if (line.text.empty()) continue;
    std::optional<bool> last = read(line.text);
    if (!last) {
      ++bad;
      continue;
    }
    ++good;
    if (*last) break;
  }
  return good > 0 && bad < good;
}

/// Decodes pairs of hex digits into `out`; false on an odd count or any
/// other character.
bool decode_hex(std::string_view digits, std::vector<std::uint8_t>& out);

/// Reports the first few bad lines one by one and the rest as a count, so a
/// damaged file cannot flood the report.
class LineWarnings {
 public:
  LineWarnings(Sink& sink, std::string_view format) : sink_(sink), format_(format) {}
  LineWarnings(const LineWarnings&) = delete;
  LineWarnings& operator=(const LineWarnings&) = delete;
  ~LineWarnings();
  void bad(const TextLine& line, std::string_view why);

 private:
  Sink& sink_;
  std::string_view format_;
  std::uint64_t count_ = 0;
};

/// Data records gathered at their addresses, then written out as files.
class HexImage {
 public:
  /// Records bytes at an address; where records overlap, the later wins.
  void add(std::uint64_t address, ByteView bytes);
  bool empty() const { return chunks_.empty(); }
  /// Emits "<stem>.bin", the bytes from the lowest to the highest address with
  /// gaps filled with 0xff; or, when that span exceeds the budget or is far
  /// larger than the input could describe (hostile or very sparse addresses),
  /// one "<stem>@0x<address>.bin" per contiguous run.
  void emit(Sink& sink, std::string_view stem, std::uint64_t input_size) const;

 private:
  struct Chunk {
    std::uint64_t address;
    std::uint64_t pool_offset;
    std::uint64_t size;
  };
  struct Run {
    std::uint64_t start;
    std::uint64_t end;
  };
  std::vector<Run> runs(std::vector<std::size_t>& run_of_chunk) const;
  void emit_flat(Sink& sink, std::string_view stem, std::uint64_t low, std::uint64_t high) const;
  void emit_runs(Sink& sink, std::string_view stem) const;

  std::vector<Chunk> chunks_;
  std::vector<std::uint8_t> pool_;
};

/// Member stem from a stored or container name: the last path component
/// without one of `extensions` (compared case-insensitively, dot included).
std::string hex_stem(std::string_view name, std::span<const std::string_view> extensions);

}  // namespace pedigree::unpack
