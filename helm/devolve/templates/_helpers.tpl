{{/*
The chart's name, at most 63 characters (a DNS label).
*/}}
{{- define "devolve.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's resources: <release>-devolve, or the release name if it already contains
the chart name; at most 63 characters.
*/}}
{{- define "devolve.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "devolve.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The standard labels of every resource.
*/}}
{{- define "devolve.labels" -}}
helm.sh/chart: {{ include "devolve.chart" . }}
{{ include "devolve.selectorLabels" . }}
app.kubernetes.io/version: {{ include "devolve.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: devolve
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
The labels that select the pods: they never change between upgrades.
*/}}
{{- define "devolve.selectorLabels" -}}
app.kubernetes.io/name: {{ include "devolve.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "devolve.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "devolve.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image tag: image.tag, or the chart's appVersion.
*/}}
{{- define "devolve.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
The image reference: repository@digest when a digest is given, repository:tag otherwise.
*/}}
{{- define "devolve.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "devolve.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
The values that have no default, checked before anything is rendered: `helm install` fails with a message
that names the missing value. (`helm lint` only reports them: it lints the chart's own defaults.)
*/}}
{{- define "devolve.validate" -}}
{{- if not .Values.database.jdbcUrlKey }}
{{- $_ := required "database.jdbcUrl is required (jdbc:postgresql://host:5432/devolve), or database.jdbcUrlKey to read it from the database Secret" .Values.database.jdbcUrl }}
{{- end }}
{{- $_ := required "database.existingSecret is required: the name of an existing Secret with the database username and password (docs/deploy.md)" .Values.database.existingSecret }}
{{- $_ := required "keycloak.url is required: the base URL of Keycloak, e.g. https://id.example.org" .Values.keycloak.url }}
{{- $_ := required "ledger.existingSecret is required: the name of an existing Secret with the ballot pseudonym key (docs/deploy.md)" .Values.ledger.existingSecret }}
{{- $_ := required "web.publicUrl is required: the web UI's public URL, e.g. https://decide.example.org (invitation links start with it)" .Values.web.publicUrl }}
{{- $_ := required "invitations.existingSecret is required: the name of an existing Secret with the key that signs invitation links (docs/deploy.md)" .Values.invitations.existingSecret }}
{{- if and .Values.ingress.enabled (not .Values.ingress.hosts) }}
{{- $_ := required "ingress.hosts needs at least one host when ingress.enabled is true" nil }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail "autoscaling.maxReplicas must not be below autoscaling.minReplicas" }}
{{- end }}
{{- end }}
