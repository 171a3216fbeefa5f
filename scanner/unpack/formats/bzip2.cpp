// bzip2: "BZh", the block size as an ASCII digit '1'..'9' (hundreds of KiB),
// then bit-packed blocks, each opened by the 48-bit magic 31 41 59 26 53 59
// (BCD pi), and an end-of-stream marker 17 72 45 38 50 90 (BCD sqrt(pi))
// followed by the combined CRC. Blocks are not byte-aligned, so only the first
// block magic (or, for an empty stream, the end marker) sits at a fixed
// offset: the ten bytes together make the magic. The stream's length is only
// known by decoding it.
#include <algorithm>
#include <array>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr std::string_view kBlockMagic("\x31\x41\x59\x26\x53\x59", 6);
constexpr std::string_view kEndMagic("\x17\x72\x45\x38\x50\x90", 6);
constexpr std::uint64_t kFirstBlock = 4;
// Input and output of probe's trial decode.
constexpr std::size_t kTrialInput = 16 * 1024;
constexpr std::uint64_t kTrialOutput = 64 * 1024;

/// "BZh" + level + block or end magic, for levels 1..9.
struct MagicTable {
  static constexpr std::size_t kCount = 18;
  std::array<std::array<char, 10>, kCount> bytes{};
  std::array<Magic, kCount> magics{};

  MagicTable() {
    std::size_t i = 0;
    for (char level = '1'; level <= '9'; ++level) {
      for (std::string_view after : {kBlockMagic, kEndMagic}) {
        bytes[i] = {'B', 'Z', 'h', level};
        std::copy(after.begin(), after.end(), bytes[i].begin() + kFirstBlock);
        magics[i] = Magic{std::string_view(bytes[i].data(), bytes[i].size()), 0};
        ++i;
      }
    }
  }
};

class Bzip2 final : public Format {
 public:
  std::string_view name() const override { return "bzip2"; }

  std::span<const Magic> magics() const override {
    static const MagicTable kTable;
    return kTable.magics;
  }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    auto level = r.u8(3);
    if (!r.matches(0, "BZh") || !level) return make_error(Errc::kBadMagic, "not a bzip2 stream");
    if (*level < '1' || *level > '9') return make_error(Errc::kBadMagic, "bzip2 block size out of range");
    if (!r.matches(kFirstBlock, kBlockMagic) && !r.matches(kFirstBlock, kEndMagic)) {
      return make_error(Errc::kBadMagic, "bzip2 header not followed by a block");
    }
    // The block's tables come first and noise breaks them within a few KiB;
    // whole blocks are only decoded by extraction.
    OutputBudget trial;
    trial.max_bytes = kTrialOutput;
    Decoded d = decode_bzip2(data.first(std::min<std::size_t>(data.size(), kTrialInput)), trial);
    if (d.status == DecodeStatus::kCorrupt) return make_error(Errc::kBadMagic, "bzip2 block does not decode");
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    Decoded d = decode_bzip2(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, stream_member_name(sink, {}, ".bz2", "bzip2"), name());
  }
};

}  // namespace

const Format& bzip2_format() {
  static const Bzip2 kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
