"""Secret formats.  gen(r) returns either a str (the whole thing is the secret) or a list of parts in
which exactly one element is X(secret); the other parts are context that travels with it (a URI
scheme, a host, a header name)."""
import base64
import json
import zlib
from urllib.parse import quote

from core import T, Span, UP, LO, DG, HEX, HEXU, ALNUM, B62, B64, B64U, B32
import pem as P


class X(str):
    pass


class Fmt:
    def __init__(self, name, family, gen, names, kind="value", w=1.0, what=None):
        self.name, self.family, self.gen, self.names, self.kind, self.w = name, family, gen, names, kind, w
        self.what = what or names[0].lower().replace("_", " ")

    def make(self, r):
        v = self.gen(r)
        if isinstance(v, str):
            v = [X(v)]
        out = T()
        n = 0
        for p in v:
            if isinstance(p, X):
                out += Span("S", str(p), {"format": self.name, "family": self.family})
                n += 1
            else:
                out += p
        assert n == 1, self.name
        return out


FORMATS = []


def F(name, family, gen, names, kind="value", w=1.0, what=None):
    if isinstance(names, str):
        names = [names]
    FORMATS.append(Fmt(name, family, gen, names, kind, w, what))


def tok(prefix, alpha, n, suffix=""):
    return lambda r: prefix + r.s(alpha, n) + suffix


def b62(n, width):
    s = ""
    while n:
        n, d = divmod(n, 62)
        s = B62[d] + s
    return s.rjust(width, "0")


def gh(prefix):
    def g(r):
        body = r.s(ALNUM, 30)
        return prefix + body + b62(zlib.crc32(body.encode()), 6)
    return g


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(r, alg="HS256", claims=None, kid=False):
    h = {"alg": alg, "typ": "JWT"}
    if kid:
        h["kid"] = r.s(ALNUM, 20)
    if claims is None:
        claims = {"sub": str(r.randint(1000, 99999999)), "iat": r.randint(1600000000, 1750000000)}
        if r.maybe(0.6):
            claims["exp"] = claims["iat"] + r.choice([3600, 86400, 604800, 31536000])
        if r.maybe(0.5):
            claims["role"] = r.choice(["admin", "service", "user", "ci"])
    siglen = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64, "EdDSA": 64, "PS256": 256}[alg]
    return b64u(json.dumps(h, separators=(",", ":")).encode()) + "." + b64u(json.dumps(claims, separators=(",", ":")).encode()) + "." + b64u(r.rbytes(siglen))


WORDS = ("river stone maple cobalt falcon lantern orbit pepper quartz saffron tundra velvet willow zephyr amber "
         "basil cedar dune ember fjord glacier harbor indigo juniper kestrel lotus meadow nebula oasis prairie "
         "raven sierra thistle umber vortex walnut yonder zinnia anchor beacon canyon delta everest forge granite "
         "hollow island jasper koala lagoon mango nordic opal pixel quill rocket summit tiger ultra viking wombat "
         "xenon yak zebra kiwi mocha nacho panda pluto rhino salsa tango bravo charlie foxtrot hotel juliet").split()
SYMS = "!@#$%^&*-_=+?."


def pw(r, urlsafe=False, minlen=8):
    st = r.random()
    if st < 0.3:
        alpha = ALNUM + ("-_." if urlsafe else SYMS)
        v = r.s(alpha, r.randint(12, 28))
    elif st < 0.55:
        v = r.choice(WORDS).capitalize() + str(r.randint(10, 9999)) + r.choice("!#$%*?" if not urlsafe else "._-")
    elif st < 0.72:
        v = r.choice("-._").join(r.choice(WORDS) for _ in range(r.randint(3, 4)))
        if r.maybe(0.5):
            v += str(r.randint(1, 99))
    elif st < 0.9:
        v = r.s(ALNUM, r.randint(10, 20))
    else:
        v = r.choice(WORDS) + r.choice(["@", "#", "!"] if not urlsafe else ["_", "."]) + r.choice(WORDS).upper() + str(r.randint(0, 99))
    if len(v) < minlen:
        v += r.s(DG, minlen - len(v))
    if not urlsafe and r.random() < 0.05:
        i = r.randint(1, len(v) - 1)
        v = v[:i] + r.choice(['"', "\\", "'"]) + v[i:]
    return v


def pw_url(r):
    """password as it appears percent-encoded inside a URI userinfo."""
    v = pw(r)
    return quote(v, safe="-._~!$&'()*+,;=")


