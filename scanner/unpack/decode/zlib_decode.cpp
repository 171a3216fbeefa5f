// gzip, zlib and raw deflate through zlib's inflate.
#include <zlib.h>

#include "scanner/unpack/decode/bounded_output.h"
#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack {
namespace {

Decoded inflate_with(ByteView in, const OutputBudget& budget, int window_bits) {
  Decoded d;
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    d.status = DecodeStatus::kCorrupt;
    d.message = "inflateInit2 failed";
    return d;
  }
  BoundedOutput out(budget, in.size());
  std::uint64_t fed = 0;
  int rc = Z_OK;
  while (true) {
    if (zs.avail_in == 0 && fed < in.size()) {
      // zlib counts in uInt: feed at most 1 GiB at a time.
      auto n = static_cast<uInt>(std::min<std::uint64_t>(in.size() - fed, 1U << 30));
      zs.next_in = const_cast<Bytef*>(in.data() + fed);
      zs.avail_in = n;
      fed += n;
    }
    std::size_t room = out.grow();
    if (room == 0 || !out.within_budget(fed - zs.avail_in)) {
      d.status = DecodeStatus::kLimit;
      d.message = out.why();
      break;
    }
    zs.next_out = out.write_ptr();
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(room, 1U << 30));
    uInt before = zs.avail_out;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.commit(before - zs.avail_out);
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed == in.size()) {
      d.status = DecodeStatus::kTruncated;
      d.message = "stream ends early";
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      d.status = DecodeStatus::kCorrupt;
      d.message = zs.msg != nullptr ? zs.msg : "inflate error";
      break;
    }
  }
  d.consumed = fed - zs.avail_in;
  inflateEnd(&zs);
  d.bytes = out.take();
  return d;
}

}  // namespace

Decoded decode_gzip(ByteView in, const OutputBudget& budget) { return inflate_with(in, budget, 16 + 15); }
Decoded decode_zlib(ByteView in, const OutputBudget& budget) { return inflate_with(in, budget, 15); }
Decoded decode_deflate(ByteView in, const OutputBudget& budget) { return inflate_with(in, budget, -15); }

const char* to_string(DecodeStatus s) {
  switch (s) {
    case DecodeStatus::kOk: return "ok";
    case DecodeStatus::kTruncated: return "truncated";
    case DecodeStatus::kCorrupt: return "corrupt";
    case DecodeStatus::kLimit: return "limit";
  }
  return "?";
}

}  // namespace pedigree::unpack
