#include "scanner/security/account_files.h"

#include <doctest/doctest.h>

namespace pedigree::security {
namespace {

TEST_CASE("accounts: passwd lines with uid, gid and shell") {
  auto e = parse_account_file(as_bytes("root:x:0:0:root:/root:/bin/ash\nftp:*:55:55:ftp:/home/ftp:/bin/false\n"));
  REQUIRE(e.size() == 2);
  CHECK(e[0].source == "passwd");
  CHECK(e[0].user == "root");
  CHECK(e[0].uid == 0);
  CHECK(e[0].shell == "/bin/ash");
  CHECK(e[1].hash == "*");
  CHECK(e[1].line == 2);
}

TEST_CASE("accounts: shadow lines keep the hash; a malformed line is skipped") {
  std::string shadow =
      "root:$1$8Qe2Lr0z$l.XtYEV2q8tSPwpRg0MUT.:19675:0:99999:7:::\n"
      "guest::19675:0:99999:7:::\n"
      "daemon:*:0:0:99999:7:::\n"
      "nobody:*:0:0:99999:7:::\n"
      "broken line without fields\n";
  auto e = parse_account_file(as_bytes(shadow));
  REQUIRE(e.size() == 4);
  CHECK(e[0].source == "shadow");
  CHECK(classify_hash(e[0].hash) == "md5");
  CHECK(classify_hash(e[1].hash) == "empty");
}

TEST_CASE("accounts: htpasswd needs crypt-like hashes") {
  auto e = parse_account_file(as_bytes("admin:$apr1$abcdefgh$0123456789012345678901\n"));
  REQUIRE(e.size() == 1);
  CHECK(e[0].source == "htpasswd");
  CHECK(parse_account_file(as_bytes("key:value\nother:thing\n")).empty());
}

TEST_CASE("accounts: text that is mostly something else is not an account file") {
  CHECK(parse_account_file(as_bytes("#!/bin/sh\necho hi\nroot:x:0:0:root:/root:/bin/sh\nls\nexit 0\n")).empty());
  CHECK(parse_account_file(as_bytes(std::string("root:x:0:0::/:/bin/sh\0", 23))).empty());
  CHECK(parse_account_file(as_bytes("")).empty());
  CHECK(parse_account_file(as_bytes("root:x:zero:0:root:/root:/bin/sh\n")).empty());
}

TEST_CASE("accounts: hash types") {
  CHECK(classify_hash("$5$salt$hash") == "sha256");
  CHECK(classify_hash("$6$salt$hash") == "sha512");
  CHECK(classify_hash("$y$j9T$salt$hash") == "yescrypt");
  CHECK(classify_hash("$2b$10$abcdefghijklmnopqrstuv") == "bcrypt");
  CHECK(classify_hash("abJnggxhB/yWI") == "des");
  CHECK(classify_hash("!$6$x$y") == "locked");
  CHECK(classify_hash("x") == "none");
  CHECK(classify_hash("plain") == "unknown");
}

}  // namespace
}  // namespace pedigree::security
