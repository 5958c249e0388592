"""Dedicated file kinds for formats that only live in particular files."""
import json

from .configlangs import M, S, emit_json, emit_yaml
from .formats import FORMATS, USERS, DBS, gen_password, pem
from .kinds_base import REPOS
from .negatives import ssh_pub, cert_pem, u4, N as NEGV
from .util import Doc, Val, b64, rbytes, rs, esc_json, HEX, DIGITS, LOALNUM, wrap

PEM_FMTS = ["private_key_rsa", "private_key_pkcs8", "private_key_ec", "private_key_openssh", "private_key_dsa", "private_key_encrypted", "pgp_private_key"]


def negv(K, raw, cls, sub, disputed=False):
    K.P.neg_left[cls] -= 1
    return NEGV(raw, cls, sub, disputed=disputed)


def kind_pem_file(K):
    r = K.r
    cands = [f for f in PEM_FMTS if K.P.pos_left[f] > 0] or PEM_FMTS
    fid = max(cands, key=lambda f: (K.P.pos_left[f], r.random()))
    val = K.P.special(fid)
    d = Doc()
    if r.random() < .2 and fid != "pgp_private_key":
        d.t("Bag Attributes\n    friendlyName: %s\nKey Attributes: <No Attributes>\n" % r.choice(["api.acme.io", "signing", "client"]))
    d.v(val).t("\n")
    if r.random() < .35 and fid in ("private_key_rsa", "private_key_pkcs8", "private_key_ec"):
        d.v(negv(K, cert_pem(r), "public_key", "pem_public_key")).t("\n")
    name = {"private_key_openssh": ["id_ed25519", "id_rsa", "deploy_key", ".ssh/id_ed25519"], "pgp_private_key": ["signing-key.asc", "release-private.asc", "gpg/private.key"]}.get(
        fid, ["server.key", "certs/tls.key", "keys/jwt-private.pem", "ssl/private.pem", "config/credentials/app.key", "secrets/client-key.pem"])
    return "%s/%s" % (K.repo(), r.choice(name)), d


def kind_public_key_file(K):
    """Only negatives: public keys, certificates, known_hosts."""
    r = K.r
    d = Doc()
    c = r.random()
    if c < .35:
        for _ in range(r.randint(1, 4)):
            d.v(negv(K, ssh_pub(r), "public_key", "ssh_public_key")).t("\n")
        return "%s/%s" % (K.repo(), r.choice([".ssh/authorized_keys", "deploy/authorized_keys", "keys/id_rsa.pub", "ansible/files/ops.pub"])), d
    if c < .7:
        for _ in range(r.randint(1, 2)):
            d.v(negv(K, cert_pem(r), "public_key", "pem_public_key")).t("\n")
        return "%s/%s" % (K.repo(), r.choice(["certs/ca.crt", "certs/server.crt", "tls/chain.pem", "config/ca-bundle.pem"])), d
    # JWKS
    keys = S()
    for _ in range(r.randint(1, 2)):
        from .util import b64url_nopad
        keys.append(M([("kty", "RSA"), ("use", "sig"), ("alg", "RS256"), ("kid", negv(K, rs(r, LOALNUM + "-", 16), "id", "jwks_kid")),
                       ("n", negv(K, b64url_nopad(b"\xc1" + rbytes(r, 255)), "public_key", "jwks_modulus")), ("e", "AQAB")]))
    emit_json(d, r, M([("keys", keys)]))
    d.t("\n")
    return "%s/%s" % (K.repo(), r.choice(["public/.well-known/jwks.json", "config/jwks.json", "keys/jwks.json"])), d


