// TLS and cryptography libraries.

rule openssl_version_text {
  meta:
    component = "openssl"
    cpe = "openssl:openssl"
    purl = "pkg:generic/openssl"
    version = "OpenSSL {v} "
    files = "libcrypto.so,libssl.so,libcrypto.a,libssl.a,openssl"
    relation = "built-against"
    verified = "libssl3, openssl 3.0.20-1~deb12u2 armhf, mipsel; hostapd 2:2.10-12+deb12u3 (built against 3.0.16)"
  strings:
    // OPENSSL_VERSION_TEXT: "OpenSSL 3.0.11 19 Sep 2023", "OpenSSL 1.0.2k-fips  26 Jan 2017"
    $v1 = /OpenSSL [0-9]\.[0-9]{1,2}\.[0-9]{1,2}[a-z]{0,2}(-[a-z0-9]{1,12})? {1,2}[0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}/
  condition:
    is_elf and ($v1)
}

rule openssl_code {
  meta:
    component = "openssl"
    cpe = "openssl:openssl"
    purl = "pkg:generic/openssl"
    files = "libcrypto.so,libssl.so,libcrypto.a,libssl.a,openssl"
    role = "code"
    verified = "libssl3 3.0.20-1~deb12u2 armhf, mipsel"
  strings:
    // Texts of libcrypto itself, never of a program using it.
    $c1 = "OpenSSL default"
    $c2 = "OPENSSL_ia32cap"
    $c3 = "assertion failed: ctx->digest->md_size <= EVP_MAX_MD_SIZE"
    $c4 = "crypto/evp/digest.c"
    $c5 = "crypto/x509/x509_vfy.c"
    $c6 = "crypto/bn/bn_lib.c"
  condition:
    is_elf and (2 of them)
}

rule libressl_version {
  meta:
    component = "libressl"
    cpe = "openbsd:libressl"
    purl = "pkg:generic/libressl"
    version = "LibreSSL {v}"
    files = "libcrypto.so,libssl.so,libtls.so,openssl"
    relation = "built-against"
  strings:
    $v1 = /LibreSSL [0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
  condition:
    is_elf and ($v1)
}

rule wolfssl_version {
  meta:
    component = "wolfssl"
    cpe = "wolfssl:wolfssl"
    purl = "pkg:generic/wolfssl"
    version = "wolfSSL {v}"
    files = "libwolfssl.so"
    relation = "built-against"
    verified = "libwolfssl35 5.5.4-2+deb12u2 mipsel"
  strings:
    // LIBWOLFSSL_VERSION_STRING behind its name
    $v1 = /wolfSSL [0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
  condition:
    is_elf and $v1
}

rule wolfssl_code {
  meta:
    component = "wolfssl"
    cpe = "wolfssl:wolfssl"
    purl = "pkg:generic/wolfssl"
    files = "libwolfssl.so"
    role = "code"
    verified = "libwolfssl35 5.5.4-2+deb12u1 armhf"
  strings:
    $c1 = "wolfSSL_CTX_new"
    $c2 = "wolfSSL Entering"
    $c3 = "wolfSSL Leaving"
    $c4 = "wolfCrypt"
    $c5 = "WOLFSSL"
  condition:
    is_elf and (3 of them)
}

rule mbedtls_version {
  meta:
    component = "mbedtls"
    cpe = "arm:mbed_tls"
    purl = "pkg:generic/mbedtls"
    version = "mbed TLS {v} || Mbed TLS {v}"
    files = "libmbedtls.so,libmbedcrypto.so,libmbedx509.so"
    verified = "libmbedcrypto7 2.28.3-1 armhf"
  strings:
    // MBEDTLS_VERSION_STRING_FULL
    $v1 = /[mM]bed TLS [0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00/
  condition:
    is_elf and ($v1)
}

rule mbedtls_code {
  meta:
    component = "mbedtls"
    cpe = "arm:mbed_tls"
    purl = "pkg:generic/mbedtls"
    files = "libmbedtls.so,libmbedcrypto.so,libmbedx509.so"
    role = "code"
  strings:
    $c1 = "MBEDTLS_ERR_"
    $c2 = "mbedtls_ssl_handshake"
    $c3 = "PK - Bad input parameters to function"
    $c4 = "X509 - The CRT/CRL/CSR format is invalid"
  condition:
    is_elf and (2 of them)
}

rule gnutls_code {
  meta:
    component = "gnutls"
    cpe = "gnu:gnutls"
    purl = "pkg:generic/gnutls"
    version = "GnuTLS {v}"
    files = "libgnutls.so"
    role = "code"
  strings:
    $v1 = /GnuTLS [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $c1 = "GNUTLS_DEBUG_LEVEL"
    $c2 = "The TLS connection was non-properly terminated."
    $c3 = "GNUTLS_SYSTEM_PRIORITY_FILE"
  condition:
    is_elf and (2 of ($c*) or ($v1 and any of ($c*)))
}

rule libtomcrypt_banner {
  meta:
    component = "libtomcrypt"
    cpe = "libtom:libtomcrypt"
    purl = "pkg:generic/libtomcrypt"
    version = "LibTomCrypt {v} "
    files = "libtomcrypt.so"
    verified = "libtomcrypt1 1.18.2-6 mipsel, armhf; dropbear 2022.83 (bundled copy)"
  strings:
    // crypt.c: "LibTomCrypt " SCRYPT " (www.libtom.net)"
    $v1 = /LibTomCrypt [0-9]\.[0-9]{1,2}(\.[0-9]{1,2})? \(/
  condition:
    is_elf and ($v1)
}

rule libgcrypt_code {
  meta:
    component = "libgcrypt"
    cpe = "gnupg:libgcrypt"
    purl = "pkg:generic/libgcrypt"
    version = "Libgcrypt {v}"
    files = "libgcrypt.so"
  strings:
    $v1 = /Libgcrypt [0-9]\.[0-9]{1,2}\.[0-9]{1,2}/
    $c1 = "gcry_check_version"
    $c2 = "/etc/gcrypt/hwf.deny"
  condition:
    is_elf and ($c2 and ($v1 or $c1))
}

rule nettle_code {
  meta:
    component = "nettle"
    cpe = "nettle_project:nettle"
    purl = "pkg:generic/nettle"
    files = "libnettle.so,libhogweed.so"
    scope = "own-files"
    verified = "libnettle8 3.8.1-2 mipsel"
  strings:
    $c1 = "nettle_sha256_digest"
    $c2 = "nettle_aes128_encrypt"
    $c3 = "nettle_version_major"
  condition:
    is_elf and (2 of them)
}

rule gmp_version {
  meta:
    component = "gmp"
    cpe = "gmplib:gmp"
    purl = "pkg:generic/gmp"
    files = "libgmp.so"
    scope = "own-files"
    // gmp_version ("6.2.1"), a string of its own among the tables
    lone_version = "6.*.*"
    verified = "libgmp10 2:6.2.1+dfsg1-1.1 arm64, armhf, mipsel"
  strings:
    $c1 = "__gmpz_init"
    $c2 = "__gmp_version"
    $c3 = "GNU MP: Cannot allocate memory"
  condition:
    is_elf and (2 of them)
}
