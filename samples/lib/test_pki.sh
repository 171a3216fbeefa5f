#!/usr/bin/env bash
# Generates the TEST-ONLY certificates and keys of the router sample overlay.
# Run once by hand; the output is committed so that sample builds stay
# byte-identical. These keys are public and worthless: never use them.
#
# Keys already in the overlay are kept; certificates are (re)issued with
# fixed validity dates by `openssl ca -startdate/-enddate`, so that expired,
# expiring-soon and valid judgements do not depend on the day this ran:
#   device-ca, router-chain, legacy   2026-01-01 .. 2036-01-01
#   old-router                        2026-01-01 .. 2026-01-02 (expired)
#   cloud-client                      2026-10-01 .. 2027-01-29 (120 days:
#                                     expiring soon from 2026-10-31 on)
set -euo pipefail
out=$1
mkdir -p "$out/etc/ssl/certs" "$out/etc/ssl/private" "$out/etc/dropbear" "$out/root/.ssh" "$out/usr/lib/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mark() { { echo "TEST KEY MATERIAL FOR PEDIGREE SAMPLES - PUBLIC, DO NOT USE"; cat "$1"; } >"$2"; }
# A committed key without its marker line, or a new one from "$@".
key() {
  local committed=$1 dest=$2
  shift 2
  if [ -f "$committed" ]; then grep -v '^TEST KEY MATERIAL' "$committed" >"$dest"; else "$@"; fi
}
LONG_START=20260101000000Z
LONG_END=20360101000000Z

key "$out/etc/ssl/private/router.key" "$tmp/leaf.key" openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/leaf.key"
key "$out/etc/ssl/private/legacy.key" "$tmp/legacy-pkcs1.key" \
  sh -c "openssl genrsa -traditional -out '$tmp/legacy-pkcs1.key' 1024"
key "$out/etc/ssl/private/cloud-client.key" "$tmp/ec.key" openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/ec.key"
# Encrypted PKCS#8 (passphrase "test").
key "$out/etc/ssl/private/backup.key" "$tmp/enc.key" sh -c \
  "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 | openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:test -out '$tmp/enc.key'"
# OpenSSH ed25519.
if [ -f "$out/root/.ssh/id_ed25519" ]; then
  cp "$out/root/.ssh/id_ed25519" "$tmp/id_ed25519"
else
  ssh-keygen -q -t ed25519 -N "" -C "test@pedigree-samples" -f "$tmp/id_ed25519"
fi
# The CA's key is not shipped: a new one signs on every run.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/ca.key"

# A minimal `openssl ca` setup: its database, and one extension section per certificate kind.
mkdir -p "$tmp/ca"
: >"$tmp/ca/index.txt"
cat >"$tmp/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
dir = $tmp/ca
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
countryName = optional
organizationName = optional
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_end_entity]
basicConstraints = critical,CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
# issue OUT KEY SUBJECT SERIAL START END EXTENSIONS MD [SIGNER_CERT SIGNER_KEY]: self-signed without a
# signer; EXTENSIONS "none" gives a certificate without extensions (the leaves).
issue() {
  local cert=$1 key=$2 subj=$3 serial=$4 start=$5 end=$6 md=$8 signer=(-selfsign -keyfile "$2") ext=(-extensions "$7")
  [ $# -ge 10 ] && signer=(-cert "$9" -keyfile "${10}")
  [ "$7" = none ] && ext=()
  echo "$serial" >"$tmp/ca/serial"
  openssl req -new -key "$key" -subj "$subj" -out "$tmp/req.csr"
  openssl ca -batch -notext -config "$tmp/ca.cnf" -in "$tmp/req.csr" -out "$cert" -md "$md" \
    -startdate "$start" -enddate "$end" "${ext[@]}" "${signer[@]}" 2>"$tmp/ca.log" \
    || { cat "$tmp/ca.log" >&2; exit 1; }
}
# A private vendor CA and a leaf it signed (RSA 2048, SHA-256, ten years).
issue "$tmp/ca.crt" "$tmp/ca.key" "/C=TW/O=Example Networks Corp/CN=Example Networks Device CA" 1001 \
  "$LONG_START" "$LONG_END" v3_ca sha256
leaf="/C=TW/O=Example Networks Corp/CN=router.example.net"
issue "$tmp/leaf.crt" "$tmp/leaf.key" "$leaf" 2002 "$LONG_START" "$LONG_END" none sha256 "$tmp/ca.crt" "$tmp/ca.key"
# Valid for one day in January 2026: expired for any later reference date.
issue "$tmp/expired.crt" "$tmp/leaf.key" "$leaf" 2003 20260101000000Z 20260102000000Z none sha256 \
  "$tmp/ca.crt" "$tmp/ca.key"
# Legacy: RSA 1024, SHA-1, self-signed, key in PKCS#1.
issue "$tmp/legacy.crt" "$tmp/legacy-pkcs1.key" "/C=CN/O=Legacy Camera Ltd/CN=ipcam.local" 3003 \
  "$LONG_START" "$LONG_END" v3_end_entity sha1
# EC P-256, self-signed, 120 days.
issue "$tmp/ec.crt" "$tmp/ec.key" "/C=DE/O=Example Cloud GmbH/CN=cloud-client" 4004 \
  20261001000000Z 20270129000000Z v3_end_entity sha256

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
