// xz, LZMA-alone and raw LZMA1 through liblzma.
#include <lzma.h>

#include "scanner/unpack/decode/bounded_output.h"
#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack {
namespace {

// liblzma's own memory cap for the decoder's dictionary: firmware never needs
// more, and a hostile header could ask for 4 GiB.
constexpr std::uint64_t kDecoderMemLimit = 256ULL << 20;

Decoded run(lzma_stream& s, ByteView in, const OutputBudget& budget) {
  Decoded d;
  BoundedOutput out(budget, in.size());
  s.next_in = in.data();
  s.avail_in = in.size();
  while (true) {
    std::size_t room = out.grow();
    if (room == 0 || !out.within_budget(in.size() - s.avail_in)) {
      d.status = DecodeStatus::kLimit;
      d.message = out.why();
      break;
    }
    s.next_out = out.write_ptr();
    s.avail_out = room;
    lzma_ret rc = lzma_code(&s, s.avail_in == 0 ? LZMA_FINISH : LZMA_RUN);
    out.commit(room - s.avail_out);
    if (rc == LZMA_STREAM_END) break;
    if (rc == LZMA_OK) continue;
    if (rc == LZMA_BUF_ERROR) {
      d.status = DecodeStatus::kTruncated;
      d.message = "stream ends early";
    } else if (rc == LZMA_MEMLIMIT_ERROR) {
      d.status = DecodeStatus::kLimit;
      d.message = "dictionary larger than the decoder memory limit";
    } else {
      d.status = DecodeStatus::kCorrupt;
      d.message = "lzma error " + std::to_string(static_cast<int>(rc));
    }
    break;
  }
  d.consumed = in.size() - s.avail_in;
  lzma_end(&s);
  d.bytes = out.take();
  return d;
}

Decoded init_failed() {
  Decoded d;
  d.status = DecodeStatus::kCorrupt;
  d.message = "decoder init failed";
  return d;
}

}  // namespace

Decoded decode_xz(ByteView in, const OutputBudget& budget) {
  lzma_stream s = LZMA_STREAM_INIT;
  // No LZMA_CONCATENATED: one stream, so trailing data is left for the carver.
  if (lzma_stream_decoder(&s, kDecoderMemLimit, 0) != LZMA_OK) return init_failed();
  return run(s, in, budget);
}

Decoded decode_lzma_alone(ByteView in, const OutputBudget& budget) {
  lzma_stream s = LZMA_STREAM_INIT;
  if (lzma_alone_decoder(&s, kDecoderMemLimit) != LZMA_OK) return init_failed();
  Decoded d = run(s, in, budget);
  // Kernels are often packed with "size unknown" and no end marker: the
  // stream then simply runs out of input, which is success if output came.
  if (d.status == DecodeStatus::kTruncated && !d.bytes.empty() && d.consumed == in.size()) {
    d.status = DecodeStatus::kOk;
    d.message.clear();
  }
  return d;
}

Decoded decode_lzma_raw(ByteView in, std::uint32_t lc, std::uint32_t lp, std::uint32_t pb, std::uint32_t dict_size,
                        std::uint64_t out_size) {
  lzma_options_lzma opt{};
  opt.dict_size = dict_size;
  opt.lc = lc;
  opt.lp = lp;
  opt.pb = pb;
  lzma_filter filters[2] = {{LZMA_FILTER_LZMA1, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};
  lzma_stream s = LZMA_STREAM_INIT;
  if (lc > 4 || lp > 4 || pb > 4 || lzma_raw_decoder(&s, filters) != LZMA_OK) return init_failed();
  OutputBudget budget;
  budget.max_bytes = out_size;
  Decoded d = run(s, in, budget);
  // Raw LZMA1 without an end marker stops when the expected size is reached.
  if (d.bytes.size() == out_size) {
    d.status = DecodeStatus::kOk;
    d.message.clear();
  }
  return d;
}

}  // namespace pedigree::unpack