def kind_gcp_sa(K):
    r = K.r
    proj = r.choice(["acme-prod", "initech-data", "globex-ml", "acme-analytics"]) + "-" + rs(r, DIGITS, 6)
    sa = r.choice(["terraform", "ci-deployer", "bq-loader", "gke-node", "firebase-adminsdk-" + rs(r, LOALNUM, 5)])
    d = Doc()
    key = K.P.special("gcp_service_account_key")
    pkid = negv(K, rs(r, HEX, 40), "id", "gcp_private_key_id")
    cid = rs(r, DIGITS, 21)
    d.t('{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "' % proj).v(pkid).t('",\n  "private_key": "').v(key, esc_json).t('",\n')
    d.t('  "client_email": "%s@%s.iam.gserviceaccount.com",\n  "client_id": "%s",\n' % (sa, proj, cid))
    d.t('  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n  "token_uri": "https://oauth2.googleapis.com/token",\n')
    d.t('  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s%%40%s.iam.gserviceaccount.com",\n  "universe_domain": "googleapis.com"\n}\n' % (sa, proj))
    return "%s/%s" % (K.repo(), r.choice(["credentials.json", "service-account.json", "secrets/gcp-sa.json", "terraform/gcp-key.json", "config/%s.json" % proj])), d


def kind_kubeconfig(K):
    r = K.r
    d = Doc()
    cluster = r.choice(["prod-eks", "staging-gke", "aks-westeurope", "k3s-lab"])
    ca = negv(K, b64(("-----BEGIN CERTIFICATE-----\n" + wrap(b64(rbytes(r, 700)), 64) + "\n-----END CERTIFICATE-----\n").encode()), "public_key", "other_public_key")
    d.t("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: ").v(ca).t("\n    server: https://%s.k8s.acme.io:6443\n  name: %s\n" % (cluster, cluster))
    d.t("contexts:\n- context:\n    cluster: %s\n    user: %s-admin\n  name: %s\ncurrent-context: %s\nusers:\n- name: %s-admin\n  user:\n" % (cluster, cluster, cluster, cluster, cluster))
    c = r.random()
    if c < .75:
        cert = negv(K, b64(("-----BEGIN CERTIFICATE-----\n" + wrap(b64(rbytes(r, 500)), 64) + "\n-----END CERTIFICATE-----\n").encode()), "public_key", "other_public_key")
        d.t("    client-certificate-data: ").v(cert).t("\n    client-key-data: ").v(K.P.special("kubeconfig_client_key_data")).t("\n")
    else:
        e = K.P.pos_entry("jwt")
        d.t("    token: ").v(e.val).t("\n")
    return "%s/%s" % (K.repo(), r.choice([".kube/config", "deploy/kubeconfig", "ci/kubeconfig.yaml", "clusters/%s.kubeconfig" % cluster])), d


def kind_docker_config(K):
    r = K.r
    d = Doc()
    auths = M()
    regs = r.sample(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "%s.dkr.ecr.us-east-1.amazonaws.com" % rs(r, DIGITS, 12), "registry.acme.io"], r.randint(1, 3))
    for reg in regs:
        if r.random() < .8:
            auths.append((reg, M([("auth", K.P.special("docker_config_auth"))])))
        else:
            auths.append((reg, M([])))
    tree = M([("auths", auths)])
    if r.random() < .4:
        tree.append(("credsStore", "desktop"))
    emit_json(d, r, tree, step=2)
    d.t("\n")
    return "%s/%s" % (K.repo(), r.choice([".docker/config.json", "ci/docker-config.json", "deploy/dockerconfig.json"])), d


def kind_netrc(K):
    r = K.r
    d = Doc()
    for _ in range(r.randint(1, 3)):
        m = r.choice(["api.heroku.com", "git.heroku.com", "github.com", "nexus.internal", "artifactory.acme.io", "files.partner.net", "bitbucket.org"])
        d.t("machine %s%slogin %s%spassword " % (m, r.choice([" ", "\n  "]), r.choice(USERS + ["ops@acme.io", "deploy-bot"]), r.choice([" ", "\n  "])))
        d.v(K.P.special("netrc_password")).t("\n")
    if r.random() < .3:
        d.t("machine localhost login test password ").v(negv(K, "test", "placeholder", "placeholder_word")).t("\n")
    return "%s/%s" % (K.repo(), r.choice([".netrc", "ci/netrc", "docker/.netrc", "_netrc"])), d


