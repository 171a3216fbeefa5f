// zstd, LZ4 (frame and block) and LZO1X through their reference libraries.
#include <lz4.h>
#include <lz4frame.h>
#include <lzo/lzo1x.h>
#include <zstd.h>

#include <mutex>

#include "scanner/unpack/decode/bounded_output.h"
#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack {
namespace {

Decoded failed(DecodeStatus s, std::string msg) {
  Decoded d;
  d.status = s;
  d.message = std::move(msg);
  return d;
}

}  // namespace

Decoded decode_zstd(ByteView in, const OutputBudget& budget) {
  Decoded d;
  ZSTD_DStream* zs = ZSTD_createDStream();
  if (zs == nullptr) return failed(DecodeStatus::kCorrupt, "zstd init failed");
  // Refuse frames that ask for windows beyond 128 MiB (hostile headers).
  ZSTD_DCtx_setParameter(zs, ZSTD_d_windowLogMax, 27);
  BoundedOutput out(budget, in.size());
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  while (true) {
    std::size_t room = out.grow();
    if (room == 0 || !out.within_budget(ib.pos)) {
      d.status = DecodeStatus::kLimit;
      d.message = out.why();
      break;
    }
    ZSTD_outBuffer ob{out.write_ptr(), room, 0};
    std::size_t rc = ZSTD_decompressStream(zs, &ob, &ib);
    out.commit(ob.pos);
    if (ZSTD_isError(rc)) {
      d.status = DecodeStatus::kCorrupt;
      d.message = ZSTD_getErrorName(rc);
      break;
    }
    if (rc == 0) break;  // frame complete
    if (ib.pos == ib.size && ob.pos < room) {
      d.status = DecodeStatus::kTruncated;
      d.message = "stream ends early";
      break;
    }
  }
  d.consumed = ib.pos;
  ZSTD_freeDStream(zs);
  d.bytes = out.take();
  return d;
}

Decoded decode_lz4_frame(ByteView in, const OutputBudget& budget) {
  Decoded d;
  LZ4F_dctx* ctx = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx, LZ4F_VERSION))) {
    return failed(DecodeStatus::kCorrupt, "lz4 init failed");
  }
  BoundedOutput out(budget, in.size());
  std::uint64_t pos = 0;
  while (true) {
    std::size_t room = out.grow();
    if (room == 0 || !out.within_budget(pos)) {
      d.status = DecodeStatus::kLimit;
      d.message = out.why();
      break;
    }
    std::size_t src_len = in.size() - pos;
    std::size_t dst_len = room;
    std::size_t rc = LZ4F_decompress(ctx, out.write_ptr(), &dst_len, in.data() + pos, &src_len, nullptr);
    out.commit(dst_len);
    pos += src_len;
    if (LZ4F_isError(rc)) {
      d.status = DecodeStatus::kCorrupt;
      d.message = LZ4F_getErrorName(rc);
      break;
    }
    if (rc == 0) break;  // frame complete
    if (pos == in.size() && dst_len == 0) {
      d.status = DecodeStatus::kTruncated;
      d.message = "stream ends early";
      break;
    }
  }
  d.consumed = pos;
  LZ4F_freeDecompressionContext(ctx);
  d.bytes = out.take();
  return d;
}

Decoded decode_lz4_block(ByteView in, std::uint64_t max_out) {
  if (in.size() > INT32_MAX || max_out > INT32_MAX) return failed(DecodeStatus::kLimit, "lz4 block too large");
  Decoded d;
  d.bytes.resize(max_out);
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(in.data()), reinterpret_cast<char*>(d.bytes.data()),
                              static_cast<int>(in.size()), static_cast<int>(max_out));
  if (n < 0) return failed(DecodeStatus::kCorrupt, "lz4 block corrupt");
  d.bytes.resize(static_cast<std::size_t>(n));
  d.consumed = in.size();
  return d;
}

Decoded decode_lzo1x(ByteView in, std::uint64_t out_size) {
  static std::once_flag once;
  std::call_once(once, [] { lzo_init(); });
  Decoded d;
  d.bytes.resize(out_size);
  lzo_uint dst_len = out_size;
  int rc = lzo1x_decompress_safe(in.data(), in.size(), d.bytes.data(), &dst_len, nullptr);
  if (rc != LZO_E_OK && rc != LZO_E_INPUT_NOT_CONSUMED) {
    d.bytes.resize(dst_len);
    d.status = DecodeStatus::kCorrupt;
    d.message = "lzo error " + std::to_string(rc);
    return d;
  }
  d.bytes.resize(dst_len);
  d.consumed = in.size();
  return d;
}

}  // namespace pedigree::unpack
