{{/* Names and labels. */}}
{{- define "takumo-aegis.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "takumo-aegis.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "takumo-aegis.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "takumo-aegis.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "takumo-aegis.selectorLabels" -}}
app.kubernetes.io/name: {{ include "takumo-aegis.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: {{ .Values.mode }}
{{- end -}}

{{- define "takumo-aegis.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "takumo-aegis.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "takumo-aegis.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The pod-level security context: the image's unprivileged user, its group owning the volumes. */}}
{{- define "takumo-aegis.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The container security context; NET_BIND_SERVICE only when the gateway binds 443 itself. */}}
{{- define "takumo-aegis.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
  {{- if . }}
  add: [NET_BIND_SERVICE]
  {{- end }}
{{- end -}}

{{/* Writable places of a read-only root filesystem: the state volume and /tmp. */}}
{{- define "takumo-aegis.stateVolumes" -}}
- name: state
  emptyDir:
    sizeLimit: {{ .Values.state.sizeLimit }}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
{{- end -}}

{{- define "takumo-aegis.stateMounts" -}}
- name: state
  mountPath: /var/lib/takumo
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* Whether every replica shares its keys (PostgreSQL or a coordinator). */}}
{{- define "takumo-aegis.sharedKeys" -}}
{{- if or .Values.gateway.database.urlSecret.name .Values.gateway.coordinator.url -}}true{{- end -}}
{{- end -}}

{{/* The port the gateway container listens on. */}}
{{- define "takumo-aegis.gatewayPort" -}}
{{- if .Values.gateway.tls.enabled -}}
{{- if .Values.gateway.tls.bindPrivilegedPort -}}443{{- else -}}{{ .Values.gateway.tls.port }}{{- end -}}
{{- else -}}
{{ .Values.gateway.port }}
{{- end -}}
{{- end -}}

{{- define "takumo-aegis.tlsSecretName" -}}
{{- if .Values.gateway.tls.certManager.enabled -}}
{{ include "takumo-aegis.fullname" . }}-tls
{{- else -}}
{{ required "gateway.tls.secretName is required with gateway.tls.enabled (or set gateway.tls.certManager.enabled)" .Values.gateway.tls.secretName }}
{{- end -}}
{{- end -}}

{{- define "takumo-aegis.probes" -}}
startupProbe:
  httpGet: {path: /healthz, port: http, scheme: {{ .scheme }}}
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /healthz, port: http, scheme: {{ .scheme }}}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /readyz, port: http, scheme: {{ .scheme }}}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}

{{- define "takumo-aegis.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