def kind_pgpass(K):
    r = K.r
    d = Doc()
    d.t("# hostname:port:database:username:password\n")
    for _ in range(r.randint(1, 3)):
        d.t("%s:%d:%s:%s:" % (r.choice(["db.internal", "localhost", "*", "orders-prod.cluster-c9x.us-east-1.rds.amazonaws.com", "10.0.3.21"]), r.choice([5432, 6432]), r.choice(DBS + ["*"]), r.choice(USERS)))
        d.v(K.P.special("pgpass_password")).t("\n")
    return "%s/%s" % (K.repo(), r.choice([".pgpass", "ops/pgpass", "docker/postgres/.pgpass"])), d


def kind_htpasswd(K):
    r = K.r
    d = Doc()
    for u in r.sample(USERS + ["alice", "bob", "grafana", "prometheus"], r.randint(2, 4)):
        d.t(u + ":").v(K.P.special("htpasswd_hash")).t("\n")
    return "%s/%s" % (K.repo(), r.choice([".htpasswd", "nginx/.htpasswd", "deploy/htpasswd", "auth/.htpasswd"])), d


def kind_npmrc(K):
    r = K.r
    d = Doc()
    d.t("registry=https://registry.npmjs.org/\n")
    if r.random() < .5:
        d.t("@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=")
        if r.random() < .7:
            d.v(K.P.pos_entry(r.choice(["github_pat_classic", "github_fine_grained_pat"])).val)
        else:
            d.v(negv(K, "${GITHUB_TOKEN}", "reference", "env_interpolation"))
        d.t("\n")
    d.t("//registry.npmjs.org/:_authToken=")
    if r.random() < .75:
        d.v(K.P.pos_entry("npm_token").val)
    else:
        d.v(negv(K, r.choice(["${NPM_TOKEN}", "${NODE_AUTH_TOKEN}"]), "reference", "env_interpolation"))
    d.t("\nalways-auth=true\nsave-exact=true\n")
    return "%s/%s" % (K.repo(), r.choice([".npmrc", "web/.npmrc", "packages/ui/.npmrc"])), d


def kind_wireguard(K):
    r = K.r
    d = Doc()
    d.t("[Interface]\nAddress = 10.%d.0.%d/24\nListenPort = 51820\nPrivateKey = " % (r.randint(0, 254), r.randint(1, 254)))
    d.v(K.P.special("wireguard_private_key")).t("\nDNS = 1.1.1.1\n")
    for _ in range(r.randint(1, 3)):
        d.t("\n[Peer]\n# %s\nPublicKey = " % r.choice(["laptop-alice", "office-gw", "ci-runner", "bastion"]))
        d.v(negv(K, b64(rbytes(r, 32)), "public_key", "other_public_key"))
        d.t("\nAllowedIPs = 10.%d.0.%d/32\nEndpoint = vpn.acme.io:51820\nPersistentKeepalive = 25\n" % (r.randint(0, 254), r.randint(1, 254)))
    return "%s/%s" % (K.repo(), r.choice(["wireguard/wg0.conf", "vpn/wg0.conf", "ops/wireguard/office.conf"])), d


def kind_git_credentials(K):
    r = K.r
    d = Doc()
    for _ in range(r.randint(1, 3)):
        c = r.random()
        if c < .5:
            e = K.P.pos_entry(r.choice(["github_pat_classic", "github_app_token", "github_fine_grained_pat"]))
            d.t("https://%s:" % r.choice(["x-access-token", "oauth2", "acme-bot"])).v(e.val).t("@github.com\n")
        elif c < .8:
            e = K.P.pos_entry("gitlab_pat")
            d.t("https://oauth2:").v(e.val).t("@gitlab.com\n")
        else:
            e = K.P.pos_entry("url_with_credentials")
            d.v(e.val).t("\n")
    return "%s/%s" % (K.repo(), r.choice([".git-credentials", "ci/git-credentials", "docker/.git-credentials"])), d


SPECIAL_KINDS = {
    # fid: (kind fn, expected yield per file)
    "gcp_service_account_key": (kind_gcp_sa, 1.0),
    "kubeconfig_client_key_data": (kind_kubeconfig, 0.75),
    "docker_config_auth": (kind_docker_config, 1.6),
    "netrc_password": (kind_netrc, 2.0),
    "pgpass_password": (kind_pgpass, 2.0),
    "htpasswd_hash": (kind_htpasswd, 3.0),
    "wireguard_private_key": (kind_wireguard, 1.0),
}
