#!/usr/bin/env python3
"""Writes the binary TEST-ONLY key files of the router sample overlay:
a Dropbear RSA host key (from the legacy RSA key), a PuTTY PPK v2 of the
same key, and a vendor blob with the EC certificate embedded as DER."""
import hashlib, hmac, random, struct, subprocess, sys, base64, os

tmp, out = sys.argv[1], sys.argv[2]

def rsa_numbers(path):
    text = subprocess.run(["openssl", "rsa", "-in", path, "-noout", "-text"], capture_output=True, text=True, check=True).stdout
    fields, cur = {}, None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            name = line.split(":")[0]
            cur = name if name in ("modulus", "privateExponent", "prime1", "prime2") else None
            if name == "publicExponent":
                fields["e"] = int(line.split()[1])
            if cur:
                fields[cur] = ""
        elif cur:
            fields[cur] += line.strip().replace(":", "")
    return fields["e"], int(fields["modulus"], 16), int(fields["privateExponent"], 16), int(fields["prime1"], 16), int(fields["prime2"], 16)

def sshstr(b):
    return struct.pack(">I", len(b)) + b

def mpint(n):
    b = n.to_bytes((n.bit_length() + 8) // 8, "big")
    return sshstr(b)

e, n, d, p, q = rsa_numbers(os.path.join(tmp, "legacy-pkcs1.key"))
# Dropbear: string "ssh-rsa", mpint e, mpint n, mpint d, mpint p, mpint q.
with open(os.path.join(out, "etc/dropbear/dropbear_rsa_host_key"), "wb") as f:
    f.write(sshstr(b"ssh-rsa") + mpint(e) + mpint(n) + mpint(d) + mpint(p) + mpint(q))

# PuTTY PPK v2, unencrypted.
pub = sshstr(b"ssh-rsa") + mpint(e) + mpint(n)
iqmp = pow(q, -1, p)
priv = mpint(d) + mpint(p) + mpint(q) + mpint(iqmp)
priv += b"\0" * ((-len(priv)) % 16)
comment = b"test key for pedigree samples - public, do not use"
mac_key = hashlib.sha1(b"putty-private-key-file-mac-key").digest()
mac = hmac.new(mac_key, sshstr(b"ssh-rsa") + sshstr(b"none") + sshstr(comment) + sshstr(pub) + sshstr(priv), hashlib.sha1).hexdigest()
def lines(b):
    s = base64.b64encode(b).decode()
    return [s[i:i + 64] for i in range(0, len(s), 64)]
pl, vl = lines(pub), lines(priv)
ppk = ["PuTTY-User-Key-File-2: ssh-rsa", "Encryption: none", "Comment: " + comment.decode(), f"Public-Lines: {len(pl)}", *pl,
       f"Private-Lines: {len(vl)}", *vl, "Private-MAC: " + mac]
with open(os.path.join(out, "root/support.ppk"), "w") as f:
    f.write("\n".join(ppk) + "\n")

# A vendor library blob with the EC certificate embedded in DER, between
# pseudo-random bytes (fixed seed).
der = subprocess.run(["openssl", "x509", "-in", os.path.join(tmp, "ec.crt"), "-outform", "DER"], capture_output=True, check=True).stdout
rng = random.Random(20240131)
blob = bytes(rng.getrandbits(8) for _ in range(4096)) + der + bytes(rng.getrandbits(8) for _ in range(2048))
with open(os.path.join(out, "usr/lib/vendor/libcloud_tls.bin"), "wb") as f:
    f.write(blob)
