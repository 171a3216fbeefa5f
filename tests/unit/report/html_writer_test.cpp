#include "scanner/report/html_writer.h"

#include <doctest/doctest.h>

#include "scanner/risk/assess.h"
#include "tests/unit/risk/fixture.h"

namespace pedigree::report {

TEST_CASE("html: strings from the image are escaped; the page needs no network") {
  auto r = test::risk_fixture();
  r.findings.front().origin = "image.bin @0x0 squashfs \xE2\x86\x92 /www/<script>alert(1)</script>.cgi";
  r.vendors.front().name = "Evil \"vendor\" & <b>co</b>";
  risk::assess(r, {*risk::load_policy("default"), {}, "", {}});
  std::string html = to_html(r);
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;.cgi") != std::string::npos);
  CHECK(html.find("Evil &quot;vendor&quot; &amp; &lt;b&gt;co&lt;/b&gt;") != std::string::npos);
  for (const char* fetch : {"src=\"http", "href=\"http", "url(", "@import"})
    CHECK(html.find(fetch) == std::string::npos);
  CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
  CHECK(html.find("<svg id=\"country-chart\"") != std::string::npos);
  CHECK(html.find("id=\"evidence-section\"") != std::string::npos);
  CHECK(html_escape("a'b") == "a&#39;b");
}

}  // namespace pedigree::report
