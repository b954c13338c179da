{{/* The name of one service's objects: <release>-<service>. */}}
{{- define "gonghui.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of one service's objects; the selector uses the last two. */}}
{{- define "gonghui.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
app.kubernetes.io/part-of: gonghui
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "gonghui.selector" . }}
{{- end -}}

{{- define "gonghui.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* The image of one service: built with --build-arg SERVICE=<name>. */}}
{{- define "gonghui.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* A service's secret variables, each from its Secret (never from values). */}}
{{- define "gonghui.secretEnv" -}}
{{- $secret := .svc.secretName -}}
{{- range .svc.secretKeys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef: { name: {{ $secret }}, key: {{ . }} }
{{- end }}
{{- range .svc.optionalSecretKeys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef: { name: {{ $secret }}, key: {{ . }}, optional: true }
{{- end }}
{{- end -}}
