// bzip2 through libbz2.
#include <bzlib.h>

#include "scanner/unpack/decode/bounded_output.h"
#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack {

Decoded decode_bzip2(ByteView in, const OutputBudget& budget) {
  Decoded d;
  bz_stream bz{};
  if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) {
    d.status = DecodeStatus::kCorrupt;
    d.message = "bzip2 init failed";
    return d;
  }
  BoundedOutput out(budget, in.size());
  std::uint64_t fed = 0;
  while (true) {
    if (bz.avail_in == 0 && fed < in.size()) {
      auto n = static_cast<unsigned>(std::min<std::uint64_t>(in.size() - fed, 1U << 30));
      bz.next_in = const_cast<char*>(reinterpret_cast<const char*>(in.data() + fed));
      bz.avail_in = n;
      fed += n;
    }
    std::size_t room = out.grow();
    if (room == 0 || !out.within_budget(fed - bz.avail_in)) {
      d.status = DecodeStatus::kLimit;
      d.message = out.why();
      break;
    }
    bz.next_out = reinterpret_cast<char*>(out.write_ptr());
    bz.avail_out = static_cast<unsigned>(std::min<std::size_t>(room, 1U << 30));
    unsigned before = bz.avail_out;
    int rc = BZ2_bzDecompress(&bz);
    out.commit(before - bz.avail_out);
    if (rc == BZ_STREAM_END) break;
    if (rc != BZ_OK) {
      d.status = DecodeStatus::kCorrupt;
      d.message = "bzip2 error " + std::to_string(rc);
      break;
    }
    if (bz.avail_in == 0 && fed == in.size() && before == bz.avail_out) {
      d.status = DecodeStatus::kTruncated;
      d.message = "stream ends early";
      break;
    }
  }
  d.consumed = fed - bz.avail_in;
  BZ2_bzDecompressEnd(&bz);
  d.bytes = out.take();
  return d;
}

}  // namespace pedigree::unpack
