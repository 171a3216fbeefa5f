// Image, font and multimedia libraries.

rule libpng_version {
  meta:
    component = "libpng"
    cpe = "libpng:libpng"
    purl = "pkg:generic/libpng"
    version = "libpng version {v}"
    files = "libpng"
  strings:
    // PNG_HEADER_VERSION_STRING " libpng version 1.6.39 - November 20, 2022\n"
    $v1 = /libpng version 1\.[0-9]\.[0-9]{1,2}( |\x00|\n)/
    $a1 = "png_create_read_struct"
    $a2 = "Not a PNG file"
    $a3 = "IHDR"
  condition:
    is_elf and ($v1 and 2 of ($a*))
}

rule libjpeg_turbo_version {
  meta:
    component = "libjpeg-turbo"
    cpe = "libjpeg-turbo:libjpeg-turbo"
    purl = "pkg:generic/libjpeg-turbo"
    version = "libjpeg-turbo version {v}"
    files = "libjpeg.so,libturbojpeg.so"
  strings:
    // JCOPYRIGHT and the version banner of jversion.h
    $v1 = /libjpeg-turbo version [0-9]\.[0-9]\.[0-9]{1,2}/
    $v2 = /[0-9]\.[0-9]\.[0-9]{1,2}\x00{1,4}libjpeg-turbo/
    $a1 = "Copyright (C) 20"
    $a2 = "libjpeg-turbo Project"
  condition:
    is_elf and ($a2 and ($a1 or any of ($v*)))
}

rule freetype_lib {
  meta:
    component = "freetype"
    cpe = "freetype:freetype"
    purl = "pkg:generic/freetype"
    files = "libfreetype.so"
    scope = "own-files"
  strings:
    $c1 = "FT_Init_FreeType"
    $c2 = "FT_Library_Version"
  condition:
    is_elf and (all of them)
}

rule gstreamer_lib {
  meta:
    component = "gstreamer"
    cpe = "gstreamer_project:gstreamer"
    purl = "pkg:generic/gstreamer"
    version = "GStreamer {v} || {0}{v}{0}"
    files = "libgstreamer-1.0.so,libgstreamer-0.10.so,libgstcore"
    verified = "libgstreamer1.0-0 1.22.0-2+deb12u1 arm64"
  strings:
    $v1 = /GStreamer [01]\.[0-9]{1,2}\.[0-9]{1,2}/
    // the core plugins' descriptor: source module, licence, version
    $v2 = /\x00gstreamer\x00{1,8}LGPL\x00{1,8}1\.[0-9]{1,2}\.[0-9]{1,3}\x00/
    $a1 = "GST_DEBUG"
    $a2 = "gst_init"
  condition:
    is_elf and (all of ($a*) and (any of ($v*) or true))
}

rule ffmpeg_lib {
  meta:
    component = "ffmpeg"
    cpe = "ffmpeg:ffmpeg"
    purl = "pkg:generic/ffmpeg"
    version = "FFmpeg version {v} || ffmpeg version {v} || Lavc{v} || Lavf{v}"
    files = "libavcodec.so,libavformat.so,libavutil.so,libswscale.so,libswresample.so,libavfilter.so,libavdevice.so,ffmpeg,ffprobe"
  strings:
    // av_version_info(): FFMPEG_VERSION "5.1.4-0+deb12u1"
    $v1 = /FFmpeg version [0-9]\.[0-9]/
    $a1 = "FFmpeg"
    $a2 = "av_log"
    $a3 = "libav"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}
