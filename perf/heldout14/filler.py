"""Benign filler text per language: realistic code and config with no secrets in it."""

F = {
"python": [
'''def load_{a}(path: str) -> dict:
    """Read the {a} file and return its records keyed by id."""
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {{row["id"]: row for row in rows}}
''',
'''class {A}Client:
    def __init__(self, base_url: str, timeout: float = {n}.0):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.timeout = timeout

    def get_{b}(self, item_id: int) -> dict:
        resp = self.session.get(f"{{self.base_url}}/{b}/{{item_id}}", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()
''',
'''@app.route("/api/{a}/<int:item_id>", methods=["GET"])
def get_{a}(item_id):
    item = {A}.query.get_or_404(item_id)
    logger.info("fetched %s %d", "{a}", item_id)
    return jsonify(item.to_dict())
''',
'''for attempt in range({n}):
    try:
        result = run_{b}(batch_size=256)
        break
    except TimeoutError:
        time.sleep(2 ** attempt)
else:
    raise RuntimeError("{b} did not finish")
''',
'''LOG_LEVEL = "INFO"
MAX_RETRIES = {n}
ALLOWED_HOSTS = ["{a}.internal", "localhost", "127.0.0.1"]
CACHE_TTL = {n}00
''',
],
"js": [
'''async function fetch{A}(id) {{
  const res = await fetch(`${{BASE_URL}}/{a}/${{id}}`, {{ method: "GET" }});
  if (!res.ok) throw new Error(`{a} ${{id}}: ${{res.status}}`);
  return res.json();
}}
''',
'''router.get("/{b}", async (req, res, next) => {{
  try {{
    const rows = await db.query("SELECT id, name FROM {b} ORDER BY id LIMIT $1", [{n}0]);
    res.json(rows);
  }} catch (err) {{
    next(err);
  }}
}});
''',
'''module.exports = {{
  port: {n}080,
  logLevel: "info",
  features: {{ {a}: true, {b}: false }},
}};
''',
'''function debounce(fn, wait = {n}00) {{
  let t;
  return (...args) => {{
    clearTimeout(t);
    t = setTimeout(() => fn.apply(this, args), wait);
  }};
}}
''',
],
"go": [
'''func (s *{A}Service) Get{B}(ctx context.Context, id int64) (*{B}, error) {{
	row := s.db.QueryRowContext(ctx, "SELECT id, name FROM {b} WHERE id = $1", id)
	var out {B}
	if err := row.Scan(&out.ID, &out.Name); err != nil {{
		return nil, fmt.Errorf("get {b} %d: %w", id, err)
	}}
	return &out, nil
}}
''',
'''type {A}Config struct {{
	Addr         string        `yaml:"addr"`
	ReadTimeout  time.Duration `yaml:"read_timeout"`
	MaxConns     int           `yaml:"max_conns"`
}}
''',
'''func main() {{
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {{
		w.WriteHeader(http.StatusOK)
	}})
	log.Fatal(http.ListenAndServe(":{n}080", mux))
}}
''',
],
"java": [
'''    public Optional<{A}> find{A}(long id) {{
        return jdbcTemplate.query("SELECT id, name FROM {a} WHERE id = ?", rowMapper, id)
                .stream().findFirst();
    }}
''',
'''    @GetMapping("/{b}/{{id}}")
    public ResponseEntity<{B}Dto> get{B}(@PathVariable Long id) {{
        log.debug("loading {b} {{}}", id);
        return service.find(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }}
''',
'''    private static final int MAX_BATCH = {n}00;
    private static final Duration TIMEOUT = Duration.ofSeconds({n});
''',
],
"kotlin": [
'''    fun load{A}(id: Long): {A}? =
        repository.findById(id).orElse(null)?.also {{ logger.info("loaded {a} $id") }}
''',
'''    suspend fun refresh{B}() = withContext(Dispatchers.IO) {{
        val items = api.list{B}(limit = {n}0)
        dao.upsertAll(items)
    }}
''',
],
"csharp": [
'''        public async Task<{A}> Get{A}Async(int id, CancellationToken ct)
        {{
            var entity = await _db.{A}s.FindAsync(new object[] {{ id }}, ct);
            return entity ?? throw new KeyNotFoundException($"{a} {{id}}");
        }}
''',
'''        [HttpGet("{b}")]
        public IActionResult List{B}([FromQuery] int page = 1)
        {{
            _logger.LogInformation("listing {b} page {{Page}}", page);
            return Ok(_service.Page(page, {n}0));
        }}
''',
],
"ruby": [
'''class {A}Controller < ApplicationController
  before_action :authenticate_user!

  def show
    @{a} = {A}.find(params[:id])
    render json: @{a}
  end
end
''',
'''def sync_{b}(batch_size: {n}00)
  {B}.where(synced_at: nil).find_in_batches(batch_size: batch_size) do |group|
    group.each(&:sync!)
  end
end
''',
],
"php": [
'''function get{A}(PDO $pdo, int $id): ?array
{{
    $stmt = $pdo->prepare('SELECT id, name FROM {a} WHERE id = :id');
    $stmt->execute(['id' => $id]);
    return $stmt->fetch(PDO::FETCH_ASSOC) ?: null;
}}
''',
'''Route::get('/{b}/{{id}}', [{B}Controller::class, 'show'])->middleware('auth');
''',
],
"rust": [
'''pub async fn get_{a}(pool: &PgPool, id: i64) -> Result<{A}, sqlx::Error> {{
    sqlx::query_as::<_, {A}>("SELECT id, name FROM {a} WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
}}
''',
'''#[derive(Debug, Deserialize)]
pub struct {B}Config {{
    pub addr: String,
    pub workers: usize,
    pub timeout_ms: u64,
}}
''',
],
"shell": [
'''log() {{ printf '%s %s\\n' "$(date -u +%FT%TZ)" "$*" >&2; }}

for svc in {a} {b}; do
  log "restarting $svc"
  systemctl restart "$svc" || log "failed: $svc"
done
''',
'''if [[ ! -d "$WORKDIR/{a}" ]]; then
  mkdir -p "$WORKDIR/{a}"
fi
tar -czf "/backups/{a}-$(date +%F).tgz" -C "$WORKDIR" {a}
''',
],
"yaml": [
'''server:
  port: {n}080
  shutdown: graceful
logging:
  level: info
  format: json
''',
'''features:
  {a}: true
  {b}: false
retry:
  attempts: {n}
  backoff: 2s
''',
],
"env": [
'''# {a} service
NODE_ENV=production
PORT={n}000
LOG_LEVEL=info
''',
'''APP_NAME={a}-{b}
FEATURE_{B}=true
CACHE_TTL={n}00
''',
],
"toml": [
'''[server]
host = "0.0.0.0"
port = {n}080

[logging]
level = "info"
''',
'''[[workers]]
name = "{a}"
concurrency = {n}
''',
],
"ini": [
'''[server]
host = 0.0.0.0
port = {n}080

[logging]
level = INFO
''',
'''[{a}]
enabled = true
batch_size = {n}00
''',
],
"properties": [
'''server.port={n}080
spring.application.name={a}-service
management.endpoints.web.exposure.include=health,info
''',
'''spring.jpa.hibernate.ddl-auto=validate
logging.level.com.{a}={b}
spring.datasource.hikari.maximum-pool-size={n}0
''',
],
"hcl": [
'''resource "aws_s3_bucket" "{a}" {{
  bucket = "{a}-{b}-artifacts"
  tags = {{
    Team = "{b}"
  }}
}}
''',
'''variable "{a}_instance_count" {{
  type    = number
  default = {n}
}}
''',
],
"md": [
'''## {A} service

The {a} service reads events from the queue and writes {b} records.
Run it locally with `make run` and check `http://localhost:{n}080/healthz`.
''',
'''### Troubleshooting

If the {b} job stalls, check the worker logs and restart the deployment:

```sh
kubectl -n {a} rollout restart deploy/{b}-worker
```
''',
],
"log": [
'''{ts} INFO  [{a}-worker-{n}] processed batch size={n}00 duration_ms={n}42
{ts} DEBUG [http] GET /api/{b}?page={n} 200 {n}3ms
{ts} WARN  [{a}] retrying connection to {b}.internal:5432 (attempt {n})
''',
],
}
F["ts"] = F["js"]
F["compose"] = F["yaml"]
F["helm"] = F["yaml"]
F["k8s"] = F["yaml"]
F["ci"] = F["yaml"]
F["json"] = []
F["xml"] = []
F["dockerfile"] = []
F["http"] = []
F["ipynb"] = F["python"]


def filler(g, lang, k):
    bank = F.get(lang) or []
    out = []
    for _ in range(k):
        if not bank:
            break
        t = g.pick(bank)
        a, b = g.word(), g.word()
        ts = "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randrange(24), g.r.randrange(60), g.r.randrange(60), g.r.randrange(1000))
        out.append(t.format(a=a, b=b, A=a.capitalize(), B=b.capitalize(), n=g.r.randint(2, 9), ts=ts))
    return out
