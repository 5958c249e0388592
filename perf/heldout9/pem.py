"""Private key material with the real outer structure (DER prefixes, armor, PuTTY layout)."""
import base64
import zlib


def _wrap64(b64, width=64):
    return "\n".join(b64[i:i + width] for i in range(0, len(b64), width))


def _der_len(n):
    if n < 128:
        return bytes([n])
    if n < 256:
        return bytes([0x81, n])
    return bytes([0x82, n >> 8, n & 0xFF])


def _int(r, nbytes):
    v = bytearray(r.rbytes(nbytes))
    v[0] |= 0x80
    v = b"\x00" + bytes(v)
    return b"\x02" + _der_len(len(v)) + v


def rsa_der(r, bits=2048):
    n = bits // 8
    body = b"\x02\x01\x00" + _int(r, n) + b"\x02\x03\x01\x00\x01" + _int(r, n) + _int(r, n // 2) + _int(r, n // 2) + _int(r, n // 2) + _int(r, n // 2) + _int(r, n // 2)
    return b"\x30" + _der_len(len(body)) + body


def ec_der(r):
    return bytes.fromhex("30770201010420") + r.rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + r.rbytes(64)


def pkcs8_der(r, bits=2048):
    inner = rsa_der(r, bits)
    body = b"\x02\x01\x00" + bytes.fromhex("300d06092a864886f70d0101010500") + b"\x04" + _der_len(len(inner)) + inner
    return b"\x30" + _der_len(len(body)) + body


def pem(label, der, headers=""):
    return "-----BEGIN %s-----\n%s%s\n-----END %s-----" % (label, headers, _wrap64(base64.b64encode(der).decode()), label)


def rsa_pkcs1(r):
    return pem("RSA PRIVATE KEY", rsa_der(r, r.choice([1024, 2048, 2048, 4096])))


def rsa_encrypted(r):
    iv = r.hexs(32).upper()
    hdr = "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,%s\n\n" % iv
    return pem("RSA PRIVATE KEY", r.rbytes(1200), hdr)


def ec_key(r):
    return pem("EC PRIVATE KEY", ec_der(r))


def dsa_key(r):
    body = b"\x02\x01\x00" + _int(r, 128) + _int(r, 20) + _int(r, 128) + _int(r, 128) + _int(r, 20)
    return pem("DSA PRIVATE KEY", b"\x30" + _der_len(len(body)) + body)


def pkcs8(r):
    return pem("PRIVATE KEY", pkcs8_der(r))


def pkcs8_ed25519(r):
    return pem("PRIVATE KEY", bytes.fromhex("302e020100300506032b657004220420") + r.rbytes(32))


def pkcs8_encrypted(r):
    pre = bytes.fromhex("308205") + r.rbytes(1) + bytes.fromhex("305706092a864886f70d01050d304a302906092a864886f70d01050c301c0408")
    return pem("ENCRYPTED PRIVATE KEY", pre + r.rbytes(1290))


def _sshstr(b):
    return len(b).to_bytes(4, "big") + b


def openssh_ed25519(r, comment="deploy@ci"):
    pub = _sshstr(b"ssh-ed25519") + _sshstr(r.rbytes(32))
    chk = r.rbytes(4)
    priv = chk + chk + pub + _sshstr(r.rbytes(64)) + _sshstr(comment.encode())
    pad = 1
    while len(priv) % 8:
        priv += bytes([pad]); pad += 1
    blob = b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"") + (1).to_bytes(4, "big") + _sshstr(pub) + _sshstr(priv)
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % _wrap64(base64.b64encode(blob).decode(), 70)


def openssh_rsa(r):
    blob = b"openssh-key-v1\x00" + _sshstr(b"aes256-ctr") + _sshstr(b"bcrypt") + _sshstr(r.rbytes(24)) + (1).to_bytes(4, "big") + r.rbytes(1800)
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % _wrap64(base64.b64encode(blob).decode(), 70)


def pgp_private(r):
    body = base64.b64encode(bytes([0x95, 0x03, 0xc6]) + r.rbytes(900)).decode()
    crc = base64.b64encode(zlib.crc32(body.encode()).to_bytes(4, "big")[1:]).decode()
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % (_wrap64(body), crc)


def ssh2_encrypted(r):
    body = base64.b64encode(bytes.fromhex("3f6ff9eb") + r.rbytes(1100)).decode()
    return ('---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-%d"\n%s\n---- END SSH2 ENCRYPTED PRIVATE KEY ----'
            % (r.randint(20180101, 20241231), _wrap64(body, 70)))


def putty(r, v3=True):
    pub = base64.b64encode(_sshstr(b"ssh-ed25519") + _sshstr(r.rbytes(32))).decode()
    priv = base64.b64encode(_sshstr(r.rbytes(32))).decode()
    if v3:
        return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-%d\nPublic-Lines: 2\n%s\nPrivate-Lines: 1\n%s\nPrivate-MAC: %s"
                % (r.randint(20200101, 20241231), _wrap64(pub, 64), priv, r.hexs(64)))
    rsa = base64.b64encode(r.rbytes(660)).decode()
    lines = _wrap64(rsa, 64).split("\n")
    pubr = base64.b64encode(_sshstr(b"ssh-rsa") + r.rbytes(270)).decode()
    pl = _wrap64(pubr, 64).split("\n")
    return ("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-%d\nPublic-Lines: %d\n%s\nPrivate-Lines: %d\n%s\nPrivate-MAC: %s"
            % (r.randint(20150101, 20231231), len(pl), "\n".join(pl), len(lines), "\n".join(lines), r.hexs(40)))


def openvpn_static(r):
    lines = [r.hexs(32) for _ in range(16)]
    return "-----BEGIN OpenVPN Static key V1-----\n%s\n-----END OpenVPN Static key V1-----" % "\n".join(lines)


def oci_key(r):
    return pkcs8(r) + "\nOCI_API_KEY"


# ---------- public material (negatives)
def public_pem(r):
    der = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + r.rbytes(256) + bytes.fromhex("0203010001")
    return pem("PUBLIC KEY", der)


def certificate(r):
    der = bytes.fromhex("308203") + r.rbytes(1) + bytes.fromhex("308202") + r.rbytes(700)
    return pem("CERTIFICATE", der)


def ssh_pub(r, comment="user@laptop"):
    if r.maybe(0.5):
        return "ssh-ed25519 " + base64.b64encode(_sshstr(b"ssh-ed25519") + _sshstr(r.rbytes(32))).decode() + " " + comment
    return "ssh-rsa " + base64.b64encode(_sshstr(b"ssh-rsa") + _sshstr(b"\x01\x00\x01") + _sshstr(b"\x00" + r.rbytes(256))).decode() + " " + comment
