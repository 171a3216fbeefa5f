// HTTP clients and servers.

rule curl_libcurl {
  meta:
    component = "libcurl"
    cpe = "haxx:libcurl"
    purl = "pkg:generic/libcurl"
    version = "libcurl/{v} || CLIENT libcurl {v}"
    files = "libcurl.so,libcurl-gnutls.so,libcurl-nss.so"
  strings:
    // curl_version(): "libcurl/" LIBCURL_VERSION, assembled from this literal
    $v1 = /libcurl\/[0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $c1 = "CURLOPT_"
    $c2 = "Failed to connect to %s port %u"
    $c3 = "Received HTTP code %d from proxy after CONNECT"
  condition:
    is_elf and ($v1 and 1 of ($c*))
}

rule curl_tool {
  meta:
    component = "curl"
    cpe = "haxx:curl"
    purl = "pkg:generic/curl"
    version = "curl {v} "
  strings:
    // tool_version.h: CURL_ID "curl " CURL_VERSION " (" OS ") "
    $v1 = /curl [0-9]\.[0-9]{1,2}\.[0-9]{1,2}(-DEV)? \([a-z0-9_\-]{2,32}\) /
    $a1 = "Usage: curl [options...] <url>"
    $a2 = "curl: try 'curl --help'"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule wget_version {
  meta:
    component = "wget"
    cpe = "gnu:wget"
    purl = "pkg:generic/wget"
    version = "Wget/{v} || GNU Wget {v} || {0}{v}{0}"
    verified = "wget 1.21.3-1+deb12u1 arm64, armhf, mipsel"
  strings:
    $v1 = /Wget\/[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
    // version_string, stored right after compilation_string (the compiler command line)
    $v2 = /-DSYSTEM_WGETRC=[^\x00]{1,1000}\x00{1,16}[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?\x00/
    $a1 = "GNU Wget %s, a non-interactive network retriever."
  condition:
    is_elf and ($a1 and (any of ($v*) or true))
}

rule lighttpd_version {
  meta:
    component = "lighttpd"
    cpe = "lighttpd:lighttpd"
    purl = "pkg:generic/lighttpd"
    version = "lighttpd/{v}"
    verified = "lighttpd 1.4.69-1 mipsel"
  strings:
    $v1 = /lighttpd\/1\.[0-9]\.[0-9]{1,2}/
    $a1 = "server.document-root"
    $a2 = "a light and fast webserver"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule nginx_version {
  meta:
    component = "nginx"
    cpe = "f5:nginx"
    purl = "pkg:generic/nginx"
    version = "nginx/{v}"
    verified = "nginx-core 1.22.1-9 armhf"
  strings:
    // NGINX_VER "nginx/" NGINX_VERSION
    $v1 = /nginx\/[0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "ngx_http_"
    $a2 = "nginx version: "
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule boa_server {
  meta:
    component = "boa"
    cpe = "boa:boa"
    purl = "pkg:generic/boa"
    version = "Boa/{v}"
  strings:
    // SERVER_VERSION "Boa/0.94.14rc21"
    $v1 = /Boa\/0\.9[0-9]\.[0-9]{1,2}(rc[0-9]{1,2})?/
    $a1 = "boa.conf"
    $a2 = "Boa/%s"
  condition:
    is_elf and ($v1 and any of ($a*))
}

rule goahead_server {
  meta:
    component = "goahead"
    cpe = "embedthis:goahead"
    purl = "pkg:generic/goahead"
    version = "GoAhead-Webs/{v} || GoAhead/{v} || GoAhead-http/{v}"
  strings:
    $v1 = /GoAhead(-Webs|-http)?\/[0-9]\.[0-9]\.[0-9]{1,2}/
    $a1 = "GoAhead-Webs"
    $a2 = "websUrlHandler"
    $a3 = "goahead"
    $a4 = "websOpen"
  condition:
    is_elf and (($v1 and any of ($a*)) or ($a1 and $a2))
}

rule mini_httpd_server {
  meta:
    component = "mini_httpd"
    cpe = "acme:mini_httpd"
    purl = "pkg:generic/mini_httpd"
    version = "mini_httpd/{v}"
  strings:
    // SERVER_SOFTWARE: "mini_httpd/1.30 26Oct2018"
    $v1 = /mini_httpd\/[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})? [0-9]{1,2}[A-Za-z]{3}[0-9]{4}/
  condition:
    is_elf and ($v1)
}

rule thttpd_server {
  meta:
    component = "thttpd"
    cpe = "acme:thttpd"
    purl = "pkg:generic/thttpd"
    version = "thttpd/{v}"
  strings:
    $v1 = /thttpd\/[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?[a-z]? [0-9]{1,2}[a-z]{3}[0-9]{4}/
  condition:
    is_elf and ($v1)
}

rule uhttpd_server {
  meta:
    component = "uhttpd"
    cpe = "openwrt:uhttpd"
    purl = "pkg:generic/uhttpd"
  strings:
    $a1 = "uhttpd"
    $a2 = "ubus_prefix"
    $a3 = "Usage: %s -p [addr:]port -h docroot"
    $a4 = "X-Forwarded-For"
  condition:
    is_elf and ($a1 and $a3 and 1 of ($a2, $a4))
}

rule mongoose_server {
  meta:
    component = "mongoose"
    cpe = "cesanta:mongoose"
    purl = "pkg:generic/mongoose"
    version = "Mongoose/{v} || MG_VERSION {v}"
  strings:
    $v1 = /Mongoose\/[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
    $a1 = "mg_mgr_init"
    $a2 = "mg_http_"
    $a3 = "MG_EV_"
    $a4 = "mongoose"
  condition:
    is_elf and (($v1 and any of ($a*)) or ($a1 and $a2))
}

rule civetweb_server {
  meta:
    component = "civetweb"
    cpe = "civetweb_project:civetweb"
    purl = "pkg:generic/civetweb"
    version = "CivetWeb/{v} || CivetWeb V{v} || Civetweb/{v}"
    files = "libcivetweb.so,civetweb"
  strings:
    $v1 = /Civet[Ww]eb[\/ ]V?[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
    $a1 = "mg_start"
    $a2 = "civetweb"
    $a3 = "enable_keep_alive"
  condition:
    is_elf and ($v1 and 2 of ($a*))
}

rule libmicrohttpd_lib {
  meta:
    component = "libmicrohttpd"
    cpe = "gnu:libmicrohttpd"
    purl = "pkg:generic/libmicrohttpd"
    files = "libmicrohttpd.so"
    scope = "own-files"
    // PACKAGE_VERSION, the string MHD_get_version() returns
    lone_version = "0.*.* || 1.*.*"
    verified = "libmicrohttpd12 0.9.75-6 arm64, armhf, mipsel"
  strings:
    $c1 = "MHD_start_daemon"
    $c2 = "MHD_create_response_from_buffer"
  condition:
    is_elf and (all of them)
}

rule libwebsockets_lib {
  meta:
    component = "libwebsockets"
    cpe = "libwebsockets:libwebsockets"
    purl = "pkg:generic/libwebsockets"
    version = "lws_get_library_version {v} || libwebsockets {v} || LWS: {v} || {0}{v}-"
    files = "libwebsockets.so"
    verified = "libwebsockets17 4.1.6-3 mipsel"
  strings:
    $v1 = /LWS: [0-9]\.[0-9]\.[0-9]{1,2}-/
    // LWS_LIBRARY_VERSION "-" LWS_BUILD_HASH, stored after the context destructor's message
    $v2 = /ctx %p freed\n\x00{1,8}[0-9]\.[0-9]{1,2}\.[0-9]{1,2}-[0-9a-z]{0,40}\x00/
    $a1 = "lws_create_context"
    $a2 = "lws_service"
    $a3 = "libwebsockets"
  condition:
    is_elf and ((any of ($v*) and any of ($a*)) or ($a1 and $a2 and $a3))
}

rule nghttp2_lib {
  meta:
    component = "nghttp2"
    cpe = "nghttp2:nghttp2"
    purl = "pkg:generic/nghttp2"
    files = "libnghttp2.so"
    scope = "own-files"
    // NGHTTP2_VERSION, the string nghttp2_version() returns
    lone_version = "1.*.*"
    verified = "libnghttp2-14 1.52.0-1+deb12u3 arm64, armhf, mipsel"
  strings:
    $c1 = "nghttp2_session_client_new"
    $c2 = "nghttp2_hd_deflate_new"
  condition:
    is_elf and (all of them)
}
