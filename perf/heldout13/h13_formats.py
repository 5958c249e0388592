"""Secret formats of heldout13: name -> {family, gen(r), names, kv}.

kv=True: a single-line value that may be assigned to one of `names` in any env/config/code syntax.
kv=False: placed only by the file generators that know its home (PEM files, docker auths, .netrc, ...).
"""
import json
import struct

from h13_core import (clean, AN, ANL, ANU, B32, B32L, B58, B64, B64U, DG, HEX, HEXU, LO, UP, b64, b64s, b64u,
                      crc32_b62, crc24, cuuid4, domain, host, password, pick, rb64, rb64u, rbytes, rs, username,
                      uuid4, wrap, ORGS, SERVICES, REGIONS, WORDS, epoch, email, org)

FORMATS = {}


def F(name, family, names, gen, kv=True):
    assert name not in FORMATS, name
    FORMATS[name] = {"family": family, "gen": gen, "names": names, "kv": kv}


def hexs(r, n):
    return rs(r, HEX, n)


def ghtok(r, prefix, n=30):
    ent = rs(r, AN, n)
    return prefix + ent + crc32_b62(ent)


# ------------------------------------------------------------------ JWT

def jwt(r, alg="HS256", claims=None, typ="JWT", kid=None, extra_hdr=None):
    hdr = {"alg": alg}
    if typ:
        hdr["typ"] = typ
    if kid:
        hdr["kid"] = kid
    if extra_hdr:
        hdr.update(extra_hdr)
    if claims is None:
        claims = std_claims(r)
    siglen = {"HS256": 32, "HS384": 48, "HS512": 64, "RS256": 256, "RS512": 256, "PS256": 256, "ES256": 64,
              "ES384": 96, "EdDSA": 64}.get(alg, 32)
    enc = lambda o: b64u(json.dumps(o, separators=(",", ":")).encode())
    return enc(hdr) + "." + enc(claims) + "." + b64u(rbytes(r, siglen))


def std_claims(r, **kw):
    iat = epoch(r)
    c = {"sub": str(r.randint(1000, 999999)), "iat": iat, "exp": iat + r.choice((900, 3600, 86400, 604800))}
    if r.random() < 0.6:
        c["iss"] = "https://%s" % pick(r, ("auth.", "id.", "login.", "sso.")) + domain(r)
    if r.random() < 0.5:
        c["email"] = email(r)
    if r.random() < 0.4:
        c["scope"] = " ".join(r.sample(["read", "write", "admin", "openid", "profile", "email", "offline_access"], 3))
    c.update(kw)
    return c


def kid(r):
    return rb64u(r, 24)


JWT_KINDS = {
    "jwt-hs256": lambda r: jwt(r, "HS256"),
    "jwt-hs512": lambda r: jwt(r, "HS512"),
    "jwt-rs256": lambda r: jwt(r, "RS256", kid=kid(r)),
    "jwt-es256": lambda r: jwt(r, "ES256", kid=hexs(r, 16)),
    "jwt-ps256": lambda r: jwt(r, "PS256", kid=uuid4(r)),
    "k8s-serviceaccount-token": lambda r: jwt(r, "RS256", typ=None, kid=rb64u(r, 32), claims={
        "aud": ["https://kubernetes.default.svc.cluster.local"], "exp": epoch(r) + 31536000, "iat": epoch(r),
        "iss": "https://kubernetes.default.svc.cluster.local",
        "kubernetes.io": {"namespace": pick(r, SERVICES), "serviceaccount": {"name": pick(r, SERVICES) + "-sa",
                                                                            "uid": uuid4(r)}},
        "sub": "system:serviceaccount:%s:%s-sa" % (pick(r, SERVICES), pick(r, SERVICES))}),
    "firebase-id-token": lambda r: jwt(r, "RS256", kid=hexs(r, 40), claims={
        "iss": "https://securetoken.google.com/%s-%d" % (org(r), r.randint(1000, 9999)), "aud": "%s-app" % org(r),
        "auth_time": epoch(r), "user_id": rs(r, AN, 28), "sub": rs(r, AN, 28), "iat": epoch(r), "exp": epoch(r),
        "email": email(r), "email_verified": True, "firebase": {"sign_in_provider": "password"}}),
    "auth0-access-token": lambda r: jwt(r, "RS256", kid=rs(r, B64U, 22), claims={
        "iss": "https://%s.eu.auth0.com/" % org(r), "sub": "auth0|" + hexs(r, 24), "aud": ["https://api.%s" % domain(r)],
        "iat": epoch(r), "exp": epoch(r), "azp": rs(r, AN, 32), "scope": "openid profile email read:orders"}),
    "cognito-id-token": lambda r: jwt(r, "RS256", typ=None, kid=b64(rbytes(r, 32)), claims={
        "sub": uuid4(r), "cognito:groups": ["admins"], "email_verified": True,
        "iss": "https://cognito-idp.%s.amazonaws.com/%s_%s" % (pick(r, REGIONS), pick(r, REGIONS), rs(r, AN, 9)),
        "cognito:username": uuid4(r), "aud": rs(r, ANL, 26), "token_use": "id", "auth_time": epoch(r),
        "exp": epoch(r), "iat": epoch(r), "email": email(r)}),
    "azure-ad-access-token": lambda r: jwt(r, "RS256", kid=rb64u(r, 20), extra_hdr={"x5t": rb64u(r, 20), "nonce": rb64u(r, 32)}, claims={
        "aud": "00000003-0000-0000-c000-000000000000", "iss": "https://sts.windows.net/%s/" % uuid4(r),
        "iat": epoch(r), "nbf": epoch(r), "exp": epoch(r), "appid": uuid4(r), "oid": uuid4(r),
        "tid": uuid4(r), "upn": email(r), "ver": "1.0", "scp": "User.Read Mail.Read"}),
    "google-id-token": lambda r: jwt(r, "RS256", kid=hexs(r, 40), claims={
        "iss": "https://accounts.google.com", "azp": "%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs(r, ANL, 32)),
        "aud": "%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs(r, ANL, 32)),
        "sub": str(r.randint(10**20, 10**21)), "email": email(r), "email_verified": True, "iat": epoch(r), "exp": epoch(r)}),
    "supabase-service-role-key": lambda r: jwt(r, "HS256", claims={
        "iss": "supabase", "ref": rs(r, LO, 20), "role": "service_role", "iat": epoch(r), "exp": epoch(r) + 315360000}),
    "keycloak-refresh-token": lambda r: jwt(r, "HS512", kid=uuid4(r), claims={
        "exp": epoch(r), "iat": epoch(r), "jti": uuid4(r), "iss": "https://sso.%s/realms/%s" % (domain(r), pick(r, SERVICES)),
        "aud": "https://sso.%s/realms/%s" % (domain(r), pick(r, SERVICES)), "sub": uuid4(r), "typ": "Refresh",
        "azp": pick(r, SERVICES) + "-web", "session_state": uuid4(r), "scope": "openid email profile"}),
    "github-actions-oidc-token": lambda r: jwt(r, "RS256", kid=hexs(r, 40), extra_hdr={"x5t": rb64u(r, 20)}, claims={
        "jti": uuid4(r), "sub": "repo:%s/%s:ref:refs/heads/main" % (org(r), pick(r, SERVICES)), "aud": "sts.amazonaws.com",
        "ref": "refs/heads/main", "repository": "%s/%s" % (org(r), pick(r, SERVICES)), "run_id": str(r.randint(10**9, 10**10)),
        "iss": "https://token.actions.githubusercontent.com", "nbf": epoch(r), "exp": epoch(r), "iat": epoch(r)}),
    "apple-client-secret-jwt": lambda r: jwt(r, "ES256", typ=None, kid=rs(r, ANU, 10), claims={
        "iss": rs(r, ANU, 10), "iat": epoch(r), "exp": epoch(r), "aud": "https://appleid.apple.com",
        "sub": "com.%s.%s.signin" % (org(r), pick(r, SERVICES))}),
    "okta-access-token": lambda r: jwt(r, "RS256", kid=rb64u(r, 32), claims={
        "ver": 1, "jti": "AT." + rb64u(r, 32), "iss": "https://%s.okta.com/oauth2/default" % org(r), "aud": "api://default",
        "iat": epoch(r), "exp": epoch(r), "cid": "0oa" + rs(r, AN, 17), "uid": "00u" + rs(r, AN, 17),
        "scp": ["openid", "profile"], "sub": email(r)}),
    "docker-registry-bearer-jwt": lambda r: jwt(r, "RS256", kid=":".join(rs(r, ANU, 4) for _ in range(12)), claims={
        "access": [{"type": "repository", "name": "%s/%s" % (org(r), pick(r, SERVICES)), "actions": ["pull", "push"]}],
        "aud": "registry.%s" % domain(r), "exp": epoch(r), "iat": epoch(r), "iss": "auth.%s" % domain(r),
        "jti": rb64u(r, 16), "nbf": epoch(r), "sub": username(r)}),
    "auth0-management-token": lambda r: jwt(r, "RS256", kid=rs(r, B64U, 22), claims={
        "iss": "https://%s.us.auth0.com/" % org(r), "sub": rs(r, AN, 32) + "@clients",
        "aud": "https://%s.us.auth0.com/api/v2/" % org(r), "iat": epoch(r), "exp": epoch(r),
        "scope": "read:users update:users delete:users", "gty": "client-credentials"}),
}


def jwe(r):
    hdr = {"cty": "JWT", "enc": "A256GCM", "alg": "RSA-OAEP"}
    return (b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + b64u(rbytes(r, 256)) + "." +
            b64u(rbytes(r, 12)) + "." + b64u(rbytes(r, r.randint(900, 1400))) + "." + b64u(rbytes(r, 16)))


# ------------------------------------------------------------------ PEM and key material

def pem(label, der, width=64, headers=""):
    return "-----BEGIN %s-----\n%s%s\n-----END %s-----" % (label, headers, wrap(b64(der), width), label)


def rsa_pkcs1_der(r, bits=2048):
    if bits == 4096:
        return bytes.fromhex("308209280201000282020100") + rbytes(r, 0x928 + 4 - 12)
    return bytes.fromhex("308204a40201000282010100") + rbytes(r, 0x4a4 + 4 - 12)


def key_rsa_pkcs1(r):
    return pem("RSA PRIVATE KEY", rsa_pkcs1_der(r, r.choice((2048, 2048, 4096))))


def key_pkcs8_rsa(r):
    return pem("PRIVATE KEY", bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8") + rsa_pkcs1_der(r))


def key_pkcs8_ec(r):
    der = (bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420") + rbytes(r, 32) +
           bytes.fromhex("a14403420004") + rbytes(r, 64))
    return pem("PRIVATE KEY", der)


def key_pkcs8_ed25519(r):
    return pem("PRIVATE KEY", bytes.fromhex("302e020100300506032b657004220420") + rbytes(r, 32))


def key_sec1_ec(r):
    der = (bytes.fromhex("30770201010420") + rbytes(r, 32) + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") +
           rbytes(r, 64))
    return pem("EC PRIVATE KEY", der)


def key_dsa(r):
    return pem("DSA PRIVATE KEY", bytes.fromhex("308201bb02010002818100") + rbytes(r, 0x1bb + 4 - 11))


def key_pkcs8_encrypted(r):
    der = (bytes.fromhex("308205123041302906092a864886f70d01050c301c0408") + rbytes(r, 8) +
           bytes.fromhex("02020800300c06082a864886f70d020905003011060960864801650304012a0410") + rbytes(r, 16) +
           bytes.fromhex("048204d0") + rbytes(r, 0x4d0))
    return pem("ENCRYPTED PRIVATE KEY", der)


def key_rsa_legacy_encrypted(r):
    hdr = "Proc-Type: 4,ENCRYPTED\nDEK-Info: %s,%s\n\n" % (pick(r, ("AES-128-CBC", "AES-256-CBC", "DES-EDE3-CBC")),
                                                            rs(r, HEXU, 32))
    return pem("RSA PRIVATE KEY", rbytes(r, 1232), headers=hdr)


def _sshstr(b):
    if isinstance(b, str):
        b = b.encode()
    return struct.pack(">I", len(b)) + b


def key_openssh(r, kind="ed25519", encrypted=False):
    if kind == "ed25519":
        pub = rbytes(r, 32)
        pubblob = _sshstr("ssh-ed25519") + _sshstr(pub)
        privpart = _sshstr("ssh-ed25519") + _sshstr(pub) + _sshstr(rbytes(r, 32) + pub)
    else:
        pub = b"\x04" + rbytes(r, 64)
        pubblob = _sshstr("ecdsa-sha2-nistp256") + _sshstr("nistp256") + _sshstr(pub)
        privpart = _sshstr("ecdsa-sha2-nistp256") + _sshstr("nistp256") + _sshstr(pub) + _sshstr(b"\x00" + rbytes(r, 32))
    chk = rbytes(r, 4)
    comment = "%s@%s" % (username(r), pick(r, ("laptop", "workstation", "macbook", "build-01", "bastion")))
    priv = chk + chk + privpart + _sshstr(comment)
    blk = 16 if encrypted else 8
    i = 1
    while len(priv) % blk:
        priv += bytes([i])
        i += 1
    if encrypted:
        body = (b"openssh-key-v1\x00" + _sshstr("aes256-ctr") + _sshstr("bcrypt") +
                _sshstr(_sshstr(rbytes(r, 16)) + struct.pack(">I", 16)) + struct.pack(">I", 1) + _sshstr(pubblob) +
                _sshstr(rbytes(r, len(priv))))
    else:
        body = (b"openssh-key-v1\x00" + _sshstr("none") + _sshstr("none") + _sshstr(b"") + struct.pack(">I", 1) +
                _sshstr(pubblob) + _sshstr(priv))
    return pem("OPENSSH PRIVATE KEY", body, width=70)


def key_pgp(r):
    body = bytes([0x95, 0x03, 0xC6, 0x04]) + struct.pack(">I", epoch(r)) + bytes([1, 8, 0]) + rbytes(r, 0x3C6 - 8)
    body += bytes([0xB4, 0x1F]) + ("%s <%s>" % (username(r).capitalize(), email(r)))[:31].ljust(31).encode()
    body += rbytes(r, 300)
    crc = crc24(body)
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----"
            % (wrap(b64(body), 64), b64(crc.to_bytes(3, "big"))))


