// ELF executables, libraries, objects and kernels as containers (layout in
// elf_reader.h). Almost every ELF is a leaf: it is identified here, with its
// exact size so a carver can continue after it, and analysed elsewhere. Only
// sections that carry an embedded payload are emitted:
//   .init.ramfs     the initramfs linked into a Linux kernel
//   .image          the compressed kernel inside a MIPS self-decompressing vmlinuz
//   .gnu_debugdata  xz-compressed symbol tables (MiniDebugInfo)
// and any other section whose bytes open with a compressed-stream or cpio
// magic. Each is emitted as stored, named after the section with the
// suffix of its packing when one is recognised (".image.lzma").
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/elf_reader.h"
#include "scanner/unpack/formats/packed_payload.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {
    {"\x7f"
     "ELF",
     0}};
constexpr std::array<std::string_view, 3> kPayloadSections{".init.ramfs", ".image", ".gnu_debugdata"};

class Elf final : public Format {
 public:
  std::string_view name() const override { return "elf"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto f = parse_elf(data);
    if (!f) return f.error();
    if (f->extent > data.size()) {
      return make_error(Errc::kTruncated,
                        fmt::format("elf contents end at {}, only {} bytes present", f->extent, data.size()));
    }
    return f->extent;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto f = parse_elf(data.view());
    if (!f) return f.error();
    std::size_t outside = 0;
    for (std::size_t i = 0; i < f->sections.size(); ++i) {
      const ElfSection& s = f->sections[i];
      if (s.type == kShtNobits || s.type == 0 || s.size == 0) continue;
      ByteView bytes = elf_section_bytes(data.view(), s);
      if (bytes.size() != s.size) {
        ++outside;
        continue;
      }
      auto packing = sniff_packing(bytes);
      bool named = std::find(kPayloadSections.begin(), kPayloadSections.end(), s.name) != kPayloadSections.end();
      if (!named && !packing) continue;
      Entry e;
      e.path = s.name.empty() ? fmt::format("section{}", i) : std::string(s.name);
      if (packing && !e.path.ends_with(packing_suffix(*packing))) e.path += packing_suffix(*packing);
      e.offset = s.offset;
      if (!sink.add(std::move(e), data.sub(s.offset, s.size))) break;
    }
    // One line for all of them: a damaged table can list thousands.
    if (outside != 0) sink.warn(fmt::format("elf: {} sections run past the end of the data", outside));
    return std::min<std::uint64_t>(f->extent, data.size());
  }
};

}  // namespace

const Format& elf_format() {
  static const Elf kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
