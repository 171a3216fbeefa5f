// Intel HEX: a text file of records, one per line:
//   ':' LL AAAA TT DD... CC
// in hex digits: LL the data byte count, AAAA a 16-bit address offset, TT the
// record type, LL data bytes, and CC the checksum, the two's complement of the
// sum of all the other bytes (so that all bytes together sum to 0 mod 256).
// Types: 00 data at base + AAAA; 01 end of file; 02 extended segment address
// (base = data * 16); 03 start segment address (CS:IP); 04 extended linear
// address (base = data << 16); 05 start linear address (EIP).
//
// The records describe a memory image, which becomes one member
// "<name>.bin" (see HexImage for sparse or hostile address spaces). A single
// ':' is no magic number, so the format is only recognised at the start of a
// file, and probe checks the first records and their checksums.
#include <array>
#include <string>
#include <vector>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/hex_image.h"

namespace pedigree::unpack {
namespace {

constexpr std::uint8_t kData = 0, kEof = 1, kSegment = 2, kStartSegment = 3, kLinear = 4, kStartLinear = 5;
constexpr std::size_t kRecordOverhead = 5;  // count, address (2), type, checksum
constexpr std::size_t kProbeRecords = 4;
constexpr std::size_t kMaxLine = 1 + 2 * (255 + kRecordOverhead);
constexpr std::string_view kExtensions[] = {".hex", ".ihex", ".ihx", ".h86", ".mcs", ".a43", ".ihe"};

/// ':' and the first digit of the count: every record starts so.
struct MagicTable {
  static constexpr std::string_view kDigits = "0123456789ABCDEFabcdef";
  std::array<std::array<char, 2>, kDigits.size()> bytes{};
  std::array<Magic, kDigits.size()> magics{};

  MagicTable() {
    for (std::size_t i = 0; i < kDigits.size(); ++i) {
      bytes[i] = {':', kDigits[i]};
      magics[i] = Magic{std::string_view(bytes[i].data(), 2), 0};
    }
  }
};

struct Record {
  std::uint8_t type = 0;
  std::uint16_t offset = 0;
  ByteView data;
};

/// Parses one record line into `buf`; the error says why it is bad.
Result<Record> parse_record(std::string_view line, std::vector<std::uint8_t>& buf) {
  if (line.empty() || line[0] != ':') return make_error(Errc::kCorrupt, "not a record");
  if (line.size() > kMaxLine) return make_error(Errc::kCorrupt, "line too long for a record");
  if (!decode_hex(line.substr(1), buf) || buf.size() < kRecordOverhead) {
    return make_error(Errc::kCorrupt, "malformed record");
  }
  if (std::size_t{buf[0]} != buf.size() - kRecordOverhead)
    return make_error(Errc::kCorrupt, "byte count does not match the line");
  std::uint8_t sum = 0;
  for (std::uint8_t b : buf) sum = static_cast<std::uint8_t>(sum + b);
  if (sum != 0) return make_error(Errc::kCorrupt, "bad checksum");
  Record r;
  r.type = buf[3];
  r.offset = static_cast<std::uint16_t>(buf[1] << 8 | buf[2]);
  r.data = ByteView(buf).subspan(4, buf[0]);
  if (r.type > kStartLinear) return make_error(Errc::kCorrupt, "unknown record type " + std::to_string(r.type));
  return r;
}

class Ihex final : public Format {
 public:
  std::string_view name() const override { return "ihex"; }

  std::span<const Magic> magics() const override {
    static const MagicTable kTable;
    return kTable.magics;
  }

  bool carvable() const override { return false; }

  Result<std::uint64_t> probe(ByteView data) const override {
    std::vector<std::uint8_t> buf;
    bool sound = first_records_sound(data, kProbeRecords, [&](std::string_view text) -> std::optional<bool> {
      auto r = parse_record(text, buf);
      if (!r) return std::nullopt;
      return r->type == kEof;
    });
    if (!sound) return make_error(Errc::kBadMagic, "not Intel HEX: the first records are not valid");
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    HexImage image;
    std::uint64_t end = data.size();
    {
      LineWarnings warnings(sink, name());
      LineReader lines(data.view());
      TextLine line;
      std::vector<std::uint8_t> buf;
      std::uint64_t base = 0;
      while (lines.next(line)) {
        if (line.text.empty()) continue;
        auto r = parse_record(line.text, buf);
        if (!r) {
          warnings.bad(line, r.error().message);
          continue;
        }
        if (r->type == kEof) {
          end = lines.pos();
          break;
        }
        if (!apply(*r, base, image)) warnings.bad(line, "wrong length for its type");
      }
    }
    image.emit(sink, hex_stem(sink.container_name(), kExtensions), data.size());
    return end;
  }

 private:
  /// Applies one record; false when its length does not fit its type.
  static bool apply(const Record& r, std::uint64_t& base, HexImage& image) {
    switch (r.type) {
      case kData: image.add(base + r.offset, r.data); return true;
      case kSegment:
      case kLinear:
        if (r.data.size() != 2) return false;
        base = std::uint64_t{static_cast<std::uint32_t>(r.data[0] << 8 | r.data[1])} << (r.type == kSegment ? 4 : 16);
        return true;
      case kStartSegment:
      case kStartLinear: return r.data.size() == 4;  // an entry point, not data
      default: return false;
    }
  }
};

}  // namespace

const Format& ihex_format() {
  static const Ihex kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
