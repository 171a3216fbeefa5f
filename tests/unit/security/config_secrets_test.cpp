#include "scanner/security/config_secrets.h"

#include <doctest/doctest.h>

namespace pedigree::security {
namespace {

TEST_CASE("secrets: key=value passwords with the user named nearby; only a masked hint is kept") {
  auto s = find_config_secrets(as_bytes("broker=mqtts://x:8883\nusername=gw335\npassword=Gw335!Mqtt#2023\n"));
  REQUIRE(s.size() == 1);
  CHECK(s[0].source == "config");
  CHECK(s[0].user == "gw335");
  CHECK(s[0].password_known);
  CHECK(s[0].hash_type == "plaintext");
  CHECK(s[0].password_hint == "G*************3");
}

TEST_CASE("secrets: Wi-Fi passphrases in hostapd, wpa_supplicant and uci") {
  CHECK(find_config_secrets(as_bytes("ssid=x\nwpa_passphrase=password1234\n")).at(0).source == "wpa");
  CHECK(find_config_secrets(as_bytes("network={\n\tpsk=\"secret123\"\n}\n")).size() == 1);
  CHECK(find_config_secrets(as_bytes("config wifi-iface\n\toption key 'Summer2023!'\n")).size() == 1);
}

TEST_CASE("secrets: netrc") {
  auto s = find_config_secrets(as_bytes("machine ftp.example.com login bob password hunter22\n"));
  REQUIRE(s.size() == 1);
  CHECK(s[0].source == "netrc");
  CHECK(s[0].user == "bob");
}

TEST_CASE("secrets: variables, prompts, code and binaries are not credentials") {
  CHECK(find_config_secrets(as_bytes("PASSWORD=$1\npass=${PASS}\n")).empty());
  CHECK(find_config_secrets(as_bytes("read -p \"Password: \" pw\n")).empty());
  CHECK(find_config_secrets(as_bytes("password: document.getElementById('pw').value,\n")).empty());
  CHECK(find_config_secrets(as_bytes("option PasswordAuth 'on'\n")).empty());
  CHECK(find_config_secrets(as_bytes("# password=commented\n")).empty());
  CHECK(find_config_secrets(as_bytes(std::string("password=abc\0\0", 14))).empty());
}

}  // namespace
}  // namespace pedigree::security
