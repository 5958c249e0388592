"""Formats whose secret is only recognisable from surrounding structure: connection strings / DSNs,
SQL statements, command lines, HTTP headers, config lines.  The label covers the secret part only
(password / token); the rest travels with it."""
import base64
from urllib.parse import quote

from core import ALNUM, LO, DG, UP, HEX
from formats import F, X, pw, pw_url, gh, jwt, WORDS

HOSTS = ["db.internal", "10.0.3.17", "pg-primary.prod.svc.cluster.local", "mysql.staging.acme.io", "127.0.0.1", "localhost",
         "orders-db.c9xk2mzq1abc.eu-west-1.rds.amazonaws.com", "sql01.corp.local", "db", "postgres", "cluster0.ab1cd.mongodb.net"]
USERS = ["app", "admin", "root", "svc_orders", "readonly", "etl", "postgres", "sa", "deploy", "reporting", "grafana", "keycloak"]
DBS = ["app", "orders", "billing", "analytics", "inventory", "users", "prod", "warehouse", "cms", "auth"]


def host(r):
    return r.choice(HOSTS)


def u(r):
    return r.choice(USERS)


def d(r):
    return r.choice(DBS)


def uri(scheme, port, tail=""):
    def g(r):
        h = host(r)
        return ["%s://%s:" % (scheme, u(r)), X(pw_url(r)), "@%s:%d/%s%s" % (h, port, d(r), tail(r) if callable(tail) else tail)]
    return g


