#include "scanner/fingerprint/chipset/dtb_evidence.h"

#include <doctest/doctest.h>

#include "tests/support/scratch_dir.h"
#include "tests/unit/fingerprint/chipset/evidence_helpers.h"

namespace pedigree::fingerprint {
namespace {

std::string compile(std::string_view dts) {
  test::ScratchDir dir;
  dir.write("board.dts", dts);
  REQUIRE(dir.run("dtc -I dts -O dtb -o board.dtb board.dts"));
  return dir.read("board.dtb");
}

constexpr std::string_view kBoard = R"(/dts-v1/;
/ { model = "Xunlong Orange Pi PC"; compatible = "xunlong,orangepi-pc", "allwinner,sun8i-h3";
    #address-cells = <1>; #size-cells = <1>;
    soc@1c00000 { compatible = "simple-bus"; #address-cells = <1>; #size-cells = <1>; ranges; };
    chosen { }; };
)";

TEST_CASE("dtb evidence: root compatibles, model, SoC node and vendor prefixes") {
  std::string blob = compile(kBoard);
  auto ev = device_tree_evidence(as_bytes(blob), 0);
  CHECK(test::values_of(ev, "dt_compatible") == std::vector<std::string>{"xunlong,orangepi-pc", "allwinner,sun8i-h3"});
  CHECK(test::values_of(ev, "dt_model") == std::vector<std::string>{"Xunlong Orange Pi PC"});
  CHECK(test::values_of(ev, "dt_soc") == std::vector<std::string>{"simple-bus"});
  CHECK(test::values_of(ev, "dt_prefix") == std::vector<std::string>{"xunlong", "allwinner"});
  for (const auto& e : ev) {
    // Each offset points at the property's bytes inside the tree.
    CHECK(blob.compare(e.offset, e.value.size(), e.value) == 0);
  }
}

TEST_CASE("dtb evidence: a tree appended to a kernel is found at its offset") {
  std::string blob = compile(kBoard);
  std::string kernel = std::string(1000, 'K') + "Linux kernel" + blob + std::string(64, '\0');
  Facts facts;
  FileRef file{"zImage-dtb", "/boot/zImage-dtb", "", 0644, 1, as_bytes(kernel)};
  DtbAnalyzer().analyze(file, facts);
  auto compat = test::values_of(facts.chipset_evidence, "dt_compatible");
  REQUIRE(compat.size() == 2);
  CHECK(compat[1] == "allwinner,sun8i-h3");
  CHECK(facts.chipset_evidence.front().origin == "zImage-dtb");
  CHECK(facts.chipset_evidence.front().offset > 1000);
}

TEST_CASE("dtb evidence: a tree inside another tree (a FIT blob) is left to the unpacker") {
  std::string inner = compile(kBoard);
  test::ScratchDir dir;
  dir.write("board.dtb", inner);
  dir.write("fit.its",
            "/dts-v1/;\n/ { images { fdt-1 { data = /incbin/(\"board.dtb\"); type = \"flat_dt\"; }; }; };\n");
  REQUIRE(dir.run("dtc -I dts -O dtb -o fit.itb fit.its"));
  std::string fit = dir.read("fit.itb");
  REQUIRE(fit.find(inner) != std::string::npos);
  CHECK(device_trees_in(as_bytes(fit)).empty());
}

TEST_CASE("dtb evidence: stray magic numbers and damaged trees give nothing") {
  std::string blob = compile(kBoard);
  std::string junk = std::string("\xd0\x0d\xfe\xed", 4) + std::string(100, '\xff');
  CHECK(device_trees_in(as_bytes(junk)).empty());
  CHECK(device_trees_in(as_bytes(std::string_view(blob).substr(0, blob.size() / 2))).empty());
}

}  // namespace
}  // namespace pedigree::fingerprint
