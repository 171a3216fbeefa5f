// Parsers, databases and serialisation libraries.

rule sqlite_source_id {
  meta:
    component = "sqlite"
    cpe = "sqlite:sqlite"
    purl = "pkg:generic/sqlite"
    files = "libsqlite3.so,sqlite3"
    role = "code"
  strings:
    // SQLITE_SOURCE_ID: "2022-12-28 14:03:47 df5c253c0b3dd24916e4ec7cf77d3db5294cc9fd45ae7b9c5e82ad8197f3alt1"
    $c1 = /20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9a-f]{60,64}/
    $c2 = "unable to open database file"
    $c3 = "sqlite_master"
  condition:
    is_elf and (all of them)
}

rule sqlite_version {
  meta:
    component = "sqlite"
    cpe = "sqlite:sqlite"
    purl = "pkg:generic/sqlite"
    version = "SQLite version {v}"
    files = "libsqlite3.so,sqlite3"
  strings:
    $v1 = /SQLite version 3\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "sqlite_master"
  condition:
    is_elf and (all of them)
}

rule sqlite_version_constant {
  meta:
    component = "sqlite"
    cpe = "sqlite:sqlite"
    purl = "pkg:generic/sqlite"
    version = "{0}{v}{0}"
    files = "libsqlite3.so,sqlite3"
    verified = "libsqlite3-0 3.40.1-2+deb12u2 arm64, armhf, mipsel"
  strings:
    // sqlite3_version[], stored right before the first message of the memory allocator
    $v1 = /\x003\.[0-9]{1,2}\.[0-9]{1,2}\x00{1,8}failed memory resize %u to %u bytes/
    $a1 = "sqlite_master"
  condition:
    is_elf and (all of them)
}

rule expat_version {
  meta:
    component = "expat"
    cpe = "libexpat_project:libexpat"
    purl = "pkg:generic/expat"
    version = "expat_{v}"
    files = "libexpat.so,libexpatw.so"
  strings:
    // XML_ExpatVersion(): "expat_" XML_MAJOR_VERSION "." ...
    $v1 = /expat_[0-9]\.[0-9]\.[0-9]{1,2}\x00/
    $a1 = "XML_ParserCreate"
    $a2 = "unclosed token"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule libxml2_lib {
  meta:
    component = "libxml2"
    cpe = "xmlsoft:libxml2"
    purl = "pkg:generic/libxml2"
    files = "libxml2.so"
    role = "code"
  strings:
    $c1 = "xmlParseDocument"
    $c2 = "Memory allocation failed : %s"
    $c3 = "xmlXPathCompOpEval"
  condition:
    is_elf and (all of them)
}

rule json_c_lib {
  meta:
    component = "json-c"
    cpe = "json-c_project:json-c"
    purl = "pkg:generic/json-c"
    files = "libjson-c.so,libjson.so"
    scope = "own-files"
  strings:
    $c1 = "json_object_new_object"
    $c2 = "json_tokener_parse_ex"
    $c3 = "json_c_version"
  condition:
    is_elf and (all of them)
}

rule json_c_version_constant {
  meta:
    component = "json-c"
    cpe = "json-c_project:json-c"
    purl = "pkg:generic/json-c"
    version = "{0}{v}{0}"
    files = "libjson-c.so,libjson.so"
    verified = "libjson-c5 0.16-2 arm64, armhf, mipsel"
  strings:
    // JSON_C_VERSION returned by json_c_version(), stored before the printf formats
    $v1 = /\x000\.[0-9]{1,2}(\.[0-9]{1,2})?\x00{1,8}%ll?d\x00{1,8}%ll?u\x00{1,8}json-c aborts with error/
  condition:
    is_elf and $v1
}

rule jansson_lib {
  meta:
    component = "jansson"
    cpe = "jansson_project:jansson"
    purl = "pkg:generic/jansson"
    files = "libjansson.so"
    scope = "own-files"
    // JANSSON_VERSION, the string jansson_version_str() returns
    lone_version = "2.* || 2.*.*"
    verified = "libjansson4 2.14-2 arm64, armhf, mipsel"
  strings:
    $c1 = "json_object_set_new_nocheck"
    $c2 = "jansson_version_str"
  condition:
    is_elf and (any of them)
}

rule cjson_lib {
  meta:
    component = "cjson"
    cpe = "cjson_project:cjson"
    purl = "pkg:generic/cjson"
    files = "libcjson.so"
    scope = "own-files"
  strings:
    $c1 = "cJSON_Parse"
    $c2 = "cJSON_Version"
    $c3 = "cJSON_CreateObject"
  condition:
    is_elf and (2 of them)
}

rule protobuf_lib {
  meta:
    component = "protobuf"
    cpe = "google:protobuf"
    purl = "pkg:generic/protobuf"
    files = "libprotobuf.so,libprotobuf-lite.so,protoc"
    role = "code"
  strings:
    $c1 = "google/protobuf/"
    $c2 = "This program requires version %s of the Protocol Buffer runtime library"
    $c3 = "CHECK failed: "
  condition:
    is_elf and ($c1 and ($c2 or $c3))
}

rule protobuf_c_lib {
  meta:
    component = "protobuf-c"
    cpe = "protobuf-c_project:protobuf-c"
    purl = "pkg:generic/protobuf-c"
    files = "libprotobuf-c.so"
    scope = "own-files"
  strings:
    $c1 = "protobuf_c_message_unpack"
    $c2 = "protobuf_c_version"
  condition:
    is_elf and (all of them)
}

rule pcre2_lib {
  meta:
    component = "pcre2"
    cpe = "pcre:pcre2"
    purl = "pkg:generic/pcre2"
    files = "libpcre2-"
    role = "code"
    verified = "libpcre2-8-0 10.42-1 mipsel"
  strings:
    $c1 = "PCRE2_MATCH_INVALID_UTF is not supported for DFA matching"
    $c2 = "(*NO_JIT)"
  condition:
    is_elf and (all of them)
}

rule pcre2_version {
  meta:
    component = "pcre2"
    cpe = "pcre:pcre2"
    purl = "pkg:generic/pcre2"
    version = "{0}{v} 20"
    files = "libpcre2-"
    verified = "libpcre2-8-0 10.42-1 mipsel"
  strings:
    // PCRE2_MAJOR.PCRE2_MINOR PCRE2_DATE, after the last start-of-pattern option name
    $v1 = /BSR_UNICODE\)\x00{1,8}10\.[0-9]{2} 20[0-9]{2}-[0-9]{2}-[0-9]{2}\x00/
  condition:
    is_elf and $v1
}

rule pcre_lib {
  meta:
    component = "pcre"
    cpe = "pcre:pcre"
    purl = "pkg:generic/pcre"
    files = "libpcre.so,libpcreposix.so,libpcrecpp.so"
    role = "code"
    // what pcre_version() returns: the release, then its date
    lone_version = "8.* 20"
    verified = "libpcre3 2:8.39-15 arm64, armhf, mipsel"
  strings:
    $c1 = "this version of PCRE is compiled without UTF support"
    $c2 = "pcre_compile"
  condition:
    is_elf and (all of them)
}