def key_putty(r):
    pub = rbytes(r, 32)
    publ = b64(_sshstr("ssh-ed25519") + _sshstr(pub))
    privl = b64(_sshstr(rbytes(r, 32)))
    return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-%d\nPublic-Lines: %d\n%s\n"
            "Private-Lines: 1\n%s\nPrivate-MAC: %s" % (r.randint(20220101, 20251231), len(wrap(publ)),
                                                       wrap(publ), privl, rs(r, HEX, 64)))


def openvpn_static(r):
    lines = "\n".join(rs(r, HEX, 32) for _ in range(16))
    return "-----BEGIN OpenVPN Static key V1-----\n%s\n-----END OpenVPN Static key V1-----" % lines


PEM_FORMATS = {
    "pem-rsa-private-key": key_rsa_pkcs1,
    "pem-pkcs8-rsa-private-key": key_pkcs8_rsa,
    "pem-pkcs8-ec-private-key": key_pkcs8_ec,
    "pem-pkcs8-ed25519-private-key": key_pkcs8_ed25519,
    "pem-ec-private-key": key_sec1_ec,
    "pem-dsa-private-key": key_dsa,
    "pem-encrypted-private-key": key_pkcs8_encrypted,
    "pem-rsa-encrypted-legacy": key_rsa_legacy_encrypted,
    "openssh-private-key-ed25519": lambda r: key_openssh(r, "ed25519"),
    "openssh-private-key-ecdsa": lambda r: key_openssh(r, "ecdsa"),
    "openssh-private-key-encrypted": lambda r: key_openssh(r, "ed25519", True),
    "pgp-private-key-block": key_pgp,
    "putty-private-key": key_putty,
    "openvpn-static-key": openvpn_static,
}
for _n, _g in PEM_FORMATS.items():
    F(_n, "private-key", [], _g, kv=False)
F("gcp-service-account-private-key", "private-key", [], key_pkcs8_rsa, kv=False)
F("github-app-private-key", "private-key", [], key_rsa_pkcs1, kv=False)
F("apple-p8-private-key", "private-key", [], key_pkcs8_ec, kv=False)
F("tls-private-key-inline", "private-key", [], lambda r: pick(r, (key_rsa_pkcs1, key_pkcs8_ec, key_sec1_ec))(r), kv=False)
F("kubeconfig-client-key-data", "private-key", [], lambda r: b64s(key_rsa_pkcs1(r) + "\n"), kv=False)
F("k8s-secret-tls-key", "private-key", [], lambda r: b64s(key_pkcs8_rsa(r) + "\n"), kv=False)
F("jwk-private-d", "private-key", [], lambda r: rb64u(r, 256), kv=False)
def _wg_key(r):
    while True:
        k = b64(bytes([rbytes(r, 1)[0] & 0xF8]) + rbytes(r, 31))
        if clean(k):
            return k


F("wireguard-private-key", "private-key", ["WG_PRIVATE_KEY", "WIREGUARD_PRIVATE_KEY"], _wg_key, kv=True)
F("age-secret-key", "private-key", ["SOPS_AGE_KEY", "AGE_SECRET_KEY"], lambda r: "AGE-SECRET-KEY-1" + rs(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), kv=True)
F("ethereum-private-key", "crypto", ["PRIVATE_KEY", "DEPLOYER_PRIVATE_KEY", "WALLET_PRIVATE_KEY", "ETH_PRIVATE_KEY"], lambda r: "0x" + hexs(r, 64))
F("bitcoin-wif-private-key", "crypto", ["BTC_PRIVATE_KEY", "WALLET_WIF_PRIVATE_KEY"], lambda r: pick(r, ("K", "L")) + rs(r, B58, 51))
F("solana-private-key", "crypto", ["SOLANA_PRIVATE_KEY", "PAYER_PRIVATE_KEY"], lambda r: rs(r, B58, 88))

for _n, _g in JWT_KINDS.items():
    F(_n, "jwt", {"jwt-hs256": ["JWT_TOKEN", "ACCESS_TOKEN", "AUTH_TOKEN"], "jwt-hs512": ["SESSION_TOKEN", "API_TOKEN"],
                  "jwt-rs256": ["ID_TOKEN", "ACCESS_TOKEN", "BEARER_TOKEN"], "jwt-es256": ["SERVICE_TOKEN", "AUTH_TOKEN"],
                  "jwt-ps256": ["PARTNER_API_TOKEN"], "k8s-serviceaccount-token": ["K8S_TOKEN", "KUBE_TOKEN", "CLUSTER_TOKEN"],
                  "firebase-id-token": ["FIREBASE_ID_TOKEN", "ID_TOKEN"],
                  "auth0-access-token": ["AUTH0_ACCESS_TOKEN", "API_ACCESS_TOKEN"],
                  "cognito-id-token": ["COGNITO_ID_TOKEN", "ID_TOKEN"], "azure-ad-access-token": ["GRAPH_ACCESS_TOKEN", "AAD_TOKEN"],
                  "google-id-token": ["GOOGLE_ID_TOKEN"], "supabase-service-role-key": ["SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SERVICE_KEY"],
                  "keycloak-refresh-token": ["REFRESH_TOKEN", "KC_REFRESH_TOKEN"],
                  "github-actions-oidc-token": ["ACTIONS_ID_TOKEN", "OIDC_TOKEN"],
                  "apple-client-secret-jwt": ["APPLE_CLIENT_SECRET", "SIGN_IN_WITH_APPLE_SECRET"],
                  "okta-access-token": ["OKTA_ACCESS_TOKEN"], "docker-registry-bearer-jwt": ["REGISTRY_TOKEN"],
                  "auth0-management-token": ["AUTH0_MGMT_API_TOKEN", "AUTH0_MANAGEMENT_TOKEN"]}[_n], _g)
F("cognito-refresh-token-jwe", "jwt", ["COGNITO_REFRESH_TOKEN", "REFRESH_TOKEN"], jwe)

# ------------------------------------------------------------------ AWS

F("aws-access-key-id", "aws", ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "S3_ACCESS_KEY_ID"], lambda r: "AKIA" + rs(r, B32, 16))
F("aws-temp-access-key-id", "aws", ["AWS_ACCESS_KEY_ID"], lambda r: "ASIA" + rs(r, B32, 16))
F("aws-secret-access-key", "aws", ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "S3_SECRET_ACCESS_KEY"], lambda r: rs(r, AN + "+/", 40))
F("aws-session-token", "aws", ["AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"],
  lambda r: "IQoJb3JpZ2luX2Vj" + rs(r, AN, 4) + "//////////" + rs(r, B64, r.choice((380, 440, 520, 600))) + pick(r, ("", "=", "==")))
F("aws-mws-auth-token", "aws", ["MWS_AUTH_TOKEN", "AMAZON_MWS_AUTH_TOKEN"], lambda r: "amzn.mws." + cuuid4(r))
F("aws-bedrock-api-key", "aws", ["AWS_BEARER_TOKEN_BEDROCK", "BEDROCK_API_KEY"],
  lambda r: "ABSK" + b64s("BedrockAPIKey-%s-at-%d:%s" % (rs(r, ANL, 4), r.randint(10**11, 10**12), rb64(r, 30))))
F("aws-ses-smtp-password", "aws", ["SES_SMTP_PASSWORD", "SMTP_PASSWORD"], lambda r: "B" + rs(r, AN + "+/", 43))
F("aws-cognito-client-secret", "aws", ["COGNITO_CLIENT_SECRET", "USER_POOL_CLIENT_SECRET"], lambda r: rs(r, ANL, 52))
F("aws-appsync-api-key", "aws", ["APPSYNC_API_KEY", "GRAPHQL_API_KEY"], lambda r: "da2-" + rs(r, ANL, 26))

# ------------------------------------------------------------------ Google

F("google-api-key", "gcp", ["GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "FIREBASE_API_KEY", "GEMINI_API_KEY", "YOUTUBE_API_KEY", "PLACES_API_KEY"],
  lambda r: "AIzaSy" + rs(r, B64U, 33))
F("google-oauth-client-secret", "gcp", ["GOOGLE_CLIENT_SECRET", "GOOGLE_OAUTH_CLIENT_SECRET"], lambda r: "GOCSPX-" + rs(r, B64U, 28))
F("google-oauth-refresh-token", "gcp", ["GOOGLE_REFRESH_TOKEN", "GMAIL_REFRESH_TOKEN"], lambda r: "1//0" + rs(r, AN, 1) + rs(r, B64U, r.randint(94, 100)))
F("google-oauth-access-token", "gcp", ["GOOGLE_ACCESS_TOKEN", "GCP_ACCESS_TOKEN"], lambda r: "ya29." + rs(r, B64U, r.randint(150, 210)))
F("gcp-private-key-id", "gcp", [], lambda r: hexs(r, 40), kv=False)
F("fcm-legacy-server-key", "gcp", ["FCM_SERVER_KEY", "FIREBASE_SERVER_KEY"], lambda r: "AAAA" + rs(r, B64U, 7) + ":APA91b" + rs(r, B64U, 134))
F("recaptcha-secret-key", "gcp", ["RECAPTCHA_SECRET_KEY", "RECAPTCHA_SECRET"], lambda r: "6L" + rs(r, B64U, 6) + "AAAAA" + rs(r, B64U, 27))

# ------------------------------------------------------------------ Azure

AZ = lambda r: rs(r, AN, 3) + pick(r, DG) + "Q~" + rs(r, AN + "_~.-", 34)
F("azure-storage-account-key", "azure", ["AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCESS_KEY", "STORAGE_ACCOUNT_KEY"], lambda r: rs(r, B64, 86) + "==")
F("azure-storage-connection-string", "azure", ["AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage", "BLOB_CONNECTION_STRING"],
  lambda r: "DefaultEndpointsProtocol=https;AccountName=%s%s;AccountKey=%s==;EndpointSuffix=core.windows.net"
  % (org(r), pick(r, ("st", "prod", "data", "logs")), rs(r, B64, 86)))
F("azure-sas-token", "azure", ["AZURE_STORAGE_SAS_TOKEN", "BLOB_SAS_TOKEN"],
  lambda r: "sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=%d-%02d-%02dT%02d:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s%%3D"
  % (r.randint(2025, 2027), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), rs(r, AN, 42) + pick(r, ("%2B", "%2F", "")) + rs(r, AN, 1)))
F("azure-service-bus-connection-string", "azure", ["SERVICEBUS_CONNECTION_STRING", "AZURE_SERVICE_BUS_CONNECTION"],
  lambda r: "Endpoint=sb://%s-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s="
  % (org(r), pick(r, SERVICES), rs(r, B64, 43)))
F("azure-event-hubs-connection-string", "azure", ["EVENTHUB_CONNECTION_STRING", "EVENT_HUBS_CONNECTION_STRING"],
  lambda r: "Endpoint=sb://%s-events.servicebus.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=%s=;EntityPath=%s"
  % (org(r), pick(r, ("send", "listen", "producer")), rs(r, B64, 43), pick(r, SERVICES)))
F("azure-cosmosdb-connection-string", "azure", ["COSMOS_CONNECTION_STRING", "COSMOSDB_CONNECTION_STRING"],
  lambda r: "AccountEndpoint=https://%s-cosmos.documents.azure.com:443/;AccountKey=%s==;" % (org(r), rs(r, B64, 86)))
F("azure-cosmosdb-key", "azure", ["COSMOS_KEY", "COSMOSDB_PRIMARY_KEY", "COSMOS_DB_ACCESS_KEY"], lambda r: rs(r, B64, 86) + "==")
F("azure-ad-client-secret", "azure", ["AZURE_CLIENT_SECRET", "ARM_CLIENT_SECRET", "AAD_CLIENT_SECRET"], AZ)
F("azure-devops-pat", "azure", ["AZURE_DEVOPS_PAT", "AZDO_PERSONAL_ACCESS_TOKEN", "ADO_TOKEN", "SYSTEM_ACCESSTOKEN"], lambda r: rs(r, B32L, 52))
F("azure-function-key", "azure", ["AZURE_FUNCTION_KEY", "FUNCTIONS_API_KEY"], lambda r: rs(r, B64U, 54) + "==")
F("azure-signalr-connection-string", "azure", ["AZURE_SIGNALR_CONNECTION_STRING"],
  lambda r: "Endpoint=https://%s-signalr.service.signalr.net;AccessKey=%s=;Version=1.0;" % (org(r), rs(r, B64, 43)))
F("azure-redis-connection-string", "azure", ["REDIS_CONNECTION_STRING", "AZURE_REDIS_CONNECTION"],
  lambda r: "%s-cache.redis.cache.windows.net:6380,password=%s=,ssl=True,abortConnect=False" % (org(r), rs(r, AN, 43)))
F("azure-iot-hub-connection-string", "azure", ["IOTHUB_CONNECTION_STRING"],
  lambda r: "HostName=%s-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=%s=" % (org(r), rs(r, B64, 43)))
F("azure-communication-connection-string", "azure", ["COMMUNICATION_SERVICES_CONNECTION_STRING", "ACS_CONNECTION_STRING"],
  lambda r: "endpoint=https://%s-acs.communication.azure.com/;accesskey=%s==" % (org(r), rs(r, B64, 86)))
