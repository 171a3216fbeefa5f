// KEY=value files: os-release(5), /etc/openwrt_release and Yocto's
// /etc/build. Values may be quoted with " or ' (shell style, backslash
// escapes inside double quotes); spaces around '=' are allowed (/etc/build);
// '#' lines are comments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::fingerprint {

struct KeyValue {
  std::string key;
  std::string value;
  std::uint64_t offset = 0;  ///< byte offset of the line
};

/// Every assignment in `text`; malformed lines are skipped.
std::vector<KeyValue> parse_key_values(std::string_view text);

/// The value of `key`, or nullptr.
const KeyValue* find_key(const std::vector<KeyValue>& kvs, std::string_view key);

}  // namespace pedigree::fingerprint
