// Account databases, recognised by content wherever they sit:
//   passwd    name:password:uid:gid:gecos:home:shell          (passwd(5))
//   shadow    name:hash:lastchg:min:max:warn:inactive:expire:  (shadow(5))
//   htpasswd  name:hash, one per line, hash in a crypt or {SHA} form
// A file counts as one of them only when nearly all of its non-blank,
// non-comment lines have that shape; malformed lines are skipped.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/security_facts.h"

namespace pedigree::security {

/// Largest file read as an account database.
inline constexpr std::size_t kMaxAccountFile = 1024 * 1024;

/// The accounts in a passwd, shadow or htpasswd file (source says which);
/// empty when the file is none of them. Origins are left empty.
std::vector<fingerprint::AccountEntry> parse_account_file(ByteView data);

/// des, md5, sha256, sha512, yescrypt, bcrypt, sha1, empty, locked, none, unknown.
std::string_view classify_hash(std::string_view hash);

}  // namespace pedigree::security
