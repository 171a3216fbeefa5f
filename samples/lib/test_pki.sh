#!/usr/bin/env bash
# Generates the TEST-ONLY certificates and keys of the router sample overlay.
# Run once by hand; the output is committed so that sample builds stay
# byte-identical. These keys are public and worthless: never use them.
set -euo pipefail
out=$1
mkdir -p "$out/etc/ssl/certs" "$out/etc/ssl/private" "$out/etc/dropbear" "$out/root/.ssh" "$out/usr/lib/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mark() { { echo "TEST KEY MATERIAL FOR PEDIGREE SAMPLES - PUBLIC, DO NOT USE"; cat "$1"; } >"$2"; }
# A private vendor CA and a leaf it signed (RSA 2048, SHA-256, ten years).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca.key" -out "$tmp/ca.crt" -days 3650 -sha256 \
  -subj "/C=TW/O=Example Networks Corp/CN=Example Networks Device CA" -set_serial 0x1001 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
openssl req -newkey rsa:2048 -nodes -keyout "$tmp/leaf.key" -out "$tmp/leaf.csr" \
  -subj "/C=TW/O=Example Networks Corp/CN=router.example.net"
openssl x509 -req -in "$tmp/leaf.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -set_serial 0x2002 -days 3650 -sha256 \
  -out "$tmp/leaf.crt"
# Expires one day after it was made: expired for any later reference date.
openssl x509 -req -in "$tmp/leaf.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -set_serial 0x2003 -days 1 -sha256 \
  -out "$tmp/expired.crt"
# Legacy: RSA 1024, SHA-1, self-signed, key in PKCS#1.
openssl req -x509 -newkey rsa:1024 -nodes -keyout "$tmp/legacy.key" -out "$tmp/legacy.crt" -days 3650 -sha1 \
  -subj "/C=CN/O=Legacy Camera Ltd/CN=ipcam.local" -set_serial 0x3003 -addext basicConstraints=critical,CA:FALSE
openssl rsa -in "$tmp/legacy.key" -traditional -out "$tmp/legacy-pkcs1.key"
# EC P-256, self-signed, 120 days: expiring soon 30 days later.
openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/ec.key"
openssl req -x509 -key "$tmp/ec.key" -out "$tmp/ec.crt" -days 120 -sha256 \
  -subj "/C=DE/O=Example Cloud GmbH/CN=cloud-client" -set_serial 0x4004 -addext basicConstraints=critical,CA:FALSE
# Encrypted PKCS#8 (passphrase "test").
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/enc-plain.key"
openssl pkcs8 -topk8 -in "$tmp/enc-plain.key" -v2 aes-256-cbc -passout pass:test -out "$tmp/enc.key"
# OpenSSH ed25519.
ssh-keygen -q -t ed25519 -N "" -C "test@pedigree-samples" -f "$tmp/id_ed25519"

mark "$tmp/ca.crt" "$out/etc/ssl/certs/device-ca.pem"
cat "$tmp/leaf.crt" "$tmp/ca.crt" >"$tmp/chain.pem"
mark "$tmp/chain.pem" "$out/etc/ssl/certs/router-chain.pem"
mark "$tmp/leaf.key" "$out/etc/ssl/private/router.key"
mark "$tmp/expired.crt" "$out/etc/ssl/certs/old-router.pem"
mark "$tmp/legacy.crt" "$out/etc/ssl/certs/legacy.pem"
mark "$tmp/legacy-pkcs1.key" "$out/etc/ssl/private/legacy.key"
mark "$tmp/ec.crt" "$out/etc/ssl/certs/cloud-client.pem"
mark "$tmp/ec.key" "$out/etc/ssl/private/cloud-client.key"
mark "$tmp/enc.key" "$out/etc/ssl/private/backup.key"
cp "$tmp/id_ed25519" "$out/root/.ssh/id_ed25519"
# The same leaf key again, as a copy a vendor tool left behind.
cp "$out/etc/ssl/private/router.key" "$out/root/router.key.bak"
python3 "$(dirname "$0")/test_pki_binary.py" "$tmp" "$out"
