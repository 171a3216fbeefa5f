#include <doctest/doctest.h>
#include <zlib.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"

namespace pedigree {
namespace {

std::string gzip_bytes(std::string_view payload, const char* stored_name) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  gz_header h{};
  if (stored_name != nullptr) h.name = reinterpret_cast<Bytef*>(const_cast<char*>(stored_name));
  deflateSetHeader(&zs, &h);
  std::string out(deflateBound(&zs, payload.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(payload.data()));
  zs.avail_in = static_cast<uInt>(payload.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST_CASE("gzip: decodes one member, keeps the stored name and reports its length") {
  const auto* gz = unpack::find_format("gzip");
  REQUIRE(gz != nullptr);
  std::string stream = gzip_bytes("hello firmware", "vmlinux");
  auto x = test::extract_with(*gz, Blob::from_string(stream + "TRAILING"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "vmlinux");
  CHECK(x.sink.members[0].text() == "hello firmware");
}

TEST_CASE("gzip: names the member after the container when no name is stored") {
  auto x = test::extract_with(*unpack::find_format("gzip"), Blob::from_string(gzip_bytes("x", nullptr)),
                              test::CollectingSink("rootfs.cpio.gz"));
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "rootfs.cpio");
}

TEST_CASE("gzip: a truncated stream keeps what decoded and warns") {
  std::string payload(100000, 'a');
  for (std::size_t i = 0; i < payload.size(); i += 7) payload[i] = static_cast<char>('a' + i % 26);
  std::string stream = gzip_bytes(payload, nullptr);
  auto x = test::extract_with(*unpack::find_format("gzip"), Blob::from_string(stream.substr(0, stream.size() / 2)));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
}

TEST_CASE("gzip: the output budget stops a bomb") {
  std::string zeros(8 << 20, '\0');
  test::CollectingSink sink;
  sink.budget_.max_bytes = 1 << 20;
  auto x = test::extract_with(*unpack::find_format("gzip"), Blob::from_string(gzip_bytes(zeros, nullptr)), sink);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].data.size() == (1 << 20));
  CHECK(!x.sink.warnings.empty());
}

TEST_CASE("gzip: header noise is not a candidate") {
  CHECK_FALSE(unpack::find_format("gzip")->probe(as_bytes(std::string_view("\x1f\x8b\x08\xff\0\0\0\0\0\0", 10))).ok());
}

}  // namespace
}  // namespace pedigree