# ------------------------------------------------------------------ cloud
F("aws_access_key_id", "aws", tok("AKIA", B32, 16), ["AWS_ACCESS_KEY_ID", "aws_access_key_id", "accessKeyId"], w=3)
F("aws_temp_access_key_id", "aws", tok("ASIA", B32, 16), ["AWS_ACCESS_KEY_ID", "AccessKeyId"], w=1.5)
F("aws_abia_key_id", "aws", tok("ABIA", B32, 16), ["AWS_ACCESS_KEY_ID"], w=0.5)
F("aws_acca_key_id", "aws", tok("ACCA", B32, 16), ["AWS_ACCESS_KEY_ID"], w=0.5)
F("aws_secret_access_key", "aws", tok("", ALNUM + "/+", 40), ["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "secretAccessKey", "SecretAccessKey"], w=3)
F("aws_session_token_iqoj", "aws", lambda r: "IQoJb3JpZ2luX2Vj" + r.s(ALNUM + "/+", r.randint(300, 900)) + "=", ["AWS_SESSION_TOKEN", "aws_session_token", "SessionToken"], w=1.5)
F("aws_session_token_fwog", "aws", lambda r: "FwoGZXIvYXdzE" + r.s(ALNUM + "/+", r.randint(200, 380)), ["AWS_SESSION_TOKEN", "aws_security_token"])
F("aws_mws_auth_token", "aws", lambda r: "amzn.mws." + r.uuid(), ["MWS_AUTH_TOKEN"], w=0.5)
F("aws_bedrock_api_key", "aws", lambda r: "ABSK" + base64.b64encode(("BedrockAPIKey-%s-at-%d:%s" % (r.s(LO + DG, 4), r.randint(100000000000, 999999999999), r.s(ALNUM, 40))).encode()).decode(), ["AWS_BEARER_TOKEN_BEDROCK"])
F("gcp_api_key", "gcp", tok("AIza", ALNUM + "-_", 35), ["GOOGLE_API_KEY", "GCP_API_KEY", "apiKey", "MAPS_API_KEY"], w=2)
F("gcp_oauth_client_secret", "gcp", tok("GOCSPX-", ALNUM + "-_", 28), ["GOOGLE_CLIENT_SECRET", "client_secret"])
F("google_oauth_refresh_token", "gcp", lambda r: "1//0" + r.s(ALNUM + "-_", 99), ["GOOGLE_REFRESH_TOKEN", "refresh_token"])
F("google_oauth_access_token", "gcp", lambda r: "ya29." + r.s(ALNUM + "-_", r.randint(120, 200)), ["GOOGLE_ACCESS_TOKEN", "access_token"])
F("firebase_fcm_server_key", "gcp", lambda r: "AAAA" + r.s(ALNUM + "-_", 7) + ":APA91b" + r.s(ALNUM + "-_", 134), ["FCM_SERVER_KEY"])
F("gcs_hmac_secret", "gcp", tok("", ALNUM + "/+", 40), ["GCS_HMAC_SECRET", "secret_access_key"], w=0.7)
F("gcp_sa_private_key", "gcp", lambda r: P.pkcs8(r) + "\n", ["private_key"], w=1.5)
F("azure_storage_account_key", "azure", lambda r: r.b64bytes(64), ["AZURE_STORAGE_KEY", "AccountKey", "storage_account_key"], w=1.5)
F("azure_storage_conn_string", "azure", lambda r: ["DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=" % r.choice(["stprod", "acmedata", "logsarchive", "mlartifacts"]) + r.s(LO + DG, 4), X(r.b64bytes(64)), ";EndpointSuffix=core.windows.net"], ["AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage"], w=1.5)
F("azure_sas_signature", "azure", lambda r: ["?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-%02d-%02dT%02d:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=" % (r.randint(1, 12), r.randint(1, 28), r.randint(0, 23)), X(quote(r.b64bytes(32), safe=""))], ["AZURE_SAS_TOKEN", "sasToken"])
F("azure_ad_client_secret", "azure", lambda r: r.s(ALNUM, 3) + "8Q~" + r.s(ALNUM + "_~.-", 34), ["AZURE_CLIENT_SECRET", "ClientSecret", "client_secret"], w=1.5)
F("azure_servicebus_conn_string", "azure", lambda r: ["Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" % r.choice(["orders-bus", "acme-sb", "events-prod"]), X(r.b64bytes(32))], ["SERVICEBUS_CONNECTION_STRING", "ServiceBusConnection"])
F("azure_eventhub_conn_string", "azure", lambda r: ["Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" % r.choice(["telemetry-eh", "clicks-ns"]), X(r.b64bytes(32)), ";EntityPath=%s" % r.choice(["raw", "events", "audit"])], ["EVENTHUB_CONNECTION_STRING"])
F("azure_cosmosdb_conn_string", "azure", lambda r: ["AccountEndpoint=https://%s.documents.azure.com:443/;AccountKey=" % r.choice(["cosmos-prod", "catalog-db"]), X(r.b64bytes(64)), ";"], ["COSMOS_CONNECTION_STRING", "CosmosDb"])
F("azure_devops_pat", "azure", tok("", LO + "234567", 52), ["AZURE_DEVOPS_PAT", "AZDO_PERSONAL_ACCESS_TOKEN", "SYSTEM_ACCESSTOKEN"])
F("azure_openai_key", "azure", lambda r: r.hexs(32), ["AZURE_OPENAI_API_KEY", "api-key"])
F("azure_cognitive_key", "azure", lambda r: r.hexs(32), ["Ocp-Apim-Subscription-Key", "AZURE_SPEECH_KEY", "COGNITIVE_SERVICES_KEY"])
F("azure_function_key", "azure", lambda r: r.s(ALNUM + "_-", 54) + "==", ["AZURE_FUNCTION_KEY", "x-functions-key"])
F("azure_signalr_conn_string", "azure", lambda r: ["Endpoint=https://%s.service.signalr.net;AccessKey=" % r.choice(["chat-sr", "live-updates"]), X(r.b64bytes(32)), ";Version=1.0;"], ["Azure__SignalR__ConnectionString"])
F("azure_redis_conn_string", "azure", lambda r: ["%s.redis.cache.windows.net:6380,password=" % r.choice(["cache-prod", "sessions"]), X(r.b64bytes(32)), ",ssl=True,abortConnect=False"], ["RedisCacheConnection", "REDIS_CONNECTION"])
F("azure_batch_key", "azure", lambda r: r.b64bytes(64), ["AZURE_BATCH_ACCOUNT_KEY"], w=0.5)
F("alibaba_access_key_id", "cloud_other", lambda r: "LTAI" + r.s(ALNUM, r.choice([12, 16, 20])), ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"])
F("alibaba_access_key_secret", "cloud_other", tok("", ALNUM, 30), ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"])
F("tencent_secret_id", "cloud_other", tok("AKID", ALNUM, 32), ["TENCENTCLOUD_SECRET_ID"])
F("tencent_secret_key", "cloud_other", tok("", ALNUM, 32), ["TENCENTCLOUD_SECRET_KEY"])
F("ibm_cloud_api_key", "cloud_other", tok("", ALNUM + "_-", 44), ["IBMCLOUD_API_KEY", "IC_API_KEY"])
F("ibm_cos_hmac_secret", "cloud_other", lambda r: r.hexs(48), ["COS_HMAC_SECRET_ACCESS_KEY"])
F("oci_api_signing_key", "cloud_other", lambda r: P.oci_key(r), ["OCI_PRIVATE_KEY", "key_file_content"])
F("oci_auth_token", "cloud_other", lambda r: r.s(ALNUM + "()<>#+:;{}", 20), ["OCI_AUTH_TOKEN"])
F("digitalocean_pat", "cloud_other", lambda r: "dop_v1_" + r.hexs(64), ["DIGITALOCEAN_TOKEN", "DO_API_TOKEN"])
F("digitalocean_oauth", "cloud_other", lambda r: "doo_v1_" + r.hexs(64), ["DIGITALOCEAN_ACCESS_TOKEN"])
F("digitalocean_refresh", "cloud_other", lambda r: "dor_v1_" + r.hexs(64), ["DO_REFRESH_TOKEN"])
F("digitalocean_spaces_secret", "cloud_other", tok("", ALNUM + "/+", 43), ["SPACES_SECRET_ACCESS_KEY"])
F("linode_token", "cloud_other", lambda r: r.hexs(64), ["LINODE_TOKEN", "LINODE_CLI_TOKEN"])
F("hetzner_token", "cloud_other", tok("", ALNUM, 64), ["HCLOUD_TOKEN"])
F("scaleway_access_key", "cloud_other", tok("SCW", UP + DG, 17), ["SCW_ACCESS_KEY"])
F("scaleway_secret_key", "cloud_other", lambda r: r.uuid(), ["SCW_SECRET_KEY"])
F("vultr_api_key", "cloud_other", tok("", UP + DG, 36), ["VULTR_API_KEY"])
F("heroku_api_key", "cloud_other", lambda r: r.uuid(), ["HEROKU_API_KEY"])
F("heroku_hrku_token", "cloud_other", lambda r: "HRKU-AA" + r.s(ALNUM + "_-", 58), ["HEROKU_API_KEY"])
F("cloudflare_api_token", "cloud_other", tok("", ALNUM + "_-", 40), ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"])
F("cloudflare_global_key", "cloud_other", lambda r: r.hexs(37), ["CLOUDFLARE_API_KEY", "CF_API_KEY"])
F("cloudflare_origin_ca_key", "cloud_other", lambda r: "v1.0-" + r.hexs(24) + "-" + r.hexs(146), ["CF_ORIGIN_CA_KEY"])
F("fastly_api_token", "cloud_other", tok("", ALNUM + "_-", 32), ["FASTLY_API_TOKEN"])
F("netlify_pat", "cloud_other", tok("nfp_", ALNUM, 36), ["NETLIFY_AUTH_TOKEN"])
F("vercel_token", "cloud_other", tok("", ALNUM, 24), ["VERCEL_TOKEN"])
F("flyio_token", "cloud_other", tok("fo1_", ALNUM + "_-", 43), ["FLY_API_TOKEN"])
F("flyio_macaroon", "cloud_other", lambda r: "FlyV1 fm2_" + r.s(ALNUM + "+/", 200) + "==", ["FLY_API_TOKEN"])
F("render_api_key", "cloud_other", tok("rnd_", ALNUM, 32), ["RENDER_API_KEY"])
F("supabase_access_token", "cloud_other", lambda r: "sbp_" + r.hexs(40), ["SUPABASE_ACCESS_TOKEN"])
F("supabase_secret_key", "cloud_other", tok("sb_secret_", ALNUM + "_-", 31), ["SUPABASE_SECRET_KEY"])
F("supabase_service_role_jwt", "cloud_other", lambda r: jwt(r, "HS256", {"iss": "supabase", "ref": r.s(LO, 20), "role": "service_role", "iat": 1700000000, "exp": 2015576000}), ["SUPABASE_SERVICE_ROLE_KEY"])
F("planetscale_token", "cloud_other", tok("pscale_tkn_", ALNUM + "_-", 43), ["PLANETSCALE_SERVICE_TOKEN"])
F("planetscale_password", "cloud_other", tok("pscale_pw_", ALNUM + "_-", 43), ["DATABASE_PASSWORD"])
F("planetscale_oauth", "cloud_other", tok("pscale_oauth_", ALNUM + "_-", 43), ["PLANETSCALE_OAUTH_TOKEN"])
F("neon_api_key", "cloud_other", tok("napi_", LO + DG, 64), ["NEON_API_KEY"])
F("databricks_token", "cloud_other", lambda r: "dapi" + r.hexs(32) + r.choice(["", "-2", "-3"]), ["DATABRICKS_TOKEN"])
F("confluent_api_secret", "cloud_other", tok("", ALNUM + "+/", 64), ["CONFLUENT_CLOUD_API_SECRET", "sasl.password"])
F("tailscale_auth_key", "cloud_other", lambda r: "tskey-auth-" + r.s(ALNUM, 12) + "CNTRL-" + r.s(ALNUM, 33), ["TS_AUTHKEY"])
F("tailscale_api_key", "cloud_other", lambda r: "tskey-api-" + r.s(ALNUM, 12) + "CNTRL-" + r.s(ALNUM, 33), ["TAILSCALE_API_KEY"])
F("ngrok_authtoken", "cloud_other", lambda r: r.s(ALNUM, 27) + "_" + r.s(ALNUM, 21), ["NGROK_AUTHTOKEN"])
F("mongodb_atlas_private_key", "cloud_other", lambda r: r.uuid(), ["MONGODB_ATLAS_PRIVATE_KEY"])
F("snowflake_password", "cloud_other", lambda r: pw(r), ["SNOWFLAKE_PASSWORD"])

# ------------------------------------------------------------------ vcs / ci
F("github_pat_classic", "vcs", gh("ghp_"), ["GITHUB_TOKEN", "GH_TOKEN", "github_token"], w=3)
F("github_oauth_token", "vcs", gh("gho_"), ["GITHUB_OAUTH_TOKEN"])
F("github_user_to_server", "vcs", gh("ghu_"), ["GITHUB_USER_TOKEN"])
F("github_server_to_server", "vcs", gh("ghs_"), ["GITHUB_INSTALLATION_TOKEN", "GITHUB_TOKEN"])
F("github_refresh_token", "vcs", gh("ghr_"), ["GITHUB_REFRESH_TOKEN"])
F("github_fine_grained_pat", "vcs", lambda r: "github_pat_11" + r.s(UP + DG, 20) + "_" + r.s(ALNUM, 59), ["GITHUB_PAT", "GH_TOKEN"], w=2)
F("github_oauth_client_secret", "vcs", lambda r: r.hexs(40), ["GITHUB_CLIENT_SECRET"])
F("github_app_private_key", "vcs", lambda r: P.rsa_pkcs1(r), ["GITHUB_APP_PRIVATE_KEY"])
for _p in ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glimt-", "gloas-", "glsoat-", "glffct-", "glagent-", "glft-", "glso-"]:
    F("gitlab_" + _p.rstrip("-"), "vcs", tok(_p, ALNUM + "_-", 20 if _p not in ("glptt-", "glagent-", "gloas-") else 40 if _p == "glptt-" else 50 if _p == "glagent-" else 64),
      ["GITLAB_TOKEN", "CI_JOB_TOKEN", "GL_TOKEN"] if _p == "glpat-" else ["GITLAB_" + _p.rstrip("-").upper() + "_TOKEN"], w=2 if _p == "glpat-" else 0.7)
F("gitlab_runner_registration", "vcs", tok("GR1348941", ALNUM + "_-", 20), ["REGISTRATION_TOKEN"])
F("gitlab_pat_routable", "vcs", lambda r: "glpat-" + r.s(ALNUM + "_-", 27) + ".01." + r.s(LO + DG, 9), ["GITLAB_TOKEN"])
F("bitbucket_app_password", "vcs", tok("ATBB", ALNUM, 32), ["BITBUCKET_APP_PASSWORD"])
F("bitbucket_access_token", "vcs", lambda r: "ATCTT3xFfGN0" + r.s(ALNUM + "_-", 180) + "=" + r.s(HEXU, 8), ["BITBUCKET_ACCESS_TOKEN"])
F("atlassian_api_token", "vcs", lambda r: "ATATT3xFfGF0" + r.s(ALNUM + "_-", 180) + "=" + r.s(HEXU, 8), ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_TOKEN"], w=1.5)
F("gitea_token", "vcs", lambda r: r.hexs(40), ["GITEA_TOKEN"])
F("circleci_pat", "ci", lambda r: "CCIPAT_" + r.s(ALNUM, 22) + "_" + r.hexs(40), ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"])
F("circleci_project_token", "ci", lambda r: "CCIPRJ_" + r.s(ALNUM, 22) + "_" + r.hexs(40), ["CIRCLECI_PROJECT_TOKEN"])
F("circleci_legacy_token", "ci", lambda r: r.hexs(40), ["CIRCLE_TOKEN"])
F("buildkite_token", "ci", lambda r: "bkua_" + r.hexs(40), ["BUILDKITE_API_TOKEN"])
F("buildkite_agent_token", "ci", lambda r: r.s(LO + DG, 50), ["BUILDKITE_AGENT_TOKEN"])
F("travis_token", "ci", tok("", ALNUM, 22), ["TRAVIS_TOKEN"])
F("jenkins_api_token", "ci", lambda r: "11" + r.hexs(32), ["JENKINS_API_TOKEN"])
F("drone_token", "ci", tok("", ALNUM, 32), ["DRONE_TOKEN"])
F("codecov_token", "ci", lambda r: r.uuid(), ["CODECOV_TOKEN"])
F("sonarqube_user_token", "ci", lambda r: "squ_" + r.hexs(40), ["SONAR_TOKEN"])
F("sonarqube_project_token", "ci", lambda r: "sqp_" + r.hexs(40), ["SONAR_TOKEN"])
F("sonarqube_global_token", "ci", lambda r: "sqa_" + r.hexs(40), ["SONAR_TOKEN"])
F("snyk_token", "ci", lambda r: r.uuid(), ["SNYK_TOKEN"])
F("harness_pat", "ci", lambda r: "pat." + r.s(ALNUM + "_-", 22) + "." + r.hexs(24) + "." + r.s(ALNUM, 20), ["HARNESS_API_KEY"])
F("terraform_cloud_token", "infra", lambda r: r.s(ALNUM, 14) + ".atlasv1." + r.s(ALNUM, 67), ["TFE_TOKEN", "TF_TOKEN_app_terraform_io"], w=1.5)
F("pulumi_access_token", "infra", lambda r: "pul-" + r.hexs(40), ["PULUMI_ACCESS_TOKEN"])
for _p in ["pt", "st", "sa", "ct", "scim", "audit"]:
    F("doppler_" + _p, "infra", tok("dp.%s." % _p, ALNUM, 43), ["DOPPLER_TOKEN"], w=0.6)
F("vault_service_token", "infra", lambda r: "hvs." + r.s(ALNUM + "_-", r.choice([24, 90])), ["VAULT_TOKEN"], w=1.5)
F("vault_batch_token", "infra", lambda r: "hvb." + r.s(ALNUM + "_-", 138), ["VAULT_TOKEN"])
F("vault_legacy_token", "infra", tok("s.", ALNUM, 24), ["VAULT_TOKEN"])
F("vault_unseal_key", "infra", lambda r: r.b64bytes(32), ["VAULT_UNSEAL_KEY"])
F("onepassword_service_account", "infra", lambda r: "ops_eyJ" + r.s(ALNUM, 600) + "==", ["OP_SERVICE_ACCOUNT_TOKEN"])
F("onepassword_secret_key", "infra", lambda r: "A3-" + "-".join([r.s(UP + DG, 6), r.s(UP + DG, 6), r.s(UP + DG, 5), r.s(UP + DG, 5), r.s(UP + DG, 5), r.s(UP + DG, 5)]), ["OP_SECRET_KEY"])
F("onepassword_connect_token", "infra", lambda r: jwt(r, "ES256", {"aud": ["com.1password.connect"], "sub": r.s(UP + DG, 26), "iss": "com.1password.b5", "iat": 1700000000}, kid=True), ["OP_CONNECT_TOKEN"])
F("consul_acl_token", "infra", lambda r: r.uuid(), ["CONSUL_HTTP_TOKEN"])
F("nomad_token", "infra", lambda r: r.uuid(), ["NOMAD_TOKEN"])
F("age_secret_key", "infra", lambda r: "AGE-SECRET-KEY-1" + r.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), ["SOPS_AGE_KEY"])
F("wireguard_private_key", "infra", lambda r: r.b64bytes(32), ["PrivateKey", "WG_PRIVATE_KEY"])
F("k8s_sa_token", "infra", lambda r: jwt(r, "RS256", {"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "default", "kubernetes.io/serviceaccount/secret.name": "deployer-token-" + r.s(LO + DG, 5), "sub": "system:serviceaccount:default:deployer"}, kid=True), ["token"])
F("kubeconfig_client_key_data", "infra", lambda r: base64.b64encode(P.rsa_pkcs1(r).encode()).decode(), ["client-key-data"])
F("sourcegraph_token", "vcs", lambda r: "sgp_" + r.hexs(16) + "_" + r.hexs(40), ["SRC_ACCESS_TOKEN"])

# ------------------------------------------------------------------ llm
F("anthropic_api_key", "llm", lambda r: "sk-ant-api03-" + r.s(ALNUM + "_-", 93) + "AA", ["ANTHROPIC_API_KEY", "x-api-key", "anthropic_api_key"], w=3)
F("anthropic_admin_key", "llm", lambda r: "sk-ant-admin01-" + r.s(ALNUM + "_-", 93) + "AA", ["ANTHROPIC_ADMIN_KEY"])
F("anthropic_oauth_token", "llm", lambda r: "sk-ant-oat01-" + r.s(ALNUM + "_-", 93) + "AA", ["CLAUDE_CODE_OAUTH_TOKEN"])
F("anthropic_refresh_token", "llm", lambda r: "sk-ant-ort01-" + r.s(ALNUM + "_-", 93) + "AA", ["refreshToken"])
F("openai_legacy_key", "llm", lambda r: "sk-" + r.s(ALNUM, 20) + "T3BlbkFJ" + r.s(ALNUM, 20), ["OPENAI_API_KEY", "openai.api_key"], w=2)
F("openai_project_key", "llm", lambda r: "sk-proj-" + r.s(ALNUM + "_-", 74) + "T3BlbkFJ" + r.s(ALNUM + "_-", 74), ["OPENAI_API_KEY"], w=3)
F("openai_svcacct_key", "llm", lambda r: "sk-svcacct-" + r.s(ALNUM + "_-", 74) + "T3BlbkFJ" + r.s(ALNUM + "_-", 74), ["OPENAI_API_KEY"])
F("openai_admin_key", "llm", lambda r: "sk-admin-" + r.s(ALNUM + "_-", 74) + "T3BlbkFJ" + r.s(ALNUM + "_-", 74), ["OPENAI_ADMIN_KEY"])
F("google_ai_studio_key", "llm", tok("AIza", ALNUM + "-_", 35), ["GEMINI_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY", "x-goog-api-key"], w=1.5)
F("mistral_api_key", "llm", tok("", ALNUM, 32), ["MISTRAL_API_KEY"])
F("cohere_api_key", "llm", tok("", ALNUM, 40), ["COHERE_API_KEY", "CO_API_KEY"])
F("groq_api_key", "llm", tok("gsk_", ALNUM, 52), ["GROQ_API_KEY"])
F("huggingface_token", "llm", tok("hf_", UP + LO, 34), ["HF_TOKEN", "HUGGINGFACEHUB_API_TOKEN"], w=2)
F("huggingface_org_token", "llm", tok("api_org_", UP + LO, 34), ["HF_ORG_TOKEN"])
F("replicate_token", "llm", tok("r8_", ALNUM, 37), ["REPLICATE_API_TOKEN"])
F("perplexity_key", "llm", tok("pplx-", ALNUM, 48), ["PERPLEXITY_API_KEY"])
F("xai_api_key", "llm", tok("xai-", ALNUM, 80), ["XAI_API_KEY"])
F("deepseek_api_key", "llm", lambda r: "sk-" + r.hexs(32), ["DEEPSEEK_API_KEY"])
F("openrouter_key", "llm", lambda r: "sk-or-v1-" + r.hexs(64), ["OPENROUTER_API_KEY"])
F("together_key", "llm", tok("tgp_v1_", ALNUM + "_-", 43), ["TOGETHER_API_KEY"])
F("together_legacy_key", "llm", lambda r: r.hexs(64), ["TOGETHER_API_KEY"])
F("fireworks_key", "llm", tok("fw_", ALNUM, 24), ["FIREWORKS_API_KEY"])
F("anyscale_key", "llm", tok("esecret_", LO + DG, 26), ["ANYSCALE_API_KEY"])
F("langsmith_pat", "llm", lambda r: "lsv2_pt_" + r.hexs(32) + "_" + r.hexs(10), ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"])
F("langsmith_service_key", "llm", lambda r: "lsv2_sk_" + r.hexs(32) + "_" + r.hexs(10), ["LANGSMITH_API_KEY"])
F("langfuse_secret_key", "llm", lambda r: "sk-lf-" + r.uuid(), ["LANGFUSE_SECRET_KEY"])
F("pinecone_key", "llm", lambda r: "pcsk_" + r.s(ALNUM, 5) + "_" + r.s(ALNUM, 64), ["PINECONE_API_KEY"])
F("pinecone_legacy_key", "llm", lambda r: r.uuid(), ["PINECONE_API_KEY"])
F("wandb_api_key", "llm", lambda r: r.hexs(40), ["WANDB_API_KEY"])
F("elevenlabs_key", "llm", lambda r: "sk_" + r.hexs(48), ["ELEVENLABS_API_KEY", "xi-api-key"])
F("assemblyai_key", "llm", lambda r: r.hexs(32), ["ASSEMBLYAI_API_KEY"])
F("deepgram_key", "llm", lambda r: r.hexs(40), ["DEEPGRAM_API_KEY"])
F("voyage_key", "llm", tok("pa-", ALNUM + "_-", 43), ["VOYAGE_API_KEY"])
F("cerebras_key", "llm", tok("csk-", LO + DG, 48), ["CEREBRAS_API_KEY"])
F("nvidia_nim_key", "llm", tok("nvapi-", ALNUM + "_-", 64), ["NVIDIA_API_KEY", "NGC_API_KEY"])
F("tavily_key", "llm", tok("tvly-", ALNUM, 32), ["TAVILY_API_KEY"])
F("exa_key", "llm", lambda r: r.uuid(), ["EXA_API_KEY"])
F("serpapi_key", "llm", lambda r: r.hexs(64), ["SERPAPI_API_KEY"])
F("modal_token_secret", "llm", tok("as-", ALNUM, 22), ["MODAL_TOKEN_SECRET"])
F("stability_key", "llm", tok("sk-", ALNUM, 48), ["STABILITY_API_KEY"])
F("ai21_key", "llm", tok("", ALNUM, 32), ["AI21_API_KEY"])
F("jina_key", "llm", lambda r: "jina_" + r.hexs(32) + r.s(ALNUM, 28), ["JINA_API_KEY"])
F("cursor_api_key", "llm", lambda r: "key_" + r.hexs(64), ["CURSOR_API_KEY"])

# ------------------------------------------------------------------ payments / commerce
F("stripe_secret_live", "payments", lambda r: "sk_live_51" + r.s(ALNUM, 97), ["STRIPE_SECRET_KEY", "stripe.api_key"], w=2)
F("stripe_secret_test", "payments", lambda r: "sk_test_51" + r.s(ALNUM, 97), ["STRIPE_SECRET_KEY"], w=1.5)
F("stripe_secret_legacy", "payments", tok("sk_live_", ALNUM, 24), ["STRIPE_API_KEY"])
F("stripe_restricted_live", "payments", lambda r: "rk_live_51" + r.s(ALNUM, 97), ["STRIPE_RESTRICTED_KEY"])
F("stripe_restricted_test", "payments", lambda r: "rk_test_51" + r.s(ALNUM, 97), ["STRIPE_RESTRICTED_KEY"])
F("stripe_webhook_secret", "payments", tok("whsec_", ALNUM, 32), ["STRIPE_WEBHOOK_SECRET", "endpointSecret"], w=1.5)
F("square_access_token", "payments", tok("sq0atp-", ALNUM + "_-", 22), ["SQUARE_ACCESS_TOKEN"])
F("square_oauth_secret", "payments", tok("sq0csp-", ALNUM + "_-", 43), ["SQUARE_APPLICATION_SECRET"])
F("square_eaaa_token", "payments", tok("EAAA", ALNUM + "_-", 60), ["SQUARE_ACCESS_TOKEN"])
F("braintree_access_token", "payments", lambda r: "access_token$production$" + r.s(LO + DG, 16) + "$" + r.hexs(32), ["BRAINTREE_ACCESS_TOKEN"])
F("braintree_private_key", "payments", lambda r: r.hexs(32), ["BRAINTREE_PRIVATE_KEY"])
F("paypal_client_secret", "payments", tok("E", ALNUM + "_-", 79), ["PAYPAL_CLIENT_SECRET"])
F("adyen_api_key", "payments", lambda r: "AQE" + r.s(ALNUM + "/+", 60) + "-" + r.s(ALNUM + "+/", 43) + "=-" + r.s(ALNUM, 16), ["ADYEN_API_KEY"])
F("checkout_secret_key", "payments", lambda r: "sk_sbox_" + r.s(LO + DG, 26) if r.maybe(0.5) else "sk_" + r.uuid(), ["CKO_SECRET_KEY"])
F("razorpay_key_secret", "payments", tok("", ALNUM, 24), ["RAZORPAY_KEY_SECRET"])
F("mollie_live_key", "payments", tok("live_", ALNUM, 30), ["MOLLIE_API_KEY"])
F("paddle_api_key", "payments", lambda r: "pdl_live_apikey_01" + r.s(LO + DG, 24) + "_" + r.s(ALNUM, 22) + "_" + r.s(ALNUM, 3), ["PADDLE_API_KEY"])
F("plaid_secret", "payments", lambda r: r.hexs(30), ["PLAID_SECRET"])
F("plaid_access_token", "payments", lambda r: "access-production-" + r.uuid(), ["PLAID_ACCESS_TOKEN"])
F("gocardless_token", "payments", tok("live_", ALNUM + "_-", 40), ["GOCARDLESS_ACCESS_TOKEN"])
F("flutterwave_secret", "payments", lambda r: "FLWSECK-" + r.hexs(32) + "-X", ["FLW_SECRET_KEY"])
F("paystack_secret", "payments", lambda r: "sk_live_" + r.hexs(40), ["PAYSTACK_SECRET_KEY"])
F("coinbase_api_secret", "payments", tok("", ALNUM, 32), ["COINBASE_API_SECRET"])
F("shopify_access_token", "commerce", lambda r: "shpat_" + r.hexs(32), ["SHOPIFY_ACCESS_TOKEN", "X-Shopify-Access-Token"], w=1.5)
F("shopify_custom_app_token", "commerce", lambda r: "shpca_" + r.hexs(32), ["SHOPIFY_API_TOKEN"])
F("shopify_private_app_token", "commerce", lambda r: "shppa_" + r.hexs(32), ["SHOPIFY_PASSWORD"])
F("shopify_shared_secret", "commerce", lambda r: "shpss_" + r.hexs(32), ["SHOPIFY_API_SECRET"])
F("easypost_key", "commerce", lambda r: "EZAK" + r.hexs(54), ["EASYPOST_API_KEY"])
F("shippo_token", "commerce", lambda r: "shippo_live_" + r.hexs(40), ["SHIPPO_API_TOKEN"])

# ------------------------------------------------------------------ messaging
F("slack_bot_token", "messaging", lambda r: "xoxb-%d-%d-%s" % (r.randint(10 ** 10, 10 ** 13), r.randint(10 ** 10, 10 ** 13), r.s(ALNUM, 24)), ["SLACK_BOT_TOKEN"], w=2)
F("slack_user_token", "messaging", lambda r: "xoxp-%d-%d-%d-%s" % (r.randint(10 ** 10, 10 ** 13), r.randint(10 ** 10, 10 ** 13), r.randint(10 ** 10, 10 ** 13), r.hexs(32)), ["SLACK_USER_TOKEN"])
F("slack_app_token", "messaging", lambda r: "xapp-1-A%s-%d-%s" % (r.s(UP + DG, 10), r.randint(10 ** 12, 10 ** 13), r.hexs(64)), ["SLACK_APP_TOKEN"])
F("slack_legacy_xoxs", "messaging", lambda r: "xoxs-%d-%d-%d-%s" % (r.randint(10 ** 9, 10 ** 10), r.randint(10 ** 9, 10 ** 10), r.randint(10 ** 9, 10 ** 10), r.hexs(64)), ["SLACK_TOKEN"])
F("slack_xoxa", "messaging", lambda r: "xoxa-2-%d-%d-%s" % (r.randint(10 ** 10, 10 ** 12), r.randint(10 ** 10, 10 ** 12), r.hexs(32)), ["SLACK_TOKEN"])
F("slack_config_token", "messaging", lambda r: "xoxe.xoxp-1-" + r.s(ALNUM, 140), ["SLACK_CONFIG_TOKEN"])
F("slack_refresh_token", "messaging", lambda r: "xoxe-1-" + r.s(ALNUM, 140), ["SLACK_REFRESH_TOKEN"])
F("slack_client_token", "messaging", lambda r: "xoxc-%d-%d-%d-%s" % (r.randint(10 ** 10, 10 ** 12), r.randint(10 ** 10, 10 ** 12), r.randint(10 ** 10, 10 ** 12), r.hexs(64)), ["SLACK_XOXC"])
F("slack_webhook", "messaging", lambda r: "https://hooks.slack.com/services/T%s/B%s/%s" % (r.s(UP + DG, 8), r.s(UP + DG, 10), r.s(ALNUM, 24)), ["SLACK_WEBHOOK_URL", "webhook_url"], w=2)
F("slack_workflow_webhook", "messaging", lambda r: "https://hooks.slack.com/workflows/T%s/A%s/%d/%s" % (r.s(UP + DG, 8), r.s(UP + DG, 10), r.randint(10 ** 17, 10 ** 18), r.s(ALNUM, 24)), ["SLACK_WORKFLOW_URL"])
F("discord_bot_token", "messaging", lambda r: b64u(str(r.randint(10 ** 17, 10 ** 18 * 2)).encode()) + "." + r.s(ALNUM + "_-", 6) + "." + r.s(ALNUM + "_-", 38), ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"])
F("discord_webhook", "messaging", lambda r: "https://discord.com/api/webhooks/%d/%s" % (r.randint(10 ** 17, 10 ** 18), r.s(ALNUM + "_-", 68)), ["DISCORD_WEBHOOK_URL"])
F("discord_client_secret", "messaging", tok("", ALNUM + "_-", 32), ["DISCORD_CLIENT_SECRET"])
F("telegram_bot_token", "messaging", lambda r: "%d:AA%s" % (r.randint(10 ** 8, 10 ** 10), r.s(ALNUM + "_-", 33)), ["TELEGRAM_BOT_TOKEN", "TG_TOKEN"], w=1.5)
F("twilio_auth_token", "messaging", lambda r: r.hexs(32), ["TWILIO_AUTH_TOKEN"])
F("twilio_api_secret", "messaging", tok("", ALNUM, 32), ["TWILIO_API_SECRET"])
F("sendgrid_api_key", "messaging", lambda r: "SG." + r.s(ALNUM + "_-", 22) + "." + r.s(ALNUM + "_-", 43), ["SENDGRID_API_KEY"], w=1.5)
F("mailgun_api_key", "messaging", lambda r: "key-" + r.hexs(32), ["MAILGUN_API_KEY"])
F("mailgun_api_key_v2", "messaging", lambda r: r.hexs(32) + "-" + r.hexs(8) + "-" + r.hexs(8), ["MAILGUN_API_KEY"])
F("mailchimp_api_key", "messaging", lambda r: r.hexs(32) + "-us" + str(r.randint(1, 21)), ["MAILCHIMP_API_KEY"])
F("mandrill_key", "messaging", tok("", ALNUM + "_-", 22), ["MANDRILL_API_KEY"])
F("postmark_server_token", "messaging", lambda r: r.uuid(), ["POSTMARK_SERVER_TOKEN", "X-Postmark-Server-Token"])
F("brevo_api_key", "messaging", lambda r: "xkeysib-" + r.hexs(64) + "-" + r.s(ALNUM, 16), ["BREVO_API_KEY", "SENDINBLUE_API_KEY"])
F("brevo_smtp_key", "messaging", lambda r: "xsmtpsib-" + r.hexs(64) + "-" + r.s(ALNUM, 16), ["SMTP_PASSWORD"])
F("mailjet_secret", "messaging", lambda r: r.hexs(32), ["MAILJET_SECRET_KEY"])
F("sparkpost_key", "messaging", lambda r: r.hexs(40), ["SPARKPOST_API_KEY"])
F("resend_key", "messaging", lambda r: "re_" + r.s(ALNUM, 8) + "_" + r.s(ALNUM, 24), ["RESEND_API_KEY"])
F("vonage_api_secret", "messaging", tok("", ALNUM, 16), ["VONAGE_API_SECRET", "NEXMO_API_SECRET"])
F("messagebird_key", "messaging", tok("", ALNUM, 25), ["MESSAGEBIRD_ACCESS_KEY"])
F("plivo_auth_token", "messaging", tok("", ALNUM, 40), ["PLIVO_AUTH_TOKEN"])
F("pusher_secret", "messaging", lambda r: r.hexs(20), ["PUSHER_APP_SECRET"])
F("ably_key", "messaging", lambda r: r.s(ALNUM, 6) + "." + r.s(ALNUM, 6) + ":" + r.s(ALNUM + "_-", 43), ["ABLY_API_KEY"])
F("intercom_token", "messaging", lambda r: "dG9rOj" + r.s(ALNUM, 54) + "=", ["INTERCOM_ACCESS_TOKEN"])
F("zendesk_token", "messaging", tok("", ALNUM, 40), ["ZENDESK_API_TOKEN"])
F("line_channel_token", "messaging", lambda r: r.s(ALNUM + "+/", 171) + "=", ["LINE_CHANNEL_ACCESS_TOKEN"])
F("teams_webhook", "messaging", lambda r: "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (r.choice(["acme", "contoso", "globex"]), r.uuid(), r.uuid(), r.hexs(32), r.uuid()), ["TEAMS_WEBHOOK_URL"])
F("google_chat_webhook", "messaging", lambda r: "https://chat.googleapis.com/v1/spaces/AAAA%s/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=%s" % (r.s(ALNUM + "_-", 7), r.s(ALNUM + "_-", 43) + "%3D"), ["GCHAT_WEBHOOK"])
F("mattermost_webhook", "messaging", lambda r: "https://mm.%s.io/hooks/%s" % (r.choice(["corp", "acme"]), r.s(LO + DG, 26)), ["MATTERMOST_WEBHOOK_URL"])
F("zapier_webhook", "messaging", lambda r: "https://hooks.zapier.com/hooks/catch/%d/%s/" % (r.randint(100000, 9999999), r.s(LO + DG, 7)), ["ZAPIER_HOOK"])
F("twitter_bearer_token", "social", lambda r: "AAAAAAAAAAAAAAAAAAAAA" + r.s(ALNUM, 10) + "AAAAAA" + r.s(ALNUM + "%", 70), ["TWITTER_BEARER_TOKEN"])
F("twitter_api_secret", "social", tok("", ALNUM, 50), ["TWITTER_API_SECRET", "TWITTER_CONSUMER_SECRET"])
F("facebook_access_token", "social", lambda r: "EAA" + r.s(ALNUM, 150), ["FACEBOOK_ACCESS_TOKEN", "FB_PAGE_TOKEN"])
F("facebook_app_secret", "social", lambda r: r.hexs(32), ["FACEBOOK_APP_SECRET"])
F("twitch_client_secret", "social", tok("", LO + DG, 30), ["TWITCH_CLIENT_SECRET"])
F("linkedin_client_secret", "social", tok("", ALNUM, 16), ["LINKEDIN_CLIENT_SECRET"])
F("reddit_client_secret", "social", tok("", ALNUM + "_-", 27), ["REDDIT_CLIENT_SECRET"])

# ------------------------------------------------------------------ observability / saas
F("datadog_api_key", "observability", lambda r: r.hexs(32), ["DD_API_KEY", "DATADOG_API_KEY"], w=1.5)
F("datadog_app_key", "observability", lambda r: r.hexs(40), ["DD_APP_KEY", "DATADOG_APP_KEY"])
F("newrelic_user_key", "observability", tok("NRAK-", UP + DG, 27), ["NEW_RELIC_API_KEY"])
F("newrelic_insert_key", "observability", tok("NRII-", ALNUM + "_-", 32), ["NEW_RELIC_INSERT_KEY"])
F("newrelic_license_key", "observability", lambda r: r.hexs(36) + "NRAL", ["NEW_RELIC_LICENSE_KEY"])
F("sentry_dsn", "observability", lambda r: ["https://", X(r.hexs(32)), "@o%d.ingest.sentry.io/%d" % (r.randint(10000, 999999), r.randint(100000, 9999999))], ["SENTRY_DSN", "dsn"], w=1.5)
F("sentry_org_token", "observability", lambda r: "sntrys_eyJpYXQiOjE3" + r.s(ALNUM, 140) + "_" + r.s(ALNUM + "/+", 43), ["SENTRY_AUTH_TOKEN"])
F("sentry_user_token", "observability", lambda r: "sntryu_" + r.hexs(64), ["SENTRY_AUTH_TOKEN"])
F("grafana_cloud_token", "observability", lambda r: "glc_eyJvIjoi" + r.s(ALNUM, 120) + "In19", ["GRAFANA_CLOUD_API_KEY"])
F("grafana_sa_token", "observability", lambda r: "glsa_" + r.s(ALNUM, 32) + "_" + r.hexs(8), ["GRAFANA_SERVICE_ACCOUNT_TOKEN", "GF_TOKEN"])
F("grafana_api_key", "observability", lambda r: "eyJrIjoi" + r.s(ALNUM, 60) + "IiwibiI6I" + r.s(ALNUM, 30) + "==", ["GRAFANA_API_KEY"])
F("honeycomb_ingest_key", "observability", lambda r: "hcaik_01" + r.s(LO + DG, 56), ["HONEYCOMB_API_KEY"])
F("honeycomb_key", "observability", tok("", ALNUM, 22), ["HONEYCOMB_API_KEY", "x-honeycomb-team"])
F("splunk_hec_token", "observability", lambda r: r.uuid(), ["SPLUNK_HEC_TOKEN"])
F("sumologic_access_key", "observability", tok("", ALNUM, 64), ["SUMO_ACCESS_KEY"])
F("loggly_token", "observability", lambda r: r.uuid(), ["LOGGLY_TOKEN"])
F("logzio_token", "observability", tok("", UP + LO, 32), ["LOGZIO_TOKEN"])
F("pagerduty_api_key", "observability", tok("", ALNUM + "+_-", 20), ["PAGERDUTY_API_KEY"])
F("pagerduty_routing_key", "observability", lambda r: r.hexs(32), ["PAGERDUTY_ROUTING_KEY", "routing_key"])
F("opsgenie_key", "observability", lambda r: r.uuid(), ["OPSGENIE_API_KEY"])
F("rollbar_token", "observability", lambda r: r.hexs(32), ["ROLLBAR_ACCESS_TOKEN"])
F("bugsnag_key", "observability", lambda r: r.hexs(32), ["BUGSNAG_API_KEY"])
F("dynatrace_token", "observability", lambda r: "dt0c01." + r.s(UP + DG, 24) + "." + r.s(UP + DG, 64), ["DT_API_TOKEN"])
F("elastic_api_key", "observability", lambda r: base64.b64encode((r.s(ALNUM + "_-", 20) + ":" + r.s(ALNUM + "_-", 22)).encode()).decode(), ["ELASTIC_API_KEY", "ES_API_KEY"])
F("axiom_token", "observability", lambda r: "xaat-" + r.uuid(), ["AXIOM_TOKEN"])
F("axiom_pat", "observability", lambda r: "xapt-" + r.uuid(), ["AXIOM_TOKEN"])
F("posthog_personal_key", "observability", tok("phx_", ALNUM, 43), ["POSTHOG_PERSONAL_API_KEY"])
F("segment_write_key", "observability", tok("", ALNUM, 32), ["SEGMENT_WRITE_KEY"])
F("mixpanel_secret", "observability", lambda r: r.hexs(32), ["MIXPANEL_API_SECRET"])
F("launchdarkly_sdk_key", "observability", lambda r: "sdk-" + r.uuid(), ["LAUNCHDARKLY_SDK_KEY"])
F("launchdarkly_api_token", "observability", lambda r: "api-" + r.uuid(), ["LD_API_TOKEN"])
F("statsig_server_secret", "observability", tok("secret-", ALNUM, 43), ["STATSIG_SERVER_SECRET"])
F("okta_api_token", "identity", tok("00", ALNUM + "_-", 40), ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"])
F("auth0_client_secret", "identity", tok("", ALNUM + "_-", 64), ["AUTH0_CLIENT_SECRET"])
F("auth0_mgmt_token", "identity", lambda r: jwt(r, "RS256", {"iss": "https://acme.eu.auth0.com/", "sub": r.s(ALNUM, 32) + "@clients", "aud": "https://acme.eu.auth0.com/api/v2/", "scope": "read:users update:users", "gty": "client-credentials"}, kid=True), ["AUTH0_MANAGEMENT_TOKEN"])
F("keycloak_client_secret", "identity", tok("", ALNUM, 32), ["KEYCLOAK_CLIENT_SECRET"])
F("clerk_secret_key", "identity", tok("sk_live_", ALNUM, 40), ["CLERK_SECRET_KEY"])
F("salesforce_access_token", "saas", lambda r: "00D" + r.s(ALNUM, 15) + "!" + r.s(ALNUM + "._", 96), ["SF_ACCESS_TOKEN", "SALESFORCE_TOKEN"])
F("hubspot_pat", "saas", lambda r: "pat-na1-" + r.uuid(), ["HUBSPOT_ACCESS_TOKEN"])
F("dropbox_token", "saas", tok("sl.", ALNUM + "_-", 135), ["DROPBOX_ACCESS_TOKEN"])
F("dropbox_u_token", "saas", tok("sl.u.", ALNUM + "_-", 140), ["DROPBOX_ACCESS_TOKEN"])
F("asana_pat", "saas", lambda r: "2/%d/%d:%s" % (r.randint(10 ** 15, 10 ** 16), r.randint(10 ** 15, 10 ** 16), r.hexs(32)), ["ASANA_ACCESS_TOKEN"])
F("notion_secret", "saas", tok("secret_", ALNUM, 43), ["NOTION_API_KEY", "NOTION_TOKEN"])
F("notion_ntn_token", "saas", lambda r: "ntn_" + r.s(DG, 11) + r.s(ALNUM, 35), ["NOTION_TOKEN"])
F("airtable_pat", "saas", lambda r: "pat" + r.s(ALNUM, 14) + "." + r.hexs(64), ["AIRTABLE_API_KEY", "AIRTABLE_PAT"])
F("linear_api_key", "saas", tok("lin_api_", ALNUM, 40), ["LINEAR_API_KEY"])
F("clickup_token", "saas", lambda r: "pk_%d_%s" % (r.randint(10 ** 6, 10 ** 8), r.s(UP + DG, 32)), ["CLICKUP_API_TOKEN"])
F("figma_pat", "saas", tok("figd_", ALNUM + "_-", 40), ["FIGMA_TOKEN"])
F("postman_api_key", "saas", lambda r: "PMAK-" + r.hexs(24) + "-" + r.hexs(34), ["POSTMAN_API_KEY"])
F("contentful_pat", "saas", tok("CFPAT-", ALNUM + "_-", 43), ["CONTENTFUL_MANAGEMENT_TOKEN"])
F("contentful_delivery_token", "saas", tok("", ALNUM + "_-", 43), ["CONTENTFUL_ACCESS_TOKEN"])
F("algolia_admin_key", "saas", lambda r: r.hexs(32), ["ALGOLIA_ADMIN_KEY", "ALGOLIA_API_KEY"])
F("mapbox_secret_token", "saas", lambda r: "sk.eyJ1Ijoi" + r.s(ALNUM, 30) + "IiwiYSI6I" + r.s(ALNUM, 20) + "." + r.s(ALNUM + "_-", 22), ["MAPBOX_SECRET_TOKEN"])
F("typeform_token", "saas", lambda r: "tfp_" + r.s(ALNUM, 44) + "_" + r.s(ALNUM, 14), ["TYPEFORM_TOKEN"])
F("trello_token", "saas", lambda r: "ATTA" + r.hexs(64) + r.s(HEXU, 8), ["TRELLO_TOKEN"])
F("zoom_client_secret", "saas", tok("", ALNUM, 32), ["ZOOM_CLIENT_SECRET"])
F("box_client_secret", "saas", tok("", ALNUM, 32), ["BOX_CLIENT_SECRET"])
F("frameio_token", "saas", tok("fio-u-", ALNUM + "_-", 64), ["FRAMEIO_TOKEN"])
F("lokalise_token", "saas", lambda r: r.hexs(40), ["LOKALISE_API_TOKEN"])
F("crowdin_token", "saas", lambda r: r.hexs(80), ["CROWDIN_PERSONAL_TOKEN"])
F("cloudinary_url", "saas", lambda r: ["cloudinary://%d:" % r.randint(10 ** 14, 10 ** 15), X(r.s(ALNUM + "_-", 27)), "@%s" % r.choice(["acme", "dxk3m", "media-prod"])], ["CLOUDINARY_URL"])
F("ethereum_private_key", "crypto", lambda r: "0x" + r.hexs(64), ["PRIVATE_KEY", "DEPLOYER_PRIVATE_KEY", "ETH_PRIVATE_KEY"])
F("bitcoin_wif", "crypto", lambda r: r.choice("KL") + r.s("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 51), ["BTC_WIF"])
F("infura_project_secret", "crypto", lambda r: r.hexs(32), ["INFURA_API_SECRET"])
F("alchemy_key", "crypto", tok("", ALNUM + "_-", 32), ["ALCHEMY_API_KEY"])

# ------------------------------------------------------------------ package registries
F("npm_token", "registry", tok("npm_", ALNUM, 36), ["NPM_TOKEN", "NODE_AUTH_TOKEN", "_authToken"], w=2)
F("npmrc_auth_b64", "registry", lambda r: base64.b64encode(("%s:%s" % (r.choice(["ci-bot", "deploy", "jenkins"]), pw(r))).encode()).decode(), ["_auth"])
F("pypi_token", "registry", lambda r: "pypi-AgEIcHlwaS5vcmc" + r.s(ALNUM + "_-", r.randint(120, 180)), ["PYPI_TOKEN", "TWINE_PASSWORD", "password"], w=1.5)
F("testpypi_token", "registry", lambda r: "pypi-AgENdGVzdC5weXBpLm9yZw" + r.s(ALNUM + "_-", 140), ["TEST_PYPI_TOKEN"])
F("nuget_api_key", "registry", tok("oy2", LO + DG, 43), ["NUGET_API_KEY"])
F("rubygems_key", "registry", lambda r: "rubygems_" + r.hexs(48), ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"])
F("dockerhub_pat", "registry", tok("dckr_pat_", ALNUM + "_-", 27), ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], w=1.5)
F("dockerhub_oat", "registry", tok("dckr_oat_", ALNUM + "_-", 32), ["DOCKERHUB_TOKEN"])
F("docker_config_auth", "registry", lambda r: base64.b64encode(("%s:%s" % (r.choice(["_json_key", "AWS", "robot$ci", "deployer"]), pw(r))).encode()).decode(), ["auth"])
F("jfrog_api_key", "registry", tok("AKCp", ALNUM, 69), ["ARTIFACTORY_API_KEY", "JFROG_API_KEY"])
F("jfrog_reference_token", "registry", lambda r: "cmVmdGtuOjAxOj" + r.s(ALNUM, 50), ["JFROG_ACCESS_TOKEN"])
F("cratesio_token", "registry", tok("cio", ALNUM, 32), ["CARGO_REGISTRY_TOKEN"])
F("clojars_token", "registry", lambda r: "CLOJARS_" + r.hexs(60), ["CLOJARS_PASSWORD"])
F("quay_robot_token", "registry", tok("", UP + DG, 64), ["QUAY_ROBOT_TOKEN"])
F("gradle_publish_secret", "registry", tok("", ALNUM, 32), ["GRADLE_PUBLISH_SECRET"])
F("composer_github_oauth", "registry", gh("ghp_"), ["github-oauth"])

# ------------------------------------------------------------------ private keys
F("pem_rsa_private_key", "private_key", P.rsa_pkcs1, ["PRIVATE_KEY", "SSL_KEY", "tls.key"], w=2)
F("pem_rsa_encrypted", "private_key", P.rsa_encrypted, ["SSL_KEY"])
F("pem_ec_private_key", "private_key", P.ec_key, ["EC_PRIVATE_KEY", "signing_key"], w=1.5)
F("pem_dsa_private_key", "private_key", P.dsa_key, ["DSA_KEY"], w=0.5)
F("pem_pkcs8_private_key", "private_key", P.pkcs8, ["PRIVATE_KEY", "JWT_PRIVATE_KEY"], w=1.5)
F("pem_pkcs8_ed25519", "private_key", P.pkcs8_ed25519, ["SIGNING_KEY"])
F("pem_pkcs8_encrypted", "private_key", P.pkcs8_encrypted, ["ENCRYPTED_KEY"])
F("openssh_private_key", "private_key", P.openssh_ed25519, ["SSH_PRIVATE_KEY", "DEPLOY_KEY"], w=2)
F("openssh_private_key_rsa", "private_key", P.openssh_rsa, ["SSH_PRIVATE_KEY"])
F("pgp_private_key_block", "private_key", P.pgp_private, ["GPG_PRIVATE_KEY"])
F("ssh2_encrypted_private_key", "private_key", P.ssh2_encrypted, ["SSH_KEY"], w=0.6)
F("putty_ppk_v3", "private_key", lambda r: P.putty(r, True), ["PPK"], w=0.6)
F("putty_ppk_v2", "private_key", lambda r: P.putty(r, False), ["PPK"], w=0.6)
F("openvpn_static_key", "private_key", P.openvpn_static, ["TLS_AUTH_KEY"], w=0.6)

# ------------------------------------------------------------------ jwt
F("jwt_hs256", "jwt", lambda r: jwt(r, "HS256"), ["ACCESS_TOKEN", "JWT", "id_token"], w=2)
F("jwt_rs256", "jwt", lambda r: jwt(r, "RS256", kid=True), ["ACCESS_TOKEN", "id_token"], w=1.5)
F("jwt_es256", "jwt", lambda r: jwt(r, "ES256"), ["ACCESS_TOKEN"])
F("jwt_hs512", "jwt", lambda r: jwt(r, "HS512"), ["SESSION_TOKEN"])
F("jwt_eddsa", "jwt", lambda r: jwt(r, "EdDSA"), ["AUTH_TOKEN"])

# ------------------------------------------------------------------ generic named secrets
F("generic_password", "generic", pw, ["DB_PASSWORD", "password", "PASSWORD", "adminPassword", "db_pass", "MYSQL_ROOT_PASSWORD", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "SMTP_PASSWORD", "userPassword", "LDAP_BIND_PASSWORD", "RABBITMQ_DEFAULT_PASS", "KEYSTORE_PASSWORD", "passwd", "pwd"], w=14)
F("generic_secret", "generic", lambda r: r.s(ALNUM + "_-", r.randint(24, 48)), ["APP_SECRET", "secret", "SESSION_SECRET", "COOKIE_SECRET", "NEXTAUTH_SECRET", "encryption_secret"], w=5)
F("generic_api_key", "generic", lambda r: r.choice([r.hexs(32), r.s(ALNUM, 32), r.s(ALNUM, 40), r.uuid()]), ["API_KEY", "apiKey", "api_key", "X-API-Key", "PARTNER_API_KEY", "INTERNAL_API_KEY"], w=5)
F("generic_token", "generic", lambda r: r.s(ALNUM + "-_.", r.randint(28, 64)), ["AUTH_TOKEN", "ACCESS_TOKEN", "token", "API_TOKEN", "SERVICE_TOKEN"], w=4)
F("generic_client_secret", "generic", lambda r: r.s(ALNUM + "_-~.", r.randint(32, 48)), ["CLIENT_SECRET", "client_secret", "clientSecret", "OAUTH_CLIENT_SECRET"], w=3)
F("django_secret_key", "generic", lambda r: "django-insecure-" + r.s(LO + DG + "!@#$%^&*(-_=+)", 50) if r.maybe(0.3) else r.s(LO + DG + "!@#$%^&*(-_=+)", 50), ["SECRET_KEY", "DJANGO_SECRET_KEY"], w=1.5)
F("rails_secret_key_base", "generic", lambda r: r.hexs(128), ["SECRET_KEY_BASE", "secret_key_base"])
F("rails_master_key", "generic", lambda r: r.hexs(32), ["RAILS_MASTER_KEY"])
F("flask_secret_key", "generic", lambda r: r.hexs(48), ["FLASK_SECRET_KEY", "SECRET_KEY"])
F("laravel_app_key", "generic", lambda r: "base64:" + r.b64bytes(32), ["APP_KEY"], w=1.5)
F("jwt_signing_secret", "generic", lambda r: r.s(ALNUM + "!#%&*", r.randint(32, 64)), ["JWT_SECRET", "jwtSecret", "JWT_SIGNING_KEY"], w=2)
F("encryption_key_hex", "generic", lambda r: r.hexs(64), ["ENCRYPTION_KEY", "AES_KEY", "MASTER_KEY", "DATA_KEY"], w=1.5)
F("encryption_key_b64", "generic", lambda r: r.b64bytes(32), ["ENCRYPTION_KEY", "FERNET_KEY", "CIPHER_KEY"], w=1.5)
F("fernet_key", "generic", lambda r: r.b64bytes(32, url=True), ["FERNET_KEY"])
F("webhook_signing_secret", "generic", lambda r: r.s(ALNUM, 40), ["WEBHOOK_SECRET", "GITHUB_WEBHOOK_SECRET", "SIGNING_SECRET"])
F("hmac_key", "generic", lambda r: r.hexs(64), ["HMAC_KEY", "HMAC_SECRET"])
F("nextauth_secret", "generic", lambda r: r.b64bytes(32), ["NEXTAUTH_SECRET", "AUTH_SECRET"])
F("session_cookie_value", "generic", lambda r: r.s(ALNUM + "%", 48), ["session"])
F("redis_requirepass", "generic", lambda r: ["requirepass ", X(pw(r))], ["redis.conf"], kind="line_conf")
F("keystore_storepass", "generic", pw, ["storePassword", "keyPassword"])
F("ldap_bind_password", "generic", pw, ["bindPassword", "LDAP_BIND_PW", "bind_pw"])
F("smtp_password", "generic", pw, ["SMTP_PASSWORD", "EMAIL_HOST_PASSWORD", "MAIL_PASSWORD", "spring.mail.password"])
F("wifi_psk", "generic", pw, ["wpa_passphrase", "psk"], w=0.5)
F("vnc_password", "generic", pw, ["VNC_PASSWORD"], w=0.5)
F("grafana_admin_password", "generic", pw, ["GF_SECURITY_ADMIN_PASSWORD"])
F("airflow_fernet_key", "generic", lambda r: r.b64bytes(32, url=True), ["AIRFLOW__CORE__FERNET_KEY"])
F("minio_secret_key", "generic", tok("", ALNUM, 40), ["MINIO_ROOT_PASSWORD", "MINIO_SECRET_KEY"])
F("rabbitmq_erlang_cookie", "generic", tok("", UP, 20), ["RABBITMQ_ERLANG_COOKIE"])
F("keycloak_admin_password", "generic", pw, ["KEYCLOAK_ADMIN_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD"])
F("jenkins_admin_password", "generic", lambda r: r.hexs(32), ["JENKINS_ADMIN_PASSWORD", "initialAdminPassword"])
F("wordpress_auth_key", "generic", lambda r: r.s(ALNUM + "!@#$%^&*()-_[]{}<>~`+=,.;:/?|", 64).replace("'", "").replace("\\", ""), ["AUTH_KEY", "SECURE_AUTH_KEY", "NONCE_KEY"])
F("basic_auth_pair_password", "generic", pw, ["BASIC_AUTH_PASSWORD", "HTTP_PASSWORD"])