F("azure-openai-api-key", "azure", ["AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY"], lambda r: hexs(r, 32))
F("azure-search-admin-key", "azure", ["AZURE_SEARCH_ADMIN_KEY", "SEARCH_API_KEY"], lambda r: rs(r, AN, 30) + "AzSeB" + rs(r, AN, 17))
F("azure-app-configuration-connection-string", "azure", ["APP_CONFIG_CONNECTION_STRING", "AZURE_APPCONFIG_CONNECTION_STRING"],
  lambda r: "Endpoint=https://%s-config.azconfig.io;Id=%s-l0-s0:%s;Secret=%s=" % (org(r), rs(r, AN, 4), rs(r, AN, 20), rs(r, B64, 43)))
F("azure-apim-subscription-key", "azure", ["APIM_SUBSCRIPTION_KEY", "OCP_APIM_SUBSCRIPTION_KEY"], lambda r: hexs(r, 32))
F("azure-ad-refresh-token", "azure", ["AZURE_REFRESH_TOKEN"], lambda r: "0.A" + rs(r, AN, 2) + "A" + rs(r, B64U, r.randint(700, 900)))

# ------------------------------------------------------------------ GitHub / GitLab / Atlassian / VCS

F("github-pat-classic", "github", ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GITHUB_ACCESS_TOKEN", "HOMEBREW_GITHUB_API_TOKEN"], lambda r: ghtok(r, "ghp_"))
F("github-oauth-token", "github", ["GITHUB_OAUTH_TOKEN", "GH_OAUTH_TOKEN"], lambda r: ghtok(r, "gho_"))
F("github-user-to-server-token", "github", ["GITHUB_USER_TOKEN", "GH_APP_USER_TOKEN"], lambda r: ghtok(r, "ghu_"))
F("github-server-to-server-token", "github", ["GITHUB_INSTALLATION_TOKEN", "GH_APP_TOKEN"], lambda r: ghtok(r, "ghs_"))
F("github-refresh-token", "github", ["GITHUB_REFRESH_TOKEN"], lambda r: ghtok(r, "ghr_", 70))
F("github-fine-grained-pat", "github", ["GITHUB_TOKEN", "GH_PAT", "GITHUB_PAT_FINE_GRAINED"], lambda r: "github_pat_11" + rs(r, ANU, 20) + "_" + rs(r, AN, 59))
F("github-app-installation-token-v1", "github", ["GITHUB_INSTALLATION_ACCESS_TOKEN"], lambda r: "v1." + hexs(r, 40))
F("github-oauth-client-secret", "github", ["GITHUB_CLIENT_SECRET", "GH_OAUTH_CLIENT_SECRET"], lambda r: hexs(r, 40))
F("github-webhook-secret", "github", ["GITHUB_WEBHOOK_SECRET", "GH_WEBHOOK_SECRET"], lambda r: hexs(r, 40))
F("gitlab-pat", "gitlab", ["GITLAB_TOKEN", "GITLAB_PRIVATE_TOKEN", "GL_TOKEN", "CI_PUSH_TOKEN"], lambda r: "glpat-" + rs(r, B64U, 20))
F("gitlab-pipeline-trigger-token", "gitlab", ["GITLAB_TRIGGER_TOKEN", "TRIGGER_TOKEN"], lambda r: "glptt-" + hexs(r, 40))
F("gitlab-runner-token", "gitlab", ["RUNNER_TOKEN", "CI_SERVER_TOKEN"], lambda r: "glrt-" + rs(r, B64U, 20))
F("gitlab-runner-registration-token", "gitlab", ["REGISTRATION_TOKEN", "RUNNER_REGISTRATION_TOKEN"], lambda r: "GR1348941" + rs(r, B64U, 20))
F("gitlab-deploy-token", "gitlab", ["GITLAB_DEPLOY_TOKEN", "DEPLOY_TOKEN_PASSWORD"], lambda r: "gldt-" + rs(r, B64U, 20))
F("gitlab-feed-token", "gitlab", ["GITLAB_FEED_TOKEN"], lambda r: "glft-" + rs(r, B64U, 20))
F("gitlab-incoming-mail-token", "gitlab", ["GITLAB_INCOMING_EMAIL_TOKEN"], lambda r: "glimt-" + rs(r, ANL, 25))
F("gitlab-oauth-app-secret", "gitlab", ["GITLAB_OAUTH_SECRET", "GITLAB_APP_SECRET"], lambda r: "gloas-" + hexs(r, 64))
F("gitlab-agent-token", "gitlab", ["GITLAB_AGENT_TOKEN", "KAS_AGENT_TOKEN"], lambda r: "glagent-" + rs(r, B64U, 50))
F("gitlab-ci-build-token", "gitlab", ["GITLAB_CI_JOB_TOKEN"], lambda r: "glcbt-" + hexs(r, 2) + "_" + rs(r, B64U, 20))
F("gitlab-scim-token", "gitlab", ["GITLAB_SCIM_TOKEN"], lambda r: "glsoat-" + rs(r, B64U, 20))
F("gitlab-feature-flag-client-token", "gitlab", ["UNLEASH_INSTANCE_TOKEN", "GITLAB_FF_TOKEN"], lambda r: "glffct-" + rs(r, B64U, 20))
F("bitbucket-app-password", "atlassian", ["BITBUCKET_APP_PASSWORD", "BB_APP_PASSWORD"], lambda r: "ATBB" + rs(r, AN, 28) + hexs(r, 8).upper())
F("atlassian-api-token", "atlassian", ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_API_TOKEN"],
  lambda r: "ATATT3xFfGF0" + rs(r, B64U, 170) + "=" + hexs(r, 8).upper())
F("bitbucket-access-token", "atlassian", ["BITBUCKET_ACCESS_TOKEN", "BITBUCKET_REPO_TOKEN"], lambda r: "ATCTT3xFfGN0" + rs(r, B64U, 170) + "=" + hexs(r, 8).upper())
F("jira-data-center-pat", "atlassian", ["JIRA_PAT", "JIRA_PERSONAL_TOKEN"], lambda r: rb64(r, 33))
F("gitea-token", "vcs", ["GITEA_TOKEN", "GITEA_ACCESS_TOKEN", "FORGEJO_TOKEN"], lambda r: hexs(r, 40))
F("sourcegraph-access-token", "vcs", ["SRC_ACCESS_TOKEN", "SOURCEGRAPH_TOKEN"], lambda r: "sgp_" + hexs(r, 16) + "_" + hexs(r, 40))

# ------------------------------------------------------------------ CI/CD, infra, hosting

F("circleci-personal-token", "ci", ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"], lambda r: "CCIPAT_" + rs(r, AN, 22) + "_" + hexs(r, 40))
F("circleci-project-token", "ci", ["CIRCLE_PROJECT_TOKEN"], lambda r: "CCIPRJ_" + rs(r, AN, 22) + "_" + hexs(r, 40))
F("circleci-legacy-token", "ci", ["CIRCLE_API_TOKEN", "CIRCLECI_API_TOKEN"], lambda r: hexs(r, 40))
F("travis-ci-token", "ci", ["TRAVIS_TOKEN", "TRAVIS_API_TOKEN"], lambda r: rs(r, AN + "_", 22))
F("drone-token", "ci", ["DRONE_TOKEN", "DRONE_RPC_SECRET"], lambda r: rs(r, AN, 32))
F("buildkite-agent-token", "ci", ["BUILDKITE_AGENT_TOKEN"], lambda r: hexs(r, 50))
F("buildkite-api-token", "ci", ["BUILDKITE_API_TOKEN", "BUILDKITE_TOKEN"], lambda r: "bkua_" + hexs(r, 40))
F("jenkins-api-token", "ci", ["JENKINS_API_TOKEN", "JENKINS_TOKEN", "JENKINS_PASSWORD"], lambda r: "11" + hexs(r, 32))
F("teamcity-access-token", "ci", ["TEAMCITY_TOKEN", "TEAMCITY_ACCESS_TOKEN"],
  lambda r: "eyJ0eXAiOiAiVENWMiJ9." + rs(r, B64U, 36) + "." + rs(r, B64U, 48))
F("codecov-token", "ci", ["CODECOV_TOKEN"], cuuid4)
F("sonarqube-user-token", "ci", ["SONAR_TOKEN", "SONARQUBE_TOKEN"], lambda r: "squ_" + hexs(r, 40))
F("sonarqube-project-token", "ci", ["SONAR_PROJECT_TOKEN"], lambda r: "sqp_" + hexs(r, 40))
F("sonarqube-global-token", "ci", ["SONAR_GLOBAL_TOKEN", "SONAR_SCANNER_TOKEN"], lambda r: "sqa_" + hexs(r, 40))
F("snyk-token", "ci", ["SNYK_TOKEN", "SNYK_API_TOKEN"], cuuid4)
F("octopus-api-key", "ci", ["OCTOPUS_API_KEY", "OCTOPUS_CLI_API_KEY"], lambda r: "API-" + rs(r, ANU, 27))
F("harness-pat", "ci", ["HARNESS_API_KEY", "HARNESS_PLATFORM_API_KEY"], lambda r: "pat.%s.%s.%s" % (rs(r, B64U, 22), hexs(r, 24), rs(r, AN, 20)))
F("argocd-auth-token", "ci", ["ARGOCD_AUTH_TOKEN"], lambda r: jwt(r, "HS256", claims={"iss": "argocd", "sub": "ci-bot:apiKey", "nbf": epoch(r), "iat": epoch(r), "jti": uuid4(r)}))
F("digitalocean-pat", "hosting", ["DIGITALOCEAN_TOKEN", "DO_API_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"], lambda r: "dop_v1_" + hexs(r, 64))
F("digitalocean-oauth-token", "hosting", ["DO_OAUTH_TOKEN"], lambda r: "doo_v1_" + hexs(r, 64))
F("digitalocean-refresh-token", "hosting", ["DO_REFRESH_TOKEN"], lambda r: "dor_v1_" + hexs(r, 64))
F("digitalocean-spaces-secret", "hosting", ["SPACES_SECRET_KEY", "DO_SPACES_SECRET"], lambda r: rs(r, AN + "/+", 43))
F("linode-token", "hosting", ["LINODE_TOKEN", "LINODE_API_TOKEN"], lambda r: hexs(r, 64))
F("hetzner-api-token", "hosting", ["HCLOUD_TOKEN", "HETZNER_API_TOKEN"], lambda r: rs(r, AN, 64))
F("vultr-api-key", "hosting", ["VULTR_API_KEY"], lambda r: rs(r, ANU, 36))
F("scaleway-access-key", "hosting", ["SCW_ACCESS_KEY"], lambda r: "SCW" + rs(r, ANU, 17))
F("scaleway-secret-key", "hosting", ["SCW_SECRET_KEY"], cuuid4)
F("ovh-application-secret", "hosting", ["OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY_SECRET"], lambda r: rs(r, AN, 32))
F("cloudflare-api-token", "hosting", ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "CF_DNS_API_TOKEN"], lambda r: rs(r, B64U, 40))
F("cloudflare-global-api-key", "hosting", ["CLOUDFLARE_API_KEY", "CF_API_KEY"], lambda r: hexs(r, 37))
F("cloudflare-origin-ca-key", "hosting", ["CF_ORIGIN_CA_KEY", "CLOUDFLARE_ORIGIN_CA_KEY"], lambda r: "v1.0-" + hexs(r, 24) + "-" + hexs(r, 146))
F("cloudflare-tunnel-token", "hosting", ["TUNNEL_TOKEN", "CLOUDFLARED_TOKEN"],
  lambda r: b64s(json.dumps({"a": hexs(r, 32), "t": uuid4(r), "s": rb64(r, 32)}, separators=(",", ":"))))
F("fastly-api-token", "hosting", ["FASTLY_API_TOKEN", "FASTLY_API_KEY"], lambda r: rs(r, B64U, 32))
F("akamai-client-secret", "hosting", ["AKAMAI_CLIENT_SECRET", "EDGEGRID_CLIENT_SECRET"], lambda r: rs(r, B64, 43) + "=")
F("akamai-access-token", "hosting", ["AKAMAI_ACCESS_TOKEN"], lambda r: "akab-" + rs(r, ANL, 16) + "-" + rs(r, ANL, 16))
F("alibaba-access-key-id", "hosting", ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"], lambda r: "LTAI" + rs(r, AN, 20))
F("alibaba-access-key-secret", "hosting", ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"], lambda r: rs(r, AN, 30))
F("tencent-secret-id", "hosting", ["TENCENTCLOUD_SECRET_ID"], lambda r: "AKID" + rs(r, AN, 32))
F("tencent-secret-key", "hosting", ["TENCENTCLOUD_SECRET_KEY"], lambda r: rs(r, AN, 32))
F("ibm-cloud-api-key", "hosting", ["IBMCLOUD_API_KEY", "IC_API_KEY"], lambda r: rs(r, B64U, 44))
F("yandex-api-key", "hosting", ["YC_API_KEY", "YANDEX_API_KEY"], lambda r: "AQVN" + rs(r, B64U, 36))
F("yandex-iam-token", "hosting", ["YC_TOKEN", "YC_IAM_TOKEN"], lambda r: "t1.9euelZ" + rs(r, B64U, 140) + "." + rs(r, B64U, 86))
F("yandex-oauth-token", "hosting", ["YANDEX_OAUTH_TOKEN"], lambda r: "y0_" + rs(r, B64U, 55))
F("heroku-api-key", "hosting", ["HEROKU_API_KEY", "HEROKU_AUTH_TOKEN"], lambda r: "HRKU-AA" + rs(r, B64U, 58))
F("heroku-legacy-api-key", "hosting", ["HEROKU_API_KEY"], cuuid4)
F("flyio-token", "hosting", ["FLY_API_TOKEN", "FLY_ACCESS_TOKEN"], lambda r: "fo1_" + rs(r, B64U, 43))
F("render-api-key", "hosting", ["RENDER_API_KEY"], lambda r: "rnd_" + rs(r, AN, 32))
F("vercel-token", "hosting", ["VERCEL_TOKEN", "VERCEL_ACCESS_TOKEN"], lambda r: rs(r, AN, 24))
F("netlify-token", "hosting", ["NETLIFY_AUTH_TOKEN", "NETLIFY_TOKEN"], lambda r: "nfp_" + rs(r, AN, 36))
F("railway-token", "hosting", ["RAILWAY_TOKEN", "RAILWAY_API_TOKEN"], cuuid4)
F("doppler-service-token", "secrets-mgmt", ["DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN"], lambda r: "dp.st.%s.%s" % (pick(r, ("prd", "stg", "dev")), rs(r, AN, 40)))
F("doppler-personal-token", "secrets-mgmt", ["DOPPLER_PERSONAL_TOKEN"], lambda r: "dp.pt." + rs(r, AN, 43))
F("doppler-cli-token", "secrets-mgmt", ["DOPPLER_CLI_TOKEN"], lambda r: "dp.ct." + rs(r, AN, 43))
F("vault-service-token", "secrets-mgmt", ["VAULT_TOKEN", "VAULT_ROOT_TOKEN"], lambda r: "hvs.CAESI" + rs(r, B64U, 86))
F("vault-batch-token", "secrets-mgmt", ["VAULT_TOKEN", "VAULT_BATCH_TOKEN"], lambda r: "hvb.AAAAAQ" + rs(r, B64U, 130))
F("vault-legacy-token", "secrets-mgmt", ["VAULT_TOKEN", "VAULT_DEV_ROOT_TOKEN_ID"], lambda r: "s." + rs(r, AN, 24))
F("vault-approle-secret-id", "secrets-mgmt", ["VAULT_SECRET_ID", "APPROLE_SECRET_ID"], cuuid4)
F("terraform-cloud-token", "infra", ["TFE_TOKEN", "TF_API_TOKEN", "TF_TOKEN_app_terraform_io"], lambda r: rs(r, AN, 14) + ".atlasv1." + rs(r, AN, 67))
F("pulumi-access-token", "infra", ["PULUMI_ACCESS_TOKEN"], lambda r: "pul-" + hexs(r, 40))
F("infracost-api-key", "infra", ["INFRACOST_API_KEY"], lambda r: "ico-" + rs(r, AN, 32))
F("tailscale-auth-key", "infra", ["TS_AUTHKEY", "TAILSCALE_AUTH_KEY"], lambda r: "tskey-auth-k" + rs(r, AN, 10) + "CNTRL-" + rs(r, AN, 33))
F("tailscale-api-key", "infra", ["TAILSCALE_API_KEY"], lambda r: "tskey-api-k" + rs(r, AN, 10) + "CNTRL-" + rs(r, AN, 33))
F("ngrok-authtoken", "infra", ["NGROK_AUTHTOKEN", "NGROK_AUTH_TOKEN"], lambda r: "2" + rs(r, AN, 26) + "_" + rs(r, AN, 21))
F("k8s-bootstrap-token", "infra", ["KUBEADM_TOKEN", "BOOTSTRAP_TOKEN"], lambda r: rs(r, ANL, 6) + "." + rs(r, ANL, 16))
F("k3s-node-token", "infra", ["K3S_TOKEN", "K3S_NODE_TOKEN"], lambda r: "K10" + hexs(r, 64) + "::server:" + hexs(r, 32))
F("rancher-api-token", "infra", ["RANCHER_TOKEN", "CATTLE_TOKEN"], lambda r: "token-" + rs(r, ANL, 5) + ":" + rs(r, ANL, 54))
F("k8s-secret-data", "infra", [], lambda r: b64s(password(r)), kv=False)
F("docker-config-auth", "registry", [], lambda r: b64s(username(r) + ":" + password(r)), kv=False)

# ------------------------------------------------------------------ registries, packages

F("npm-access-token", "registry", ["NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH_TOKEN"], lambda r: ghtok(r, "npm_"))
F("npm-legacy-auth-token", "registry", ["NPM_TOKEN"], cuuid4)
F("npmrc-auth-basic", "registry", [], lambda r: b64s(username(r) + ":" + password(r)), kv=False)
F("npmrc-password-b64", "registry", [], lambda r: b64s(password(r)), kv=False)
F("pypi-upload-token", "registry", ["PYPI_TOKEN", "PYPI_API_TOKEN", "TWINE_PASSWORD", "POETRY_PYPI_TOKEN_PYPI"],
  lambda r: "pypi-AgEIcHlwaS5vcmc" + rs(r, B64U, r.randint(150, 190)))
F("rubygems-api-key", "registry", ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"], lambda r: "rubygems_" + hexs(r, 48))
F("nuget-api-key", "registry", ["NUGET_API_KEY", "NUGET_AUTH_TOKEN"], lambda r: "oy2" + rs(r, ANL, 43))
F("cargo-registry-token", "registry", ["CARGO_REGISTRY_TOKEN", "CRATES_IO_TOKEN"], lambda r: "cio" + rs(r, AN, 32))
F("dockerhub-pat", "registry", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "DOCKERHUB_ACCESS_TOKEN"], lambda r: "dckr_pat_" + rs(r, B64U, 27))
F("jfrog-api-key", "registry", ["ARTIFACTORY_API_KEY", "JFROG_API_KEY"], lambda r: "AKCp" + rs(r, AN, 69))
F("jfrog-reference-token", "registry", ["JFROG_ACCESS_TOKEN", "ARTIFACTORY_ACCESS_TOKEN"], lambda r: "cmVmdGtuOjAxOj" + rs(r, AN, 50))
F("quay-robot-token", "registry", ["QUAY_ROBOT_TOKEN", "QUAY_PASSWORD"], lambda r: rs(r, ANU, 64))
F("harbor-robot-secret", "registry", ["HARBOR_ROBOT_SECRET", "HARBOR_PASSWORD"], lambda r: rs(r, AN, 32))
F("hexpm-api-key", "registry", ["HEX_API_KEY"], lambda r: hexs(r, 32))
F("packagecloud-token", "registry", ["PACKAGECLOUD_TOKEN"], lambda r: hexs(r, 48))
F("cloudsmith-api-key", "registry", ["CLOUDSMITH_API_KEY"], lambda r: hexs(r, 40))
F("maven-central-password", "registry", ["OSSRH_PASSWORD", "SONATYPE_PASSWORD", "MAVEN_CENTRAL_PASSWORD"], lambda r: rs(r, B64U, 44))
F("gradle-publish-secret", "registry", ["GRADLE_PUBLISH_SECRET"], lambda r: rs(r, AN, 32))
F("pub-dev-oauth-refresh", "registry", ["PUB_REFRESH_TOKEN"], lambda r: "1//0" + rs(r, AN, 1) + rs(r, B64U, 97))

# ------------------------------------------------------------------ payments & commerce

F("stripe-secret-key-live", "payments", ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_SK"], lambda r: "sk_live_51" + rs(r, AN, 97))
F("stripe-secret-key-test", "payments", ["STRIPE_SECRET_KEY", "STRIPE_TEST_SECRET_KEY"], lambda r: "sk_test_51" + rs(r, AN, 97))
F("stripe-restricted-key-live", "payments", ["STRIPE_RESTRICTED_KEY", "STRIPE_API_KEY"], lambda r: "rk_live_51" + rs(r, AN, 97))
F("stripe-restricted-key-test", "payments", ["STRIPE_RESTRICTED_KEY"], lambda r: "rk_test_51" + rs(r, AN, 97))
F("stripe-webhook-secret", "payments", ["STRIPE_WEBHOOK_SECRET", "STRIPE_ENDPOINT_SECRET", "STRIPE_SIGNING_SECRET"], lambda r: "whsec_" + rs(r, AN, 32))
F("square-access-token", "payments", ["SQUARE_ACCESS_TOKEN"], lambda r: "EAAA" + rs(r, B64U, 60))
F("square-oauth-secret", "payments", ["SQUARE_APPLICATION_SECRET", "SQUARE_OAUTH_SECRET"], lambda r: "sq0csp-" + rs(r, B64U, 43))
F("square-legacy-token", "payments", ["SQUARE_TOKEN"], lambda r: "sq0atp-" + rs(r, B64U, 22))
F("braintree-access-token", "payments", ["BRAINTREE_ACCESS_TOKEN", "PAYPAL_ACCESS_TOKEN"],
  lambda r: "access_token$production$%s$%s" % (rs(r, ANL, 16), hexs(r, 32)))
F("braintree-private-key", "payments", ["BRAINTREE_PRIVATE_KEY"], lambda r: hexs(r, 32))
F("paypal-client-secret", "payments", ["PAYPAL_CLIENT_SECRET", "PAYPAL_SECRET"], lambda r: "E" + rs(r, B64U, 79))
F("adyen-api-key", "payments", ["ADYEN_API_KEY"], lambda r: "AQE" + rs(r, AN, 2) + "mfxK" + rs(r, B64U, 92))
F("razorpay-key-secret", "payments", ["RAZORPAY_KEY_SECRET", "RAZORPAY_SECRET"], lambda r: rs(r, AN, 24))
F("gocardless-live-token", "payments", ["GOCARDLESS_ACCESS_TOKEN", "GC_ACCESS_TOKEN"], lambda r: "live_" + rs(r, B64U, 40))
F("mollie-api-key", "payments", ["MOLLIE_API_KEY"], lambda r: "live_" + rs(r, AN, 30))
F("flutterwave-secret-key", "payments", ["FLW_SECRET_KEY", "FLUTTERWAVE_SECRET_KEY"], lambda r: "FLWSECK-" + hexs(r, 32) + "-X")
F("flutterwave-test-secret-key", "payments", ["FLW_SECRET_KEY"], lambda r: "FLWSECK_TEST-" + hexs(r, 32) + "-X")
F("flutterwave-encryption-key", "payments", ["FLW_ENCRYPTION_KEY"], lambda r: "FLWSECK" + hexs(r, 12))
F("paystack-secret-key", "payments", ["PAYSTACK_SECRET_KEY"], lambda r: "sk_live_" + hexs(r, 40))
F("plaid-secret", "payments", ["PLAID_SECRET", "PLAID_SECRET_PRODUCTION"], lambda r: hexs(r, 30))
F("plaid-access-token", "payments", ["PLAID_ACCESS_TOKEN"], lambda r: "access-production-" + cuuid4(r))
F("coinbase-commerce-api-key", "payments", ["COINBASE_COMMERCE_API_KEY"], cuuid4)
F("checkout-com-secret-key", "payments", ["CKO_SECRET_KEY", "CHECKOUT_SECRET_KEY"], lambda r: "sk_sbox_" + rs(r, ANL, 26))
F("wise-api-token", "payments", ["WISE_API_TOKEN", "TRANSFERWISE_API_TOKEN"], cuuid4)
F("shopify-admin-access-token", "commerce", ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_API_ACCESS_TOKEN"], lambda r: "shpat_" + hexs(r, 32))
F("shopify-shared-secret", "commerce", ["SHOPIFY_API_SECRET", "SHOPIFY_SHARED_SECRET"], lambda r: "shpss_" + hexs(r, 32))
F("shopify-custom-app-token", "commerce", ["SHOPIFY_CUSTOM_APP_TOKEN"], lambda r: "shpca_" + hexs(r, 32))
F("shopify-private-app-password", "commerce", ["SHOPIFY_PASSWORD", "SHOPIFY_PRIVATE_APP_PASSWORD"], lambda r: "shppa_" + hexs(r, 32))
F("shippo-api-token", "commerce", ["SHIPPO_API_TOKEN", "SHIPPO_API_KEY"], lambda r: "shippo_live_" + hexs(r, 40))
F("easypost-api-key", "commerce", ["EASYPOST_API_KEY"], lambda r: "EZAK" + rs(r, AN, 54))
F("duffel-api-token", "commerce", ["DUFFEL_ACCESS_TOKEN", "DUFFEL_API_TOKEN"], lambda r: "duffel_live_" + rs(r, B64U, 43))
F("lemonsqueezy-api-key", "commerce", ["LEMONSQUEEZY_API_KEY"], lambda r: jwt(r, "RS256", claims={"aud": "94d59cef-dbb8-4ea5-b178-d2540fcd6919", "jti": hexs(r, 80), "iat": epoch(r), "nbf": epoch(r), "exp": epoch(r), "sub": str(r.randint(100000, 999999)), "scopes": []}))

# ------------------------------------------------------------------ messaging & communication

F("slack-bot-token", "slack", ["SLACK_BOT_TOKEN", "SLACK_TOKEN", "SLACK_API_TOKEN"],
  lambda r: "xoxb-%d-%d-%s" % (r.randint(10**10, 10**13), r.randint(10**10, 10**13), rs(r, AN, 24)))
F("slack-user-token", "slack", ["SLACK_USER_TOKEN", "SLACK_OAUTH_TOKEN"],
  lambda r: "xoxp-%d-%d-%d-%s" % (r.randint(10**10, 10**13), r.randint(10**10, 10**13), r.randint(10**10, 10**13), hexs(r, 32)))
F("slack-app-token", "slack", ["SLACK_APP_TOKEN"], lambda r: "xapp-1-A%s-%d-%s" % (rs(r, ANU, 10), r.randint(10**12, 10**13), hexs(r, 64)))
F("slack-legacy-workspace-token", "slack", ["SLACK_LEGACY_TOKEN"], lambda r: "xoxa-2-%d-%d-%d-%s" % (r.randint(10**10, 10**12), r.randint(10**10, 10**12), r.randint(10**10, 10**12), hexs(r, 64)))
F("slack-session-token", "slack", ["SLACK_XOXS_TOKEN"], lambda r: "xoxs-%d-%d-%d-%s" % (r.randint(10**9, 10**11), r.randint(10**9, 10**11), r.randint(10**9, 10**11), hexs(r, 64)))
F("slack-config-refresh-token", "slack", ["SLACK_CONFIG_REFRESH_TOKEN"], lambda r: "xoxe-1-" + rs(r, AN, 146))
F("slack-config-access-token", "slack", ["SLACK_CONFIG_TOKEN"], lambda r: "xoxe.xoxp-1-" + rs(r, AN, 160))
F("slack-webhook-url", "slack", ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERTS_SLACK_WEBHOOK"],
  lambda r: "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(r, ANU, 8), rs(r, ANU, 10), rs(r, AN, 24)))
F("slack-workflow-webhook-url", "slack", ["SLACK_WORKFLOW_WEBHOOK"],
  lambda r: "https://hooks.slack.com/triggers/T%s/%d/%s" % (rs(r, ANU, 8), r.randint(10**12, 10**13), hexs(r, 32)))
F("slack-signing-secret", "slack", ["SLACK_SIGNING_SECRET"], lambda r: hexs(r, 32))
F("discord-bot-token", "discord", ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "BOT_TOKEN"],
  lambda r: b64u(str(r.randint(10**17, 10**18 * 2)).encode()) + "." + rs(r, B64U, 6) + "." + rs(r, B64U, 38))
F("discord-webhook-url", "discord", ["DISCORD_WEBHOOK_URL", "DISCORD_WEBHOOK"],
  lambda r: "https://discord.com/api/webhooks/%d/%s" % (r.randint(10**17, 10**18), rs(r, B64U, 68)))
F("discord-client-secret", "discord", ["DISCORD_CLIENT_SECRET"], lambda r: rs(r, B64U, 32))
F("telegram-bot-token", "messaging", ["TELEGRAM_BOT_TOKEN", "TG_BOT_TOKEN", "TELEGRAM_TOKEN"],
  lambda r: "%d:AA%s" % (r.randint(10**8, 10**10), rs(r, B64U, 33)))
F("twilio-account-sid", "messaging", ["TWILIO_ACCOUNT_SID", "TWILIO_SID"], lambda r: "AC" + hexs(r, 32))
F("twilio-api-key-sid", "messaging", ["TWILIO_API_KEY", "TWILIO_API_KEY_SID"], lambda r: "SK" + hexs(r, 32))
F("twilio-auth-token", "messaging", ["TWILIO_AUTH_TOKEN", "TWILIO_TOKEN"], lambda r: hexs(r, 32))
F("twilio-api-secret", "messaging", ["TWILIO_API_SECRET"], lambda r: rs(r, AN, 32))
F("sendgrid-api-key", "email", ["SENDGRID_API_KEY", "SENDGRID_KEY", "SMTP_PASSWORD"], lambda r: "SG." + rs(r, B64U, 22) + "." + rs(r, B64U, 43))
F("mailgun-api-key-legacy", "email", ["MAILGUN_API_KEY", "MAILGUN_KEY"], lambda r: "key-" + hexs(r, 32))
F("mailgun-private-api-key", "email", ["MAILGUN_API_KEY", "MAILGUN_PRIVATE_KEY"], lambda r: "%s-%s-%s" % (hexs(r, 32), hexs(r, 8), hexs(r, 8)))
F("mailgun-webhook-signing-key", "email", ["MAILGUN_WEBHOOK_SIGNING_KEY"], lambda r: hexs(r, 32))
F("mailchimp-api-key", "email", ["MAILCHIMP_API_KEY", "MC_API_KEY"], lambda r: hexs(r, 32) + "-us" + str(r.randint(1, 21)))
F("mandrill-api-key", "email", ["MANDRILL_API_KEY", "MANDRILL_KEY"], lambda r: "md-" + rs(r, B64U, 22))
F("postmark-server-token", "email", ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN"], cuuid4)
F("postmark-account-token", "email", ["POSTMARK_ACCOUNT_TOKEN"], cuuid4)
F("brevo-api-key", "email", ["BREVO_API_KEY", "SENDINBLUE_API_KEY"], lambda r: "xkeysib-" + hexs(r, 64) + "-" + rs(r, AN, 16))
F("brevo-smtp-key", "email", ["BREVO_SMTP_KEY", "SMTP_PASSWORD"], lambda r: "xsmtpsib-" + hexs(r, 64) + "-" + rs(r, AN, 16))
F("mailersend-api-token", "email", ["MAILERSEND_API_TOKEN", "MAILERSEND_API_KEY"], lambda r: "mlsn." + hexs(r, 64))
F("mailjet-secret-key", "email", ["MAILJET_SECRET_KEY", "MJ_APISECRET_PRIVATE"], lambda r: hexs(r, 32))
F("sparkpost-api-key", "email", ["SPARKPOST_API_KEY"], lambda r: hexs(r, 40))
F("resend-api-key", "email", ["RESEND_API_KEY"], lambda r: "re_" + rs(r, AN, 8) + "_" + rs(r, AN, 24))
F("loops-api-key", "email", ["LOOPS_API_KEY"], lambda r: hexs(r, 32))
F("teams-incoming-webhook-url", "messaging", ["TEAMS_WEBHOOK_URL", "MS_TEAMS_WEBHOOK"],
  lambda r: "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (org(r), uuid4(r), uuid4(r), hexs(r, 32), uuid4(r)))
F("vonage-api-secret", "messaging", ["VONAGE_API_SECRET", "NEXMO_API_SECRET"], lambda r: rs(r, AN, 16))
F("messagebird-api-key", "messaging", ["MESSAGEBIRD_API_KEY", "MESSAGEBIRD_ACCESS_KEY"], lambda r: rs(r, AN, 25))
F("plivo-auth-token", "messaging", ["PLIVO_AUTH_TOKEN"], lambda r: rs(r, AN, 40))
F("pusher-app-secret", "messaging", ["PUSHER_APP_SECRET", "PUSHER_SECRET"], lambda r: hexs(r, 20))
F("ably-api-key", "messaging", ["ABLY_API_KEY", "ABLY_KEY"], lambda r: "%s.%s:%s" % (rs(r, AN + "_-", 6), rs(r, AN + "_-", 6), rs(r, B64U, 43)))
F("stream-api-secret", "messaging", ["STREAM_API_SECRET", "GETSTREAM_SECRET"], lambda r: rs(r, ANL, 64))
F("onesignal-rest-api-key", "messaging", ["ONESIGNAL_REST_API_KEY", "ONESIGNAL_API_KEY"], lambda r: "os_v2_app_" + rs(r, B32L, 113))
F("twitter-bearer-token", "social", ["TWITTER_BEARER_TOKEN", "X_BEARER_TOKEN"],
  lambda r: "AAAAAAAAAAAAAAAAAAAAA" + rs(r, AN, 25) + "%3D" + rs(r, AN, 50))
F("twitter-api-secret", "social", ["TWITTER_API_SECRET", "TWITTER_CONSUMER_SECRET"], lambda r: rs(r, AN, 50))
F("twitter-access-token", "social", ["TWITTER_ACCESS_TOKEN"], lambda r: "%d-%s" % (r.randint(10**17, 10**19), rs(r, AN, 40)))
F("twitter-access-token-secret", "social", ["TWITTER_ACCESS_TOKEN_SECRET", "TWITTER_ACCESS_SECRET"], lambda r: rs(r, AN, 45))
F("facebook-access-token", "social", ["FACEBOOK_ACCESS_TOKEN", "FB_PAGE_ACCESS_TOKEN", "META_ACCESS_TOKEN"], lambda r: "EAA" + rs(r, AN, r.randint(150, 220)))
F("facebook-app-secret", "social", ["FACEBOOK_APP_SECRET", "FB_APP_SECRET", "META_APP_SECRET"], lambda r: hexs(r, 32))
F("linkedin-client-secret", "social", ["LINKEDIN_CLIENT_SECRET"], lambda r: rs(r, AN, 16))
F("line-channel-access-token", "social", ["LINE_CHANNEL_ACCESS_TOKEN"], lambda r: rs(r, B64, 171) + "=")
F("line-channel-secret", "social", ["LINE_CHANNEL_SECRET"], lambda r: hexs(r, 32))
F("zendesk-api-token", "support", ["ZENDESK_API_TOKEN", "ZENDESK_TOKEN"], lambda r: rs(r, AN, 40))
F("intercom-access-token", "support", ["INTERCOM_ACCESS_TOKEN", "INTERCOM_TOKEN"], lambda r: "dG9rOj" + rs(r, AN, 50) + "=")
F("freshdesk-api-key", "support", ["FRESHDESK_API_KEY"], lambda r: rs(r, AN, 20))
F("zoom-client-secret", "social", ["ZOOM_CLIENT_SECRET", "ZOOM_API_SECRET"], lambda r: rs(r, AN, 32))
F("pagerduty-api-key", "observability", ["PAGERDUTY_TOKEN", "PAGERDUTY_API_KEY", "PD_API_KEY"], lambda r: "u+" + rs(r, B64U, 18))
F("pagerduty-integration-key", "observability", ["PAGERDUTY_INTEGRATION_KEY", "PD_ROUTING_KEY", "PAGERDUTY_ROUTING_KEY"], lambda r: hexs(r, 32))
F("opsgenie-api-key", "observability", ["OPSGENIE_API_KEY"], cuuid4)

# ------------------------------------------------------------------ AI

F("openai-api-key-legacy", "ai", ["OPENAI_API_KEY", "OPENAI_KEY"], lambda r: "sk-" + rs(r, AN, 20) + "T3BlbkFJ" + rs(r, AN, 20))
F("openai-project-key", "ai", ["OPENAI_API_KEY", "OPENAI_PROJECT_KEY"], lambda r: "sk-proj-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74))
F("openai-service-account-key", "ai", ["OPENAI_API_KEY", "OPENAI_SVC_KEY"], lambda r: "sk-svcacct-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74))
F("openai-admin-key", "ai", ["OPENAI_ADMIN_KEY"], lambda r: "sk-admin-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74))
F("anthropic-api-key", "ai", ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY"], lambda r: "sk-ant-api03-" + rs(r, B64U, 93) + "AA")
F("anthropic-admin-key", "ai", ["ANTHROPIC_ADMIN_KEY"], lambda r: "sk-ant-admin01-" + rs(r, B64U, 93) + "AA")
F("anthropic-oauth-token", "ai", ["CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_AUTH_TOKEN"], lambda r: "sk-ant-oat01-" + rs(r, B64U, 93) + "AA")
F("huggingface-token", "ai", ["HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN"], lambda r: "hf_" + rs(r, UP + LO, 34))
F("huggingface-org-token", "ai", ["HF_API_ORG_TOKEN"], lambda r: "api_org_" + rs(r, UP + LO, 34))
F("cohere-api-key", "ai", ["COHERE_API_KEY", "CO_API_KEY"], lambda r: rs(r, AN, 40))
F("replicate-api-token", "ai", ["REPLICATE_API_TOKEN"], lambda r: "r8_" + rs(r, AN, 37))
F("groq-api-key", "ai", ["GROQ_API_KEY"], lambda r: "gsk_" + rs(r, AN, 52))
F("mistral-api-key", "ai", ["MISTRAL_API_KEY"], lambda r: rs(r, AN, 32))
F("perplexity-api-key", "ai", ["PERPLEXITY_API_KEY", "PPLX_API_KEY"], lambda r: "pplx-" + rs(r, AN, 48))
F("xai-api-key", "ai", ["XAI_API_KEY", "GROK_API_KEY"], lambda r: "xai-" + rs(r, AN, 80))
F("deepseek-api-key", "ai", ["DEEPSEEK_API_KEY"], lambda r: "sk-" + hexs(r, 32))
F("openrouter-api-key", "ai", ["OPENROUTER_API_KEY"], lambda r: "sk-or-v1-" + hexs(r, 64))
F("together-api-key", "ai", ["TOGETHER_API_KEY"], lambda r: "tgp_v1_" + rs(r, B64U, 43))
F("fireworks-api-key", "ai", ["FIREWORKS_API_KEY"], lambda r: "fw_" + rs(r, AN, 24))
F("langsmith-personal-token", "ai", ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"], lambda r: "lsv2_pt_" + hexs(r, 32) + "_" + hexs(r, 10))
F("langsmith-service-key", "ai", ["LANGSMITH_API_KEY"], lambda r: "lsv2_sk_" + hexs(r, 32) + "_" + hexs(r, 10))
F("langfuse-secret-key", "ai", ["LANGFUSE_SECRET_KEY"], lambda r: "sk-lf-" + cuuid4(r))
F("pinecone-api-key", "ai", ["PINECONE_API_KEY"], lambda r: "pcsk_" + rs(r, AN, 6) + "_" + rs(r, AN, 63))
F("wandb-api-key", "ai", ["WANDB_API_KEY"], lambda r: hexs(r, 40))
F("elevenlabs-api-key", "ai", ["ELEVENLABS_API_KEY", "XI_API_KEY"], lambda r: "sk_" + hexs(r, 48))
F("assemblyai-api-key", "ai", ["ASSEMBLYAI_API_KEY"], lambda r: hexs(r, 32))
F("deepgram-api-key", "ai", ["DEEPGRAM_API_KEY"], lambda r: hexs(r, 40))
F("voyage-api-key", "ai", ["VOYAGE_API_KEY"], lambda r: "pa-" + rs(r, B64U, 43))
F("cerebras-api-key", "ai", ["CEREBRAS_API_KEY"], lambda r: "csk-" + rs(r, ANL, 48))
F("nvidia-api-key", "ai", ["NVIDIA_API_KEY", "NGC_API_KEY"], lambda r: "nvapi-" + rs(r, B64U, 64))
F("anyscale-api-key", "ai", ["ANYSCALE_API_KEY"], lambda r: "esecret_" + rs(r, ANL, 26))
F("stability-api-key", "ai", ["STABILITY_API_KEY"], lambda r: "sk-" + rs(r, AN, 48))
F("modal-token-secret", "ai", ["MODAL_TOKEN_SECRET"], lambda r: "as-" + rs(r, AN, 22))
F("takumo-live-key", "ai", ["TAKUMO_KEY", "TAKUMO_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_API_KEY"], lambda r: "tk_live_" + hexs(r, 64))
F("takumo-test-key", "ai", ["TAKUMO_KEY", "ANTHROPIC_API_KEY", "CODEX_API_KEY"], lambda r: "tk_test_" + hexs(r, 64))
F("takumo-join-key", "ai", ["TAKUMO_JOIN_KEY"], lambda r: "jk_" + hexs(r, 64))

# ------------------------------------------------------------------ observability

F("datadog-api-key", "observability", ["DD_API_KEY", "DATADOG_API_KEY"], lambda r: hexs(r, 32))
F("datadog-app-key", "observability", ["DD_APP_KEY", "DATADOG_APP_KEY", "DD_APPLICATION_KEY"], lambda r: hexs(r, 40))
F("newrelic-user-api-key", "observability", ["NEW_RELIC_API_KEY", "NEWRELIC_API_KEY"], lambda r: "NRAK-" + rs(r, ANU, 27))
F("newrelic-license-key", "observability", ["NEW_RELIC_LICENSE_KEY", "NRIA_LICENSE_KEY"], lambda r: pick(r, ("eu01xx" + hexs(r, 30), hexs(r, 36))) + "NRAL")
F("newrelic-insights-insert-key", "observability", ["NEW_RELIC_INSERT_KEY"], lambda r: "NRII-" + rs(r, B64U, 32))
F("sentry-org-auth-token", "observability", ["SENTRY_AUTH_TOKEN"],
  lambda r: "sntrys_" + b64u(json.dumps({"iat": epoch(r) + 0.5, "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": org(r)}, separators=(",", ":")).encode()) + "_" + rs(r, B64U, 43))
F("sentry-user-auth-token", "observability", ["SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"], lambda r: "sntryu_" + hexs(r, 64))
F("grafana-cloud-token", "observability", ["GRAFANA_CLOUD_API_KEY", "GRAFANA_CLOUD_TOKEN"],
  lambda r: "glc_" + b64(json.dumps({"o": str(r.randint(100000, 999999)), "n": "stack-%d-integration" % r.randint(100000, 999999), "k": rs(r, AN, 24), "m": {"r": pick(r, ("prod-eu-west-2", "prod-us-central-0"))}}, separators=(",", ":")).encode()))
F("grafana-service-account-token", "observability", ["GRAFANA_SA_TOKEN", "GRAFANA_API_TOKEN", "GRAFANA_AUTH"], lambda r: "glsa_" + rs(r, AN, 32) + "_" + hexs(r, 8))
F("grafana-api-key-legacy", "observability", ["GRAFANA_API_KEY"],
  lambda r: b64(json.dumps({"k": rs(r, AN, 32), "n": pick(r, SERVICES), "id": r.randint(1, 40)}, separators=(",", ":")).encode()))
F("honeycomb-ingest-key", "observability", ["HONEYCOMB_API_KEY", "HONEYCOMB_INGEST_KEY"], lambda r: "hcaik_01" + rs(r, ANL, 24) + rs(r, ANL, 32))
F("honeycomb-api-key", "observability", ["HONEYCOMB_WRITEKEY", "HONEYCOMB_API_KEY"], lambda r: rs(r, AN, 22))
F("dynatrace-api-token", "observability", ["DT_API_TOKEN", "DYNATRACE_API_TOKEN"], lambda r: "dt0c01." + rs(r, ANU, 24) + "." + rs(r, ANU, 64))
F("splunk-hec-token", "observability", ["SPLUNK_HEC_TOKEN", "SPLUNK_TOKEN"], cuuid4)
F("logzio-shipping-token", "observability", ["LOGZIO_TOKEN", "LOGZIO_SHIPPING_TOKEN"], lambda r: rs(r, UP + LO, 32))
F("elastic-api-key", "observability", ["ELASTIC_API_KEY", "ES_API_KEY"], lambda r: b64s(rs(r, B64U, 20) + ":" + rs(r, B64U, 22)))
F("rollbar-access-token", "observability", ["ROLLBAR_ACCESS_TOKEN", "ROLLBAR_TOKEN"], lambda r: hexs(r, 32))
F("bugsnag-api-key", "observability", ["BUGSNAG_API_KEY"], lambda r: hexs(r, 32))
F("loggly-token", "observability", ["LOGGLY_TOKEN", "LOGGLY_CUSTOMER_TOKEN"], cuuid4)
F("lightstep-access-token", "observability", ["LIGHTSTEP_ACCESS_TOKEN", "LS_ACCESS_TOKEN"], lambda r: rs(r, B64, 84))
F("axiom-token", "observability", ["AXIOM_TOKEN"], lambda r: "xaat-" + cuuid4(r))
F("posthog-personal-api-key", "observability", ["POSTHOG_PERSONAL_API_KEY"], lambda r: "phx_" + rs(r, AN, 43))

# ------------------------------------------------------------------ SaaS

F("contentful-pat", "saas", ["CONTENTFUL_MANAGEMENT_TOKEN", "CONTENTFUL_CMA_TOKEN"], lambda r: "CFPAT-" + rs(r, B64U, 43))
F("contentful-delivery-token", "saas", ["CONTENTFUL_ACCESS_TOKEN", "CONTENTFUL_DELIVERY_TOKEN"], lambda r: rs(r, B64U, 43))
F("postman-api-key", "saas", ["POSTMAN_API_KEY"], lambda r: "PMAK-" + hexs(r, 24) + "-" + hexs(r, 34))
F("notion-integration-secret", "saas", ["NOTION_TOKEN", "NOTION_API_KEY", "NOTION_SECRET"], lambda r: "secret_" + rs(r, AN, 43))
F("notion-ntn-token", "saas", ["NOTION_TOKEN", "NOTION_API_KEY"], lambda r: "ntn_" + str(r.randint(10**10, 10**11)) + rs(r, AN, 35))
F("airtable-pat", "saas", ["AIRTABLE_TOKEN", "AIRTABLE_API_KEY", "AIRTABLE_PAT"], lambda r: "pat" + rs(r, AN, 14) + "." + hexs(r, 64))
F("asana-pat", "saas", ["ASANA_ACCESS_TOKEN", "ASANA_PAT"], lambda r: "2/%d/%d:%s" % (r.randint(10**15, 10**16), r.randint(10**15, 10**16), hexs(r, 32)))
F("linear-api-key", "saas", ["LINEAR_API_KEY"], lambda r: "lin_api_" + rs(r, AN, 40))
F("figma-pat", "saas", ["FIGMA_TOKEN", "FIGMA_ACCESS_TOKEN"], lambda r: "figd_" + rs(r, B64U, 40))
F("trello-api-token", "saas", ["TRELLO_TOKEN", "TRELLO_API_TOKEN"], lambda r: "ATTA" + hexs(r, 64) + hexs(r, 8).upper())
F("okta-api-token", "saas", ["OKTA_API_TOKEN", "OKTA_TOKEN"], lambda r: "00" + rs(r, B64U, 40))
F("auth0-client-secret", "saas", ["AUTH0_CLIENT_SECRET"], lambda r: rs(r, B64U, 64))
F("mapbox-secret-token", "saas", ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"],
  lambda r: "sk." + b64u(json.dumps({"u": username(r).replace(".", ""), "a": rs(r, ANL, 25)}, separators=(",", ":")).encode()) + "." + rs(r, B64U, 22))
F("supabase-pat", "saas", ["SUPABASE_ACCESS_TOKEN"], lambda r: "sbp_" + hexs(r, 40))
F("supabase-secret-key", "saas", ["SUPABASE_SECRET_KEY"], lambda r: "sb_secret_" + rs(r, B64U, 31))
F("planetscale-service-token", "saas", ["PLANETSCALE_SERVICE_TOKEN", "PSCALE_TOKEN"], lambda r: "pscale_tkn_" + rs(r, B64U, 43))
F("planetscale-password", "saas", ["PLANETSCALE_DB_PASSWORD", "DATABASE_PASSWORD"], lambda r: "pscale_pw_" + rs(r, B64U, 43))
F("planetscale-oauth-token", "saas", ["PLANETSCALE_OAUTH_TOKEN"], lambda r: "pscale_oauth_" + rs(r, B64U, 43))
F("neon-api-key", "saas", ["NEON_API_KEY"], lambda r: "napi_" + rs(r, ANL, 64))
F("mongodb-atlas-private-key", "saas", ["MONGODB_ATLAS_PRIVATE_KEY", "ATLAS_PRIVATE_API_KEY"], cuuid4)
F("databricks-token", "saas", ["DATABRICKS_TOKEN", "DATABRICKS_API_TOKEN"], lambda r: "dapi" + hexs(r, 32) + pick(r, ("", "-2", "-3")))
F("confluent-api-secret", "saas", ["CONFLUENT_CLOUD_API_SECRET", "KAFKA_API_SECRET"], lambda r: rs(r, AN + "+/", 64))
F("hubspot-private-app-token", "saas", ["HUBSPOT_ACCESS_TOKEN", "HUBSPOT_PRIVATE_APP_TOKEN"], lambda r: "pat-%s-%s" % (pick(r, ("na1", "eu1", "na2")), cuuid4(r)))
F("hubspot-legacy-api-key", "saas", ["HUBSPOT_API_KEY", "HAPIKEY"], cuuid4)
F("salesforce-access-token", "saas", ["SALESFORCE_ACCESS_TOKEN", "SF_ACCESS_TOKEN", "SFDX_ACCESS_TOKEN"],
  lambda r: "00D" + rs(r, AN, 12) + "!AQ" + rs(r, AN, 2) + "AQ" + rs(r, AN + "._", 92))
F("dropbox-short-lived-token", "saas", ["DROPBOX_ACCESS_TOKEN", "DROPBOX_TOKEN"], lambda r: "sl." + rs(r, B64U, 138))
F("dropbox-long-lived-token", "saas", ["DROPBOX_ACCESS_TOKEN"], lambda r: rs(r, AN, 11) + "AAAAAAAAAA" + rs(r, B64U, 43))
F("typeform-pat", "saas", ["TYPEFORM_TOKEN"], lambda r: "tfp_" + rs(r, AN, 44) + "_" + rs(r, AN, 14))
F("webflow-api-token", "saas", ["WEBFLOW_API_TOKEN"], lambda r: hexs(r, 64))
F("frameio-token", "saas", ["FRAMEIO_TOKEN"], lambda r: "fio-u-" + rs(r, B64U, 64))
F("readme-api-key", "saas", ["README_API_KEY"], lambda r: "rdme_" + rs(r, ANL, 70))
F("prefect-api-key", "saas", ["PREFECT_API_KEY"], lambda r: "pnu_" + rs(r, AN, 36))
F("onepassword-service-account-token", "secrets-mgmt", ["OP_SERVICE_ACCOUNT_TOKEN"],
  lambda r: "ops_" + b64u(json.dumps({"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": rb64u(r, 16)}, "email": rs(r, ANL, 26) + "@1passwordserviceaccounts.com", "srpX": hexs(r, 64), "muk": {"alg": "A256GCM", "ext": True, "k": rb64u(r, 32), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(r, ANU, 6) + "-" + rs(r, ANU, 6), "deviceUuid": rs(r, ANL, 26)}, separators=(",", ":")).encode()))
F("onepassword-connect-token", "secrets-mgmt", ["OP_CONNECT_TOKEN"], lambda r: jwt(r, "ES256", kid=rs(r, ANL, 26), claims={"1password.com/auuid": rs(r, ANU, 26), "1password.com/s": rs(r, ANL, 26), "1password.com/fts": ["vaultaccess"], "aud": ["com.1password.connect"], "iat": epoch(r), "iss": "com.1password.b5", "jti": rs(r, ANL, 26), "sub": rs(r, ANU, 26)}))
F("launchdarkly-sdk-key", "saas", ["LAUNCHDARKLY_SDK_KEY", "LD_SDK_KEY"], lambda r: "sdk-" + cuuid4(r))
F("launchdarkly-api-token", "saas", ["LAUNCHDARKLY_ACCESS_TOKEN", "LD_API_TOKEN"], lambda r: "api-" + cuuid4(r))
F("mixpanel-api-secret", "saas", ["MIXPANEL_API_SECRET", "MIXPANEL_SECRET"], lambda r: hexs(r, 32))
F("amplitude-secret-key", "saas", ["AMPLITUDE_SECRET_KEY"], lambda r: hexs(r, 32))
F("clearbit-api-key", "saas", ["CLEARBIT_API_KEY", "CLEARBIT_SECRET_KEY"], lambda r: "sk_" + hexs(r, 32))
F("algolia-admin-api-key", "saas", ["ALGOLIA_ADMIN_API_KEY", "ALGOLIA_API_KEY", "ALGOLIA_WRITE_API_KEY"], lambda r: hexs(r, 32))
F("meilisearch-master-key", "saas", ["MEILI_MASTER_KEY", "MEILISEARCH_API_KEY"], lambda r: rs(r, B64U, 43))
F("typesense-api-key", "saas", ["TYPESENSE_API_KEY", "TYPESENSE_ADMIN_API_KEY"], lambda r: rs(r, AN, 32))
F("docusign-secret-key", "saas", ["DOCUSIGN_CLIENT_SECRET", "DOCUSIGN_SECRET_KEY"], cuuid4)
F("calendly-pat", "saas", ["CALENDLY_API_TOKEN"], lambda r: jwt(r, "HS512", claims={"iss": "https://auth.calendly.com", "iat": epoch(r), "jti": uuid4(r), "user_uuid": uuid4(r)}))
F("infura-api-secret", "crypto", ["INFURA_API_SECRET", "INFURA_PROJECT_SECRET"], lambda r: hexs(r, 32))
F("alchemy-api-key", "crypto", ["ALCHEMY_API_KEY"], lambda r: rs(r, B64U, 32))
F("etherscan-api-key", "crypto", ["ETHERSCAN_API_KEY"], lambda r: rs(r, ANU, 34))
F("binance-api-secret", "crypto", ["BINANCE_API_SECRET", "BINANCE_SECRET_KEY"], lambda r: rs(r, AN, 64))
F("coinbase-api-secret", "crypto", ["COINBASE_API_SECRET"], lambda r: rb64(r, 48))
F("firebase-database-secret", "gcp", ["FIREBASE_DATABASE_SECRET", "FIREBASE_SECRET"], lambda r: rs(r, AN, 40))
F("expo-access-token", "mobile", ["EXPO_TOKEN", "EXPO_ACCESS_TOKEN"], lambda r: rs(r, B64U, 40))
F("apple-app-specific-password", "mobile", ["APPLE_APP_SPECIFIC_PASSWORD", "FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD"],
  lambda r: "-".join(rs(r, LO, 4) for _ in range(4)))
F("fastlane-match-password", "mobile", ["MATCH_PASSWORD", "FASTLANE_PASSWORD"], lambda r: password(r))
F("android-keystore-password", "mobile", ["KEYSTORE_PASSWORD", "ANDROID_KEYSTORE_PASSWORD", "SIGNING_STORE_PASSWORD"], lambda r: password(r))
F("android-key-password", "mobile", ["KEY_PASSWORD", "ANDROID_KEY_PASSWORD", "SIGNING_KEY_PASSWORD"], lambda r: password(r))
F("codemagic-api-token", "mobile", ["CM_API_TOKEN", "CODEMAGIC_API_TOKEN"], lambda r: rs(r, B64U, 43))
F("bitrise-pat", "mobile", ["BITRISE_TOKEN", "BITRISE_PERSONAL_ACCESS_TOKEN"], lambda r: rs(r, B64U, 86))

# ------------------------------------------------------------------ connection strings and URLs with credentials


def _db(r):
    return pick(r, SERVICES) + pick(r, ("", "_prod", "_db", "", "_main", "_live"))


def _u(r):
    return pick(r, ("app", "svc_" + pick(r, SERVICES), pick(r, SERVICES), "postgres", "root", "admin", "deploy", "readonly",
                    "etl", "api", username(r).replace(".", "_")))


def url(r, scheme, port, path=None, q=""):
    return "%s://%s:%s@%s:%d/%s%s" % (scheme, _u(r), password(r, url_safe=True), host(r), port, _db(r) if path is None else path, q)


F("postgres-url", "conn", ["DATABASE_URL", "POSTGRES_URL", "DB_URL", "PG_DSN"], lambda r: url(r, "postgres", 5432, q=pick(r, ("", "?sslmode=require", ""))))
F("postgresql-url", "conn", ["DATABASE_URL", "SQLALCHEMY_DATABASE_URI", "POSTGRES_DSN", "DB_DSN"], lambda r: url(r, "postgresql", 5432, q=pick(r, ("", "?sslmode=verify-full", "?application_name=" + pick(r, SERVICES)))))
F("mysql-url", "conn", ["DATABASE_URL", "MYSQL_URL", "MYSQL_DSN"], lambda r: url(r, "mysql", 3306))
F("mariadb-url", "conn", ["MARIADB_URL", "DATABASE_URL"], lambda r: url(r, "mariadb", 3306))
F("mongodb-url", "conn", ["MONGO_URL", "MONGODB_URI", "MONGO_URI"], lambda r: url(r, "mongodb", 27017, q="?authSource=admin"))
F("mongodb-srv-url", "conn", ["MONGODB_URI", "MONGO_URL", "ATLAS_URI"],
  lambda r: "mongodb+srv://%s:%s@cluster%d.%s.mongodb.net/%s?retryWrites=true&w=majority" % (_u(r), password(r, url_safe=True), r.randint(0, 3), rs(r, ANL, 5), _db(r)))
F("redis-url", "conn", ["REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL"], lambda r: "redis://%s:%s@%s:6379/%d" % (pick(r, ("default", "", "app")), password(r, url_safe=True), host(r), r.randint(0, 15)))
F("rediss-url", "conn", ["REDIS_TLS_URL", "REDIS_URL"], lambda r: "rediss://default:%s@%s-%d.upstash.io:6379" % (password(r, url_safe=True), pick(r, WORDS), r.randint(10000, 99999)))
F("amqp-url", "conn", ["AMQP_URL", "RABBITMQ_URL", "BROKER_URL"], lambda r: "amqp://%s:%s@%s:5672/%s" % (_u(r), password(r, url_safe=True), host(r), pick(r, ("", "%2F", pick(r, SERVICES)))))
F("amqps-url", "conn", ["CLOUDAMQP_URL", "AMQP_URL"], lambda r: "amqps://%s:%s@%s.rmq.cloudamqp.com/%s" % (rs(r, LO, 8), rs(r, B64U, 32), pick(r, WORDS), rs(r, LO, 8)))
F("jdbc-postgresql-url", "conn", ["SPRING_DATASOURCE_URL", "JDBC_URL"],
  lambda r: "jdbc:postgresql://%s:5432/%s?user=%s&password=%s" % (host(r), _db(r), _u(r), password(r, url_safe=True)))
F("jdbc-mysql-url", "conn", ["JDBC_URL", "DB_JDBC_URL"],
  lambda r: "jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (host(r), _db(r), _u(r), password(r, url_safe=True)))
F("jdbc-sqlserver-url", "conn", ["JDBC_URL", "MSSQL_JDBC_URL"],
  lambda r: "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;encrypt=true" % (host(r), _db(r), _u(r), password(r, url_safe=True)))
F("jdbc-oracle-url", "conn", ["ORACLE_JDBC_URL", "JDBC_URL"],
  lambda r: "jdbc:oracle:thin:%s/%s@%s:1521/%s" % (_u(r).upper(), password(r, url_safe=True), host(r), pick(r, ("ORCLPDB1", "PRODSVC", "FINPDB"))))
F("sqlserver-ado-connection-string", "conn", ["ConnectionStrings__Default", "SQL_CONNECTION_STRING", "DefaultConnection"],
  lambda r: "Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;"
  % (org(r) + "-sql", _db(r), _u(r), password(r, url_safe=True)))
F("sqlserver-connection-string", "conn", ["ConnectionStrings__Main", "MSSQL_CONNECTION_STRING"],
  lambda r: "Data Source=%s;Initial Catalog=%s;User Id=%s;Password=%s;" % (host(r), _db(r), _u(r), password(r, url_safe=True)))
F("odbc-connection-string", "conn", ["ODBC_CONNECTION_STRING", "DSN_STRING"],
  lambda r: "Driver={ODBC Driver 18 for SQL Server};Server=%s,1433;Database=%s;Uid=%s;Pwd=%s;Encrypt=yes;" % (host(r), _db(r), _u(r), password(r, url_safe=True)))
F("sqlalchemy-postgres-url", "conn", ["SQLALCHEMY_DATABASE_URL", "DATABASE_URL"], lambda r: url(r, pick(r, ("postgresql+psycopg2", "postgresql+asyncpg", "postgresql+psycopg")), 5432))
F("sqlalchemy-mysql-url", "conn", ["SQLALCHEMY_DATABASE_URI"], lambda r: url(r, pick(r, ("mysql+pymysql", "mysql+mysqldb", "mysql+aiomysql")), 3306))
F("mssql-url", "conn", ["MSSQL_URL", "SQLSERVER_URL"], lambda r: "sqlserver://%s:%s@%s:1433?database=%s" % (_u(r), password(r, url_safe=True), host(r), _db(r)))
F("clickhouse-url", "conn", ["CLICKHOUSE_URL", "CLICKHOUSE_DSN"], lambda r: url(r, pick(r, ("clickhouse", "tcp")), 9000))
F("cockroachdb-url", "conn", ["COCKROACH_URL", "DATABASE_URL"],
  lambda r: "postgresql://%s:%s@%s-%d.%s.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full" % (_u(r), rs(r, B64U, 22), pick(r, WORDS), r.randint(1000, 9999), pick(r, ("aws-us-east-1", "gcp-europe-west1"))))
F("neo4j-url", "conn", ["NEO4J_URL", "NEO4J_URI"], lambda r: "neo4j+s://neo4j:%s@%s.databases.neo4j.io" % (password(r, url_safe=True), rs(r, ANL, 8)))
F("elasticsearch-url", "conn", ["ELASTICSEARCH_URL", "ES_URL", "OPENSEARCH_URL"], lambda r: "https://elastic:%s@%s:9200" % (password(r, url_safe=True), host(r, "svc")))
F("couchdb-url", "conn", ["COUCHDB_URL"], lambda r: "http://admin:%s@%s:5984/" % (password(r, url_safe=True), host(r)))
F("nats-url", "conn", ["NATS_URL"], lambda r: "nats://%s:%s@%s:4222" % (_u(r), password(r, url_safe=True), host(r)))
F("mqtt-url", "conn", ["MQTT_URL", "MQTT_BROKER_URL"], lambda r: "mqtts://%s:%s@%s:8883" % (_u(r), password(r, url_safe=True), host(r, "svc")))
F("snowflake-url", "conn", ["SNOWFLAKE_URL", "SNOWFLAKE_DSN"],
  lambda r: "snowflake://%s:%s@%s-%s/%s/PUBLIC?warehouse=%s_WH" % (_u(r).upper(), password(r, url_safe=True), rs(r, UP, 7), rs(r, ANU, 7), _db(r).upper(), pick(r, SERVICES).upper()))
F("redshift-jdbc-url", "conn", ["REDSHIFT_URL", "REDSHIFT_JDBC_URL"],
  lambda r: "jdbc:redshift://%s.%s.%s.redshift.amazonaws.com:5439/%s?user=%s&password=%s" % (pick(r, SERVICES), rs(r, ANL, 12), pick(r, REGIONS), _db(r), _u(r), password(r, url_safe=True)))
F("smtp-url", "conn", ["SMTP_URL", "EMAIL_URL", "MAILER_DSN"], lambda r: "smtp://%s:%s@%s:587" % (pick(r, ("apikey", "postmaster", _u(r))), password(r, url_safe=True), pick(r, ("smtp.sendgrid.net", "smtp.mailgun.org", "email-smtp.eu-west-1.amazonaws.com", "smtp." + domain(r)))))
F("ftp-url", "conn", ["FTP_URL", "SFTP_URL", "BACKUP_TARGET"], lambda r: "%s://%s:%s@%s:%d/%s" % (pick(r, ("ftp", "sftp", "ftps")), _u(r), password(r, url_safe=True), host(r, "svc"), pick(r, (21, 22, 2222)), pick(r, ("backups", "upload", "exports"))))
F("http-basic-auth-url", "conn", ["SERVICE_URL", "UPSTREAM_URL", "WEBHOOK_URL", "REGISTRY_URL"],
  lambda r: "https://%s:%s@%s/%s" % (_u(r), password(r, url_safe=True), host(r, "svc"), pick(r, ("api/v1", "hooks/deploy", "v2/", "status"))))
F("git-credential-url", "conn", ["GIT_URL", "REPO_URL"],
  lambda r: pick(r, ("https://%s:%s@github.com/%s/%s.git" % (username(r), ghtok(r, "ghp_"), org(r), pick(r, SERVICES)),
                     "https://oauth2:%s@gitlab.com/%s/%s.git" % ("glpat-" + rs(r, B64U, 20), org(r), pick(r, SERVICES)),
                     "https://x-token-auth:%s@bitbucket.org/%s/%s.git" % (rs(r, B64U, 40), org(r), pick(r, SERVICES)))))
F("proxy-url-with-credentials", "conn", ["HTTPS_PROXY", "HTTP_PROXY", "https_proxy"],
  lambda r: "http://%s:%s@proxy.%s:%d" % (username(r), password(r, url_safe=True), domain(r), pick(r, (3128, 8080, 8888))))
F("ldap-bind-password", "context", ["LDAP_BIND_PASSWORD", "LDAP_PASSWORD", "AUTH_LDAP_BIND_PASSWORD"], lambda r: password(r))
F("kafka-sasl-password", "context", ["KAFKA_SASL_PASSWORD", "KAFKA_PASSWORD"], lambda r: rs(r, AN + "+/", 64))

# ------------------------------------------------------------------ HTTP auth and headers

F("http-bearer-token", "http-auth", ["API_TOKEN", "AUTH_TOKEN", "BEARER_TOKEN"], lambda r: pick(r, (rs(r, AN, 40), rb64u(r, 32), hexs(r, 64), "at_" + rs(r, AN, 43))))
F("http-basic-credentials", "http-auth", [], lambda r: b64s(_u(r) + ":" + password(r)), kv=False)
F("proxy-authorization-basic", "http-auth", [], lambda r: b64s(username(r) + ":" + password(r)), kv=False)
F("x-api-key-header", "http-auth", [], lambda r: pick(r, (rs(r, AN, 40), hexs(r, 32), rb64u(r, 30))), kv=False)
F("session-cookie-token", "http-auth", [], lambda r: pick(r, (rb64u(r, 32), hexs(r, 64), "s%3A" + rs(r, B64U, 32) + "." + rs(r, B64U, 43))), kv=False)
F("url-query-access-token", "http-auth", [], lambda r: pick(r, (rs(r, AN, 40), rb64u(r, 32), "ya29." + rs(r, B64U, 160))), kv=False)

# ------------------------------------------------------------------ generic context secrets

PWD_NAMES = ["DB_PASSWORD", "DATABASE_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD", "PGPASSWORD",
             "ADMIN_PASSWORD", "SMTP_PASSWORD", "EMAIL_HOST_PASSWORD", "REDIS_PASSWORD", "RABBITMQ_DEFAULT_PASS",
             "MONGO_INITDB_ROOT_PASSWORD", "ELASTIC_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
             "MINIO_ROOT_PASSWORD", "MSSQL_SA_PASSWORD", "SA_PASSWORD", "LDAP_ADMIN_PASSWORD", "JENKINS_ADMIN_PASSWORD",
             "SERVICE_ACCOUNT_PASSWORD", "FTP_PASSWORD", "VPN_PASSWORD", "WP_DB_PASSWORD", "ORACLE_PWD", "DB_PASS",
             "MAIL_PASSWORD", "BASIC_AUTH_PASSWORD", "NEO4J_PASSWORD", "CLICKHOUSE_PASSWORD", "ARTIFACTORY_PASSWORD"]
F("password-assignment", "context", PWD_NAMES, lambda r: password(r))
F("db-password", "context", ["DB_PASSWORD", "DATABASE_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_PASSWORD", "SPRING_DATASOURCE_PASSWORD", "PGPASSWORD"], lambda r: password(r))
F("admin-password", "context", ["ADMIN_PASSWORD", "ROOT_PASSWORD", "SUPERUSER_PASSWORD", "INITIAL_ADMIN_PASSWORD"], lambda r: password(r))
F("smtp-password", "context", ["SMTP_PASSWORD", "EMAIL_HOST_PASSWORD", "MAIL_PASSWORD", "SMTP_PASS"], lambda r: password(r))
F("redis-password", "context", ["REDIS_PASSWORD", "REDIS_AUTH", "REDISCLI_AUTH"], lambda r: pick(r, (rb64(r, 24), hexs(r, 32), password(r))))
F("keystore-password", "context", ["KEYSTORE_PASSWORD", "TRUSTSTORE_PASSWORD", "SSL_KEYSTORE_PASSWORD", "JKS_PASSWORD"], lambda r: password(r))
F("api-key-generic", "context", ["API_KEY", "SERVICE_API_KEY", "PARTNER_API_KEY", "INTERNAL_API_KEY", "BACKEND_API_KEY", "X_API_KEY", "WEATHER_API_KEY", "GEOCODER_API_KEY", "VENDOR_APIKEY"],
  lambda r: pick(r, (hexs(r, 32), rs(r, AN, 40), rb64u(r, 24), cuuid4(r), "ak_" + rs(r, AN, 32))))
F("api-secret-generic", "context", ["API_SECRET", "APP_SECRET", "CLIENT_SECRET", "PARTNER_API_SECRET", "CONSUMER_SECRET"], lambda r: pick(r, (hexs(r, 64), rs(r, AN, 48), rb64(r, 32))))
F("secret-key-generic", "context", ["SECRET_KEY", "APP_SECRET_KEY", "SECRET", "MASTER_SECRET"], lambda r: pick(r, (rs(r, AN + "!@^*-_=+", 50), hexs(r, 64), rb64(r, 48))))
F("client-secret-generic", "context", ["CLIENT_SECRET", "OAUTH_CLIENT_SECRET", "OIDC_CLIENT_SECRET", "KEYCLOAK_CLIENT_SECRET"], lambda r: pick(r, (rs(r, AN, 32), rb64u(r, 32), cuuid4(r))))
F("access-token-generic", "context", ["ACCESS_TOKEN", "SERVICE_TOKEN", "API_ACCESS_TOKEN", "PRIVATE_TOKEN", "INTEGRATION_TOKEN"], lambda r: pick(r, (rs(r, AN, 40), rb64u(r, 36), hexs(r, 48))))
F("refresh-token-generic", "context", ["REFRESH_TOKEN", "OAUTH_REFRESH_TOKEN"], lambda r: pick(r, (rs(r, AN, 64), rb64u(r, 48), "rt_" + rs(r, AN, 48))))
F("auth-token-generic", "context", ["AUTH_TOKEN", "AUTHTOKEN", "X_AUTH_TOKEN", "INTERNAL_AUTH_TOKEN"], lambda r: pick(r, (hexs(r, 40), rs(r, AN, 32), rb64u(r, 32))))
F("session-secret", "context", ["SESSION_SECRET", "EXPRESS_SESSION_SECRET", "SESSION_KEY_SECRET"], lambda r: pick(r, (rs(r, AN, 48), hexs(r, 64))))
F("cookie-secret", "context", ["COOKIE_SECRET", "COOKIE_SIGNING_SECRET", "OAUTH2_PROXY_COOKIE_SECRET"], lambda r: pick(r, (rb64u(r, 32), hexs(r, 32))))
F("jwt-signing-secret", "context", ["JWT_SECRET", "JWT_SECRET_KEY", "JWT_SIGNING_KEY", "TOKEN_SIGNING_SECRET", "AUTH_SECRET"], lambda r: pick(r, (rs(r, AN, 64), hexs(r, 64), rb64(r, 48))))
F("signing-key-hex", "context", ["SIGNING_KEY", "HMAC_SIGNING_KEY", "REQUEST_SIGNING_KEY", "URL_SIGNING_KEY"], lambda r: hexs(r, 64))
F("encryption-key-generic", "context", ["ENCRYPTION_KEY", "DATA_ENCRYPTION_KEY", "AES_SECRET_KEY", "FIELD_ENCRYPTION_KEY", "TAKUMO_ENCRYPTION_KEY", "TAKUMO_TOKEN_KEY"], lambda r: pick(r, (hexs(r, 64), rb64(r, 32))))
F("hmac-secret", "context", ["HMAC_SECRET", "WEBHOOK_HMAC_SECRET", "HMAC_KEY_SECRET"], lambda r: pick(r, (hexs(r, 64), rb64(r, 32))))
F("webhook-secret-generic", "context", ["WEBHOOK_SECRET", "WEBHOOK_SIGNING_SECRET", "HOOK_SECRET"], lambda r: pick(r, (hexs(r, 40), rs(r, AN, 32), "wh_" + rs(r, AN, 40))))
F("master-key", "context", ["MASTER_KEY_SECRET", "RAILS_MASTER_KEY"], lambda r: hexs(r, 32))
F("django-secret-key", "context", ["DJANGO_SECRET_KEY", "SECRET_KEY"], lambda r: pick(r, ("django-insecure-", "", "")) + rs(r, LO + DG + "!@%^&*(-_=+)", 50))
F("rails-secret-key-base", "context", ["SECRET_KEY_BASE", "RAILS_SECRET_KEY_BASE"], lambda r: hexs(r, 128))
F("laravel-app-key", "context", ["APP_KEY"], lambda r: "base64:" + rb64(r, 32))
F("symfony-app-secret", "context", ["APP_SECRET"], lambda r: hexs(r, 32))
F("flask-secret-key", "context", ["FLASK_SECRET_KEY", "SECRET_KEY"], lambda r: pick(r, (hexs(r, 48), rb64u(r, 24))))
F("nextauth-secret", "context", ["NEXTAUTH_SECRET", "AUTH_SECRET", "BETTER_AUTH_SECRET"], lambda r: rb64(r, 32))
F("phoenix-secret-key-base", "context", ["SECRET_KEY_BASE", "PHX_SECRET_KEY_BASE"], lambda r: rs(r, AN + "/+", 64))
F("oauth-client-secret", "context", ["OAUTH_CLIENT_SECRET", "SSO_CLIENT_SECRET", "OIDC_CLIENT_SECRET"], lambda r: rs(r, B64U, 40))
F("basic-auth-password", "context", ["BASIC_AUTH_PASSWORD", "HTTP_AUTH_PASSWORD", "METRICS_PASSWORD"], lambda r: password(r))
F("mq-password", "context", ["RABBITMQ_PASSWORD", "RABBITMQ_DEFAULT_PASS", "AMQP_PASSWORD", "ACTIVEMQ_PASSWORD"], lambda r: password(r))
F("elasticsearch-password", "context", ["ELASTIC_PASSWORD", "ELASTICSEARCH_PASSWORD", "OPENSEARCH_PASSWORD"], lambda r: password(r))
F("grafana-admin-password", "context", ["GF_SECURITY_ADMIN_PASSWORD", "GRAFANA_ADMIN_PASSWORD"], lambda r: password(r))
F("keycloak-admin-password", "context", ["KEYCLOAK_ADMIN_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD"], lambda r: password(r))
F("minio-secret-key", "context", ["MINIO_SECRET_KEY", "MINIO_ROOT_PASSWORD"], lambda r: rs(r, AN, 40))
F("minio-access-key", "context", ["MINIO_ACCESS_KEY", "MINIO_ROOT_USER_ACCESS_KEY"], lambda r: rs(r, ANU, 20))
F("jasypt-encryptor-password", "context", ["JASYPT_ENCRYPTOR_PASSWORD"], lambda r: password(r))
F("ansible-become-password", "context", ["ANSIBLE_BECOME_PASSWORD", "ANSIBLE_BECOME_PASS", "ANSIBLE_SSH_PASS"], lambda r: password(r))
F("vpn-preshared-key", "context", ["VPN_PSK_SECRET", "IPSEC_PSK_SECRET", "WG_PRESHARED_KEY_SECRET"], lambda r: rb64(r, 32))
F("wifi-psk", "context", [], lambda r: password(r), kv=False)
F("private-token-generic", "context", ["PRIVATE_TOKEN", "PRIVATE_API_TOKEN"], lambda r: rs(r, AN, 32))
F("service-password-generic", "context", ["SERVICE_PASSWORD", "SVC_ACCOUNT_PASSWORD", "BIND_PW", "APP_PWD", "PASSWD"], lambda r: password(r))
F("pgpass-password", "config-file", [], lambda r: password(r), kv=False)
F("netrc-password", "config-file", [], lambda r: pick(r, (password(r), ghtok(r, "ghp_"), rs(r, AN, 40))), kv=False)
F("mycnf-password", "config-file", [], lambda r: password(r), kv=False)
F("pypirc-password", "config-file", [], lambda r: password(r), kv=False)
F("rclone-obscured-password", "config-file", [], lambda r: rs(r, B64U, r.choice((38, 43, 54))), kv=False)
F("maven-settings-password", "config-file", [], lambda r: password(r), kv=False)
F("gradle-properties-password", "config-file", [], lambda r: password(r), kv=False)
F("s3cfg-secret-key", "config-file", [], lambda r: rs(r, AN + "+/", 40), kv=False)
F("htpasswd-plaintext-password", "config-file", [], lambda r: password(r), kv=False)
F("secret-file-content", "config-file", [], lambda r: pick(r, (password(r), hexs(r, 64), rb64(r, 32))), kv=False)
F("xml-password-attribute", "context", [], lambda r: password(r), kv=False)
F("cli-password-flag", "context", [], lambda r: password(r), kv=False)
F("sql-create-user-password", "context", [], lambda r: password(r), kv=False)
F("terraform-state-secret", "context", [], lambda r: password(r), kv=False)
F("snmp-community-string", "context", [], lambda r: rs(r, AN, 16), kv=False)


def gen(r, fmt):
    return FORMATS[fmt]["gen"](r)


KV_FORMATS = sorted(n for n, f in FORMATS.items() if f["kv"])

# ------------------------------------------------------------------ formats with a fixed home (added for specific kinds)

WP_CHARS = AN + "!@#%^&*()-_[]{}<>~+=,.;:/?|"
F("bundler-source-credentials", "config-file", [], lambda r: password(r), kv=False)
F("wordpress-auth-salt", "context", [], lambda r: rs(r, WP_CHARS, 64), kv=False)
F("aspnet-machine-key", "context", [], lambda r: rs(r, HEXU, 128), kv=False)
F("cisco-type7-password", "context", [], lambda r: "%02d" % r.randint(0, 15) + rs(r, HEXU, r.choice((14, 18, 22))), kv=False)
def _gcred(r):
    k = r.randrange(4)
    u = username(r).replace(".", "-")
    if k == 0:
        return "https://%s:%s@github.com" % (u, ghtok(r, "ghp_"))
    if k == 1:
        return "https://oauth2:%s@gitlab.com" % ("glpat-" + rs(r, B64U, 20))
    if k == 2:
        return "https://%s:%s@bitbucket.org" % (u, "ATBB" + rs(r, AN, 28) + rs(r, HEXU, 8))
    return "https://%s:%s@git.%s" % (u, rs(r, HEX, 40), domain(r))


F("git-credential-store-url", "conn", [], _gcred, kv=False)
F("oauth-access-token-response", "http-auth", [], lambda r: pick(r, (rs(r, AN, 40), "ya29." + rs(r, B64U, 160), rb64u(r, 48), "gho_" + rs(r, AN, 36))), kv=False)
F("oauth-refresh-token-response", "http-auth", [], lambda r: pick(r, (rs(r, AN, 64), "1//0" + rs(r, B64U, 98), rb64u(r, 48))), kv=False)
F("azure-cli-refresh-token", "azure", [], lambda r: "0.A" + rs(r, AN, 2) + "A" + rs(r, B64U, r.randint(700, 900)), kv=False)
KV_FORMATS = sorted(n for n, f in FORMATS.items() if f["kv"])
