#include "scanner/fingerprint/network/endpoints.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

using namespace std::string_literals;

std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& e : endpoints_in(text)) out.push_back(e.kind + " " + e.value + " " + e.host);
  return out;
}

TEST_CASE("endpoints: URLs anywhere, with their host") {
  CHECK(found("\0\0https://ota.tuyacn.com/v1/check?x=1\0"s) ==
        std::vector<std::string>{"url https://ota.tuyacn.com/v1/check?x=1 ota.tuyacn.com"});
  CHECK(found("broker=mqtts://user:pw@iot-as-mqtt.cn-shanghai.aliyuncs.com:1883\n") ==
        std::vector<std::string>{"url mqtts://user:pw@iot-as-mqtt.cn-shanghai.aliyuncs.com:1883 "
                                 "iot-as-mqtt.cn-shanghai.aliyuncs.com"});
  CHECK(found("GET http://8.8.8.8/ping HTTP/1.1") == std::vector<std::string>{"url http://8.8.8.8/ping 8.8.8.8"});
}

TEST_CASE("endpoints: bare hosts and IPs only after a server-like key") {
  CHECK(found("config timeserver 'ntp'\n\tlist server '0.openwrt.pool.ntp.org'\n") ==
        std::vector<std::string>{"host 0.openwrt.pool.ntp.org 0.openwrt.pool.ntp.org"});
  CHECK(found("update_host=193.0.14.129\n") == std::vector<std::string>{"ip 193.0.14.129 193.0.14.129"});
  CHECK(found("libc.so.6\0ld-linux-armhf.so.3\0version 1.2.3.4\0"s).empty());
  CHECK(found("ssl_cert=server.pem\n").empty());  // .pem is no public suffix
}

TEST_CASE("endpoints: private, documentation and example destinations and format strings are skipped") {
  CHECK(found("http://192.168.1.1/ https://10.0.0.1 http://127.0.0.1:8080 http://203.0.113.7/").empty());
  CHECK(found("mqtts://broker.example.com:8883 http://router.lan/ https://foo.test/").empty());
  CHECK(found("http://%s/cgi-bin/%s https://localhost/").empty());
  CHECK(found("ntp_server=192.168.1.1\n").empty());
}

TEST_CASE("endpoints: one sighting per value per file") {
  auto e = endpoints_in("https://a.example.cn/x https://a.example.cn/x https://a.example.cn/y");
  CHECK(e.size() == 2);
}

}  // namespace
}  // namespace pedigree::fingerprint