URI_NAMES = ["DATABASE_URL", "DB_URL", "SQLALCHEMY_DATABASE_URI", "db_url", "connectionString", "DSN", "url"]
F("postgres_uri", "database", uri("postgres", 5432, lambda r: r.choice(["", "?sslmode=require", "?sslmode=disable&application_name=api"])), URI_NAMES, w=3)
F("postgresql_uri", "database", uri("postgresql", 5432, lambda r: r.choice(["", "?sslmode=verify-full"])), URI_NAMES, w=2)
F("postgresql_psycopg2_uri", "database", uri("postgresql+psycopg2", 5432), ["SQLALCHEMY_DATABASE_URI"])
F("postgresql_asyncpg_uri", "database", uri("postgresql+asyncpg", 5432), ["DATABASE_URL"])
F("cockroachdb_uri", "database", uri("postgresql", 26257, "?sslmode=verify-full&options=--cluster%3Dfree-tier-123"), ["COCKROACH_URL"])
F("mysql_uri", "database", uri("mysql", 3306), URI_NAMES, w=2)
F("mysql_pymysql_uri", "database", uri("mysql+pymysql", 3306, "?charset=utf8mb4"), ["SQLALCHEMY_DATABASE_URI"])
F("mariadb_uri", "database", uri("mariadb", 3306), ["DATABASE_URL"])
F("mongodb_uri", "database", lambda r: ["mongodb://%s:" % u(r), X(pw_url(r)), "@mongo-0.mongo:27017,mongo-1.mongo:27017,mongo-2.mongo:27017/%s?replicaSet=rs0&authSource=admin" % d(r)], ["MONGO_URL", "MONGODB_URI", "mongoUri"], w=2)
F("mongodb_srv_uri", "database", lambda r: ["mongodb+srv://%s:" % u(r), X(pw_url(r)), "@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority" % (r.s(LO + DG, 5), d(r))], ["MONGODB_URI", "MONGO_URI"], w=2)
F("redis_uri", "database", lambda r: ["redis://%s:" % r.choice(["", "default"]), X(pw_url(r)), "@%s:6379/%d" % (r.choice(["redis", "cache.internal", "10.0.0.12"]), r.randint(0, 5))], ["REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL"], w=2)
F("rediss_uri", "database", lambda r: ["rediss://default:", X(pw_url(r)), "@%s.upstash.io:6379" % r.choice(["apt-gull-3412", "fine-koala-8821"])], ["REDIS_URL", "UPSTASH_REDIS_URL"])
F("amqp_uri", "database", lambda r: ["amqp://%s:" % r.choice(["guest2", "rabbit", "app"]), X(pw_url(r)), "@rabbitmq:5672/%s" % r.choice(["", "%2F", "vhost"])], ["AMQP_URL", "RABBITMQ_URL", "CELERY_BROKER_URL"])
F("amqps_uri", "database", lambda r: ["amqps://%s:" % r.choice(["app", "svc"]), X(pw_url(r)), "@b-%s.mq.us-east-1.amazonaws.com:5671" % r.uuid()], ["BROKER_URL"])
F("mssql_pyodbc_uri", "database", lambda r: ["mssql+pyodbc://sa:", X(pw_url(r)), "@%s:1433/%s?driver=ODBC+Driver+18+for+SQL+Server" % (host(r), d(r))], ["SQLALCHEMY_DATABASE_URI"])
F("sqlserver_jdbc", "database", lambda r: ["jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), ";encrypt=true;trustServerCertificate=false"], ["spring.datasource.url", "JDBC_URL"])
F("oracle_jdbc_thin", "database", lambda r: ["jdbc:oracle:thin:%s/" % r.choice(["scott", "hr", "app_owner"]), X(pw(r, urlsafe=True)), "@//%s:1521/ORCLPDB1" % host(r)], ["JDBC_URL", "db.url"])
F("oracle_sqlalchemy_uri", "database", lambda r: ["oracle+oracledb://%s:" % r.choice(["scott", "hr"]), X(pw_url(r)), "@%s:1521/?service_name=XEPDB1" % host(r)], ["ORACLE_URL"])
F("jdbc_postgresql_params", "database", lambda r: ["jdbc:postgresql://%s:5432/%s?user=%s&password=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), r.choice(["", "&ssl=true"])], ["spring.datasource.url", "JDBC_DATABASE_URL"])
F("jdbc_mysql_params", "database", lambda r: ["jdbc:mysql://%s:3306/%s?user=%s&password=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), "&useSSL=true&serverTimezone=UTC"], ["JDBC_URL"])
F("clickhouse_uri", "database", uri("clickhouse", 9000), ["CLICKHOUSE_URL"])
F("neo4j_uri", "database", lambda r: ["neo4j+s://neo4j:", X(pw_url(r)), "@%s.databases.neo4j.io" % r.s(LO + DG, 8)], ["NEO4J_URI"])
F("couchdb_uri", "database", lambda r: ["http://admin:", X(pw_url(r)), "@couchdb:5984/"], ["COUCHDB_URL"])
F("elasticsearch_uri", "database", lambda r: ["https://elastic:", X(pw_url(r)), "@%s:9200" % r.choice(["es01", "search.internal", "my-deploy.es.us-central1.gcp.cloud.es.io"])], ["ELASTICSEARCH_URL", "ES_HOSTS"])
F("snowflake_uri", "database", lambda r: ["snowflake://%s:" % u(r), X(pw_url(r)), "@%s/%s/PUBLIC?warehouse=COMPUTE_WH&role=SYSADMIN" % (r.s(LO, 7) + "-" + r.s(LO + DG, 7), d(r).upper())], ["SNOWFLAKE_URL"])
F("nats_uri", "database", lambda r: ["nats://%s:" % u(r), X(pw_url(r)), "@nats:4222"], ["NATS_URL"])
F("mqtt_uri", "database", lambda r: ["mqtts://%s:" % r.choice(["device", "sensor01", "gateway"]), X(pw_url(r)), "@broker.%s.io:8883" % r.choice(["hivemq", "iot-acme"])], ["MQTT_URL"])
F("ftp_uri", "database", lambda r: ["ftp://%s:" % r.choice(["upload", "ftpuser"]), X(pw_url(r)), "@ftp.%s.com/incoming/" % r.choice(["partner", "acme"])], ["FTP_URL"])
F("sftp_uri", "database", lambda r: ["sftp://%s:" % r.choice(["edi", "batch"]), X(pw_url(r)), "@sftp.%s.net:22/outbound" % r.choice(["bank", "vendor"])], ["SFTP_URL"])
F("smtp_uri", "database", lambda r: ["smtp://%s:" % r.choice(["apikey", "postmaster%40mg.acme.io", "noreply"]), X(pw_url(r)), "@smtp.%s:587" % r.choice(["sendgrid.net", "mailgun.org", "office365.com"])], ["EMAIL_URL", "SMTP_URL", "MAILER_DSN"])
F("git_credential_url", "vcs", lambda r: ["https://%s:" % r.choice(["oauth2", "x-access-token", "gitlab-ci-token", "jdoe"]), X(r.choice([gh("ghp_")(r), "glpat-" + r.s(ALNUM + "_-", 20), r.s(ALNUM, 32)])), "@%s/%s/%s.git" % (r.choice(["github.com", "gitlab.com", "git.corp.local"]), r.choice(["acme", "platform"]), r.choice(["infra", "api", "web"]))], ["REPO_URL", "remote"])
F("http_basic_in_url", "generic", lambda r: ["https://%s:" % r.choice(["admin", "api", "jenkins", "user"]), X(pw_url(r)), "@%s/%s" % (r.choice(["internal.acme.io", "jenkins.corp.local:8443", "registry.acme.dev", "10.1.2.3:9000"]), r.choice(["api/v1/status", "", "job/deploy/build", "metrics"]))], ["SERVICE_URL", "endpoint", "JENKINS_URL"], w=2)
F("proxy_url_creds", "generic", lambda r: ["http://%s:" % r.choice(["proxyuser", "svc-proxy", "jdoe"]), X(pw_url(r)), "@proxy.corp.local:%d" % r.choice([3128, 8080])], ["HTTPS_PROXY", "http_proxy", "https_proxy"])
F("go_mysql_dsn", "database", lambda r: ["%s:" % u(r), X(pw(r, urlsafe=True)), "@tcp(%s:3306)/%s?parseTime=true&charset=utf8mb4" % (host(r), d(r))], ["MYSQL_DSN", "dsn"], w=1.5)
F("go_postgres_kv_dsn", "database", lambda r: ["host=%s port=5432 user=%s password=" % (host(r), u(r)), X(pw(r, urlsafe=True)), " dbname=%s sslmode=%s" % (d(r), r.choice(["disable", "require"]))], ["PG_DSN", "dsn"])
F("adonet_sqlserver", "database", lambda r: ["Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=" % (r.choice(["sql-prod-weu", "acme-sql"]), d(r), u(r)), X(pw(r, urlsafe=True)), ";MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;"], ["DefaultConnection", "ConnectionStrings__Default", "SqlConnection"], w=2)
F("adonet_pwd", "database", lambda r: ["Data Source=%s;Initial Catalog=%s;User Id=%s;Pwd=" % (r.choice(["SQL01\\PROD", "sql01.corp.local", "(local)"]), d(r), u(r)), X(pw(r, urlsafe=True)), ";"], ["ConnectionString", "connString"])
F("odbc_conn_string", "database", lambda r: ["Driver={ODBC Driver 18 for SQL Server};Server=%s;Database=%s;UID=%s;PWD=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), ";TrustServerCertificate=yes;"], ["ODBC_CONN", "conn_str"])
F("odbc_pwd_braced", "database", lambda r: ["DRIVER={PostgreSQL Unicode};SERVER=%s;PORT=5432;DATABASE=%s;UID=%s;PWD={" % (host(r), d(r), u(r)), X(pw(r) + ";" + r.s(ALNUM, 3)), "};"], ["ODBC_DSN"])
F("npgsql_conn_string", "database", lambda r: ["Host=%s;Port=5432;Database=%s;Username=%s;Password=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), r.choice([";", ";SSL Mode=Require;Trust Server Certificate=true"])], ["ConnectionStrings__Postgres", "PostgresConnection"])
F("mysql_net_conn_string", "database", lambda r: ["Server=%s;Database=%s;Uid=%s;Pwd=" % (host(r), d(r), u(r)), X(pw(r, urlsafe=True)), ";SslMode=Required;"], ["MySqlConnection"])
F("oracle_odp_conn_string", "database", lambda r: ["Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=%s)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL)));User Id=%s;Password=" % (host(r), r.choice(["hr", "app_owner"])), X(pw(r, urlsafe=True)), ";"], ["OracleConnection"])
F("kafka_jaas_config", "database", lambda r: ['org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="' % r.choice(["svc-orders", r.s(UP + DG, 16)]), X(r.choice([pw(r, urlsafe=True), r.s(ALNUM + "+/", 64)])), '";'], ["sasl.jaas.config", "KAFKA_SASL_JAAS_CONFIG"])
F("libpq_percent_encoded", "database", lambda r: ["postgresql://%s:" % u(r), X(quote(r.choice(WORDS) + "@" + r.choice(WORDS) + "/" + str(r.randint(10, 999)) + "#", safe="")), "@%s/%s" % (host(r), d(r))], ["DATABASE_URL"])

# SQL statements
SQLK = "stmt_sql"
F("tsql_create_login", "database", lambda r: ["CREATE LOGIN [%s] WITH PASSWORD = N'" % u(r), X(pw(r).replace("'", "")), "', CHECK_POLICY = OFF;"], ["sql"], kind=SQLK, w=1.5)
F("tsql_alter_login", "database", lambda r: ["ALTER LOGIN [%s] WITH PASSWORD = '" % r.choice(["sa", "app"]), X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK)
F("tsql_master_key", "database", lambda r: ["CREATE MASTER KEY ENCRYPTION BY PASSWORD = '", X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK)
F("tsql_linked_server_login", "database", lambda r: ["EXEC sp_addlinkedsrvlogin @rmtsrvname = N'%s', @useself = N'False', @rmtuser = N'%s', @rmtpassword = N'" % (r.choice(["REPORTING", "ERP01"]), u(r)), X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK)
F("mysql_create_user", "database", lambda r: ["CREATE USER '%s'@'%%' IDENTIFIED BY '" % u(r), X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK, w=1.5)
F("mysql_alter_user", "database", lambda r: ["ALTER USER '%s'@'localhost' IDENTIFIED WITH mysql_native_password BY '" % u(r), X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK)
F("postgres_create_role", "database", lambda r: ["CREATE ROLE %s WITH LOGIN PASSWORD '" % u(r), X(pw(r).replace("'", "")), "' VALID UNTIL 'infinity';"], ["sql"], kind=SQLK, w=1.5)
F("postgres_alter_user", "database", lambda r: ["ALTER USER %s WITH PASSWORD '" % u(r), X(pw(r).replace("'", "")), "';"], ["sql"], kind=SQLK)
F("postgres_user_mapping", "database", lambda r: ["CREATE USER MAPPING FOR %s SERVER legacy_fdw OPTIONS (user '%s', password '" % (u(r), u(r)), X(pw(r).replace("'", "")), "');"], ["sql"], kind=SQLK)
F("oracle_create_user", "database", lambda r: ['CREATE USER %s IDENTIFIED BY "' % r.choice(["APP_OWNER", "ETL_USER"]), X(pw(r).replace('"', "")), '" DEFAULT TABLESPACE users;'], ["sql"], kind=SQLK)
F("snowflake_create_user", "database", lambda r: ["CREATE USER %s PASSWORD = '" % r.choice(["LOADER", "DBT_USER"]), X(pw(r).replace("'", "")), "' DEFAULT_ROLE = TRANSFORMER;"], ["sql"], kind=SQLK)

# command lines
CMD = "cmd"
F("mysql_cli_glued_p", "cli", lambda r: ["mysql -h %s -u %s -p" % (host(r), u(r)), X(pw(r, urlsafe=True)), " %s" % d(r)], ["sh"], kind=CMD, w=1.5)
F("sshpass_p", "cli", lambda r: ["sshpass -p '", X(pw(r).replace("'", "")), "' ssh -o StrictHostKeyChecking=no %s@%s" % (r.choice(["ubuntu", "root", "ec2-user"]), r.choice(["10.0.1.5", "bastion.acme.io"]))], ["sh"], kind=CMD)
F("pgpassword_env_cmd", "cli", lambda r: ["PGPASSWORD=", X(pw(r, urlsafe=True)), " psql -h %s -U %s -d %s" % (host(r), u(r), d(r))], ["sh"], kind=CMD, w=1.5)
F("docker_login_p", "cli", lambda r: ["docker login -u %s -p " % r.choice(["ci-bot", "acmedeploy"]), X(r.choice([pw(r, urlsafe=True), "dckr_pat_" + r.s(ALNUM + "_-", 27)])), " %s" % r.choice(["registry.acme.io", "docker.io", "ghcr.io"])], ["sh"], kind=CMD)
F("curl_user_pass", "cli", lambda r: ["curl -su %s:" % r.choice(["admin", "elastic", "api"]), X(pw(r, urlsafe=True)), " https://%s/_cluster/health" % r.choice(["es01:9200", "search.internal"])], ["sh"], kind=CMD, w=1.5)
F("htpasswd_b", "cli", lambda r: ["htpasswd -b -c /etc/nginx/.htpasswd %s " % r.choice(["admin", "ops"]), X(pw(r, urlsafe=True))], ["sh"], kind=CMD)
F("openssl_passout", "cli", lambda r: ["openssl genrsa -aes256 -passout pass:", X(pw(r, urlsafe=True)), " -out server.key 4096"], ["sh"], kind=CMD)
F("keytool_storepass", "cli", lambda r: ["keytool -importkeystore -srckeystore cert.p12 -srcstoretype PKCS12 -destkeystore keystore.jks -deststorepass ", X(pw(r, urlsafe=True)), " -noprompt"], ["sh"], kind=CMD)
F("az_login_sp", "cli", lambda r: ["az login --service-principal -u %s -p " % r.uuid(), X(r.s(ALNUM, 3) + "8Q~" + r.s(ALNUM + "_~.-", 34)), " --tenant %s" % r.uuid()], ["sh"], kind=CMD)
F("helm_repo_password", "cli", lambda r: ["helm repo add internal https://charts.acme.io --username %s --password " % r.choice(["ci", "deploy"]), X(pw(r, urlsafe=True))], ["sh"], kind=CMD)
F("redis_cli_a", "cli", lambda r: ["redis-cli -h %s -p 6379 -a " % r.choice(["cache.internal", "10.0.0.12"]), X(pw(r, urlsafe=True)), " INFO replication"], ["sh"], kind=CMD)
F("sqlcmd_P", "cli", lambda r: ["sqlcmd -S %s -U sa -P '" % r.choice(["localhost,1433", "sql01"]), X(pw(r).replace("'", "")), "' -Q \"SELECT @@VERSION\""], ["sh"], kind=CMD)
F("kubectl_from_literal", "cli", lambda r: ["kubectl create secret generic %s --from-literal=password=" % r.choice(["db-creds", "app-secrets"]), X(pw(r, urlsafe=True)), " -n %s" % r.choice(["prod", "default", "payments"])], ["sh"], kind=CMD, w=1.5)
F("wget_password", "cli", lambda r: ["wget --user=%s --password=" % r.choice(["deploy", "artifacts"]), X(pw(r, urlsafe=True)), " https://nexus.corp.local/repository/raw/build.tgz"], ["sh"], kind=CMD)
F("mongosh_password", "cli", lambda r: ["mongosh --host %s --username %s --password " % (r.choice(["mongo-0", "localhost"]), u(r)), X(pw(r, urlsafe=True)), " --authenticationDatabase admin"], ["sh"], kind=CMD)
F("psql_conninfo_cmd", "cli", lambda r: ['psql "host=%s user=%s password=' % (host(r), u(r)), X(pw(r, urlsafe=True)), ' dbname=%s"' % d(r)], ["sh"], kind=CMD)
F("rclone_s3_secret", "cli", lambda r: ["rclone config create s3prod s3 provider AWS env_auth false region eu-west-1 secret_access_key ", X(r.s(ALNUM + "/+", 40))], ["sh"], kind=CMD)

# HTTP headers
HDR = "header"
F("bearer_header", "http", lambda r: ["Authorization: Bearer ", X(r.choice([r.s(ALNUM + "-._~", r.randint(32, 64)), jwt(r, "RS256", kid=True)]))], ["hdr"], kind=HDR, w=3)
F("basic_auth_header", "http", lambda r: ["Authorization: Basic ", X(base64.b64encode(("%s:%s" % (r.choice(["admin", "api", "svc-ci", "jdoe@acme.io"]), pw(r))).encode()).decode())], ["hdr"], kind=HDR, w=2)
F("proxy_authorization_basic", "http", lambda r: ["Proxy-Authorization: Basic ", X(base64.b64encode(("%s:%s" % (r.choice(["proxyuser", "jdoe"]), pw(r))).encode()).decode())], ["hdr"], kind=HDR)
F("cookie_session_id", "http", lambda r: ["Cookie: %s=" % r.choice(["sessionid", "JSESSIONID", "connect.sid", "_session_id", "PHPSESSID", "laravel_session"]), X(r.choice([r.s(LO + DG, 32), r.hexs(32).upper(), "s%3A" + r.s(ALNUM, 32) + "." + r.s(ALNUM + "%", 43)])), "; theme=dark; lang=en"], ["hdr"], kind=HDR, w=1.5)
F("set_cookie_session", "http", lambda r: ["Set-Cookie: %s=" % r.choice(["__Secure-next-auth.session-token", "__Host-session", "auth_token"]), X(r.s(ALNUM + "-_.", r.randint(48, 120))), "; Path=/; Secure; HttpOnly; SameSite=Lax"], ["hdr"], kind=HDR)
F("okta_ssws_header", "identity", lambda r: ["Authorization: SSWS ", X("00" + r.s(ALNUM + "_-", 40))], ["hdr"], kind=HDR)
F("github_token_header", "vcs", lambda r: ["Authorization: token ", X(gh("ghp_")(r))], ["hdr"], kind=HDR)
F("private_token_header", "vcs", lambda r: ["PRIVATE-TOKEN: ", X("glpat-" + r.s(ALNUM + "_-", 20))], ["hdr"], kind=HDR)
F("splunk_auth_header", "observability", lambda r: ["Authorization: Splunk ", X(r.uuid())], ["hdr"], kind=HDR)
F("api_key_query_param", "http", lambda r: ["GET /v2/data?%s=" % r.choice(["api_key", "apikey", "access_token", "key"]), X(r.choice([r.hexs(32), r.s(ALNUM, 40)])), "&format=json HTTP/1.1"], ["hdr"], kind=HDR)

# config lines
LINE = "line_conf"
F("netrc_password", "generic", lambda r: ["machine %s login %s password " % (r.choice(["api.heroku.com", "github.com", "nexus.corp.local", "urs.earthdata.nasa.gov"]), r.choice(["jdoe@acme.io", "deploy", "ci"])), X(pw(r).replace(" ", ""))], ["netrc"], kind=LINE)
F("pgpass_line", "database", lambda r: ["%s:5432:%s:%s:" % (host(r), d(r), u(r)), X(pw(r).replace(":", "").replace("\\", ""))], ["pgpass"], kind=LINE)
F("redis_masterauth", "database", lambda r: ["masterauth ", X(pw(r).replace(" ", ""))], ["redis.conf"], kind=LINE)
F("git_credentials_line", "vcs", lambda r: ["https://%s:" % r.choice(["jdoe", "ci-bot"]), X(gh("ghp_")(r)), "@github.com"], ["git-credentials"], kind=LINE)
