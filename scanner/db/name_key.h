// The lookup key of a vendor name or alias: ASCII letters lower-cased, digits
// and non-ASCII (UTF-8) bytes kept, ASCII spaces and punctuation dropped, so
// spellings that differ only in case and punctuation meet.
#pragma once

#include <string>
#include <string_view>

namespace pedigree::db {

/// "Hangzhou Hikvision Digital Technology Co., Ltd." → "hangzhouhikvisiondigitaltechnologycoltd".
std::string name_key(std::string_view name);

}  // namespace pedigree::db
