// Compression libraries. Their copyright and version texts sit in the
// library's own code, so a copy inside another program is statically linked.

rule zlib_copyright {
  meta:
    component = "zlib"
    cpe = "zlib:zlib"
    purl = "pkg:generic/zlib"
    version = "deflate {v} || inflate {v}"
    files = "libz.so,libz.a"
    verified = "zlib1g 1:1.2.13.dfsg-1 mipsel, armhf"
  strings:
    // deflate.c deflate_copyright, inftrees.c inflate_copyright
    $v1 = /deflate [0-9]\.[0-9]{1,2}(\.[0-9]{1,2}){1,2}(\.[0-9])? Copyright 1995-[0-9]{4} Jean-loup Gailly/
    $v2 = /inflate [0-9]\.[0-9]{1,2}(\.[0-9]{1,2}){1,2}(\.[0-9])? Copyright 1995-[0-9]{4} Mark Adler/
  condition:
    is_elf and (any of them)
}

rule bzip2_version {
  meta:
    component = "bzip2"
    cpe = "bzip:bzip2"
    purl = "pkg:generic/bzip2"
    version = "{v}, "
    files = "libbz2.so,bzip2,bunzip2,bzcat"
  strings:
    // BZ_VERSION "1.0.8, 13-Jul-2019"
    $v1 = /1\.0\.[0-9]{1,2}[a-z]?, [0-9]{1,2}-[A-Z][a-z]{2}-[0-9]{4}\x00/
    $a1 = "bzip2/libbzip2: internal error number %d."
  condition:
    is_elf and (all of them)
}

rule xz_cli {
  meta:
    component = "xz"
    cpe = "tukaani:xz"
    purl = "pkg:generic/xz"
    version = "(XZ Utils) {v}"
  strings:
    $v1 = /xz \(XZ Utils\) [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
  condition:
    is_elf and ($v1)
}

rule xz_liblzma {
  meta:
    component = "xz"
    cpe = "tukaani:xz"
    purl = "pkg:generic/xz"
    files = "liblzma.so"
    scope = "own-files"
  strings:
    $c1 = "lzma_stream_buffer_decode"
    $c2 = "lzma_raw_decoder_memusage"
  condition:
    is_elf and (all of them)
}

rule zstd_lib {
  meta:
    component = "zstd"
    cpe = "facebook:zstandard"
    purl = "pkg:generic/zstd"
    version = "*** Zstandard CLI ({v} || *** zstd command line interface {v} || v{v}"
    files = "libzstd.so,zstd,unzstd,zstdcat"
  strings:
    $v1 = /\*\*\* Zstandard CLI \([0-9]{2}-bit\) v[0-9]\.[0-9]\.[0-9]{1,2}/
    $c1 = "Frame requires too much memory for decoding"
    $c2 = "Unsupported frame parameter"
  condition:
    is_elf and ($v1 or all of ($c*))
}

rule lz4_lib {
  meta:
    component = "lz4"
    cpe = "lz4_project:lz4"
    purl = "pkg:generic/lz4"
    version = "*** LZ4 command line interface {v} || v{v}"
    files = "liblz4.so,lz4,unlz4,lz4cat"
    scope = "own-files"
  strings:
    $v1 = /\*\*\* LZ4 command line interface [0-9]{2}-bits v[0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $c1 = "LZ4_decompress_safe_partial"
    $c2 = "LZ4_compress_fast_extState"
  condition:
    is_elf and ($v1 or all of ($c*))
}

rule brotli_lib {
  meta:
    component = "brotli"
    cpe = "google:brotli"
    purl = "pkg:generic/brotli"
    files = "libbrotlidec.so,libbrotlienc.so,libbrotlicommon.so,brotli"
    scope = "own-files"
  strings:
    $c1 = "BrotliDecoderDecompressStream"
    $c2 = "BrotliEncoderCompressStream"
    $c3 = "BrotliGetDictionary"
  condition:
    is_elf and (any of them)
}
