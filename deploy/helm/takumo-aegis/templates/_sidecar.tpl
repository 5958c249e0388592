{{/*
The gateway as a sidecar, for any application's pod. Each template takes a dict:
  sidecar: the chart's sidecar values (keysSecret, port, resources)
  image:   the chart's image values (repository, tag, pullPolicy)
  appVersion: the image tag when image.tag is empty
From a parent chart with this chart as a dependency:
  {{- $aegis := dict "sidecar" (index .Values "takumo-aegis").sidecar "image" (index .Values "takumo-aegis").image "appVersion" "0.1.0-SNAPSHOT" }}
  containers:
    - name: my-app
      env:
        {{- include "takumo-aegis.sidecar.appEnv" $aegis | nindent 8 }}
    {{- include "takumo-aegis.sidecar.container" $aegis | nindent 4 }}
  volumes:
    {{- include "takumo-aegis.sidecar.volumes" $aegis | nindent 4 }}
*/}}

{{/* The gateway container: listens on the pod's loopback only; keys from sidecar.keysSecret. */}}
{{- define "takumo-aegis.sidecar.container" -}}
{{- $s := .sidecar -}}
- name: takumo-aegis
  image: {{ .image.repository }}:{{ .image.tag | default .appVersion }}
  imagePullPolicy: {{ .image.pullPolicy }}
  args: [gateway, --no-first-key]
  env:
    - name: TAKUMO_LISTEN_ADDR
      value: "127.0.0.1:{{ $s.port }}"
    - name: TAKUMO_KEYS_FILE
      value: /etc/takumo/keys/{{ $s.keysSecret.keysFileKey }}
    - name: TAKUMO_TOKEN_KEY
      valueFrom:
        secretKeyRef: {name: {{ $s.keysSecret.name }}, key: {{ $s.keysSecret.tokenKeyKey }}}
    - name: TAKUMO_LOG_FORMAT
      value: json
  # Loopback only, so the kubelet cannot reach it over HTTP: the image's health check runs inside.
  startupProbe:
    exec:
      command: [java, -Xshare:auto, -XX:TieredStopAtLevel=1, -XX:+UseSerialGC, -Xmx24m, -cp, /opt/takumo-aegis/takumo-aegis.jar, io.takumo.aegis.cli.HealthCheck]
    periodSeconds: 3
    timeoutSeconds: 10
    failureThreshold: 40
  livenessProbe:
    exec:
      command: [java, -Xshare:auto, -XX:TieredStopAtLevel=1, -XX:+UseSerialGC, -Xmx24m, -cp, /opt/takumo-aegis/takumo-aegis.jar, io.takumo.aegis.cli.HealthCheck]
    periodSeconds: 30
    timeoutSeconds: 10
    failureThreshold: 3
  resources:
    {{- toYaml $s.resources | nindent 4 }}
  securityContext:
    allowPrivilegeEscalation: false
    readOnlyRootFilesystem: true
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    capabilities:
      drop: [ALL]
  volumeMounts:
    - name: takumo-aegis-state
      mountPath: /var/lib/takumo
    - name: takumo-aegis-tmp
      mountPath: /tmp
    - name: takumo-aegis-keys
      mountPath: /etc/takumo/keys
      readOnly: true
{{- end -}}

{{/* The application's environment: the SDKs' base URLs on the sidecar and its Takumo key. */}}
{{- define "takumo-aegis.sidecar.appEnv" -}}
{{- $s := .sidecar -}}
- name: ANTHROPIC_BASE_URL
  value: "http://127.0.0.1:{{ $s.port }}"
- name: OPENAI_BASE_URL
  value: "http://127.0.0.1:{{ $s.port }}/v1"
- name: ANTHROPIC_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ $s.keysSecret.name }}, key: {{ $s.keysSecret.apiKeyKey }}}
- name: OPENAI_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ $s.keysSecret.name }}, key: {{ $s.keysSecret.apiKeyKey }}}
{{- end -}}

{{/* The sidecar's volumes: its state, /tmp, and the keys Secret (keys.json holds hashes only). */}}
{{- define "takumo-aegis.sidecar.volumes" -}}
- name: takumo-aegis-state
  emptyDir:
    sizeLimit: 256Mi
- name: takumo-aegis-tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
- name: takumo-aegis-keys
  secret:
    secretName: {{ .sidecar.keysSecret.name }}
    items:
      - key: {{ .sidecar.keysSecret.keysFileKey }}
        path: {{ .sidecar.keysSecret.keysFileKey }}
{{- end -}}
