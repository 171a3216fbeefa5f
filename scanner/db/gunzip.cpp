#include "scanner/db/gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace pedigree::db {
namespace {

constexpr std::size_t kChunk = 1 << 20;       ///< input handed to zlib per call (avail_in is 32-bit)
constexpr int kGzipWindow = 15 + 16;          ///< 32 KiB window, gzip wrapper only
constexpr std::size_t kFirstGuessFactor = 4;  ///< JSON deflates about 8:1; start at 4x and grow

struct Inflater {
  z_stream z{};
  bool ready = false;
  Inflater() { ready = inflateInit2(&z, kGzipWindow) == Z_OK; }
  ~Inflater() {
    if (ready) inflateEnd(&z);
  }
};

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> gunzip(std::string_view in, std::uint64_t max_out) {
  Inflater inf;
  if (!inf.ready) return make_error(Errc::kIo, "zlib initialisation failed");
  std::string out;
  out.resize(std::min<std::uint64_t>(max_out, std::max<std::size_t>(in.size() * kFirstGuessFactor, kChunk)));
  std::size_t produced = 0, consumed = 0;
  for (;;) {
    if (produced == out.size()) {
      if (out.size() >= max_out)
        return make_error(Errc::kLimit, "inflates to more than " + std::to_string(max_out) + " bytes");
      out.resize(std::min<std::uint64_t>(max_out, out.size() * 2));
    }
    std::size_t in_now = std::min(kChunk, in.size() - consumed);
    std::size_t out_now = std::min<std::size_t>(UINT_MAX, out.size() - produced);
    inf.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + consumed));
    inf.z.avail_in = static_cast<uInt>(in_now);
    inf.z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    inf.z.avail_out = static_cast<uInt>(out_now);
    int rc = inflate(&inf.z, Z_NO_FLUSH);
    consumed += in_now - inf.z.avail_in;
    produced += out_now - inf.z.avail_out;
    if (rc == Z_STREAM_END) {
      // Another member may follow (concatenated gzip files are one stream).
      if (consumed >= in.size() || !is_gzip(in.substr(consumed))) break;
      inflateReset(&inf.z);
      continue;
    }
    if (rc == Z_BUF_ERROR && consumed >= in.size()) return make_error(Errc::kTruncated, "gzip stream is truncated");
    if (rc != Z_OK && rc != Z_BUF_ERROR)
      return make_error(Errc::kCorrupt,
                        std::string("gzip stream is damaged: ") + (inf.z.msg ? inf.z.msg : "inflate failed"));
  }
  out.resize(produced);
  return out;
}

Result<std::string> maybe_gunzip(std::string bytes, std::uint64_t max_out) {
  if (!is_gzip(bytes)) return bytes;
  return gunzip(bytes, max_out);
}

}  // namespace pedigree::db
