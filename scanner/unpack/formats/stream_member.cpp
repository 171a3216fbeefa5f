#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {

std::string stream_member_name(const Sink& sink, std::string_view stored_name, std::string_view suffix,
                               std::string_view format_name) {
  if (!stored_name.empty()) {
    auto slash = stored_name.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? stored_name : stored_name.substr(slash + 1));
  }
  std::string_view parent = sink.container_name();
  auto slash = parent.rfind('/');
  if (slash != std::string_view::npos) parent = parent.substr(slash + 1);
  if (!suffix.empty() && parent.size() > suffix.size() && parent.ends_with(suffix)) {
    return std::string(parent.substr(0, parent.size() - suffix.size()));
  }
  return std::string(format_name) + ".out";
}

Result<std::uint64_t> emit_stream(Decoded decoded, Sink& sink, std::string name, std::string_view format_name) {
  if (decoded.bytes.empty() && !decoded.ok()) {
    return make_error(Errc::kCorrupt, std::string(format_name) + ": " + decoded.message);
  }
  if (!decoded.ok()) {
    sink.warn(std::string(format_name) + " stream " + to_string(decoded.status) + " after " +
              std::to_string(decoded.bytes.size()) + " bytes out: " + decoded.message);
  }
  std::uint64_t consumed = decoded.consumed;
  Entry e;
  e.path = std::move(name);
  sink.add(std::move(e), Blob::from_vector(std::move(decoded.bytes)));
  return consumed;
}

}  // namespace pedigree::unpack
