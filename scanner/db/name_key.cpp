#include "scanner/db/name_key.h"

namespace pedigree::db {

std::string name_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
      key.push_back(c);
  }
  return key;
}

}  // namespace pedigree::db
