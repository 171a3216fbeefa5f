// Motorola S-records: a text file of records, one per line:
//   'S' T CC AAAA... DD... KK
// T is the record type digit, CC (hex) the count of bytes that follow (address,
// data and checksum), then the address, the data and KK, the ones' complement
// of the low byte of the sum of the count, address and data bytes.
// Types: S0 header (16-bit address, usually 0; its data is the module name,
// often the file name); S1, S2, S3 data at 16-, 24- and 32-bit addresses;
// S5, S6 the count of data records so far (16- or 24-bit, in the address
// field); S7, S8, S9 the start address (32-, 24-, 16-bit), which ends the
// file. S4 is reserved.
//
// The data records describe a memory image, which becomes one member
// "<module>.bin" (see HexImage for sparse or hostile address spaces). "S0"
// to "S3" are only two bytes, so the format is only recognised at the start
// of a file, and probe checks the first records and their checksums.
#include <array>
#include <string>
#include <vector>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/hex_image.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"S0", 0}, {"S1", 0}, {"S2", 0}, {"S3", 0}};
// Address bytes per record type; 0 marks the reserved S4.
constexpr std::array<std::size_t, 10> kAddressSize = {2, 2, 3, 4, 0, 2, 3, 4, 3, 2};
constexpr std::size_t kProbeRecords = 4;
constexpr std::size_t kMaxLine = 2 + 2 * 256;  // "Sn", count and up to 255 counted bytes
constexpr std::size_t kMaxModuleName = 64;
constexpr std::string_view kExtensions[] = {".srec", ".s19", ".s28", ".s37", ".mot", ".sx", ".mhx", ".srecord", ".s"};

struct Record {
  int type = 0;
  std::uint64_t address = 0;
  ByteView data;
};

/// Parses one record line into `buf`; the error says why it is bad.
Result<Record> parse_record(std::string_view line, std::vector<std::uint8_t>& buf) {
  if (line.size() < 2 || line[0] != 'S' || line[1] < '0' || line[1] > '9')
    return make_error(Errc::kCorrupt, "not a record");
  if (line.size() > kMaxLine) return make_error(Errc::kCorrupt, "line too long for a record");
  Record r;
  r.type = line[1] - '0';
  std::size_t addr_size = kAddressSize[static_cast<std::size_t>(r.type)];
  if (addr_size == 0) return make_error(Errc::kCorrupt, "reserved record type S4");
  if (!decode_hex(line.substr(2), buf) || buf.size() < 2 + addr_size)
    return make_error(Errc::kCorrupt, "malformed record");
  if (std::size_t{buf[0]} != buf.size() - 1) return make_error(Errc::kCorrupt, "byte count does not match the line");
  std::uint8_t sum = 0;
  for (std::size_t i = 0; i + 1 < buf.size(); ++i) sum = static_cast<std::uint8_t>(sum + buf[i]);
  if (static_cast<std::uint8_t>(~sum) != buf.back()) return make_error(Errc::kCorrupt, "bad checksum");
  for (std::size_t i = 0; i < addr_size; ++i) r.address = r.address << 8 | buf[1 + i];
  r.data = ByteView(buf).subspan(1 + addr_size, buf.size() - 2 - addr_size);
  return r;
}

/// The S0 text, when it is a usable name.
std::string module_name(ByteView data) {
  std::string_view text = as_chars(data);
  text = text.substr(0, text.find('\0'));
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > kMaxModuleName) return {};
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return {};
  }
  return std::string(text);
}

class Srec final : public Format {
 public:
  std::string_view name() const override { return "srec"; }
  std::span<const Magic> magics() const override { return kMagics; }
  bool carvable() const override { return false; }

  Result<std::uint64_t> probe(ByteView data) const override {
    std::vector<std::uint8_t> buf;
    bool sound = first_records_sound(data, kProbeRecords, [&](std::string_view text) -> std::optional<bool> {
      auto r = parse_record(text, buf);
      if (!r) return std::nullopt;
      return r->type >= 7;
    });
    if (!sound) return make_error(Errc::kBadMagic, "not S-records: the first records are not valid");
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    HexImage image;
    std::string module;
    std::uint64_t end = data.size();
    {
      LineWarnings warnings(sink, name());
      LineReader lines(data.view());
      TextLine line;
      std::vector<std::uint8_t> buf;
      std::uint64_t data_records = 0;
      while (lines.next(line)) {
        if (line.text.empty()) continue;
        auto r = parse_record(line.text, buf);
        if (!r) {
          warnings.bad(line, r.error().message);
          continue;
        }
        if (r->type == 0 && module.empty()) module = module_name(r->data);
        if (r->type >= 1 && r->type <= 3) {
          image.add(r->address, r->data);
          ++data_records;
        }
        if ((r->type == 5 || r->type == 6) && r->address != (data_records & (r->type == 5 ? 0xffff : 0xffffff))) {
          sink.warn("srec line " + std::to_string(line.number) + ": record count " + std::to_string(r->address) +
                    " but " + std::to_string(data_records) + " data records seen");
        }
        if (r->type >= 7) {
          end = lines.pos();
          break;
        }
      }
    }
    std::string stem = hex_stem(module.empty() ? sink.container_name() : module, kExtensions);
    image.emit(sink, stem, data.size());
    return end;
  }
};

}  // namespace

const Format& srec_format() {
  static const Srec kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
