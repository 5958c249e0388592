# Takumo Aegis gateway image. It copies the jar `make package` built (nothing is compiled in here):
#   make package && docker build -t takumo-aegis .          (any registry with a JRE 17 image)
#   make image                                              (podman, a Debian base made with debootstrap)
# No RUN step: the image builds without running a container, so the same file works under
# rootless builders and on machines where only the final `run` is allowed.
ARG BASE=eclipse-temurin:17-jre
FROM ${BASE}

ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="Takumo Aegis" \
      org.opencontainers.image.description="AI-traffic gateway: tokenizes secrets on the way to AI providers and restores them in the answers" \
      org.opencontainers.image.vendor="Takumo" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="LicenseRef-Takumo-Proprietary"

# State (key store, token key, audit file, fleet state) lives under one volume, owned by the
# unprivileged user; the root filesystem can be read-only (/tmp is needed for the JVM and Netty's
# native libraries: a tmpfs, as `podman run --read-only` and the Helm chart give it).
COPY --chown=10001:10001 deploy/container/state/ /var/lib/takumo/
COPY proxy/target/takumo-aegis.jar /opt/takumo-aegis/takumo-aegis.jar
ENV HOME=/var/lib/takumo \
    TAKUMO_STATE_DIR=/var/lib/takumo/state \
    TAKUMO_KEYS_FILE=/var/lib/takumo/keys.json \
    TAKUMO_AUDIT_FILE=/var/lib/takumo/audit.jsonl \
    TAKUMO_LISTEN_ADDR=0.0.0.0:8080
USER 10001:10001
WORKDIR /var/lib/takumo
VOLUME ["/var/lib/takumo"]
# 8080: plain HTTP (h1 and h2c); 8443: TLS when TAKUMO_TLS_CERT/KEY are set with TAKUMO_LISTEN_ADDR=0.0.0.0:8443
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx24m", \
       "-cp", "/opt/takumo-aegis/takumo-aegis.jar", "io.takumo.aegis.cli.HealthCheck"]
# Heap 40% of the container's memory limit: Netty's direct buffers may take as much again (their
# default cap is the heap's), and the rest is metaspace, threads and the JIT.
# PID 1 is the JVM: SIGTERM runs the gateway's drain (readiness 503, in-flight exchanges finish
# within TAKUMO_SHUTDOWN_TIMEOUT) and the process exits; JAVA_TOOL_OPTIONS adds JVM flags.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=40", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/takumo-aegis/takumo-aegis.jar"]
CMD ["gateway"]
